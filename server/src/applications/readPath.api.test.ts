// The read path at volume (ApplicationReads): each hot read is at most two SQL statements (the caller's staff row, when
// the process does not remember it, and one read) whatever the page size and the fields asked; it answers exactly what the entity path answers (same rows,
// same order, same values) on random filters and sorts; and the tally behind the counts equals count(*) after random
// sequences of intake, review and cancellation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { startTestServer, type TestServer } from '../testing/server.js';
import { given } from '../testing/given.js';
import { addDays } from '../calendar/businessDays.js';
import { todayInJapan } from '../common/dates.js';
import { compactTally } from './ApplicationTally.js';
import { listCount } from './ApplicationReads.js';
import { DEMO_NSS_PORTAL_KEY } from '../staff/apiKeys.js';

let server: TestServer;
let reviewer: string;
let support: string;
let portal: string;
const sql = <T = Record<string, any>>(q: string, p: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(q, p);

beforeAll(async () => {
  server = await startTestServer();
  reviewer = await server.login('reviewer@example.jp');
  support = await server.login('support@example.jp');
  portal = DEMO_NSS_PORTAL_KEY;
});
afterAll(async () => server?.close());

/** Every field of an application the read path compiles, nested sections and relations included. */
const EVERYTHING = `
  id receiptNo kind connection status version applicantCompanyName applicantCompanyNameKana reason remarks changeItems otherChange
  transferTargetOfficeCode noLineRequired equipmentSharingOfficeCode constructionNotes plan receivedAt desiredStartDate startDate
  reviewedAt systemSettingsDeadline systemSettingsRecordedAt returnMessage updatedAt companyName
  businessDaysToStart daysWaiting waitingSince
  applicant { lastName firstName lastNameKana firstNameKana department title phone fax email }
  companyProfile { name nameKana nameEn headOfficeAddress { postalCode prefecture address addressKana } headOfficePhone headOfficeFax }
  officeProfile { name nameKana phone fax customsOffice emergencyFaxes address { postalCode prefecture address addressKana }
    contractor { lastName firstName title } manager { lastName firstName email phone } }
  constructionContact { lastName phone } constructionAttendee { lastName phone }
  billing { consolidated consolidatedBillingCode companyName address { postalCode address } contact { lastName email } emails paymentMethod }
  office { id code status startDate usesNet usesGeneral company { id abbreviation profile { name nameKana } } profile { name } }
  assignee { id name email roles operations }
  userCodes { id action userCode shared systemCategory position userIds { id action industries processingMethod identCount identNo position } }
  terminals { id action terminalType systemCategory count lineNo terminalName }
  lines { id action lineNo systemCategory lineType speed constructionDate place { address } }
  mailboxes { id action mailboxType count mailboxId }
  changes { id item field before after }
  attachments { id kind fileName contentType size sha256 createdAt }
  history { id at actor { id name } actorName actorRole action fromStatus toStatus message version internal }
  latestHistory { at action version actor { name } }`;

const LIST_FIELDS = `id receiptNo kind status version companyName receivedAt desiredStartDate startDate
  businessDaysToStart daysWaiting waitingSince
  office { code company { abbreviation profile { name } } } assignee { id name } latestHistory { action at }`;

const page = (fields: string, forceEntities = false) => `query($filter: ApplicationFilter, $sort: ApplicationSort, $offset: Int, $limit: Int) {
  applications(filter: $filter, sort: $sort, offset: $offset, limit: $limit) {
    totalCount items { ${forceEntities ? '__typename @include(if: true)' : ''} ${fields} } } }`;

/** The same selection answered by the entity path: a directive is what the read path leaves to it. */
const onEntities = (fields: string) => `__typename @include(if: true) ${fields}`;
const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (k, v) => (k === '__typename' ? undefined : v)));

