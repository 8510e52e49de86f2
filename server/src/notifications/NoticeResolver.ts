import { roles } from '../graphql/access.js';
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';

import { badInput, notFound } from '../common/errors.js';
import { checkPage } from '../common/paging.js';
import type { Context } from '../graphql/context.js';
import { related } from '../graphql/loaders.js';
import { Application } from '../applications/Application.js';
import { ProvisionalAccount } from '../applications/ProvisionalAccount.js';
import { Office } from '../companies/Office.js';
import { keyOfficeIds } from '../staff/keyScope.js';
import { Notice } from './entities.js';

const code = (value: string) => value.normalize('NFKC').trim().toUpperCase();

@Resolver(() => Notice)
export class NoticeResolver {
  /**
   * An office has 新着情報 before it has a code: a new application's questions (確認事項があります) are addressed to its
   * 申込受付番号 and to the provisional account the customer signed in with, until approval gives the office its code.
   */
  @Authorized(...roles('notices'))
  @Query(() => [Notice], {
    description: '新着情報 (新しい順; NSS は最新10件を表示)。事業所コード (事業所の新着情報)、申込受付番号 (その申込の新着情報; 審査中の新規申込も)、仮アカウントのログインID (その仮アカウントの申込の新着情報) のいずれか1つで指定',
  })
  async notices(
    @Arg('officeCode', () => String, { nullable: true }) officeCode: string | undefined,
    @Arg('receiptNo', () => String, { nullable: true, description: '申込受付番号 (例: 180055A)' }) receiptNo: string | undefined,
    @Arg('provisionalLoginId', () => String, { nullable: true, description: '仮アカウントのログインID (7桁)' }) provisionalLoginId: string | undefined,
    @Arg('limit', () => Int, { defaultValue: 10 }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<Notice[]> {
    checkPage(0, limit);
    const given = [officeCode, receiptNo, provisionalLoginId].filter((v) => v !== undefined && v !== null && v !== '');
    if (given.length !== 1) {
      throw badInput([{ path: 'officeCode', message: '事業所コード (officeCode)・申込受付番号 (receiptNo)・仮アカウントのログインID (provisionalLoginId) のいずれか1つを指定してください。' }]);
    }
    // A key limited to named companies or offices sees theirs only; anything else is as if it did not exist.
    const mine = await keyOfficeIds(ctx);
    const visible = (officeId: string | undefined) => !mine || (!!officeId && mine.includes(officeId));
    const orderBy = { at: 'desc' } as const;
    if (officeCode) {
      const office = await ctx.em.findOne(Office, { code: code(officeCode) });
      if (!office || !visible(office.id)) throw notFound(`事業所コード ${officeCode} の事業所`);
      return ctx.em.find(Notice, { office }, { orderBy, limit });
    }
    if (receiptNo) {
      const app = await ctx.em.findOne(Application, { receiptNo: code(receiptNo) });
      if (!app || !visible(app.office?.id)) throw notFound(`申込受付番号 ${receiptNo} の申込`);
      return ctx.em.find(Notice, { application: app }, { orderBy, limit });
    }
    const account = await ctx.em.findOne(ProvisionalAccount, { loginId: code(provisionalLoginId!) }, { fields: ['id'] });
    if (!account) throw notFound(`仮アカウント ${provisionalLoginId}`);
    const apps = await ctx.em.find(Application, { provisionalAccount: account });
    const shown = apps.filter((a) => visible(a.office?.id));
    if (!shown.length) {
      if (mine && apps.length) throw notFound(`仮アカウント ${provisionalLoginId}`);
      return [];
    }
    return ctx.em.find(Notice, { application: { $in: shown.map((a) => a.id) } }, { orderBy, limit });
  }

  @FieldResolver(() => String, { nullable: true, description: '申込受付番号' })
  async receiptNo(@Root() notice: Notice, @Ctx() ctx: Context): Promise<string | undefined> {
    return (await related(ctx, Application, notice.application))?.receiptNo;
  }
}
