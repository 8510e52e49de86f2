import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { CertificateStatus, TerminalType } from '../common/enums.js';
import { DEFAULT_PAGE_SIZE, checkPage } from '../common/paging.js';
import { roles } from '../graphql/access.js';
import { actorOf, type Context } from '../graphql/context.js';
import { related } from '../graphql/loaders.js';
import { Application } from '../applications/Application.js';
import { Office } from '../companies/Office.js';
import { Terminal } from '../issuance/contract.js';
import { keyOfficeIds } from '../staff/keyScope.js';
import { Certificate } from './Certificate.js';
import { CertificateService, isLocked, isRenewable } from './CertificateService.js';
import { CertificateAction, certificateActions } from './certificateActions.js';
import { todayInJapan } from '../common/dates.js';

@InputType({ description: 'デジタル証明書の絞り込み' })
export class CertificateFilterInput {
  @Field(() => String, { nullable: true, description: '事業所コード' })
  officeCode?: string;

  @Field(() => String, { nullable: true, description: '論理端末名' })
  terminalName?: string;

  @Field(() => [CertificateStatus], { nullable: true, description: '状態' })
  status?: CertificateStatus[];

  @Field(() => Int, { nullable: true, description: '有効期限がこの日数以内の取得済証明書 (更新・期限切れの予定)' })
  expiringWithinDays?: number;
}

@ObjectType({ description: 'デジタル証明書の一覧 (1ページ分と総件数)' })
export class CertificatePage {
  @Field(() => [Certificate])
  items!: Certificate[];

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: 'デジタル証明書の発行結果' })
export class IssueCertificatesResult {
  @Field(() => Int, { description: '今回発行した件数 (既に発行済みの端末は対象外; 0 なら何もしていない)' })
  issuedCount!: number;

  @Field(() => [Certificate], { description: 'この申込の論理端末のデジタル証明書 (全件)' })
  certificates!: Certificate[];
}

@Resolver(() => Certificate)
export class CertificateResolver {
  @Authorized(...roles('certificates'))
  @Query(() => CertificatePage, { description: 'デジタル証明書の一覧 (認証コードは含まない)' })
  async certificates(
    @Arg('filter', () => CertificateFilterInput, { nullable: true }) filter: CertificateFilterInput | undefined,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<CertificatePage> {
    checkPage(offset, limit);
    return new CertificateService(ctx.em, ctx.services.secrets, ctx.services.clock).list({ ...filter, officeIds: await keyOfficeIds(ctx) }, offset, limit);
  }

  @Authorized(...roles('issueCertificates'))
  @Mutation(() => IssueCertificatesResult, { description: '審査終了した申込の論理端末のうち、デジタル証明書のないものに発行する (何度呼んでも同じ)' })
  async issueCertificates(@Arg('applicationId', () => ID) applicationId: string, @Ctx() ctx: Context): Promise<IssueCertificatesResult> {
    const { issued, certificates } = await new CertificateService(ctx.em, ctx.services.secrets, ctx.services.clock).issueCertificates(applicationId, actorOf(ctx));
    return { issuedCount: issued.length, certificates };
  }

  @Authorized(...roles('reissueCertificate'))
  @Mutation(() => Certificate, { description: 'デジタル証明書の再発行 (監督者): 新しい認証コード。取得済の証明書は新しい証明書の取得時に失効' })
  reissueCertificate(
    @Arg('terminalName', () => String) terminalName: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<Certificate> {
    return new CertificateService(ctx.em, ctx.services.secrets, ctx.services.clock).reissue(terminalName, reason, actorOf(ctx));
  }

  @Authorized(...roles('revokeCertificate'))
  @Mutation(() => Certificate, { description: 'デジタル証明書の失効 (監督者): 以後 CRL に載る' })
  revokeCertificate(
    @Arg('serial', () => String) serial: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<Certificate> {
    return new CertificateService(ctx.em, ctx.services.secrets, ctx.services.clock).revoke(serial, reason, actorOf(ctx));
  }

  @FieldResolver(() => String, { description: '論理端末名' })
  async terminalName(@Root() cert: Certificate, @Ctx() ctx: Context): Promise<string> {
    return (await related(ctx, Terminal, cert.terminal))!.name;
  }

  @FieldResolver(() => TerminalType, { description: '端末種別 (netNACCS / webNACCS)' })
  async terminalType(@Root() cert: Certificate, @Ctx() ctx: Context): Promise<TerminalType> {
    return (await related(ctx, Terminal, cert.terminal))!.type;
  }

  @FieldResolver(() => String, { nullable: true, description: '事業所コード' })
  async officeCode(@Root() cert: Certificate, @Ctx() ctx: Context): Promise<string | undefined> {
    const terminal = await related(ctx, Terminal, cert.terminal);
    return (await related(ctx, Office, terminal?.office))?.code;
  }

  @FieldResolver(() => String, { nullable: true, description: '認証コードを通知した申込の申込受付番号' })
  async receiptNo(@Root() cert: Certificate, @Ctx() ctx: Context): Promise<string | undefined> {
    return (await related(ctx, Application, cert.application))?.receiptNo;
  }

  @FieldResolver(() => Boolean, { description: '更新期間内 (有効期限の28日前から)' })
  renewable(@Root() cert: Certificate, @Ctx() ctx: Context): boolean {
    return isRenewable(cert, ctx.services.clock.now());
  }

  @FieldResolver(() => [CertificateAction], { description: 'この利用者がこのデジタル証明書に対して今できる操作' })
  async availableActions(@Root() cert: Certificate, @Ctx() ctx: Context): Promise<CertificateAction[]> {
    // The terminal comes through the request's batch loader (as terminalName): a page costs one query for all.
    const terminal = await related(ctx, Terminal, cert.terminal);
    return certificateActions(cert, terminal, todayInJapan(ctx.services.clock.now()), { roles: ctx.roles, staffId: ctx.staffId, scopes: ctx.apiKey?.scopes });
  }

  @FieldResolver(() => Boolean, { description: '認証コードの誤りが5回に達し、取得がロックされている (再発行で解除)' })
  locked(@Root() cert: Certificate): boolean {
    return isLocked(cert);
  }
}
