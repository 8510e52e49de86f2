import { roles } from '../graphql/access.js';
import type { FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { Projection, isReadRow, pageKeys, readPage, type ReadRow } from '../graphql/projection.js';
import type { GraphQLResolveInfo } from 'graphql';
import { raw } from '@mikro-orm/postgresql';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Info, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { OfficeStatus } from '../common/enums.js';
import { badInput, notFound } from '../common/errors.js';
import { DEFAULT_PAGE_SIZE, checkPage } from '../common/paging.js';
import { escapeLike, foldForSearch } from '../common/search.js';
import type { Context } from '../graphql/context.js';
import { byParent, related } from '../graphql/loaders.js';
import { Application } from '../applications/Application.js';
import { Line, Mailbox, Terminal, UserCode } from '../issuance/contract.js';
import { ContractSnapshot, contractAsOf } from '../issuance/contractAsOf.js';
import { ContractChange } from '../issuance/contractChange.js';
import { isIsoDate } from '../common/paging.js';
import { keyOfficeIds } from '../staff/keyScope.js';
import { Company } from './Company.js';
import { Office } from './Office.js';


@InputType({ description: '事業所の絞り込み' })
export class OfficeFilter {
  @Field(() => String, { nullable: true, description: '事業所コードの前方一致、企業名・事業所名・カナ' })
  q?: string;

  @Field(() => [OfficeStatus], { nullable: true })
  status?: OfficeStatus[];
}

@ObjectType({ description: '事業所の一覧 (1ページ分と総件数)' })
export class OfficePage {
  @Field(() => [Office])
  items!: Office[];

  @Field(() => Int)
  totalCount!: number;
}

export function officeWhere(given: OfficeFilter | null | undefined, officeIds?: string[]): FilterQuery<Office> {
  // `filter: null` is no filter, as an absent one.
  const filter = given ?? {};
  const and: FilterQuery<Office>[] = [];
  // An API key limited to named companies or offices (staff/keyScope.ts) sees only those.
  if (officeIds) and.push({ id: { $in: officeIds } });
  if (filter.status?.length) and.push({ status: { $in: filter.status } });
  const q = filter.q?.trim();
  if (q) {
    const code = escapeLike(q.normalize('NFKC').replace(/\s+/g, '').toUpperCase());
    and.push({ $or: [{ code: { $like: `${code}%` } }, { searchText: { $like: `%${escapeLike(foldForSearch(q))}%` } }] });
  }
  return and.length ? { $and: and } : {};
}

/** The office list's order (the list and its CSV export): by code, offices in review (no code yet) last. */
export const OFFICE_ORDER: QueryOrderMap<Office>[] = [{ code: 'asc nulls last' }, { createdAt: 'asc' }];

/** The office reads' projection: the company travels in the same statement. */
const officeProjection = (ctx: Context, info: GraphQLResolveInfo) =>
  new Projection(ctx.em.getMetadata(), info, {
    Office: { fields: { company: (p, alias, f) => p.toOne(p.meta('Office').properties.company!, alias, f.sets) } },
  });

@Resolver(() => Office)
export class OfficeResolver {
  @Authorized(...roles('office'))
  @Query(() => Office, { description: '事業所 (id または事業所コードで指定)' })
  async office(
    @Arg('id', () => ID, { nullable: true }) id: string | undefined,
    @Arg('code', () => String, { nullable: true }) code: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Office | ReadRow> {
    if (!id && !code) throw badInput([{ path: 'id', message: 'id または code (事業所コード) のどちらかを指定してください。' }]);
    if (id && !/^[0-9a-f-]{36}$/i.test(id)) throw notFound('指定された事業所');
    const where: FilterQuery<Office> = id ? { id } : { code: code!.normalize('NFKC').trim().toUpperCase() };
    // The read path when the selection compiles (the office page's contract sections take the entity path).
    const projection = officeProjection(ctx, info);
    const json = projection.object('Office', 'r0', projection.own().sets);
    if (json !== undefined) {
      const keys = ctx.em.createQueryBuilder(Office, 'o').select('o.id').where(where as never).toQuery();
      const { items: [row] } = await readPage<ReadRow>(ctx.em, 'office', json, pageKeys(keys, 0, 1));
      if (!row) throw notFound(code ? `事業所コード ${code} の事業所` : '指定された事業所');
      return row;
    }
    const office = await ctx.em.findOne(Office, where, { populate: ['company'] });
    if (!office) throw notFound(code ? `事業所コード ${code} の事業所` : '指定された事業所');
    return office;
  }

  @Authorized(...roles('offices'))
  @Query(() => OfficePage, { description: '事業所の一覧' })
  async offices(
    @Arg('filter', () => OfficeFilter, { nullable: true }) filter: OfficeFilter | undefined,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) limit: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OfficePage> {
    checkPage(offset, limit);
    const projection = officeProjection(ctx, info);
    const selected = projection.child('items');
    const json = selected ? projection.object('Office', 'r0', selected.sets) : `json_build_object('id', r0."id")`;
    if (json !== undefined) {
      const where = officeWhere(filter, await keyOfficeIds(ctx));
      const keys = ctx.em.createQueryBuilder(Office, 'o').select('o.id').where(where as never)
        .orderBy(OFFICE_ORDER).toQuery();
      const count = projection.selects('totalCount')
        ? ctx.em.createQueryBuilder(Office, 'o').select(raw('count(*)::int')).where(where as never).toQuery() : undefined;
      const page = await readPage<Office>(ctx.em, 'office', json, pageKeys(keys, offset, limit), count);
      return { items: page.items, totalCount: page.total };
    }
    const [items, totalCount] = await ctx.em.findAndCount(Office, officeWhere(filter, await keyOfficeIds(ctx)), {
      populate: ['company'],
      orderBy: OFFICE_ORDER,
      offset,
      limit,
    });
    return { items, totalCount };
  }

  @FieldResolver(() => Company)
  async company(@Root() root: Office | ReadRow, @Ctx() ctx: Context): Promise<Company> {
    if (isReadRow(root)) return root.company as Company; // the read path's row holds it
    return (await related(ctx, Company, (root as Office).company))!;
  }

  @FieldResolver(() => [UserCode], { description: '利用者コード (自事業所のもの、および共用しているもの)' })
  async userCodes(@Root() office: Office, @Ctx() ctx: Context): Promise<UserCode[]> {
    return ctx.em.find(UserCode, { $or: [{ office: office.id }, { sharedWith: office.id }] }, {
      populate: ['office', 'sharedWith'],
      orderBy: { code: 'asc' },
    });
  }

  @FieldResolver(() => [Terminal])
  terminals(@Root() office: Office, @Ctx() ctx: Context): Promise<Terminal[]> {
    return byParent(ctx, Terminal, 'office', { orderBy: { name: 'asc' } }).load(office.id);
  }

  @FieldResolver(() => [Line])
  lines(@Root() office: Office, @Ctx() ctx: Context): Promise<Line[]> {
    return byParent(ctx, Line, 'office', { orderBy: { startDate: 'asc' } }).load(office.id);
  }

  @FieldResolver(() => [Mailbox])
  mailboxes(@Root() office: Office, @Ctx() ctx: Context): Promise<Mailbox[]> {
    return byParent(ctx, Mailbox, 'office', { orderBy: { mailboxId: 'asc' } }).load(office.id);
  }

  @FieldResolver(() => ContractSnapshot, { description: '指定日時点の契約内容 (利用者ID・論理端末・メールボックス・回線)' })
  contractAsOf(@Root() office: Office, @Arg('date', () => String) date: string, @Ctx() ctx: Context): Promise<ContractSnapshot> {
    if (!isIsoDate(date)) throw badInput([{ path: 'date', message: '日付は YYYY-MM-DD 形式で指定してください。' }]);
    return contractAsOf(ctx.em, office, date);
  }

  @FieldResolver(() => [ContractChange], { description: '承認済みで利用開始日 (適用日) から効力を生じる契約内容の変更 (未反映のもの、適用日順)' })
  pendingChanges(@Root() office: Office, @Ctx() ctx: Context): Promise<ContractChange[]> {
    return ctx.em.find(ContractChange, { office: office.id, appliedAt: null }, { orderBy: [{ effectiveDate: 'asc' }, { createdAt: 'asc' }] });
  }

  @FieldResolver(() => [Application], { description: 'この事業所の利用申込 (新しい順)' })
  applications(
    @Root() office: Office,
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<Application[]> {
    checkPage(0, limit);
    return ctx.em.find(Application, { office: office.id }, { orderBy: { receivedAt: 'desc' }, limit });
  }
}