async function statements(query: string, variables: Record<string, unknown>, token: string) {
  const before = server.queries();
  const res = await server.gql(query, variables, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return { n: server.queries() - before, data: res.data! };
}

describe('two statements per hot read, whatever the page size and the fields', () => {
  it('the lookup by 申込受付番号 with history, and by id with every field', async () => {
    const { receiptNo, id } = await given(server).application({ status: 'APPROVED' });
    // 営業日 (businessDaysToStart) reads the queue's calendar once per 30 s per process (calendar/CalendarService).
    await server.gql(page('id businessDaysToStart'), { limit: 1 }, reviewer);
    const lookup = await statements(`query($r: String) { application(receiptNo: $r) { receiptNo status startDate companyName office { code } history { at actorName action fromStatus toStatus message } } }`, { r: receiptNo }, support);
    expect(lookup.data.application.receiptNo).toBe(receiptNo);
    expect(lookup.data.application.history.length).toBeGreaterThanOrEqual(3);
    expect(lookup.n).toBeLessThanOrEqual(2);
    const everything = await statements(`query($id: ID) { application(id: $id) { ${EVERYTHING} } }`, { id }, reviewer);
    expect(everything.data.application.office.code).toMatch(/^[A-Z]{3}\d{3}$/);
    expect(everything.data.application.userCodes[0].userIds.length).toBeGreaterThan(0);
    expect(everything.n).toBeLessThanOrEqual(2);
  });

  it('the queue page, filtered lists, the export and the queue counts: the same count at 1 row and at 100', async () => {
    const reads: Array<[string, string, Record<string, unknown>]> = [
      ['queue page', page(LIST_FIELDS), {}],
      ['every field', page(EVERYTHING), {}],
      ['status + office', page(LIST_FIELDS), { filter: { status: ['APPROVED', 'IN_REVIEW'], officeCode: (await sql(`select code from office where code is not null limit 1`))[0]!.code } }],
      ['unassigned queue', page('id receiptNo status'), { filter: { queue: 'UNASSIGNED' } }],
      ['due soon', page(LIST_FIELDS), { filter: { queue: 'DUE_SOON' } }],
      ['search', page(LIST_FIELDS), { filter: { q: 'カブシキ' } }],
      ['desired start date', page(LIST_FIELDS), { filter: { desiredStartFrom: todayInJapan(server.clock.now()), desiredStartTo: addDays(todayInJapan(server.clock.now()), 90) }, sort: { field: 'DESIRED_START_DATE', order: 'ASC' } }],
    ];
    // The 期限が近い horizon reads the calendar once per 30 s per process (calendar/CalendarService horizonClosures).
    await server.gql(page('id'), { filter: { queue: 'DUE_SOON' } }, reviewer);
    for (const [name, query, variables] of reads) {
      const small = await statements(query, { ...variables, limit: 1 }, reviewer);
      const large = await statements(query, { ...variables, limit: 100 }, reviewer);
      expect(small.n, name).toBeLessThanOrEqual(2);
      expect(large.n, name).toBe(small.n);
    }
    // A key's use is written at most once a minute (staff/authentication.ts): the first call of the minute pays it.
    await server.gql('{ applications(limit: 1) { totalCount } }', {}, portal);
    const exported = await statements(`query($l: Int!) { applicationsExport(limit: $l) { nextCursor items { ${LIST_FIELDS} } } }`, { l: 100 }, portal);
    expect(exported.data.applicationsExport.items).toHaveLength(100);
    expect(exported.n).toBeLessThanOrEqual(2);
    const counts = await statements(`{ reviewQueueCounts { unassigned mine returned dueSoon all } }`, {}, reviewer);
    expect(counts.n).toBeLessThanOrEqual(2);
  });

  it('the offices list and lookup, and the 送信ログ: two statements, the same answers as the entity path', async () => {
    const OFFICE = 'id code status usesNet usesGeneral plan billingCode startDate endDate company { id abbreviation profile { name nameKana } } profile { name nameKana address { postalCode address } manager { lastName email } } billing { consolidated paymentMethod }';
    const EMAIL = 'id templateKey templateVersion receiptNo recipients subject text html status attempts lastError messageId createdAt sentAt nextAttemptAt';
    const reads: Array<[string, (f: string) => string, Record<string, unknown>, string]> = [
      ['offices', (f) => `query($l: Int) { offices(limit: $l) { totalCount items { ${f} } } }`, {}, OFFICE],
      ['offices by name', (f) => `query($l: Int) { offices(limit: $l, filter: { q: "カブシキ", status: [ACTIVE] }) { totalCount items { ${f} } } }`, {}, OFFICE],
      ['送信ログ', (f) => `query($l: Int) { outboundEmails(limit: $l) { totalCount items { ${f} } } }`, {}, EMAIL],
      ['送信ログ sent', (f) => `query($l: Int) { outboundEmails(limit: $l, filter: { status: [SENT, PENDING] }) { totalCount items { ${f} } } }`, {}, EMAIL],
    ];
    const supervisor = await server.login('supervisor@example.jp');
    await server.gql('{ me { id } }', {}, supervisor);
    for (const [name, query, variables, fields] of reads) {
      const small = await statements(query(fields), { ...variables, l: 1 }, supervisor);
      const large = await statements(query(fields), { ...variables, l: 100 }, supervisor);
      expect(small.n, name).toBeLessThanOrEqual(2);
      expect(large.n, name).toBe(small.n);
      const entities = await server.gql(query(onEntities(fields)), { ...variables, l: 100 }, supervisor);
      expect(strip(large.data), name).toEqual(strip(entities.data));
    }
    const code = (await sql(`select code from office where code is not null limit 1`))[0]!.code;
    const office = await statements(`query($c: String) { office(code: $c) { ${OFFICE} } }`, { c: code }, support);
    expect(office.n).toBeLessThanOrEqual(2);
    expect(office.data.office.code).toBe(code);
    expect(strip(office.data)).toEqual(strip((await server.gql(`query($c: String) { office(code: $c) { ${onEntities(OFFICE)} } }`, { c: code }, support)).data));
  });
});

describe('the read path answers what the entity path answers', () => {
  it('same rows, same order, same values on random filters, sorts and pages', async () => {
    faker.seed(4242);
    const offices = (await sql<{ code: string }>(`select code from office where code is not null order by code`)).map((r) => r.code);
    const receipts = (await sql<{ receipt_no: string }>(`select receipt_no from application order by receipt_no`)).map((r) => r.receipt_no);
    const kanas = (await sql<{ k: string }>(`select substr(name_kana, 1, 3) as k from company where name_kana is not null`)).map((r) => r.k);
    const today = todayInJapan(server.clock.now());
    const statuses = ['RECEIVED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'WITHDRAWN', 'CANCELLED'];
    for (let i = 0; i < 40; i++) {
      const filter: Record<string, unknown> = {};
      if (faker.datatype.boolean()) filter.status = faker.helpers.arrayElements(statuses, { min: 1, max: 3 });
      if (faker.datatype.boolean(0.3)) filter.kind = faker.helpers.arrayElements(['NEW', 'CHANGE', 'TERMINATION'], { min: 1, max: 2 });
      if (faker.datatype.boolean(0.3)) filter.queue = faker.helpers.arrayElement(['UNASSIGNED', 'MINE', 'RETURNED', 'DUE_SOON', 'ALL']);
      if (faker.datatype.boolean(0.2)) filter.officeCode = faker.helpers.arrayElement(offices);
      if (faker.datatype.boolean(0.2)) filter.q = faker.datatype.boolean() ? faker.helpers.arrayElement(receipts).slice(0, 4) : faker.helpers.arrayElement(kanas);
      if (faker.datatype.boolean(0.2)) filter.receivedFrom = addDays(today, -faker.number.int({ min: 30, max: 600 }));
      if (faker.datatype.boolean(0.2)) filter.receivedTo = addDays(today, -faker.number.int({ min: 0, max: 300 }));
      if (faker.datatype.boolean(0.2)) filter.desiredStartFrom = addDays(today, faker.number.int({ min: -300, max: 30 }));
      if (faker.datatype.boolean(0.2)) filter.desiredStartTo = addDays(today, faker.number.int({ min: -30, max: 300 }));
      const sort = { field: faker.helpers.arrayElement(['RECEIVED_AT', 'RECEIPT_NO', 'DESIRED_START_DATE', 'STATUS']), order: faker.helpers.arrayElement(['ASC', 'DESC']) };
      const variables = { filter, sort, offset: faker.helpers.arrayElement([0, 0, 5, 30]), limit: faker.helpers.arrayElement([5, 25, 100]) };
      const token = faker.datatype.boolean() ? reviewer : support;
      const fields = faker.datatype.boolean(0.2) ? EVERYTHING : LIST_FIELDS;
      const read = await server.gql(page(fields), variables, token);
      const entities = await server.gql(page(onEntities(fields)), variables, token);
      expect(read.errors).toBeUndefined();
      expect(strip(read.data), JSON.stringify(variables)).toEqual(strip(entities.data));
    }
  });

  it('integrators never see 社内メモ, on either path; a malformed lookup is the same error on both', async () => {
    const app = await given(server).application({ status: 'IN_REVIEW' });
    const note = await server.gql(`mutation($id: ID!) { addInternalNote(id: $id, message: "社内のみ") { id } }`, { id: app.id }, reviewer);
    expect(note.errors).toBeUndefined();
    for (const fields of ['history { action message internal } latestHistory { action internal }', onEntities('history { action message internal } latestHistory { action internal }')]) {
      const asPortal = await server.gql(`query($id: ID) { application(id: $id) { ${fields} } }`, { id: app.id }, portal);
      expect(asPortal.data!.application.history.some((h: any) => h.internal)).toBe(false);
      expect(asPortal.data!.application.latestHistory.internal).toBe(false);
      const asStaff = await server.gql(`query($id: ID) { application(id: $id) { ${fields} } }`, { id: app.id }, reviewer);
      expect(asStaff.data!.application.history.some((h: any) => h.internal && h.message === '社内のみ')).toBe(true);
    }
    for (const fields of ['id', onEntities('id')]) {
      const missing = await server.gql(`{ application(receiptNo: "999999Z") { ${fields} } }`, {}, support);
      expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
      // Refused before either path runs (graphql/inputLimits.ts): an ID must be a UUID.
      const bad = await server.gql(`{ application(id: "not-a-uuid") { ${fields} } }`, {}, support);
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'id' }] });
    }
  });

  it('the export pages the same rows with the same cursors', async () => {
    const q = (fields: string) => `query($a: String) { applicationsExport(after: $a, limit: 37) { nextCursor items { ${fields} } } }`;
    let after: string | undefined;
    for (let i = 0; i < 3; i++) {
      const read = await server.gql(q(LIST_FIELDS), { a: after }, portal);
      const entities = await server.gql(q(onEntities(LIST_FIELDS)), { a: after }, portal);
      expect(strip(read.data)).toEqual(strip(entities.data));
      after = read.data!.applicationsExport.nextCursor;
      expect(after).toBeTruthy();
    }
  });
});

