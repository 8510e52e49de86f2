import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { AuditAction, Role } from '../common/enums.js';
import { badInput, notFound, type FieldError } from '../common/errors.js';
import { DEFAULT_PAGE_SIZE, checkPage, isIsoDate } from '../common/paging.js';
import { ALL_SCOPES, ApiKeyScope, roles } from '../graphql/access.js';
import { Company } from '../companies/Company.js';
import { Office } from '../companies/Office.js';
import type { Context } from '../graphql/context.js';
import { createApiKey } from './apiKeys.js';
import { audit } from './audit.js';
import { hashPassword } from './password.js';
import { ApiKey, AuditLog } from './security.js';
import { SignInService, checkNewPassword } from './SignInService.js';
import { Staff } from './Staff.js';

@ObjectType('ApiKey', { description: '連携システムのAPIキー (秘密は作成時に一度だけ返す)' })
class ApiKeyView {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'キーの先頭 (識別用; nk_<prefix>_...)' }) prefix!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => [ApiKeyScope], { description: '権限 (参照・申込・パスワード参照)' }) scopes!: ApiKeyScope[];
  @Field(() => [String], { description: '限定する企業 (企業略称; 空なら限定なし)' }) companies!: string[];
  @Field(() => [String], { description: '限定する事業所 (事業所コード; 空なら限定なし)' }) offices!: string[];
  @Field(() => Date, { nullable: true }) expiresAt?: Date;
  @Field(() => Date, { nullable: true }) revokedAt?: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt?: Date;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ description: '作成したAPIキー' })
class CreatedApiKey {
  @Field(() => ApiKeyView) apiKey!: ApiKeyView;
  @Field(() => String, { description: 'Authorization: Bearer に付ける秘密 (この応答でのみ返す)' }) secret!: string;
}

@ObjectType({ description: '監査ログ' })
class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => AuditAction) action!: AuditAction;
  @Field(() => String, { nullable: true, description: '職員' }) staffName?: string;
  @Field(() => String, { nullable: true, description: 'APIキー' }) apiKeyName?: string;
  @Field(() => String, { nullable: true }) target?: string;
  @Field(() => String, { nullable: true }) detail?: string;
  @Field(() => String, { nullable: true }) ip?: string;
}

@ObjectType()
class AuditPage {
  @Field(() => [AuditEntry]) items!: AuditEntry[];
  @Field(() => Int) totalCount!: number;
}

@InputType({ description: '監査ログの絞り込み' })
export class AuditFilter {
  @Field(() => [AuditAction], { nullable: true }) actions?: AuditAction[];
  @Field(() => ID, { nullable: true }) staffId?: string;
  @Field(() => String, { nullable: true, description: 'この日から (YYYY-MM-DD)' }) from?: string;
  @Field(() => String, { nullable: true, description: 'この日まで (YYYY-MM-DD)' }) to?: string;
}

@InputType({ description: '職員アカウントの作成' })
class StaffInput {
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => String, { description: '初期パスワード (12文字以上、英字と数字)' }) password!: string;
}

@InputType({ description: '職員アカウントの変更' })
class StaffUpdate {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => [Role], { nullable: true }) roles?: Role[];
  @Field(() => Boolean, { nullable: true, description: 'false で無効化 (サインイン不可)' }) active?: boolean;
}

const view = (k: ApiKey): ApiKeyView => ({
  id: k.id, name: k.name, prefix: k.prefix, roles: k.roles, scopes: k.scopes, companies: k.companyCodes, offices: k.officeCodes,
  expiresAt: k.expiresAt, revokedAt: k.revokedAt, lastUsedAt: k.lastUsedAt, createdAt: k.createdAt,
});
/** Companies or offices one key may be limited to. */
const MAX_LIMITS = 100;

/** Limits as codes (full-width and lower case are fine), each checked to exist; duplicates dropped. */
async function checkLimits(ctx: Context, companies: string[] | undefined, offices: string[] | undefined, errors: FieldError[]) {
  const norm = (list: string[] | undefined) => [...new Set((list ?? []).map((c) => c.normalize('NFKC').trim().toUpperCase()).filter(Boolean))];
  const companyCodes = norm(companies);
  const officeCodes = norm(offices);
  for (const [path, codes, shape, label, find] of [
    ['companies', companyCodes, /^[A-Z]{3}$/, '企業略称', (c: string[]) => ctx.em.find(Company, { abbreviation: { $in: c } }).then((r) => r.map((x) => x.abbreviation!))],
    ['offices', officeCodes, /^[A-Z]{3}[0-9]{3}$/, '事業所コード', (c: string[]) => ctx.em.find(Office, { code: { $in: c } }).then((r) => r.map((x) => x.code!))],
  ] as const) {
    if (codes.length > MAX_LIMITS) {
      errors.push({ path, message: `${label}は${MAX_LIMITS}件以内で指定してください。` });
      continue;
    }
    const malformed = codes.filter((c) => !shape.test(c));
    if (malformed.length) {
      errors.push({ path, message: `${label}の形式が正しくありません: ${malformed.join(', ')}` });
      continue;
    }
    if (!codes.length) continue;
    const known = new Set(await find(codes));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) errors.push({ path, message: `${label} ${unknown.join(', ')} は登録されていません。` });
  }
  return { companyCodes, officeCodes };
}
const STAFF_ROLES = [Role.ADMIN, Role.SUPERVISOR, Role.REVIEWER, Role.SUPPORT];

