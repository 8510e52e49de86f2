import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Role } from '../common/enums.js';
import { DomainError, ErrorCode, badInput } from '../common/errors.js';
import type { Context } from '../graphql/context.js';
import { Staff } from './Staff.js';
import { verifyPassword } from './password.js';

@ObjectType({ description: 'サインインの結果' })
export class LoginResult {
  @Field(() => String, { description: 'Authorization: Bearer に付けるセッショントークン' })
  token!: string;

  @Field(() => Staff)
  staff!: Staff;
}

/** Staff roles that work the review queue (assignees). */
const REVIEW_ROLES = [Role.REVIEWER, Role.SUPERVISOR];

@Resolver()
export class StaffResolver {
  @Mutation(() => LoginResult, { description: 'E-mailアドレスとパスワードでサインインする' })
  async login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<LoginResult> {
    const errors = [];
    if (!email.trim()) errors.push({ path: 'email', message: 'E-mailアドレスを入力してください。' });
    if (!password) errors.push({ path: 'password', message: 'パスワードを入力してください。' });
    if (errors.length) throw badInput(errors);
    const staff = await ctx.em.findOne(Staff, { email: email.trim().toLowerCase(), active: true });
    // Same message whether the account or the password is wrong: no account discovery.
    if (!staff || !(await verifyPassword(staff.passwordHash, password))) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'E-mailアドレスまたはパスワードが正しくありません。');
    }
    return { token: await ctx.services.tokens.issue(staff.id), staff };
  }

  @Authorized()
  @Query(() => Staff, { description: 'サインイン中の職員' })
  me(@Ctx() ctx: Context): Staff {
    if (!ctx.staff) throw new DomainError(ErrorCode.FORBIDDEN, '連携システムのキーには職員情報がありません。');
    return ctx.staff;
  }

  @Authorized(Role.ADMIN, Role.SUPERVISOR, Role.REVIEWER, Role.SUPPORT)
  @Query(() => [Staff], { description: '審査担当者になれる職員 (担当者の絞り込み・割当用)' })
  staffMembers(@Ctx() ctx: Context): Promise<Staff[]> {
    return ctx.em.find(Staff, { active: true, roles: { $overlap: REVIEW_ROLES } }, { orderBy: { name: 'asc' } });
  }
}
