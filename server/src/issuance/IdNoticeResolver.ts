import { fieldRoles, roles } from '../graphql/access.js';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import {
  ApplicationKind, CertificateStatus, Industry, LineType, MailboxType, ProcessingMethod, RowAction, SystemCategory, TerminalType,
} from '../common/enums.js';
import { actorOf, type Context } from '../graphql/context.js';
import { Application } from '../applications/Application.js';
import { badInput, notFound } from '../common/errors.js';
import { IdNoticeService, PackageSoftware, packageSoftwareOf, type IdNoticeData } from './IdNoticeService.js';
import { applicationFormDeadline, contractEndDate } from '../applications/resultDates.js';
import { IssuanceService } from './IssuanceService.js';

enum ReissueTargetKind {
  USER_ID = 'USER_ID',
  MAILBOX = 'MAILBOX',
  OFFICE = 'OFFICE',
}
registerEnumType(ReissueTargetKind, { name: 'ReissueTargetKind', description: '再発行するパスワードの対象' });
registerEnumType(PackageSoftware, { name: 'PackageSoftware', description: 'パッケージソフト区分 (net: netNACCS / インタ: インタラクティブ)' });

@ObjectType({ description: 'ID通知内容の利用者' })
class IdNoticeUserId {
  @Field(() => [Industry]) industries!: Industry[];
  @Field(() => ProcessingMethod) processingMethod!: ProcessingMethod;
  @Field(() => SystemCategory, { description: 'システム区分' }) systemCategory!: SystemCategory;
  @Field(() => String) userCode!: string;
  @Field(() => String) identNo!: string;
  @Field(() => String, { description: '利用者ID (利用者コード + 識別番号)' }) userId!: string;
  @Field(() => String, { description: 'パスワード (参照できない場合は ********)' }) password!: string;
  @Field(() => Boolean, { description: '参照期間内で、このロールが参照できる' }) passwordReadable!: boolean;
  @Field(() => String, { description: '利用開始日' }) startDate!: string;
  @Field(() => String, { nullable: true, description: '利用終了日 (廃止の適用日)' }) endDate?: string;
}

@ObjectType({ description: 'ID通知内容の回線' })
class IdNoticeLine {
  @Field(() => SystemCategory) systemCategory!: SystemCategory;
  @Field(() => LineType) lineType!: LineType;
  @Field(() => String) speed!: string;
  @Field(() => Int, { nullable: true, description: 'ルータ番号 (回線を追加した申込での回線番号)' }) routerNo?: number;
  @Field(() => String, { nullable: true, description: 'IPアドレス' }) ipAddress?: string;
}

@ObjectType({ description: 'ID通知内容の論理端末' })
class IdNoticeTerminal {
  @Field(() => String, { description: '論理端末名' }) name!: string;
  @Field(() => TerminalType) type!: TerminalType;
  @Field(() => SystemCategory) systemCategory!: SystemCategory;
  @Field(() => String, { description: '端末アクセスキー' }) accessKey!: string;
  @Field(() => Int, { nullable: true, description: 'ルータ番号 (接続先回線; 一般NACCS端末)' }) routerNo?: number;
  @Field(() => String, { nullable: true, description: '接続先回線のIPアドレス (一般NACCS端末)' }) ipAddress?: string;
  @Field(() => PackageSoftware, { nullable: true, description: 'パッケージソフト区分 (webNACCS・ebMS・ゲートウェイ接続はなし)' }) packageSoftware?: PackageSoftware;
  @Field(() => CertificateStatus, { nullable: true, description: 'デジタル証明書の状態 (netNACCS・webNACCS のみ)' }) certificateStatus?: CertificateStatus;
  @Field(() => String, { nullable: true, description: '認証コード1 (企業略称 + 論理端末名の下4桁; 常に表示)' }) authCode1?: string;
  @Field(() => String, { nullable: true, description: '認証コード2 (パスワードと同じ規則で表示; それ以外は ********)' }) authCode2?: string;
  @Field(() => String, { nullable: true, description: '認証コード3 (パスワードと同じ規則で表示; それ以外は ********)' }) authCode3?: string;
  @Field(() => Boolean, { description: '認証コードが参照期間内で、このロールが参照できる (取得済・失効の証明書は false)' }) authCodesReadable!: boolean;
}

@ObjectType({ description: 'ID通知内容のメールボックス' })
class IdNoticeMailbox {
  @Field(() => String) mailboxId!: string;
  @Field(() => MailboxType) type!: MailboxType;
  @Field(() => String) password!: string;
  @Field(() => Boolean) passwordReadable!: boolean;
}