function checkRoles(list: Role[] | undefined, allowed: Role[], path: string): FieldError[] {
  if (!list) return [];
  if (!list.length) return [{ path, message: 'ロールを1つ以上指定してください。' }];
  const bad = list.filter((r) => !allowed.includes(r));
  return bad.length ? [{ path, message: `指定できないロールです: ${bad.join(', ')}` }] : [];
}

/** Admin: staff accounts, integrator API keys and the audit log. */
/** The audit log's conditions (the list and its CSV export); a bad date is BAD_USER_INPUT naming filter.from / filter.to. */
export function auditWhere(filter: AuditFilter | undefined): FilterQuery<AuditLog> {
  const where: FilterQuery<AuditLog> = {};
  if (filter?.actions?.length) where.action = { $in: filter.actions };
  if (filter?.staffId) where.staff = filter.staffId;
  const range: Record<string, Date> = {};
  for (const [key, value, op] of [['from', filter?.from, '$gte'], ['to', filter?.to, '$lt']] as const) {
    if (!value) continue;
    if (!isIsoDate(value)) throw badInput([{ path: `filter.${key}`, message: '日付は YYYY-MM-DD 形式で指定してください。' }]);
    const day = new Date(`${value}T00:00:00+09:00`);
    range[op] = op === '$lt' ? new Date(day.getTime() + 86_400_000) : day;
  }
  if (Object.keys(range).length) where.at = range;
  return where;
}

/** The audit log's order: newest first. */
export const AUDIT_ORDER = { id: 'desc' } as const;

@Resolver()
export class StaffAdminResolver {
  @Authorized(...roles('staffAccounts'))
  @Query(() => [Staff], { description: '職員アカウントの一覧 (管理者)' })
  staffAccounts(@Ctx() ctx: Context): Promise<Staff[]> {
    return ctx.em.find(Staff, {}, { orderBy: { email: 'asc' } });
  }

