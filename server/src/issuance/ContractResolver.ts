import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CertificateStatus } from '../common/enums.js';
import type { Context } from '../graphql/context.js';
import { byId, byParent, related } from '../graphql/loaders.js';
import { Office } from '../companies/Office.js';
import { Certificate } from '../certificates/Certificate.js';
import { Company } from '../companies/Company.js';
import { Line, Terminal, UserCode, UserCodeShare, UserId } from './contract.js';
import { todayInJapan } from '../common/dates.js';
import { ContractChange, ContractChangeTarget, ContractChangeValue } from './contractChange.js';
import { propertyPaths } from './approvalWrite.js';
import { Application } from '../applications/Application.js';

@Resolver(() => UserCode)
export class ContractUserCodeResolver {
  @FieldResolver(() => [UserId])
  userIds(@Root() code: UserCode, @Ctx() ctx: Context): Promise<UserId[]> {
    return byParent(ctx, UserId, 'userCode', { orderBy: { identNo: 'asc' } }).load(code.id);
  }

  @FieldResolver(() => Boolean, { description: '他事業所と共用 (本日時点で共用している事業所がある)' })
  async shared(@Root() code: UserCode, @Ctx() ctx: Context): Promise<boolean> {
    // A sharing office's use ends on the 適用日 of its abolition (UserCodeShare.endDate).
    const today = todayInJapan(ctx.services.clock.now());
    const shares = await byParent(ctx, UserCodeShare, 'userCode').load(code.id);
    return shares.some((s) => !s.endDate || s.endDate > today);
  }

  @FieldResolver(() => String, { nullable: true, description: '利用者コードを所有する事業所のコード' })
  async ownerOfficeCode(@Root() code: UserCode, @Ctx() ctx: Context): Promise<string | undefined> {
    return (await related(ctx, Office, code.office))?.code;
  }
}

@Resolver(() => UserId)
export class ContractUserIdResolver {
  @FieldResolver(() => String, { description: '利用者ID (利用者コード + 識別番号)' })
  async userId(@Root() id: UserId, @Ctx() ctx: Context): Promise<string> {
    const code = await related(ctx, UserCode, id.userCode);
    return `${code?.code ?? ''}${id.identNo}`;
  }
}

@Resolver(() => Terminal)
export class ContractTerminalResolver {
  @FieldResolver(() => CertificateStatus, { nullable: true, description: '最新のデジタル証明書の状態 (netNACCS/webNACCS)' })
  async certificateStatus(@Root() terminal: Terminal, @Ctx() ctx: Context): Promise<CertificateStatus | undefined> {
    const certs = await byParent(ctx, Certificate, 'terminal', { orderBy: { createdAt: 'desc' } }).load(terminal.id);
    return certs[0]?.status;
  }
}

/** The entity each change target is a row of. */
const TARGET_ENTITY = {
  COMPANY: Company, OFFICE: Office, USER_CODE: UserCode, TERMINAL: Terminal, LINE: Line,
} as const;

/** A value of a changed column as text (enums as their values; true/false; lists joined by "、"). */
const asText = (v: unknown): string | undefined =>
  v == null ? undefined : Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v);

@Resolver(() => ContractChange)
export class ContractChangeResolver {
  @FieldResolver(() => [ContractChangeValue], { description: '変更される項目と変更後の値' })
  changes(@Root() change: ContractChange, @Ctx() ctx: Context): ContractChangeValue[] {
    const paths = propertyPaths(ctx.em.getMetadata().get(TARGET_ENTITY[change.target] as typeof Terminal));
    return Object.entries(change.after)
      .filter(([column]) => column !== 'search_text')
      .map(([column, value]) => ({ field: paths.get(column) ?? column, value: asText(value) }));
  }

  @FieldResolver(() => String, { nullable: true, description: '変更の対象 (論理端末名、回線のIPアドレス、利用者コード、事業所コード、企業略称)' })
  async targetLabel(@Root() change: ContractChange, @Ctx() ctx: Context): Promise<string | undefined> {
    const row = await byId(ctx, TARGET_ENTITY[change.target] as typeof Terminal).load(change.targetId) as unknown as Record<string, string | undefined> | undefined;
    if (!row) return undefined;
    const label: Record<ContractChangeTarget, string | undefined> = {
      COMPANY: row.abbreviation, OFFICE: row.code, USER_CODE: row.code, TERMINAL: row.name, LINE: row.ipAddress,
    };
    return label[change.target];
  }

  @FieldResolver(() => String, { nullable: true, description: '変更を申し込んだ申込の申込受付番号' })
  async receiptNo(@Root() change: ContractChange, @Ctx() ctx: Context): Promise<string | undefined> {
    return (await related(ctx, Application, change.application))?.receiptNo;
  }
}