@ObjectType({ description: '申込結果の1行 (追加・変更・削除の数)' })
class ApplicationResultRow {
  @Field(() => String, { description: '対象項目 (利用者コード数・識別番号数・回線数・論理端末数・メールボックス数)' }) item!: string;
  @Field(() => Int) added!: number;
  @Field(() => Int) changed!: number;
  @Field(() => Int) deleted!: number;
}

@ObjectType({ description: 'ID通知内容 (審査終了時に払い出したコード・パスワード)' })
class IdNotice {
  @Field(() => ID) applicationId!: string;
  @Field(() => String) receiptNo!: string;
  @Field(() => String, { description: '利用開始日' }) startDate!: string;
  @Field(() => String, { nullable: true, description: 'システム設定申込締切日' }) systemSettingsDeadline?: string;
  @Field(() => String, { nullable: true, description: '契約満了日 (解約申込: 適用日の前日)' }) contractEndDate?: string;
  @Field(() => String, { nullable: true, description: '利用申込書提出締切日 (審査終了をもって申込書提出の扱い: 審査終了日)' }) applicationFormDeadline?: string;
  @Field(() => String, { description: '企業略称' }) abbreviation!: string;
  @Field(() => String, { description: '事業所コード' }) officeCode!: string;
  @Field(() => String, { nullable: true, description: '事業所パスワード (新規申込のみ)' }) officePassword?: string;
  @Field(() => Boolean) officePasswordReadable!: boolean;
  @Field(() => SystemCategory, { nullable: true, description: 'システム区分' }) systemCategory?: SystemCategory;
  @Field(() => String, { nullable: true, description: '管轄税関' }) customsOffice?: string;
  @Field(() => String, { nullable: true, description: '請求先コード' }) billingCode?: string;
  @Field(() => [IdNoticeUserId], { description: '払い出した利用者ID' }) userIds!: IdNoticeUserId[];
  @Field(() => [IdNoticeUserId], { description: '廃止する利用者ID (適用日 = 利用開始日)' }) abolishedUserIds!: IdNoticeUserId[];
  @Field(() => [IdNoticeLine]) lines!: IdNoticeLine[];
  @Field(() => [IdNoticeTerminal]) terminals!: IdNoticeTerminal[];
  @Field(() => [IdNoticeMailbox]) mailboxes!: IdNoticeMailbox[];
  @Field(() => Boolean, { description: 'この応答でパスワードを表示した (参照は履歴に記録)' }) passwordsRevealed!: boolean;
  @Field(() => String, { nullable: true, description: 'パスワードを伏せている理由' }) maskReason?: string;
}

@InputType({ description: 'パスワード再発行の対象' })
class ReissueTarget {
  @Field(() => ReissueTargetKind) kind!: ReissueTargetKind;
  @Field(() => String, { description: '利用者ID (8桁)・メールボックスID・事業所コード' }) code!: string;
}

@ObjectType({ description: 'パスワード再発行の結果' })
class ReissueResult {
  @Field(() => Application) application!: Application;
  @Field(() => String, { description: '新しいパスワードの参照期限' }) readableUntil!: string;
}

function toNotice(d: IdNoticeData): IdNotice {
  const app = d.application;
  const userId = (x: IdNoticeData['userIds'][number] | IdNoticeData['abolishedUserIds'][number]) => ({
    industries: x.id.industries, processingMethod: x.id.processingMethod, systemCategory: x.code.systemCategory, userCode: x.code.code,
    identNo: x.id.identNo, userId: `${x.code.code}${x.id.identNo}`, password: 'password' in x ? x.password.value : '********',
    passwordReadable: 'password' in x ? x.password.readable : false, startDate: x.id.startDate, endDate: x.id.endDate,
  });
  return {
    applicationId: app.id, receiptNo: app.receiptNo, startDate: app.startDate!, systemSettingsDeadline: app.systemSettingsDeadline,
    contractEndDate: contractEndDate(app), applicationFormDeadline: applicationFormDeadline(app),
    abbreviation: d.office.company.abbreviation!, officeCode: d.office.code!, officePassword: d.officePassword?.value,
    officePasswordReadable: d.officePassword?.readable ?? false, systemCategory: d.userIds[0]?.code.systemCategory,
    customsOffice: d.office.profile.customsOffice, billingCode: d.office.billingCode,
    userIds: d.userIds.map(userId), abolishedUserIds: d.abolishedUserIds.map(userId),
    lines: d.lines.map((l) => ({ systemCategory: l.systemCategory, lineType: l.lineType, speed: l.speed, routerNo: l.routerNo, ipAddress: l.ipAddress })),
    terminals: d.terminals.map((t) => {
      const c = d.certificates.get(t.id);
      return {
        name: t.name, type: t.type, systemCategory: t.systemCategory, accessKey: t.accessKey, routerNo: t.line?.routerNo, ipAddress: t.line?.ipAddress,
        packageSoftware: packageSoftwareOf(t), certificateStatus: c?.status, authCode1: c?.authCode1,
        authCode2: c?.authCode2.value, authCode3: c?.authCode3.value, authCodesReadable: c?.authCode2.readable ?? false,
      };
    }),
    mailboxes: d.mailboxes.map((m) => ({ mailboxId: m.mailbox.mailboxId, type: m.mailbox.type, password: m.password.value, passwordReadable: m.password.readable })),
    passwordsRevealed: d.revealed, maskReason: d.maskReason,
  };
}