  @Authorized(...roles('createStaff'))
  @Mutation(() => Staff, { description: '職員アカウントを作成する (管理者)' })
  async createStaff(@Arg('input', () => StaffInput) input: StaffInput, @Ctx() ctx: Context): Promise<Staff> {
    const email = input.email.trim().toLowerCase();
    const errors: FieldError[] = [...checkRoles(input.roles, STAFF_ROLES, 'input.roles'), ...checkNewPassword(input.password, 'input.password')];
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) errors.push({ path: 'input.email', message: 'E-mailアドレスの形式が正しくありません。' });
    if (!input.name.trim()) errors.push({ path: 'input.name', message: '氏名を入力してください。' });
    if (!errors.length && (await ctx.em.count(Staff, { email }))) errors.push({ path: 'input.email', message: `${email} は既に登録されています。` });
    if (errors.length) throw badInput(errors);
    const staff = Object.assign(new Staff(), { email, name: input.name.trim(), roles: input.roles, passwordHash: await hashPassword(input.password) });
    ctx.em.persist(staff);
    audit(ctx.em, { action: AuditAction.STAFF_CREATE, staff: ctx.staff, target: email, detail: `roles=${input.roles.join(',')}`, ip: ctx.ip });
    await ctx.em.flush();
    return staff;
  }

  @Authorized(...roles('updateStaff'))
  @Mutation(() => Staff, { description: '職員のロール・氏名・有効/無効を変更する (管理者)' })
  async updateStaff(@Arg('id', () => ID) id: string, @Arg('input', () => StaffUpdate) input: StaffUpdate, @Ctx() ctx: Context): Promise<Staff> {
    const staff = /^[0-9a-f-]{36}$/i.test(id) ? await ctx.em.findOne(Staff, { id }) : null;
    if (!staff) throw notFound('指定された職員');
    const errors = checkRoles(input.roles, STAFF_ROLES, 'input.roles');
    if (staff.id === ctx.staff?.id && (input.active === false || (input.roles && !input.roles.includes(Role.ADMIN)))) {
      errors.push({ path: 'input', message: '自分自身の管理者ロールの削除や無効化はできません。' });
    }
    if (errors.length) throw badInput(errors);
    const before = `roles=${staff.roles.join(',')} active=${staff.active}`;
    if (input.name?.trim()) staff.name = input.name.trim();
    if (input.roles) staff.roles = input.roles;
    if (input.active !== undefined && input.active !== null) {
      staff.active = input.active;
      if (!input.active) staff.endSessions(ctx.services.clock.now());
    }
    audit(ctx.em, { action: AuditAction.STAFF_UPDATE, staff: ctx.staff, target: staff.email, detail: `${before} → roles=${staff.roles.join(',')} active=${staff.active}`, ip: ctx.ip });
    await ctx.em.flush();
    return staff;
  }

  @Authorized(...roles('resetStaffPassword'))
  @Mutation(() => String, { description: '職員のパスワードをリセットし、仮パスワードを一度だけ返す (管理者)' })
  async resetStaffPassword(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    const staff = /^[0-9a-f-]{36}$/i.test(id) ? await ctx.em.findOne(Staff, { id }) : null;
    if (!staff) throw notFound('指定された職員');
    return new SignInService(ctx.em, ctx.services.tokens, ctx.services.clock).resetPassword(ctx.staff!, staff, ctx.ip);
  }

  @Authorized(...roles('apiKeys'))
  @Query(() => [ApiKeyView], { description: 'APIキーの一覧 (管理者)' })
  async apiKeys(@Ctx() ctx: Context): Promise<ApiKeyView[]> {
    return (await ctx.em.find(ApiKey, {}, { orderBy: { createdAt: 'desc' } })).map(view);
  }

  @Authorized(...roles('createApiKey'))
  @Mutation(() => CreatedApiKey, { description: 'APIキーを作成する (管理者)。秘密はこの応答でのみ返す' })
  async createApiKey(
    @Arg('name', () => String) name: string,
    @Arg('roles', () => [Role], { defaultValue: [Role.INTEGRATOR] }) keyRoles: Role[],
    @Arg('expiresAt', () => Date, { nullable: true }) expiresAt: Date | undefined,
    @Ctx() ctx: Context,
    @Arg('scopes', () => [ApiKeyScope], { nullable: true, description: '権限 (省略時はすべて: 参照・申込・パスワード参照)' }) scopes?: ApiKeyScope[] | null,
    @Arg('companies', () => [String], { nullable: true, description: 'この企業 (企業略称) の申込・事業所等だけを扱うキーにする' }) companies?: string[] | null,
    @Arg('offices', () => [String], { nullable: true, description: 'この事業所 (事業所コード) の申込・事業所等だけを扱うキーにする' }) offices?: string[] | null,
  ): Promise<CreatedApiKey> {
    const errors = checkRoles(keyRoles, [Role.INTEGRATOR], 'roles');
    if (!name?.trim() || [...name].length > 80) errors.push({ path: 'name', message: '名前を80文字以内で入力してください。' });
    if (expiresAt && expiresAt <= ctx.services.clock.now()) errors.push({ path: 'expiresAt', message: '有効期限は未来の日時を指定してください。' });
    const keyScopes = scopes ? [...new Set(scopes)] : [...ALL_SCOPES];
    if (!keyScopes.length) errors.push({ path: 'scopes', message: '権限を1つ以上指定してください。' });
    const limits = await checkLimits(ctx, companies ?? undefined, offices ?? undefined, errors);
    if (errors.length) throw badInput(errors);
    const { apiKey, secret } = createApiKey(ctx.em, { name: name.trim(), roles: keyRoles, expiresAt, scopes: keyScopes, ...limits });
    const detail = [`prefix=${apiKey.prefix}`, `scopes=${keyScopes.join(',')}`,
      ...(limits.companyCodes.length ? [`companies=${limits.companyCodes.join(',')}`] : []),
      ...(limits.officeCodes.length ? [`offices=${limits.officeCodes.join(',')}`] : [])].join(' ');
    audit(ctx.em, { action: AuditAction.API_KEY_CREATE, staff: ctx.staff, apiKey, target: apiKey.name, detail, ip: ctx.ip });
    await ctx.em.flush();
    return { apiKey: view(apiKey), secret };
  }

  @Authorized(...roles('revokeApiKey'))
  @Mutation(() => ApiKeyView, { description: 'APIキーを失効させる (管理者)' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiKeyView> {
    const key = /^[0-9a-f-]{36}$/i.test(id) ? await ctx.em.findOne(ApiKey, { id }) : null;
    if (!key) throw notFound('指定されたAPIキー');
    key.revokedAt ??= ctx.services.clock.now();
    audit(ctx.em, { action: AuditAction.API_KEY_REVOKE, staff: ctx.staff, apiKey: key, target: key.name, ip: ctx.ip });
    await ctx.em.flush();
    return view(key);
  }

  @Authorized(...roles('auditLog'))
  @Query(() => AuditPage, { description: '監査ログ (管理者; 新しい順)' })
  async auditLog(
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | undefined,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<AuditPage> {
    checkPage(offset, limit);
    const [rows, totalCount] = await ctx.em.findAndCount(AuditLog, auditWhere(filter), { populate: ['staff', 'apiKey'], orderBy: AUDIT_ORDER, offset, limit });
    return {
      totalCount,
      items: rows.map((r) => ({ id: r.id, at: r.at, action: r.action, staffName: r.staff?.name, apiKeyName: r.apiKey?.name, target: r.target, detail: r.detail, ip: r.ip })),
    };
  }
}
