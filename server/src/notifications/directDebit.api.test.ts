import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../testing/clock.js';
import { todayInJapan } from '../common/dates.js';
import { addBusinessDays } from '../calendar/businessDays.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { portalAndSupervisor } from '../testing/portal.js';
import { applicantKonsai, nacSystemApplication } from '../applications/intake/fixtures.js';

// Issue 16: the 預金口座振替依頼書 notice for 口座振替 billing. Seed 001 (請求先): 「口座振替を希望の方 … 同一口座振替を
// 希望しない場合 別途「預金口座振替依頼書についてのお知らせ」メールを送付いたします」; seed 002 (新着情報): 「利用料金 【…】
// 口座振替申込専用紙を送付しました。受領しましたら、必要事項を記入しNACCSセンターに郵送してください。」

let server: TestServer;
let portal: string;
let flow: Awaited<ReturnType<typeof portalAndSupervisor>>;
/** The 請求先コード of seed 001's office once approved (its account is the one 同一口座振替 names). */
let registeredBillingCode: string;
const START = addBusinessDays(todayInJapan(testClock.now()), 61); // beyond a line's lead time (60 business days)
const NOTICE = '口座振替申込専用紙を送付しました。受領しましたら、必要事項を記入しNACCSセンターに郵送してください。';
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);
const forms = (applicationId: string) =>
  sql<{ subject: string; text: string; recipients: string[] }>(`select subject, text, recipients from outbound_email where application_id = ? and template_key = 'direct-debit-form'`, [applicationId]);
const billingNotices = async (officeCode: string) =>
  (await server.gql('query($o: String) { notices(officeCode: $o) { category message receiptNo } }', { o: officeCode }, portal)).data!.notices
    .filter((n: { category: string }) => n.category === 'BILLING');

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  flow = await portalAndSupervisor(server);
  portal = flow.portal;
});
afterAll(async () => server?.close());

const company = (name: string, nameKana: string, nameEn: string) => ({ ...nacSystemApplication().company!, name, nameKana, nameEn });

const submitNew = (input: Parameters<typeof flow.submitNew>[0]) => flow.submitNew(input);

/** Approved by the supervisor; the office code and 請求先コード from the ID通知内容. */
async function approve(id: string): Promise<{ officeCode: string; billingCode: string }> {
  await flow.approve(id, START);
  return (await server.gql('query($id: ID!) { idNotice(applicationId: $id) { officeCode billingCode } }', { id }, portal)).data!.idNotice;
}

