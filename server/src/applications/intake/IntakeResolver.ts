import { roles } from '../../graphql/access.js';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { ApplicationStatus, RowAction } from '../../common/enums.js';
import { actorOf, type Context } from '../../graphql/context.js';
import { UserCode, UserCodeShare } from '../../issuance/contract.js';
import { Application } from '../Application.js';
import { ApplicationUserCode } from '../sections.js';
import { ChangeApplicationInput, CustomsOfficerApplicationInput, NewApplicationInput, ProvisionalAccountInput } from './inputs.js';
import { IntakeService } from './IntakeService.js';


@ObjectType({ description: '仮アカウント (仮パスワードはこの応答でのみ返る)' })
export class ProvisionalAccountResult {
  @Field(() => String, { description: '仮ログインID (7桁)' }) loginId!: string;
  @Field(() => String, { description: '仮パスワード (8桁; 一度だけ返す)' }) password!: string;
  @Field(() => Date, { description: '有効期限 (48時間後; 利用申込を登録すれば失効しない)' }) expiresAt!: Date;
}

@InputType({ description: '再申込の内容 (申込の種類に合うほうを指定)' })
export class ResubmissionInput {
  @Field(() => NewApplicationInput, { nullable: true }) newApplication?: NewApplicationInput;
  @Field(() => ChangeApplicationInput, { nullable: true }) changeApplication?: ChangeApplicationInput;
  @Field(() => CustomsOfficerApplicationInput, { nullable: true }) customsOfficerApplication?: CustomsOfficerApplicationInput;
}

@Resolver()
export class IntakeResolver {
  private service(ctx: Context): IntakeService {
    return new IntakeService(ctx.em, ctx.services.secrets, ctx.services.clock);
  }

  @Authorized(...roles('registerProvisionalAccount'))
  @Mutation(() => ProvisionalAccountResult, { description: '仮アカウント申込 (申込担当者の登録)' })
  registerProvisionalAccount(
    @Arg('input', () => ProvisionalAccountInput) input: ProvisionalAccountInput,
    @Ctx() ctx: Context,
  ): Promise<ProvisionalAccountResult> {
    return this.service(ctx).registerProvisionalAccount(input);
  }

  @Authorized(...roles('submitNewApplication'))
  @Mutation(() => Application, { description: '新規利用申込 (netNACCS / 一般NACCS)' })
  submitNewApplication(
    @Arg('provisionalLoginId', () => String) provisionalLoginId: string,
    @Arg('input', () => NewApplicationInput) input: NewApplicationInput,
    @Arg('provisionalPassword', () => String, { nullable: true, description: '仮パスワード (指定した場合は照合する)' }) provisionalPassword: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    return this.service(ctx).submitNew(provisionalLoginId, provisionalPassword, input, actorOf(ctx));
  }

  @Authorized(...roles('submitChangeApplication'))
  @Mutation(() => Application, { description: '変更申込 (利用者IDの廃止を含む)' })
  submitChangeApplication(
    @Arg('officeCode', () => String) officeCode: string,
    @Arg('input', () => ChangeApplicationInput) input: ChangeApplicationInput,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    return this.service(ctx).submitChange(officeCode, input, actorOf(ctx));
  }

  @Authorized(...roles('submitCustomsOfficerApplication'))
  @Mutation(() => Application, { description: '変更(通関士): 通関業の利用者コードに通関士IDを追加する申込 (NSS 「通関士IDの追加」)' })
  submitCustomsOfficerApplication(
    @Arg('officeCode', () => String) officeCode: string,
    @Arg('input', () => CustomsOfficerApplicationInput) input: CustomsOfficerApplicationInput,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    return this.service(ctx).submitCustomsOfficer(officeCode, input, actorOf(ctx));
  }

  @Authorized(...roles('resubmitApplication'))
  @Mutation(() => Application, { description: '確認事項への対応として修正して再申込する' })
  resubmitApplication(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ResubmissionInput) input: ResubmissionInput,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    return this.service(ctx).resubmit(id, input, expectedVersion, actorOf(ctx));
  }

  @Authorized(...roles('withdrawApplication'))
  @Mutation(() => Application, { description: '取下げ (お客様による)' })
  withdrawApplication(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<Application> {
    return this.service(ctx).withdraw(id, reason, expectedVersion, actorOf(ctx));
  }
}

const OPEN_OR_APPROVED = [ApplicationStatus.RECEIVED, ApplicationStatus.IN_REVIEW, ApplicationStatus.RETURNED, ApplicationStatus.APPROVED];

@Resolver(() => ApplicationUserCode)
export class AbolitionResolver {
  @FieldResolver(() => [String], {
    description: '共用の利用者コードの廃止で、まだ廃止を申し込んでいない共用事業所のコード (すべての共用事業所の申込が必要)',
  })
  async abolitionMissingOffices(@Root() row: ApplicationUserCode, @Ctx() ctx: Context): Promise<string[]> {
    if (row.action !== RowAction.DELETE || !row.userCode) return [];
    const code = await ctx.em.findOne(UserCode, { code: row.userCode }, { populate: ['office'] });
    if (!code) return [];
    const shares = await ctx.em.find(UserCodeShare, { userCode: code }, { populate: ['office'] });
    if (!shares.length) return []; // never shared
    // The offices using it whose use no approved abolition has ended yet (IssuanceService.abolishUserCode).
    const sharing = [...(code.ownerEndDate ? [] : [code.office]), ...shares.filter((s) => !s.endDate).map((s) => s.office)];
    const applied = await ctx.em.find(ApplicationUserCode, {
      userCode: row.userCode, action: RowAction.DELETE, application: { status: { $in: OPEN_OR_APPROVED } },
    }, { populate: ['application.office'] });
    const done = new Set(applied.map((a) => a.application.office?.id));
    return sharing.filter((o) => !done.has(o.id)).map((o) => o.code!).sort();
  }
}