@Resolver(() => Application)
export class IdNoticeResolver {
  @Authorized(...roles('idNotice'))
  @Query(() => IdNotice, { description: 'ID通知内容。revealPasswords: true でパスワードを表示 (参照期間内・権限のあるロールのみ; 参照は記録)' })
  async idNotice(
    @Arg('applicationId', () => ID) applicationId: string,
    @Arg('revealPasswords', () => Boolean, { defaultValue: false }) revealPasswords: boolean,
    @Ctx() ctx: Context,
  ): Promise<IdNotice> {
    return toNotice(await new IdNoticeService(ctx.em, ctx.services.secrets, ctx.services.clock).read(applicationId, fieldRoles(ctx, 'password'), actorOf(ctx), revealPasswords));
  }

  @Authorized(...roles('reissuePassword'))
  @Mutation(() => ReissueResult, { description: 'パスワード再発行 (監督者): 新しいパスワードを新しい参照期間で参照できるようにする' })
  reissuePassword(
    @Arg('target', () => ReissueTarget) target: ReissueTarget,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<ReissueResult> {
    return new IdNoticeService(ctx.em, ctx.services.secrets, ctx.services.clock).reissue(target.kind, target.code, reason, actorOf(ctx));
  }

  @Authorized(...roles('suggestedAbbreviation'))
  @Query(() => String, { description: '承認ダイアログ用: 新規の企業に提案する企業略称' })
  async suggestedAbbreviation(@Arg('applicationId', () => ID) applicationId: string, @Ctx() ctx: Context): Promise<string> {
    const app = /^[0-9a-f-]{36}$/i.test(applicationId) ? await ctx.em.findOne(Application, { id: applicationId }, { populate: ['office.company'] }) : null;
    if (!app?.office) throw notFound('指定された申込');
    if (app.office.company.abbreviation) return app.office.company.abbreviation;
    if (app.kind !== ApplicationKind.NEW) throw badInput([{ path: 'applicationId', message: '企業略称は新規申込でのみ提案します。' }]);
    return new IssuanceService(ctx.em, ctx.services.secrets, ctx.services.clock).suggestAbbreviation(app.office.company.profile.nameEn);
  }

  @FieldResolver(() => String, { nullable: true, description: '申込結果: 契約満了日 (解約申込: 適用日の前日)' })
  contractEndDate(@Root() app: Application): string | undefined {
    return contractEndDate(app);
  }

  @FieldResolver(() => String, { nullable: true, description: '申込結果: 利用申込書提出締切日 (審査終了をもって申込書提出の扱い: 審査終了日)' })
  applicationFormDeadline(@Root() app: Application): string | undefined {
    return applicationFormDeadline(app);
  }

  @FieldResolver(() => [ApplicationResultRow], { description: '申込結果 (利用者コード数・識別番号数・回線数・論理端末数・メールボックス数 × 追加/変更/削除)' })
  async result(@Root() app: Application, @Ctx() ctx: Context): Promise<ApplicationResultRow[]> {
    await ctx.em.populate(app, ['userCodes.userIds', 'lines', 'terminals', 'mailboxes']);
    const count = <T extends { action: RowAction }>(rows: Iterable<T>, n: (r: T) => number = () => 1) => {
      const out = { added: 0, changed: 0, deleted: 0 };
      for (const r of rows) out[r.action === RowAction.ADD ? 'added' : r.action === RowAction.CHANGE ? 'changed' : 'deleted'] += n(r);
      return out;
    };
    const userIds = [...app.userCodes].flatMap((c) => [...c.userIds]);
    return [
      { item: '利用者コード数', ...count([...app.userCodes].filter((c) => !c.shared || c.action !== RowAction.ADD)) },
      { item: '識別番号数', ...count(userIds, (u) => (u.action === RowAction.ADD ? u.identCount ?? 0 : 1)) },
      { item: '回線数', ...count(app.lines) },
      { item: '論理端末数', ...count(app.terminals, (t) => (t.action === RowAction.ADD ? t.count ?? 0 : 1)) },
      { item: 'メールボックス数', ...count(app.mailboxes, (m) => (m.action === RowAction.ADD ? m.count ?? 0 : 1)) },
    ];
  }
}

