import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CertificateStatus } from '../common/enums.js';
import type { Context } from '../graphql/context.js';
import { byParent, related } from '../graphql/loaders.js';
import { Office } from '../companies/Office.js';
import { Certificate } from '../certificates/Certificate.js';
import { Terminal, UserCode, UserId } from './contract.js';

@Resolver(() => UserCode)
export class ContractUserCodeResolver {
  @FieldResolver(() => [UserId])
  userIds(@Root() code: UserCode, @Ctx() ctx: Context): Promise<UserId[]> {
    return byParent(ctx, UserId, 'userCode', { orderBy: { identNo: 'asc' } }).load(code.id);
  }

  @FieldResolver(() => Boolean, { description: '他事業所と共用' })
  async shared(@Root() code: UserCode): Promise<boolean> {
    if (!code.sharedWith.isInitialized()) await code.sharedWith.init();
    return code.sharedWith.length > 0;
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
