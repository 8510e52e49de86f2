import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../../testing/clock.js';
import { DomainError } from '../../common/errors.js';
import { SecretBox } from '../../common/secrets.js';
import { freshDatabase, type TestDatabase } from '../../testing/db.js';
import { givenOffices } from '../../testing/offices.js';
import { IntakeService } from './IntakeService.js';
import { FUTURE, applicantKonsai, nacSystemApplication } from './fixtures.js';
import type { ChangeApplicationInput, NewApplicationInput } from './inputs.js';

// Thousands of random invalid inputs: each is a valid application with at least one rule broken and random junk
// in random fields. Whatever comes in, the answer is BAD_USER_INPUT and nothing is stored.

let db: TestDatabase;
let loginId: string;
/** An office in service (its code as issued): the change applications' office and a code typed in other fields. */
let officeCode: string;
const box = new SecretBox(Buffer.alloc(32, 1));
const TABLES = ['application', 'application_user_code', 'application_user_id', 'application_line', 'application_terminal',
  'application_mailbox', 'application_change', 'attachment', 'application_history', 'office', 'company', 'outbound_email', 'receipt_counter'];
const counts = async () => {
  const rows = await db.orm.em.getConnection().execute<{ n: string }[]>(TABLES.map((t) => `select count(*) as n from ${t}`).join(' union all '));
  return rows.map((r) => Number(r.n));
};

beforeAll(async () => {
  db = await freshDatabase();
  officeCode = (await givenOffices({ orm: db.orm, clock: testClock }).nacSystem()).code;
  const service = new IntakeService(db.orm.em.fork(), box, testClock);
  loginId = (await service.registerProvisionalAccount({ companyName: '株式会社テスト', companyNameKana: 'カブシキガイシャテスト', applicant: applicantKonsai })).loginId;
});
afterAll(async () => db?.drop());

type Breaker<T> = (input: T, junk: string) => void;

/** Each breaks one rule of SPEC.md "Validation" or the seeds' screens. */
const NEW_BREAKERS: Array<Breaker<NewApplicationInput>> = [
  (i) => (i.applicant!.phone = '03-1234-567'),
  (i) => (i.applicant!.emailConfirmation = 'other@example.jp'),
  (i) => (i.applicant!.lastNameKana = 'konsai'),
  (i) => (i.reason = 'あ'.repeat(241)),
  (i) => (i.remarks = 'い'.repeat(300)),
  (i) => (i.desiredStartDate = '2027-02-30'),
  (i) => (i.desiredStartDate = '2001-01-01'),
  (i) => (i.office!.address!.postalCode = '123'),
  (i) => (i.office!.emergencyFaxes = ['0311111111', '0322222222', '0333333333', '0344444444']),
  (i) => (i.office!.emergencyFaxes = []),
  (i) => (i.office!.customsOffice = '札幌'),
  (i) => (i.company!.name = 'ナックスシステム'),
  (i) => (i.lines = [{ ...nacSystemApplication().lines![0]!, redundancy: true, spareRouter: true }], i.noLineRequired = false),
  (i) => (i.lines = [{ ...nacSystemApplication().lines![0]!, maintenance: 'WEEKDAY_DAYTIME' as never, pingMonitoring: true }], i.noLineRequired = false),
  (i) => (i.lines = [], i.noLineRequired = false),
  (i) => (i.attachments = []),
  (i) => (i.billing!.consolidated = true, i.billing!.consolidatedBillingCode = '1234567', i.billing!.consolidatedOfficeCode = officeCode),
  (i) => (i.billing!.emails = ['a@x.jp', 'b@x.jp', 'c@x.jp', 'd@x.jp', 'e@x.jp', 'f@x.jp']),
  (i) => (i.userCodes![0]!.userIds![0]!.identCount = 0),
  (i) => (i.userCodes![0]!.userIds![0]!.industries = ['CUSTOMS_BROKER', 'SELF_CUSTOMS'] as never),
  (i) => (i.userCodes![0]!.bondedRecordService = true),
  (i) => (i.plan = undefined),
  (i) => (i.connection = undefined),
  (i, junk) => (i.applicant!.lastName = `${junk}${'混'.repeat(21)}`),
  (i, junk) => (i.office!.phone = `${junk}x`),
  (i, junk) => (i.company!.nameKana = `${junk}漢`),
  (i, junk) => (i.attachments = [{ ...nacSystemApplication().attachments![0]!, contentBase64: `${junk}!!` }]),
];

const CHANGE_BREAKERS: Array<Breaker<ChangeApplicationInput>> = [
  (i) => (i.otherChange = 'TERMINATION' as never),
  (i) => (i.changeItems = []),
  (i) => (i.mailboxes = [{ mailboxType: 'SMTP_POP3' as never, count: 100 }]),
  (i) => (i.mailboxes = [{ action: 'DELETE' as never, mailboxType: 'SMTP_POP3' as never, mailboxId: 'bad' }]),
  (i) => (i.plan = 'A' as never),
  (i) => (i.transferTargetOfficeCode = officeCode),
  (i) => (i.applicant!.email = 'not-an-email'),
  (i) => (i.desiredStartDate = undefined),
  (i, junk) => (i.reason = junk.repeat(50) + 'あ'.repeat(241)),
  (i, junk) => (i.applicant!.fax = `${junk}-x`),
];

const junk = fc.string({ unit: 'binary', maxLength: 12 });

describe('intake refuses invalid input whole', () => {
  it('new applications: 1500 random invalid inputs → BAD_USER_INPUT with fieldErrors, never another error, nothing stored', async () => {
    const before = await counts();
    const service = new IntakeService(db.orm.em.fork(), box, testClock);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.nat(NEW_BREAKERS.length - 1), { minLength: 1, maxLength: 6 }), junk, async (picks, j) => {
        const input = nacSystemApplication();
        for (const p of picks) NEW_BREAKERS[p]!(input, j);
        const error = await service.submitNew(loginId, undefined, input, { name: 'NSS', role: 'INTEGRATOR' }).then(() => undefined, (e) => e);
        expect(error).toBeInstanceOf(DomainError);
        expect(error.extensions.code).toBe('BAD_USER_INPUT');
        expect(error.extensions.fieldErrors.length).toBeGreaterThan(0);
        for (const fe of error.extensions.fieldErrors) expect(fe.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      }),
      { numRuns: 1500 },
    );
    expect(await counts()).toEqual(before);
  });

  it('change applications: 1000 random invalid inputs → BAD_USER_INPUT, nothing stored', async () => {
    const before = await counts();
    const service = new IntakeService(db.orm.em.fork(), box, testClock);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.nat(CHANGE_BREAKERS.length - 1), { minLength: 1, maxLength: 4 }), junk, async (picks, j) => {
        const input: ChangeApplicationInput = { changeItems: ['MAILBOX' as never], applicant: { ...applicantKonsai }, desiredStartDate: FUTURE, mailboxes: [{ mailboxType: 'SMTP_POP3' as never, count: 1 }] };
        for (const p of picks) CHANGE_BREAKERS[p]!(input, j);
        const error = await service.submitChange(officeCode, input, { name: 'NSS', role: 'INTEGRATOR' }).then(() => undefined, (e) => e);
        expect(error).toBeInstanceOf(DomainError);
        expect(error.extensions.code).toBe('BAD_USER_INPUT');
      }),
      { numRuns: 1000 },
    );
    expect(await counts()).toEqual(before);
  });
});
