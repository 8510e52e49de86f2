// Grows the product's own schema to a real volume with set-based SQL (insert … select from generate_series, 100k rows a
// statement): reviewers, thousands of companies and offices (company → offices, 事業所コード = 企業略称 + 3 digits), then
// applications with about five history rows each and their 受付完了 mail, spread over ~8 years before the product's NOW.
// Everything goes through the schema's own rules: receipt numbers come from next_receipt_no() (in order of receipt),
// every CHECK/UNIQUE/FK holds, and no trigger is disabled, so whatever the triggers maintain stays right.
// Draws are hashes of a row key (pg_temp.r), so a size always grows the same data.
import type pg from 'pg';
import {
  BANKS, BILLING_DEPARTMENTS, BILLING_MAILBOXES, BRANCH_SUFFIXES, BUILDINGS, BUSINESSES, CANCEL_MESSAGES, CONTRACTOR_TITLES,
  DEPARTMENTS, GIVEN_NAMES, INTERNAL_NOTES, LEGAL_FORMS, LOCATIONS, NAME_WORDS, NEW_REASONS, REMARKS, RESUBMIT_REMARKS,
  RETURN_MESSAGES, SURNAMES, TERMINATION_REASONS, TITLES, WITHDRAW_MESSAGES,
} from '../db/seeders/factories/words.js';
import { foldForSearch, searchText } from '../server/src/common/search.js';

const BATCH = Number(process.env.BENCH_BATCH ?? 100_000);
const PORTAL = 'NSS (NACCSサポートシステム)';
const YEAR_CAPACITY = 9999 * 26; // next_receipt_no: 4-digit serial × letters A–Z per year

/** What a change application asks for, and why (the demo's kinds of change). */
const CHANGES: Array<[string[], string]> = [
  [['MAILBOX'], '部署ごとに受信を分けるため、メールボックスを追加します。'],
  [['MAILBOX'], '取引先の増加に伴い、メールボックスを追加するため。'],
  [['NET_TERMINAL'], '担当者の増員に伴い、netNACCS端末を追加するため。'],
  [['USER_CODE', 'IDENT_NO'], '新たな業種での業務開始に伴い、識別番号を追加するため。'],
  [['IDENT_NO'], '担当者の異動に伴い、使用しなくなった識別番号を廃止するため。'],
  [['MANAGER'], '人事異動に伴い、管理責任者を変更するため。'],
  [['CONTRACTOR'], '代表者の交代に伴い、契約者を変更するため。'],
  [['BILLING_CONTACT'], '請求に関する担当者の変更のため。'],
  [['BILLING_ADDRESS', 'BILLING_CONTACT'], '経理部門の移転に伴い、請求書送付先と担当者を変更するため。'],
  [['PAYMENT_METHOD'], '支払事務の効率化のため、口座振替に変更します。'],
  [['PLAN'], '利用件数の増加に伴い、料金プランをBからAへ変更するため。'],
  [['COMPANY_OFFICE'], '事業所移転に伴い、所在地および電話番号を変更するため。'],
  [['HEAD_OFFICE'], '本社移転に伴い、本社所在地を変更するため。'],
  [['GENERAL_LINE', 'GENERAL_TERMINAL'], '一般NACCSの回線および端末を追加するため。'],
  [['WEB_CERTIFICATE'], 'WEB端末の電子証明書を追加するため。'],
  [['STATISTICS'], '統計データの提供を受けるため。'],
];

/** The 受付完了 mail as the demo's template renders it: what comes after the addressee and before the number. */
const MAIL_BODY_1 = '輸出入・港湾関連情報処理センター株式会社（NACCSセンター）です。\nNACCSのご利用ありがとうございます。\n利用申込の受付が完了しました。\n\n申込受付年月日：';
const MAIL_BODY_2 = '\n\n弊社にて利用申込内容の審査を行い、審査完了後にあらためてご連絡いたします。\n申込内容に確認事項がある場合は、ご連絡を差し上げます。\n'
  + 'お問い合わせの際は、申込受付番号をお伝えください。\nNACCSサポートシステム<https://nss.nac6.naccs.jp/dfw/login/nsscoapp/>\n\n＜ご利用にあたっての留意事項＞\n'
  + '・このメールは自動配信しています。こちらのメールは送信専用のため、直接返信いただいてもお問い合わせにはお答えできませんので、ご了承ください。\n'
  + '・ご不明な点・ご質問等がございましたら、下記までご連絡をお願いします。\n\n輸出入・港湾関連情報処理センター株式会社（NACCSセンター）\nヘルプデスク 0120-794550 【受付時間】24時間\n';

/** The word lists, one text[] column each, in a one-row temp table `w`. */
function wordLists(): Record<string, string[]> {
  const col = <T>(items: readonly T[], f: (x: T) => string | number) => items.map((x) => String(f(x)));
  const forms = [LEGAL_FORMS.kk, LEGAL_FORMS.yk, LEGAL_FORMS.gk];
  const lists: Record<string, string[]> = {
    sn_k: col(SURNAMES, (s) => s[0]), sn_r: col(SURNAMES, (s) => s[1]), sn_e: col(SURNAMES, (s) => s[2]),
    gn_k: col(GIVEN_NAMES, (s) => s[0]), gn_r: col(GIVEN_NAMES, (s) => s[1]), gn_e: col(GIVEN_NAMES, (s) => s[2]),
    nw_k: col(NAME_WORDS, (s) => s[0]), nw_r: col(NAME_WORDS, (s) => s[1]), nw_e: col(NAME_WORDS, (s) => s[2]),
    bz_k: col(BUSINESSES, (b) => b.word[0]), bz_r: col(BUSINESSES, (b) => b.word[1]), bz_e: col(BUSINESSES, (b) => b.english),
    lf_k: col(forms, (f) => f[0]), lf_r: col(forms, (f) => f[1]), lf_e: col(forms, (f) => f[2]),
    loc_pref: col(LOCATIONS, (l) => l.pref), loc_city: col(LOCATIONS, (l) => l.city), loc_cityk: col(LOCATIONS, (l) => l.cityKana),
    loc_short: col(LOCATIONS, (l) => l.short), loc_shortk: col(LOCATIONS, (l) => l.shortKana), loc_zip: col(LOCATIONS, (l) => l.zip),
    loc_customs: col(LOCATIONS, (l) => l.customs), loc_area: col(LOCATIONS, (l) => l.area),
    loc_major: LOCATIONS.flatMap((l, i) => (l.major ? [String(i + 1)] : [])),
    bld_k: col(BUILDINGS, (b) => b[0]), bld_r: col(BUILDINGS, (b) => b[1]),
    br_k: col(BRANCH_SUFFIXES, (b) => b[0]), br_r: col(BRANCH_SUFFIXES, (b) => b[1]),
    dept: [...DEPARTMENTS], title: [...TITLES], ctitle: [...CONTRACTOR_TITLES], bdept: [...BILLING_DEPARTMENTS], bank: [...BANKS],
    bmail: [...BILLING_MAILBOXES], ret: [...RETURN_MESSAGES], wd: [...WITHDRAW_MESSAGES], cx: [...CANCEL_MESSAGES],
    note: [...INTERNAL_NOTES], rem: [...REMARKS], rsr: [...RESUBMIT_REMARKS], newr: [...NEW_REASONS], termr: [...TERMINATION_REASONS],
    chg_items: CHANGES.map(([items]) => `{${items.join(',')}}`), chg_reason: CHANGES.map(([, reason]) => reason),
  };
  // The search column is made of these pieces: their folded forms come from the product's own foldForSearch (it
  // folds character by character, so a name's fold is its pieces' folds put together).
  for (const name of ['sn_k', 'sn_r', 'gn_k', 'gn_r', 'nw_k', 'nw_r', 'bz_k', 'bz_r', 'lf_k', 'lf_r', 'loc_short', 'loc_shortk', 'br_k', 'br_r']) {
    lists[`${name}f`] = lists[name]!.map(foldForSearch);
  }
  lists.head_f = [foldForSearch('本社'), foldForSearch('ホンシャ')];
  return lists;
}