describe('the tally', () => {
  const byKey = async () => {
    const tally = await sql(`select status, kind, assignee_id, sum(n)::int as n from application_tally group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3`);
    const truth = await sql(`select status, kind, assignee_id, count(*)::int as n from application group by 1, 2, 3 order by 1, 2, 3`);
    return { tally, truth };
  };

  it('equals count(*) per status, kind and assignee after random intake, review and cancellation, compacted or not', async () => {
    faker.seed(777);
    const build = given(server);
    const statuses = ['RECEIVED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'WITHDRAWN', 'CANCELLED'] as const;
    await Promise.all(Array.from({ length: 12 }, () => build.application({
      kind: faker.helpers.arrayElement(['NEW', 'CHANGE'] as const),
      status: faker.helpers.arrayElement(statuses),
      assignee: faker.helpers.arrayElement(['reviewer@example.jp', 'reviewer2@example.jp', 'supervisor@example.jp']),
    })));
    const before = await byKey();
    expect(before.tally).toEqual(before.truth);
    await compactTally(server.orm.em.fork());
    const after = await byKey();
    expect(after.tally).toEqual(after.truth);
    expect((await sql(`select count(*)::int as n from application_tally`))[0]!.n).toBe(after.truth.length);
  });

  it('the queue counts and totalCount equal count(*) of the same conditions', async () => {
    const me = (await sql(`select id from staff where email = 'reviewer@example.jp'`))[0]!.id;
    const counts = (await server.gql(`{ reviewQueueCounts { unassigned mine returned dueSoon all } }`, {}, reviewer)).data!.reviewQueueCounts;
    const [truth] = await sql(`select
        count(*) filter (where status in ('RECEIVED', 'IN_REVIEW') and assignee_id is null)::int as unassigned,
        count(*) filter (where status in ('RECEIVED', 'IN_REVIEW', 'RETURNED') and assignee_id = ?)::int as mine,
        count(*) filter (where status = 'RETURNED')::int as returned,
        count(*)::int as all
      from application`, [me]);
    expect(counts).toMatchObject(truth!);
    for (const status of ['APPROVED', 'IN_REVIEW', 'CANCELLED']) {
      const total = (await server.gql(page('id'), { filter: { status: [status] }, limit: 1 }, reviewer)).data!.applications.totalCount;
      expect(total).toBe((await sql(`select count(*)::int as n from application where status = ?`, [status]))[0]!.n);
    }
  });

  it('a filtered list counts without the table: the tally, or an index-only plan (status + office)', async () => {
    const code = (await sql(`select code from office where code is not null limit 1`))[0]!.code;
    // As autovacuum keeps it at volume: the visibility map says which pages an index-only scan may skip.
    await sql('vacuum analyze application');
    const plan = async (filter: Record<string, unknown>) => server.orm.em.fork().transactional(async (tx) => {
      const count = listCount(tx, filter as never, { dueBy: todayInJapan(server.clock.now()) });
      // The small test table would be read whole; what matters is that an index can answer alone.
      await tx.execute('set local enable_seqscan = off');
      await tx.execute('set local enable_bitmapscan = off');
      const [row] = await tx.execute<Array<{ 'QUERY PLAN': unknown }>>(`explain (format json) ${count.sql}`, [...count.params]);
      return JSON.stringify(row!['QUERY PLAN']);
    });
    const byOffice = await plan({ status: ['IN_REVIEW', 'APPROVED'], officeCode: code });
    expect(byOffice, byOffice).toContain('"Index Only Scan"');
    expect(byOffice).toContain('application_office_status_idx');
    expect(byOffice).not.toMatch(/"Relation Name":"application","Alias":"a"[^}]*"Node Type":"Seq Scan"/);
    for (const filter of [{}, { status: ['APPROVED'] }, { queue: 'UNASSIGNED', kind: ['NEW'] }]) {
      expect(await plan(filter)).toContain('"Relation Name":"application_tally"');
    }
  });
});