describe('預金口座振替依頼書についてのお知らせ', () => {
  it('seed 001: ナックスシステム株式会社 pays by 口座振替 — on approval, the 利用料金 新着情報 and the mail, not before', async () => {
    const submitted = await submitNew(nacSystemApplication());
    expect(submitted.errors).toBeUndefined();
    const { id, receiptNo } = submitted.data!.submitNewApplication;
    expect(await forms(id)).toEqual([]);

    const { officeCode, billingCode } = await approve(id);
    registeredBillingCode = billingCode;
    const [mail, ...more] = await forms(id);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('【NACCS】預金口座振替依頼書についてのお知らせ');
    expect(mail!.text).toContain('混載 一郎 様');
    expect(mail!.text).toContain('受領しましたら、必要事項を記入しNACCSセンターに郵送してください。');
    expect(mail!.text).toContain(`申込受付番号 ：${receiptNo}`);
    expect(mail!.text).toContain(`請求先コード ：${billingCode}`);
    expect(mail!.text).toContain('ヘルプデスク\nTel: 0120-794-550');
    // 申込担当者 and the 請求に関する担当者 / 請求通知先 (seed 001: Keiri.taro@naccs.co.jp).
    expect(mail!.recipients.sort()).toEqual(['keiri.taro@naccs.co.jp', 'konsai.ichiro@naccs.co.jp']);
    expect(await billingNotices(officeCode)).toEqual([{ category: 'BILLING', message: NOTICE, receiptNo }]);
  });

  it('not for 同一口座振替 (an account already registered) nor for 銀行振込', async () => {
    const base = nacSystemApplication();
    const same = await submitNew({
      ...base, company: company('ナックス通関株式会社', 'ナックスツウカンカブシキガイシャ', 'NACCS TSUKAN CO.,LTD.'),
      billing: { ...base.billing!, sameAccount: true, sameAccountCode: registeredBillingCode, companyName: 'ナックスシステム株式会社', officeName: '本社' },
    });
    expect(same.errors).toBeUndefined();
    const transfer = await submitNew({
      ...base, company: company('ナックス航空株式会社', 'ナックスコウクウカブシキガイシャ', 'NACCS KOKU CO.,LTD.'),
      billing: { ...base.billing!, paymentMethod: 'TRANSFER' as never, bankName: '三菱UFJ銀行' },
    });
    expect(transfer.errors).toBeUndefined();
    for (const res of [same, transfer]) {
      const { id } = res.data!.submitNewApplication;
      const { officeCode } = await approve(id);
      expect(await forms(id)).toEqual([]);
      expect(await billingNotices(officeCode)).toEqual([]);
    }
  });

  it('a change of 支払の方法 to 口座振替 sends it; a change of another item of a 口座振替 office does not', async () => {
    const base = nacSystemApplication();
    const opened = await submitNew({
      ...base, company: company('ナックス倉庫株式会社', 'ナックスソウコカブシキガイシャ', 'NACCS SOKO CO.,LTD.'),
      billing: { ...base.billing!, paymentMethod: 'TRANSFER' as never, bankName: '三菱UFJ銀行' },
    });
    const { officeCode } = await approve(opened.data!.submitNewApplication.id);
    const CHANGE = 'mutation($o: String!, $i: ChangeApplicationInput!) { submitChangeApplication(officeCode: $o, input: $i) { id receiptNo } }';
    const change = (input: Record<string, unknown>) => server.gql(CHANGE, { o: officeCode, i: { applicant: applicantKonsai, desiredStartDate: START, reason: '支払方法の変更', ...input } }, portal);

    const toDebit = await change({ changeItems: ['PAYMENT_METHOD'], billing: { ...base.billing!, paymentMethod: 'DEBIT' } });
    expect(toDebit.errors).toBeUndefined();
    const { id, receiptNo } = toDebit.data!.submitChangeApplication;
    await approve(id);
    expect(await forms(id)).toHaveLength(1);
    expect(await billingNotices(officeCode)).toEqual([{ category: 'BILLING', message: NOTICE, receiptNo }]);

    const plan = await change({ changeItems: ['PLAN'], plan: 'B' });
    await approve(plan.data!.submitChangeApplication.id);
    expect(await forms(plan.data!.submitChangeApplication.id)).toEqual([]);
    expect(await billingNotices(officeCode)).toHaveLength(1);
  });

  it('refuses 同一口座振替 with 銀行振込 (BAD_USER_INPUT naming billing.sameAccount); nothing stored', async () => {
    const base = nacSystemApplication();
    const before = (await sql<{ n: string }>('select count(*) as n from application'))[0]!.n;
    const res = await submitNew({
      ...base, company: company('ナックス港運株式会社', 'ナックスコウウンカブシキガイシャ', 'NACCS KOUN CO.,LTD.'),
      billing: { ...base.billing!, paymentMethod: 'TRANSFER' as never, bankName: '三菱UFJ銀行', sameAccount: true, sameAccountCode: '1234567', companyName: 'ナックスシステム株式会社', officeName: '本社' },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.fieldErrors).toContainEqual({ path: 'billing.sameAccount', message: '同一口座振替は口座振替の場合のみ選択できます。' });
    expect((await sql<{ n: string }>('select count(*) as n from application'))[0]!.n).toBe(before);
  });
});
