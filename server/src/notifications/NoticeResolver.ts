import { roles } from '../graphql/access.js';
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';

import { notFound } from '../common/errors.js';
import { checkPage } from '../common/paging.js';
import type { Context } from '../graphql/context.js';
import { related } from '../graphql/loaders.js';
import { Application } from '../applications/Application.js';
import { Office } from '../companies/Office.js';
import { Notice } from './entities.js';

@Resolver(() => Notice)
export class NoticeResolver {
  @Authorized(...roles('notices'))
  @Query(() => [Notice], { description: '新着情報 (事業所ごと、新しい順; NSS は最新10件を表示)' })
  async notices(
    @Arg('officeCode', () => String) officeCode: string,
    @Arg('limit', () => Int, { defaultValue: 10 }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<Notice[]> {
    checkPage(0, limit);
    const office = await ctx.em.findOne(Office, { code: officeCode.normalize('NFKC').trim().toUpperCase() });
    if (!office) throw notFound(`事業所コード ${officeCode} の事業所`);
    return ctx.em.find(Notice, { office }, { orderBy: { at: 'desc' }, limit });
  }

  @FieldResolver(() => String, { nullable: true, description: '申込受付番号' })
  async receiptNo(@Root() notice: Notice, @Ctx() ctx: Context): Promise<string | undefined> {
    return (await related(ctx, Application, notice.application))?.receiptNo;
  }
}