// SQL fragments. r(key, salt) is a uniform draw in [0, 1) from a hash; every draw of a row has its own salt.
const r = (key: string, salt: number) => `pg_temp.r(${key}, ${salt})`;
/** A 1-based index into a word list of `w`. */
const ix = (list: string, key: string, salt: number) => `(1 + floor(${r(key, salt)} * cardinality(w.${list}))::int)`;
const pick = (list: string, key: string, salt: number) => `w.${list}[${ix(list, key, salt)}]`;
const zen = (n: string) => `translate((${n})::text, '0123456789', '０１２３４５６７８９')`;
/** A 10-digit landline of an area code, no hyphens (as NSS wants it). */
const landline = (area: string, key: string, salt: number) =>
  `${area} || (1 + floor(${r(key, salt)} * 9))::int::text || lpad(floor(${r(key, salt + 1)} * (10::float8 ^ (9 - length(${area}))))::bigint::text, 9 - length(${area}), '0')`;
const mobile = (key: string, salt: number) =>
  `'0' || (array['90', '80', '70'])[1 + floor(${r(key, salt)} * 3)::int] || lpad(floor(${r(key, salt + 1)} * 100000000)::bigint::text, 8, '0')`;
const chance = (p: number, key: string, salt: number) => `${r(key, salt)} < ${p}`;
const days = (n: string) => `(${n}) * interval '1 day'`;
const jstDate = (t: string) => `(${t} at time zone 'Asia/Tokyo')::date`;

/**
 * One person of a firm (surname, given name, kana, department, title, phones, e-mail at the firm's domain): column
 * expressions named `${prefix}last_name` etc., from draws `salt`…`salt + 9` of `key`.
 */
function person(prefix: string, key: string, salt: number, domain: string, area: string, full = true): string[] {
  const s = ix('sn_k', key, salt);
  const g = ix('gn_k', key, salt + 1);
  const cols = [
    `w.sn_k[${s}] as ${prefix}last_name`, `w.gn_k[${g}] as ${prefix}first_name`,
    `w.sn_r[${s}] as ${prefix}last_name_kana`, `w.gn_r[${g}] as ${prefix}first_name_kana`,
    `w.sn_kf[${s}] || ' ' || w.gn_kf[${g}] || ' ' || w.sn_rf[${s}] || ' ' || w.gn_rf[${g}] as ${prefix}names_f`,
  ];
  if (!full) return [...cols, `null::text as ${prefix}department`, `${pick('ctitle', key, salt + 2)} as ${prefix}title`,
    `null::text as ${prefix}phone`, `null::text as ${prefix}fax`, `null::text as ${prefix}email`];
  return [
    ...cols,
    `${pick('dept', key, salt + 2)} as ${prefix}department`,
    `case when ${chance(0.75, key, salt + 3)} then ${pick('title', key, salt + 4)} end as ${prefix}title`,
    `case when ${chance(0.85, key, salt + 5)} then ${landline(area, key, salt + 6)} else ${mobile(key, salt + 6)} end as ${prefix}phone`,
    `case when ${chance(0.5, key, salt + 8)} then ${landline(area, key, salt + 9)} end as ${prefix}fax`,
    `lower(w.gn_e[${g}] || '.' || w.sn_e[${s}]) || '@' || ${domain} as ${prefix}email`,
  ];
}

/** An address of a location index `loc`: full-width block numbers, sometimes a building and floor. */
function address(prefix: string, loc: string, key: string, salt: number): string[] {
  const [c, b, n, bld, fl] = [`(1 + floor(${r(key, salt)} * 9))::int`, `(1 + floor(${r(key, salt + 1)} * 30))::int`,
    `(1 + floor(${r(key, salt + 2)} * 25))::int`, ix('bld_k', key, salt + 3), `(1 + floor(${r(key, salt + 4)} * 12))::int`];
  const inBuilding = chance(0.5, key, salt + 5);
  return [
    `w.loc_zip[${loc}] || lpad(floor(${r(key, salt + 6)} * 10000)::int::text, 4, '0') as ${prefix}postal_code`,
    `w.loc_pref[${loc}] as ${prefix}prefecture`,
    `w.loc_city[${loc}] || ${zen(c)} || '丁目' || ${zen(b)} || '番' || ${zen(n)} || '号' || case when ${inBuilding} then '\u3000' || w.bld_k[${bld}] || ${zen(fl)} || '階' else '' end as ${prefix}address`,
    `w.loc_cityk[${loc}] || ${zen(c)} || 'チョウメ' || ${zen(b)} || 'バン' || ${zen(n)} || 'ゴウ' || case when ${inBuilding} then '\u3000' || w.bld_r[${bld}] || ${zen(fl)} || 'カイ' else '' end as ${prefix}address_kana`,
  ];
}

/** The profile columns an application copies from its office (office_*) and company (company_*), and billing_*. */
const OFFICE_COLS = ['name', 'name_kana', 'addr_postal_code', 'phone', 'addr_prefecture', 'fax', 'addr_address', 'customs_office', 'addr_address_kana',
  'contractor_last_name', 'contractor_first_name', 'manager_last_name', 'emergency_faxes', 'contractor_last_name_kana', 'manager_first_name',
  'contractor_first_name_kana', 'manager_last_name_kana', 'contractor_department', 'manager_first_name_kana', 'contractor_title', 'manager_department',
  'contractor_phone', 'manager_title', 'contractor_fax', 'manager_phone', 'contractor_email', 'manager_fax', 'manager_email'];
const COMPANY_COLS = ['name', 'name_kana', 'name_en', 'head_office_postal_code', 'head_office_phone', 'head_office_prefecture', 'head_office_fax',
  'head_office_address', 'head_office_address_kana'];
