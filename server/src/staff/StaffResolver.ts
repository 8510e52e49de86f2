import { Arg, Authorized, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../common/enums.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { mayRead, operationsOf, roles } from '../graphql/access.js';
import type { Context } from '../graphql/context.js';
import { Staff } from './Staff.js';
import { SignInService } from './SignInService.js';

@ObjectType({ description: 'サインインの結果' })
export class LoginResult {
  @Field(() => String, { description: 'Authorization: Bearer に付けるセッショントークン' })
  token!: string;

  @Field(() => Staff)
  staff!: Staff;

  @Field(() => Date, { description: '業務時刻: サーバーの時計 (NOW で固定していればその時刻から進む)。コンソールの「今日」はこれに合わせる' })
  businessTime!: Date;
}

/** Staff roles that work the review queue (assignees). */
const REVIEW_ROLES = [Role.REVIEWER, Role.SUPERVISOR];

const signedIn = (ctx: Context): Staff => {
  if (!ctx.staff) throw new DomainError(ErrorCode.FORBIDDEN, '連携システムのキーには職員情報がありません。');
  return ctx.staff;
};

@Resolver(() => Staff)
export class StaffResolver {
  private service(ctx: Context): SignInService {
    return new SignInService(ctx.em, ctx.services.tokens, ctx.services.clock);
  }

  @Mutation(() => LoginResult, { description: 'E-mailアドレスとパスワードでサインインする (失敗が続くと一時ロック)' })
  login(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context): Promise<LoginResult> {
    return this.service(ctx).login(email, password, ctx.ip).then((r) => ({ ...r, businessTime: ctx.services.clock.now() }));
  }

  @Authorized(...roles('me'))
  @Query(() => Staff, { description: 'サインイン中の職員' })
  me(@Ctx() ctx: Context): Staff {
    return signedIn(ctx);
  }

  @Authorized(...roles('logout'))
  @Mutation(() => Boolean, { description: 'サインアウト (このアカウントのセッショントークンをすべて無効にする)' })
  logout(@Ctx() ctx: Context): Promise<boolean> {
    return this.service(ctx).logout(signedIn(ctx), ctx.ip);
  }

  @Authorized(...roles('changePassword'))
  @Mutation(() => Boolean, { description: '自分のパスワードを変更する (12文字以上、英字と数字を含む)' })
  changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return this.service(ctx).changePassword(signedIn(ctx), currentPassword, newPassword, ctx.ip);
  }

  @Authorized(...roles('staffMembers'))
  @Query(() => [Staff], { description: '審査担当者になれる職員 (担当者の絞り込み・割当用)' })
  staffMembers(@Ctx() ctx: Context): Promise<Staff[]> {
    return ctx.em.find(Staff, { active: true, roles: { $overlap: REVIEW_ROLES } }, { orderBy: { name: 'asc' } });
  }

  @FieldResolver(() => [String], { description: 'このロールで呼び出せる操作 (権限表から; コンソールはこれに従って表示する)' })
  operations(@Root() staff: Staff): string[] {
    return operationsOf(staff.roles);
  }

  @FieldResolver(() => String, { description: 'E-mailアドレス (管理者と本人以外には伏せる)' })
  email(@Root() staff: Staff, @Ctx() ctx: Context): string {
    if (mayRead('staffEmail', ctx.roles) || ctx.staffId === staff.id || !ctx.roles.length) return staff.email;
    const [local, domain] = staff.email.split('@');
    return `${local!.slice(0, 1)}***@${domain}`;
  }
}