const BILLING_COLS = ['consolidated', 'company_name', 'office_name', 'address_same_as_office', 'addr_postal_code', 'addr_prefecture', 'contact_last_name',
  'emails', 'addr_address', 'contact_first_name', 'payment_method', 'addr_address_kana', 'contact_last_name_kana', 'same_account',
  'contact_first_name_kana', 'contact_department', 'bank_name', 'contact_title', 'contact_phone', 'contact_fax', 'contact_email'];

export interface GrowOptions {
  /** Applications in all after growing. */
  total: number;
  /** The product's NOW (its business clock): the grown data ends just before it. */
  now: Date;
  log?: (line: string) => void;
}

export interface GrowResult {
  applications: number;
  history: number;
  offices: number;
  companies: number;
  staff: number;
  emails: number;
  grownApplications: number;
  /** Seconds per phase (insert, vacuum analyze). */
  phases: Array<[string, number]>;
  seconds: number;
}

const count = async (db: pg.Client, sql: string): Promise<number> => Number((await db.query(sql)).rows[0].n);

export async function grow(db: pg.Client, opts: GrowOptions): Promise<GrowResult> {
  const log = opts.log ?? (() => {});
  const phases: Array<[string, number]> = [];
  const t0 = Date.now();
  let tPhase = Date.now();
  const phase = (name: string) => {
    const s = (Date.now() - tPhase) / 1000;
    phases.push([name, s]);
    log(`  ${name}: ${s.toFixed(1)} s`);
    tPhase = Date.now();
  };
  // Grown history is not news: no live-update announcement per row (db/migrations/*_application_events.ts).
  await db.query(`set naccs.announce = 'off'`);
  const existing = await count(db, 'select count(*) as n from application');
  const grown = Math.max(0, opts.total - existing);
  if (grown === 0) return { ...(await counts(db)), grownApplications: 0, phases, seconds: 0 };
  // Enough years that no year's receipt numbers run out (next_receipt_no raises past 259,974 a year).
  const years = Math.max(8, Math.ceil(grown / 200_000));
  // Offices: ~1 per 40 applications (thousands), a third of them older than the window; companies hold 1–5 each.
  const O = Math.max(300, Math.min(60_000, Math.round(grown / 40)));
  const C = Math.min(15_000, Math.round(O * 0.45));
  const P = Math.round(O * 0.35);
  const now = opts.now.toISOString();
  log(`growing ${existing.toLocaleString()} → ${opts.total.toLocaleString()} applications over ${years} years (${O.toLocaleString()} offices, ${C.toLocaleString()} companies)`);

  // Helpers that live as long as this session (pg_temp): the hash draw and the event times.
  await db.query(`create function pg_temp.r(k bigint, salt int) returns float8 language sql immutable parallel safe
    as $$ select (hashint8extended(k, salt) & 9007199254740991)::float8 / 9007199254740992.0 $$`);
  // Event i of k of an application: the first at receipt, the others spread over `dur`, strictly increasing.
  await db.query(`create function pg_temp.at_(t0 timestamptz, dur interval, k int, i bigint, h bigint) returns timestamptz language sql stable
    as $$ select date_trunc('milliseconds', case when i <= 1 or k <= 1 then t0
      else t0 + dur * ((i - 1.7 + 0.7 * pg_temp.r(h, 1000 + i::int)) / (k - 1)) end) $$`);
  const lists = wordLists();
  const names = Object.keys(lists);
  await db.query(`create temp table w as select ${names.map((n, i) => `$${i + 1}::text[] as ${n}`).join(', ')}`, names.map((n) => lists[n]));

  // Reviewers and supervisors: the demo's plus 27, ~30 who take applications (same password as reviewer@example.jp).
  await db.query(`insert into staff (id, email, name, password_hash, roles, active, created_at)
    select gen_random_uuid(), 'staff' || lpad(i::text, 2, '0') || '@bench.example.jp', ${pick('sn_k', 'i', 1)} || ' ' || ${pick('gn_k', 'i', 2)},
      coalesce((select password_hash from staff where email = 'reviewer@example.jp'), (select min(password_hash) from staff)),
      case when i <= 3 then array['SUPERVISOR'] else array['REVIEWER'] end, true, $1::timestamptz - interval '${years} years 30 days'
    from generate_series(1, 27) i cross join w`, [now]);
  await db.query(`create temp table b_staff as
    select row_number() over (order by email)::int as n, id, name, case when 'SUPERVISOR' = any(roles) then 'SUPERVISOR' else 'REVIEWER' end as role
      from staff where active and roles && array['REVIEWER', 'SUPERVISOR']`);
  await db.query(`create temp table b_sup as select row_number() over (order by n)::int as m, n from b_staff where role = 'SUPERVISOR'`);
  await db.query(`create temp table b_support as
    select row_number() over (order by email)::int as m, id, name, 'SUPPORT' as role from staff where active and 'SUPPORT' = any(roles)`);
  const nStaff = await count(db, 'select count(*) as n from b_staff');
  const nSup = await count(db, 'select count(*) as n from b_sup');
  const nSupport = await count(db, 'select count(*) as n from b_support');
  if (!nStaff || !nSup) throw new Error('no reviewers or supervisors to assign');

  // Offices in order of opening: the first P before the window, the rest across it (none in the last 45 days, so that
  // their 新規申込 is approved by NOW); every 20th from k = 7 closes later by an approved 契約解除.
  await db.query(`create temp table b_oplan as
    select k, c, founded_at, closed_at, false as pending, null::text as connection,
           case when closed_at is null then 'ACTIVE' else 'CLOSED' end as status
      from (select k, case when k <= ${C} then k else 1 + floor(${r('k', 201)} ^ 2 * ${C})::int end as c, founded_at,
                   case when k % 20 = 7 and founded_at < $1::timestamptz - interval '400 days'
                        then date_trunc('milliseconds', founded_at + ($1::timestamptz - interval '30 days' - founded_at) * (0.3 + 0.7 * ${r('k', 202)})) end as closed_at
              from (select k, date_trunc('milliseconds', case when k <= ${P}
                        then $1::timestamptz - interval '${years} years' - (${P} - k + ${r('k', 203)}) / ${P}::float8 * interval '10 years'
                        else $1::timestamptz - interval '${years} years' + (k - ${P} - 1 + 0.5 * ${r('k', 203)}) / ${O - P}::float8
                             * ($1::timestamptz - interval '45 days' - ($1::timestamptz - interval '${years} years')) end) as founded_at
                      from generate_series(1, ${O}) k) f) o`, [now]);

  // Temp tables have no statistics unless analyzed: without them the joins below would be nested loops.
  await db.query('create unique index on b_oplan (k)');
  await db.query('analyze b_oplan, b_staff, b_sup, b_support, w');

  // Applications: each office's 新規申込 (approved: it opened the office), each closed office's 契約解除 (approved), and
  // a stream across the window — mostly 変更申込, a few 新規 (own pending office) and 契約解除 not approved.
  const founding = O - P;
  const terminations = await count(db, 'select count(*) as n from b_oplan where closed_at is not null');
  const S = Math.max(0, grown - founding - terminations);
  if (grown && S < grown * 0.5) throw new Error(`BENCH_APPLICATIONS too small to grow (${grown} to add)`);
  const span = `($1::timestamptz - interval '1 hour' - ($1::timestamptz - interval '${years} years'))`;
  const W0 = `($1::timestamptz - interval '${years} years')`;
  // Stream: status by age (open mostly in the last ~5 months), closed ones mostly approved.
  await db.query(`create temp table b_base as
    select 100000000::bigint + o.k as h, 'NEW' as kind, o.k as office_k,
           date_trunc('milliseconds', o.founded_at - ${days(`25 + 30 * ${r('o.k', 301)}`)}) as received_at,
           'APPROVED' as status, ${jstDate('o.founded_at')} as fixed_start, o.founded_at - interval '1 day' as end_by
      from b_oplan o where o.k > ${P} and ${grown > 0}
    union all
    select 200000000::bigint + o.k, 'TERMINATION', o.k, date_trunc('milliseconds', o.closed_at - ${days(`20 + 25 * ${r('o.k', 302)}`)}), 'APPROVED',
           ${jstDate('o.closed_at')},
           o.closed_at - interval '1 day'
      from b_oplan o where o.closed_at is not null and ${grown > 0}
    union all
    select i, kind, null, received_at,
           case when ${r('i', 311)} < greatest(0, 1 - extract(epoch from $1::timestamptz - received_at) / (150 * 86400))
                then case when ${r('i', 312)} < 0.3 then 'RECEIVED' when ${r('i', 312)} < 0.8 then 'IN_REVIEW' else 'RETURNED' end
                when kind = 'CHANGE' then case when ${r('i', 313)} < 0.9 then 'APPROVED' when ${r('i', 313)} < 0.95 then 'WITHDRAWN' else 'CANCELLED' end
                else case when ${r('i', 313)} < 0.6 then 'WITHDRAWN' else 'CANCELLED' end end,
           null::date, null::timestamptz
      from (select i, date_trunc('milliseconds', ${W0} + (i - 1 + ${r('i', 310)}) / ${S}::float8 * ${span}) as received_at,
                   case when ${r('i', 314)} < 0.004 then 'NEW' when ${r('i', 314)} < 0.006 then 'TERMINATION' else 'CHANGE' end as kind
              from generate_series(1, ${S}) i) s`, [now]);

  await db.query('create unique index on b_base (h)');
  await db.query('analyze b_base');
  // Stream offices: a new application's own pending office (numbered after the others); a change names an office open
  // 30 days before it that stays open 60 days after it (a closing office hands its later changes to its neighbour).
  await db.query(`update b_base b set office_k = ${O} + x.j
      from (select h, row_number() over (order by h)::int as j from b_base where kind = 'NEW' and office_k is null) x where b.h = x.h`);
  await db.query(`update b_base b set office_k = case when o.closed_at is not null and o.closed_at < b.received_at + interval '60 days' then x.k0 - 1 else x.k0 end
      from (select h, 1 + floor(${r('h', 320)} * least(${O}, case when received_at - interval '30 days' < ${W0} then ${P}
                else ${P} + floor(extract(epoch from received_at - interval '30 days' - ${W0}) / extract(epoch from ${span} - interval '45 days') * ${O - P}) end))::int as k0
              from b_base where office_k is null) x
      join b_oplan o on o.k = x.k0
     where b.h = x.h`, [now]);
  const Q = await count(db, `select count(*) as n from b_base where office_k > ${O}`);
  await db.query(`insert into b_oplan (k, c, founded_at, closed_at, pending, connection, status)
    select office_k, ${C} + office_k - ${O}, received_at, null, true, case when ${chance(0.7, 'h', 330)} then 'NET' else 'GENERAL' end, 'PENDING'
      from b_base where office_k > ${O}`);

  // Companies (the pending ones are the new applications' own, without 企業略称 until approval).
  await db.query(`create temp table b_abbr as
    select row_number() over (order by md5(a))::int as n, a from (
      select chr(65 + i) || chr(65 + j) || chr(65 + k) as a from generate_series(0, 25) i, generate_series(0, 25) j, generate_series(0, 25) k) t
     where not exists (select 1 from company where abbreviation = t.a)`);
  await db.query(`create temp table b_company as
    select c, gen_random_uuid() as id, abbreviation, created_at,
           case when prefix then w.lf_k[form] || core_k else core_k || w.lf_k[form] end as name,
           case when prefix then w.lf_r[form] || core_r else core_r || w.lf_r[form] end as name_kana,
           core_e || ' ' || w.lf_e[form] as name_en, domain, loc,
           case when prefix then w.lf_kf[form] || core_kf else core_kf || w.lf_kf[form] end as name_f,
           case when prefix then w.lf_rf[form] || core_rf else core_rf || w.lf_rf[form] end as name_kana_f,
           ${address('head_office_', 'loc', 'c::bigint', 110).join(', ')},
           ${landline('w.loc_area[loc]', 'c::bigint', 120)} as head_office_phone,
           case when ${chance(0.8, 'c::bigint', 122)} then ${landline('w.loc_area[loc]', 'c::bigint', 123)} end as head_office_fax,
           ${person('contractor_', 'c::bigint', 130, 'domain', 'w.loc_area[loc]', false).join(', ')}
      from (select c, abbreviation, created_at, form, prefix, core_k, core_r, core_e, core_kf, core_rf, loc,
                   lower(replace(core_e, ' ', '-')) || case when c % 7 = 0 then c::text else '' end || '.co.jp' as domain
              from (select c, a.a as abbreviation, created_at,
                           case when ${r('c', 101)} < 0.88 then 1 when ${r('c', 101)} < 0.95 then 2 else 3 end as form,
                           case when ${r('c', 101)} < 0.88 then ${chance(0.4, 'c', 102)} else ${r('c', 101)} < 0.95 end as prefix,
                           coalesce(case when ${chance(0.2, 'c', 103)} then ${pick('sn_k', 'c', 104)} end, ${pick('nw_k', 'c', 105)}) || w.bz_k[bz] as core_k,
                           coalesce(case when ${chance(0.2, 'c', 103)} then ${pick('sn_r', 'c', 104)} end, ${pick('nw_r', 'c', 105)}) || w.bz_r[bz] as core_r,
                           coalesce(case when ${chance(0.2, 'c', 103)} then upper(${pick('sn_e', 'c', 104)}) end, ${pick('nw_e', 'c', 105)}) || ' ' || w.bz_e[bz] as core_e,
                           coalesce(case when ${chance(0.2, 'c', 103)} then ${pick('sn_kf', 'c', 104)} end, ${pick('nw_kf', 'c', 105)}) || w.bz_kf[bz] as core_kf,
                           coalesce(case when ${chance(0.2, 'c', 103)} then ${pick('sn_rf', 'c', 104)} end, ${pick('nw_rf', 'c', 105)}) || w.bz_rf[bz] as core_rf,
                           w.loc_major[${ix('loc_major', 'c', 106)}]::int as loc
                      from (select cc.*, ${ix('bz_k', 'cc.c', 107)} as bz
                              from (select c, min(founded_at) as created_at, bool_or(pending) as pending from b_oplan group by c) cc cross join w) cc
                      left join b_abbr a on a.n = cc.c and not cc.pending
                      cross join w) x
             cross join w) y
      cross join w`);

  await db.query('create unique index on b_company (c)');
  await db.query('analyze b_company');
  // Offices: 本社 first, branches named after their port or airport; 事業所コード = 企業略称 + number within the company.
  await db.query(`create temp table b_office as
    select o.k, gen_random_uuid() as id, o.c, o.status, o.pending, o.founded_at, o.closed_at,
           case when o.pending then null else cc.abbreviation || lpad(o.seq::text, 3, '0') end as code,
           case when o.seq = 1 then '本社' else w.loc_short[l.loc] || w.br_k[l.br] end as name,
           case when o.seq = 1 then 'ホンシャ' else w.loc_shortk[l.loc] || w.br_r[l.br] end as name_kana,
           case when o.seq = 1 then w.head_f[1] else w.loc_shortf[l.loc] || w.br_kf[l.br] end as name_f,
           case when o.seq = 1 then w.head_f[2] else w.loc_shortkf[l.loc] || w.br_rf[l.br] end as name_kana_f,
           case when o.seq = 1 then cc.head_office_postal_code else ox.addr_postal_code end as addr_postal_code,
           case when o.seq = 1 then cc.head_office_prefecture else ox.addr_prefecture end as addr_prefecture,
           case when o.seq = 1 then cc.head_office_address else ox.addr_address end as addr_address,
           case when o.seq = 1 then cc.head_office_address_kana else ox.addr_address_kana end as addr_address_kana,
           case when o.seq = 1 then cc.head_office_phone else ${landline('w.loc_area[l.loc]', 'o.k::bigint', 220)} end as phone,
           case when o.seq = 1 then cc.head_office_fax when ${chance(0.7, 'o.k::bigint', 222)} then ${landline('w.loc_area[l.loc]', 'o.k::bigint', 223)} end as fax,
           w.loc_customs[l.loc] as customs_office, w.loc_area[l.loc] as area,
           case when ${chance(0.7, 'o.k::bigint', 225)} then cc.contractor_last_name else ox.k_last_name end as contractor_last_name,
           case when ${chance(0.7, 'o.k::bigint', 225)} then cc.contractor_first_name else ox.k_first_name end as contractor_first_name,
           case when ${chance(0.7, 'o.k::bigint', 225)} then cc.contractor_last_name_kana else ox.k_last_name_kana end as contractor_last_name_kana,
           case when ${chance(0.7, 'o.k::bigint', 225)} then cc.contractor_first_name_kana else ox.k_first_name_kana end as contractor_first_name_kana,
           null::text as contractor_department,
           case when cc.name like '%合同会社%' then '代表社員' when ${chance(0.7, 'o.k::bigint', 225)} then cc.contractor_title else ox.k_title end as contractor_title,
           null::text as contractor_phone, null::text as contractor_fax, null::text as contractor_email,
           ox.m_last_name as manager_last_name, ox.m_first_name as manager_first_name, ox.m_last_name_kana as manager_last_name_kana,
           ox.m_first_name_kana as manager_first_name_kana, ox.m_department as manager_department, ox.m_title as manager_title,
           ox.m_phone as manager_phone, ox.m_fax as manager_fax, ox.m_email as manager_email,
           case when ${chance(0.1, 'o.k::bigint', 230)} then array['0000000000']
                else (array[${landline('w.loc_area[l.loc]', 'o.k::bigint', 231)}, ${landline('w.loc_area[l.loc]', 'o.k::bigint', 233)},
                            ${landline('w.loc_area[l.loc]', 'o.k::bigint', 235)}])[1:1 + floor(${r('o.k::bigint', 237)} * 3)::int] end as emergency_faxes,
           coalesce(o.connection = 'NET', ${chance(0.7, 'o.k::bigint', 240)}) as uses_net,
           coalesce(o.connection = 'GENERAL', not ${chance(0.7, 'o.k::bigint', 240)} or ${chance(0.2, 'o.k::bigint', 241)}) as uses_general,
           case when ${chance(0.6, 'o.k::bigint', 242)} then 'A' else 'B' end as plan,
           ${jstDate('o.founded_at')} as start_date, ${jstDate('o.closed_at')} as end_date,
           false as billing_consolidated, cc.name as billing_company_name,
           case when o.seq = 1 then '本社' else w.loc_short[l.loc] || w.br_k[l.br] end as billing_office_name,
           ${chance(0.8, 'o.k::bigint', 250)} as billing_address_same_as_office,
           case when not ${chance(0.8, 'o.k::bigint', 250)} then cc.head_office_postal_code end as billing_addr_postal_code,
           case when not ${chance(0.8, 'o.k::bigint', 250)} then cc.head_office_prefecture end as billing_addr_prefecture,
           case when not ${chance(0.8, 'o.k::bigint', 250)} then cc.head_office_address end as billing_addr_address,
           case when not ${chance(0.8, 'o.k::bigint', 250)} then cc.head_office_address_kana end as billing_addr_address_kana,
           ox.b_last_name as billing_contact_last_name, ox.b_first_name as billing_contact_first_name,
           ox.b_last_name_kana as billing_contact_last_name_kana, ox.b_first_name_kana as billing_contact_first_name_kana,
           ${pick('bdept', 'o.k::bigint', 251)} as billing_contact_department, ox.b_title as billing_contact_title,
           ox.b_phone as billing_contact_phone, ox.b_fax as billing_contact_fax, ox.b_email as billing_contact_email,
           array[${pick('bmail', 'o.k::bigint', 252)} || (1 + floor(${r('o.k::bigint', 253)} * 9))::int || '@' || cc.domain] as billing_emails,
           case when ${chance(0.6, 'o.k::bigint', 254)} then 'DEBIT' else 'TRANSFER' end as billing_payment_method,
           case when not ${chance(0.6, 'o.k::bigint', 254)} then ${pick('bank', 'o.k::bigint', 255)} end as billing_bank_name,
           false as billing_same_account
      from (select o.*, row_number() over (partition by o.c order by o.k) as seq from b_oplan o) o
      join b_company cc on cc.c = o.c
      cross join w
      cross join lateral (select case when o.seq = 1 then cc.loc else ${ix('loc_pref', 'o.k::bigint', 210)} end as loc,
                                 ${ix('br_k', 'o.k::bigint', 211)} as br) l
      cross join lateral (select ${[
        ...address('addr_', 'l.loc', 'o.k::bigint', 260),
        ...person('k_', 'o.k::bigint', 270, 'cc.domain', 'w.loc_area[l.loc]', false),
        ...person('m_', 'o.k::bigint', 280, 'cc.domain', 'w.loc_area[l.loc]'),
        ...person('b_', 'o.k::bigint', 290, 'cc.domain', 'w.loc_area[l.loc]'),
      ].join(', ')}) ox`);
  const offices = O + Q;
  // 請求先コード: 7 digits no office has yet, one per open office.
  await db.query(`alter table b_office add column billing_code text`);
  await db.query(`update b_office o set billing_code = f.code from (
      select row_number() over (order by x)::int as n, lpad(x::text, 7, '0') as code from generate_series(3000000, 3000000 + ${offices * 2}) x
       where not exists (select 1 from office where billing_code = lpad(x::text, 7, '0'))) f where f.n = o.k and not o.pending`);

  await db.query(`insert into company (id, abbreviation, ${COMPANY_COLS.join(', ')}, created_at)
    select id, abbreviation, ${COMPANY_COLS.join(', ')}, created_at from b_company order by c`);
  await db.query(`insert into office (id, company_id, code, status, ${OFFICE_COLS.join(', ')}, uses_net, uses_general, plan, billing_code,
      ${BILLING_COLS.map((c) => `billing_${c}`).join(', ')}, start_date, end_date, search_text, created_at)
    select o.id, cc.id, o.code, o.status, ${OFFICE_COLS.map((c) => `o.${c}`).join(', ')}, o.uses_net, o.uses_general, o.plan, o.billing_code,
      ${BILLING_COLS.map((c) => `o.billing_${c}`).join(', ')}, case when not o.pending then o.start_date end, o.end_date,
      concat_ws(' ', lower(o.code), cc.name_f, cc.name_kana_f, o.name_f, o.name_kana_f), o.founded_at
    from b_office o join b_company cc on cc.c = o.c order by o.k`);
  phase(`staff, ${C + Q} companies, ${offices} offices`);

  // The plan of every application: its events as 'ACTION:FROM:TO' (notes right after the assignment, so the version
  // after event i is i minus the notes before it), who acts, and the dates the events fix.
  await db.query(`create temp table b_app as
    select row_number() over (order by received_at, h) as g, gen_random_uuid() as id, *,
           cardinality(acts) as k_events, array_position(acts, 'APPROVE:IN_REVIEW:APPROVED') as i_approve,
           array_position(acts, 'SYSTEM_SETTINGS:APPROVED:APPROVED') as i_sysset
      from (select *,
                   array['SUBMIT::RECEIVED']
                   || case when assigned then array['ASSIGN:RECEIVED:IN_REVIEW'] else '{}' end
                   || array_fill('INTERNAL_NOTE::'::text, array[n_note])
                   || case n_ret when 0 then '{}'::text[] when 1 then array['RETURN:IN_REVIEW:RETURNED', 'RESUBMIT:RETURNED:IN_REVIEW']
                      else array['RETURN:IN_REVIEW:RETURNED', 'RESUBMIT:RETURNED:IN_REVIEW', 'RETURN:IN_REVIEW:RETURNED', 'RESUBMIT:RETURNED:IN_REVIEW'] end
                   || case when unassigned then array['UNASSIGN:IN_REVIEW:IN_REVIEW'] else '{}' end
                   || case when pending_return then array['RETURN:IN_REVIEW:RETURNED'] else '{}' end
                   || case when status = 'APPROVED' or wfrom = 'APPROVED' then array['APPROVE:IN_REVIEW:APPROVED'] else '{}' end
                   || case when sysset then array['SYSTEM_SETTINGS:APPROVED:APPROVED'] else '{}' end
                   || case status when 'WITHDRAWN' then array['WITHDRAW:' || wfrom || ':WITHDRAWN'] when 'CANCELLED' then array['CANCEL:' || wfrom || ':CANCELLED'] else '{}' end
                   as acts
              from (select *,
                           status not in ('RECEIVED') and coalesce(wfrom, '') <> 'RECEIVED' as assigned,
                           status = 'RETURNED' or wfrom = 'RETURNED' as pending_return,
                           status = 'IN_REVIEW' and ${chance(0.1, 'h', 401)} as unassigned,
                           case when status = 'RECEIVED' or wfrom = 'RECEIVED' then 0
                                when ${r('h', 402)} < 0.45 then 0 when ${r('h', 402)} < 0.83 then 1 else 2 end as n_ret,
                           case when status = 'RECEIVED' or wfrom = 'RECEIVED' then 0
                                when ${r('h', 403)} < 0.45 then 0 when ${r('h', 403)} < 0.85 then 1 else 2 end as n_note,
                           kind = 'NEW' and status = 'APPROVED' and ${chance(0.9, 'h', 404)} as sysset,
                           1 + floor(${r('h', 405)} * ${nStaff})::int as assigned_n,
                           (select n from b_sup where m = 1 + floor(${r('h', 406)} * ${nSup})::int) as sup_n,
                           ${nSupport ? `1 + floor(${r('h', 407)} * ${nSupport})::int` : 'null::int'} as support_n
                      from (select *,
                                   case status when 'WITHDRAWN' then case when ${r('h', 410)} < 0.35 then 'RECEIVED' when ${r('h', 410)} < 0.7 then 'IN_REVIEW' else 'RETURNED' end
                                               when 'CANCELLED' then case when ${r('h', 410)} < 0.2 then 'RECEIVED' when ${r('h', 410)} < 0.8 or kind <> 'CHANGE' then 'IN_REVIEW' else 'APPROVED' end
                                   end as wfrom
                              from b_base) b) b) b`);
  // How long events take, and the dates they fix (an approval sets 利用開始日: the desired day, at least 3 days on).
  await db.query(`alter table b_app add column dur interval, add column approve_at timestamptz, add column desired date, add column start_date date,
    add column receipt_no text, add column ci int, add column other_change text, add column reason text`);
  // What a change asks for (or 機器共用, an その他の契約変更 without items) and the reason the customer gives.
  await db.query(`update b_app set
      dur = case when end_by is not null then end_by - received_at
                 when status in ('RECEIVED', 'IN_REVIEW', 'RETURNED') then ($1::timestamptz - received_at) * (0.2 + 0.7 * ${r('h', 420)})
                 else least(${days(`3 + 25 * ${r('h', 421)}`)}, ($1::timestamptz - received_at) * 0.9) end,
      desired = coalesce(fixed_start, ${jstDate('received_at')} + (10 + floor(35 * ${r('h', 422)}))::int),
      ci = ${ix('chg_items', 'h', 705)},
      other_change = case when kind = 'TERMINATION' then 'TERMINATION' when kind = 'CHANGE' and ${chance(0.02, 'h', 706)} then 'EQUIPMENT_SHARING' end,
      reason = case kind when 'NEW' then ${pick('newr', 'h', 701)} when 'TERMINATION' then ${pick('termr', 'h', 702)}
                 when 'CHANGE' then case when ${chance(0.02, 'h', 706)} then '機器共用のため。' else ${pick('chg_reason', 'h', 705)} end end
      from w`, [now]);
  await db.query(`update b_app set approve_at = pg_temp.at_(received_at, dur, k_events, i_approve, h) where i_approve is not null`);
  await db.query(`update b_app set start_date = coalesce(fixed_start, greatest(desired, ${jstDate('approve_at')} + 3)) where i_approve is not null`);
  await db.query('create unique index on b_app (g)');
  await db.query('create unique index on b_office (k)');
  await db.query('analyze b_app, b_office');

  // Receipt numbers from the product's own next_receipt_no(), in order of receipt. Its counter row is updated once per
  // number, so a chunk is committed every 2,000 (one long transaction would make each update walk all the row versions
  // before it); the procedure does it server-side, one call per batch.
  const perYear = (await db.query(`select extract(year from received_at at time zone 'Asia/Tokyo')::int % 100 as yy, count(*)::int as n
      from b_app group by 1`)).rows as Array<{ yy: number; n: number }>;
  const used = new Map(((await db.query('select year, serial from receipt_counter')).rows as Array<{ year: number; serial: number }>).map((x) => [x.year, x.serial]));
  for (const { yy, n } of perYear) {
    if (n + (used.get(yy) ?? 0) > YEAR_CAPACITY) throw new Error(`year ${yy}: ${n} applications would exhaust its receipt numbers`);
  }
  await db.query(`create procedure pg_temp.receipts(lo bigint, hi bigint) language plpgsql as $$
    declare c bigint := lo;
    begin
      while c <= hi loop
        update b_app p set receipt_no = x.no
          from (select g, next_receipt_no(received_at) as no from b_app where g between c and least(c + 1999, hi) order by g) x
         where p.g = x.g;
        commit;
        c := c + 2000;
      end loop;
    end $$`);
  const total = await count(db, 'select count(*) as n from b_app');
  phase(`plan of ${total.toLocaleString()} applications`);
  for (let lo = 1; lo <= total; lo += BATCH) await db.query('call pg_temp.receipts($1, $2)', [lo, Math.min(total, lo + BATCH - 1)]);
  phase('receipt numbers (next_receipt_no)');

  // The applications: applicant from the firm, company/office/billing sections as the office holds them, search text
  // of the folded pieces (a new application's has no office code: it had none when submitted).
  const sectionCols = [...COMPANY_COLS.map((c) => `company_${c}`), ...OFFICE_COLS.map((c) => `office_${c}`), ...BILLING_COLS.map((c) => `billing_${c}`)];
  const sectionVals = [...COMPANY_COLS.map((c) => `cc.${c}`), ...OFFICE_COLS.map((c) => `o.${c}`), ...BILLING_COLS.map((c) => `o.billing_${c}`)];
  for (let lo = 1; lo <= total; lo += BATCH) {
    const hi = Math.min(total, lo + BATCH - 1);
    await db.query(`insert into application (id, receipt_no, kind, connection, status, version, office_id, assignee_id,
        applicant_company_name, applicant_company_name_kana, applicant_last_name, applicant_first_name, applicant_last_name_kana,
        applicant_first_name_kana, applicant_department, applicant_title, applicant_phone, applicant_fax, applicant_email,
        reason, remarks, change_items, other_change, ${sectionCols.join(', ')}, plan,
        received_at, desired_start_date, start_date, reviewed_at, system_settings_deadline, system_settings_recorded_at, return_message,
        updated_at, search_text)
      select p.id, p.receipt_no, p.kind, case when p.kind = 'NEW' then case when o.uses_net then 'NET' else 'GENERAL' end end, p.status,
        p.k_events - p.n_note, o.id, case when p.assigned and not p.unassigned then st.id end,
        cc.name, cc.name_kana, ap.last_name, ap.first_name, ap.last_name_kana, ap.first_name_kana, ap.department, ap.title, ap.phone, ap.fax, ap.email,
        p.reason, case when ${chance(0.3, 'p.h', 703)} then ${pick('rem', 'p.h', 704)} end,
        case when p.kind = 'CHANGE' and p.other_change is null then w.chg_items[p.ci]::text[] else '{}' end, p.other_change,
        ${sectionVals.join(', ')}, o.plan,
        p.received_at, p.desired, p.start_date, p.approve_at,
        case when p.kind = 'NEW' and p.i_approve is not null then p.start_date - 6 end,
        case when p.i_sysset is not null then pg_temp.at_(p.received_at, p.dur, p.k_events, p.i_sysset, p.h) end,
        case when p.pending_return then w.ret[1 + floor(pg_temp.r(p.h, 1100 + array_position(p.acts, 'RETURN:IN_REVIEW:RETURNED', 3 + p.n_note + 2 * p.n_ret)) * cardinality(w.ret))::int] end,
        pg_temp.at_(p.received_at, p.dur, p.k_events, case when p.k_events = 2 + p.n_note and p.n_note > 0 then 2 else p.k_events end, p.h),
        concat_ws(' ', lower(p.receipt_no), case when p.kind <> 'NEW' then lower(o.code) end, cc.name_f, cc.name_kana_f, o.name_f, o.name_kana_f,
          cc.name_f, cc.name_kana_f, ap.names_f)
      from b_app p
      join b_office o on o.k = p.office_k
      join b_company cc on cc.c = o.c
      left join b_staff st on st.n = p.assigned_n
      cross join w
      cross join lateral (select ${person('', 'p.h', 710, 'cc.domain', 'o.area').join(', ')}) ap
      where p.g between $1 and $2
      order by p.g`, [lo, hi]);
  }
  phase('applications');

  // History: who does what (the portal submits, resubmits, withdraws and reports システム設定; reviewers assign to
  // themselves or a supervisor assigns them; the assignee returns and approves; supervisors cancel and unassign).
  const portal = `'${PORTAL}'`;
  for (let lo = 1; lo <= total; lo += BATCH) {
    const hi = Math.min(total, lo + BATCH - 1);
    await db.query(`insert into application_history (application_id, at, actor_id, actor_name, actor_role, action, from_status, to_status, message, version, internal)
      select p.id, pg_temp.at_(p.received_at, p.dur, p.k_events, e.i, p.h),
        case when e.a in ('SUBMIT', 'RESUBMIT', 'WITHDRAW', 'SYSTEM_SETTINGS') then null
             when e.a in ('UNASSIGN', 'CANCEL') or e.a = 'ASSIGN' and ${chance(0.5, 'p.h', 801)} then sv.id
             when e.a = 'INTERNAL_NOTE' and sp.id is not null and ${chance(0.3, 'p.h + e.i', 802)} then sp.id else sa.id end,
        case when e.a in ('SUBMIT', 'RESUBMIT', 'WITHDRAW', 'SYSTEM_SETTINGS') then ${portal}
             when e.a in ('UNASSIGN', 'CANCEL') or e.a = 'ASSIGN' and ${chance(0.5, 'p.h', 801)} then sv.name
             when e.a = 'INTERNAL_NOTE' and sp.id is not null and ${chance(0.3, 'p.h + e.i', 802)} then sp.name else sa.name end,
        case when e.a in ('SUBMIT', 'RESUBMIT', 'WITHDRAW', 'SYSTEM_SETTINGS') then 'INTEGRATOR'
             when e.a in ('UNASSIGN', 'CANCEL') or e.a = 'ASSIGN' and ${chance(0.5, 'p.h', 801)} then sv.role
             when e.a = 'INTERNAL_NOTE' and sp.id is not null and ${chance(0.3, 'p.h + e.i', 802)} then sp.role else sa.role end,
        e.a, nullif(split_part(e.x, ':', 2), ''), nullif(split_part(e.x, ':', 3), ''),
        case e.a when 'SUBMIT' then p.reason
                 when 'ASSIGN' then sa.name || ' に割り当て'
                 when 'UNASSIGN' then sa.name || ' の担当を解除'
                 when 'INTERNAL_NOTE' then w.note[1 + floor(pg_temp.r(p.h, 1200 + e.i::int) * cardinality(w.note))::int]
                 when 'RETURN' then w.ret[1 + floor(pg_temp.r(p.h, 1100 + e.i::int) * cardinality(w.ret))::int]
                 when 'RESUBMIT' then E'修正された項目 (1件):\\nremarks: (なし) → ' || w.rsr[1 + floor(pg_temp.r(p.h, 1300 + e.i::int) * cardinality(w.rsr))::int]
                 when 'APPROVE' then '利用開始日 ' || to_char(p.start_date, 'YYYY-MM-DD')
                 when 'SYSTEM_SETTINGS' then 'システム設定申込を受け付けました。'
                 when 'WITHDRAW' then ${pick('wd', 'p.h', 1400)}
                 when 'CANCEL' then ${pick('cx', 'p.h', 1401)} end,
        e.i - least(greatest(e.i - 2, 0), p.n_note),
        e.a = 'INTERNAL_NOTE'
      from b_app p
      join b_staff sa on sa.n = p.assigned_n
      join b_staff sv on sv.n = p.sup_n
      left join b_support sp on sp.m = p.support_n
      cross join w
      cross join lateral (select x, i, split_part(x, ':', 1) as a from unnest(p.acts) with ordinality u(x, i)) e
      where p.g between $1 and $2
      order by p.g, e.i`, [lo, hi]);
  }
  phase('history');

  // Each application's 受付完了 mail, sent (the 送信ログ the support desk pages through).
  for (let lo = 1; lo <= total; lo += BATCH) {
    const hi = Math.min(total, lo + BATCH - 1);
    await db.query(`insert into outbound_email (id, template_key, template_version, application_id, recipients, subject, text, message_id,
        status, attempts, next_attempt_at, created_at, sent_at)
      select m.id, 'application-received', 1, a.id, array[a.applicant_email], '【NSS】利用申込受付完了のお知らせ',
        concat_ws(' ', a.applicant_company_name, a.office_name, a.applicant_department) || E'\\n' || a.applicant_last_name || ' ' || a.applicant_first_name
          || E' 様\\n\\n' || $3 || to_char(${jstDate('a.received_at')}, 'FMYYYY"年"FMMM"月"FMDD"日"') || E'\\n申込受付番号 ：' || a.receipt_no || $4,
        '<' || m.id || '@naccs-back-office>', 'SENT', 1, a.received_at, a.received_at, a.received_at + interval '7 seconds'
      from (select g, id, gen_random_uuid() as mid from b_app where g between $1 and $2) p
      join application a on a.id = p.id cross join lateral (select p.mid as id) m
      order by p.g`, [lo, hi, MAIL_BODY_1, MAIL_BODY_2]);
  }
  phase('受付完了 mails');

  // A database that has been running has vacuumed tables (visibility map) and statistics; autovacuum must not start
  // on the grown tables in the middle of a measurement either.
  await db.query('vacuum analyze');
  phase('vacuum analyze');

  const result: GrowResult = { ...(await counts(db)), grownApplications: total, phases, seconds: (Date.now() - t0) / 1000 };
  await checkGrown(db, log);
  return result;
}

const counts = async (db: pg.Client) => ({
  applications: await count(db, 'select count(*) as n from application'),
  history: await count(db, 'select count(*) as n from application_history'),
  offices: await count(db, 'select count(*) as n from office'),
  companies: await count(db, 'select count(*) as n from company'),
  staff: await count(db, 'select count(*) as n from staff'),
  emails: await count(db, 'select count(*) as n from outbound_email'),
});

/**
 * Checks what the growth wrote against the product's own rules where SQL only imitates them: the search column
 * (common/search.ts searchText of the same parts) and the receipt numbers' order. Loud, not fatal.
 */
async function checkGrown(db: pg.Client, log: (line: string) => void): Promise<void> {
  const apps = (await db.query(`select a.search_text, a.receipt_no, a.kind, o.code, a.company_name, a.company_name_kana, a.office_name, a.office_name_kana,
      a.applicant_company_name, a.applicant_company_name_kana, a.applicant_last_name, a.applicant_first_name, a.applicant_last_name_kana,
      a.applicant_first_name_kana
      from b_app p join application a on a.id = p.id left join office o on o.id = a.office_id order by md5(p.id::text) limit 500`)).rows;
  const bad = apps.filter((a) => a.search_text !== searchText([
    a.receipt_no, a.kind === 'NEW' ? undefined : a.code, a.company_name, a.company_name_kana, a.office_name, a.office_name_kana,
    a.applicant_company_name, a.applicant_company_name_kana, a.applicant_last_name, a.applicant_first_name, a.applicant_last_name_kana,
    a.applicant_first_name_kana,
  ]));
  const offices = (await db.query(`select o.search_text, o.code, c.name, c.name_kana, o.name as office_name, o.name_kana as office_name_kana
      from b_office b join office o on o.id = b.id join company c on c.id = o.company_id order by md5(o.id::text) limit 200`)).rows;
  const badOffices = offices.filter((o) => o.search_text !== searchText([o.code, o.name, o.name_kana, o.office_name, o.office_name_kana]));
  for (const x of [...bad.slice(0, 3), ...badOffices.slice(0, 3)]) log(`  !!! search_text differs from common/search.ts: ${JSON.stringify(x)}`);
  if (bad.length || badOffices.length) log(`  !!! search_text: ${bad.length}/${apps.length} applications, ${badOffices.length}/${offices.length} offices differ`);
  else log(`  search_text checked against common/search.ts (${apps.length} applications, ${offices.length} offices)`);
  // The grown applications' serials rise with their receipt (the demo's own came first in their years).
  const disorder = await count(db, `select count(*) as n from (
      select n, lag(n) over (partition by left(receipt_no, 2) order by g) as prev
        from (select g, receipt_no, (ascii(right(receipt_no, 1)) - 65) * 9999 + substr(receipt_no, 3, 4)::int as n from b_app) x) y
     where n < prev`);
  if (disorder) log(`  !!! ${disorder} receipt numbers out of order of receipt`);
}
