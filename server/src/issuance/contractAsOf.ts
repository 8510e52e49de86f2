import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ObjectType } from 'type-graphql';
import { Plan } from '../common/enums.js';
import { Billing, CompanyProfile, OfficeProfile } from '../common/profiles.js';
import { Company } from '../companies/Company.js';
import { Office } from '../companies/Office.js';
import { Line, Mailbox, Terminal, UserCode, UserCodeShare, UserId } from './contract.js';

/** Live on a date: started on or before it, and not yet ended (an abolition takes effect on its 適用日). */
const liveOn = (date: string) => ({ startDate: { $lte: date }, $or: [{ endDate: null }, { endDate: { $gt: date } }] });

@ObjectType({ description: 'ある日付時点の契約内容' })
export class ContractSnapshot {
  @Field(() => String) date!: string;
  @Field(() => [String], { description: '利用者ID' }) userIds!: string[];
  @Field(() => [String], { description: '論理端末名' }) terminals!: string[];
  @Field(() => [String], { description: 'メールボックスID' }) mailboxes!: string[];
  @Field(() => [String], { description: '回線のIPアドレス' }) lines!: string[];
  @Field(() => [String], { description: '利用者コード (自事業所のもの、および共用しているもの)' }) userCodes!: string[];
  @Field(() => [UserCode], { description: '利用者コード (その日の区分・管理統計資料・保存サービス)' }) userCodeDetails!: UserCode[];
  @Field(() => [Terminal], { description: '論理端末 (その日のシステム区分)' }) terminalDetails!: Terminal[];
  @Field(() => [Line], { description: '回線 (その日の回線種別・速度・保守・オプション)' }) lineDetails!: Line[];
  @Field(() => CompanyProfile, { description: 'その日の企業情報' }) companyProfile!: CompanyProfile;
  @Field(() => OfficeProfile, { description: 'その日の事業所・契約者・管理責任者' }) officeProfile!: OfficeProfile;
  @Field(() => Billing, { description: 'その日の請求先' }) billing!: Billing;
  @Field(() => Plan, { nullable: true, description: 'その日の料金プラン' }) plan?: Plan;
  @Field(() => Boolean, { description: 'その日に netNACCS を利用' }) usesNet!: boolean;
  @Field(() => Boolean, { description: 'その日に一般NACCS を利用' }) usesGeneral!: boolean;
}

/** A table's rows as of a date: each with the changes of its data that apply that day laid on it (contract_delta). */
const asOfRows = (table: string, where: string) =>
  `select (jsonb_populate_record(t, contract_delta(t.id, ?::date))).* from "${table}" t where ${where}`;
const live = `t.start_date <= ?::date and (t.end_date is null or t.end_date > ?::date)`;

/**
 * The office's contract as of any date: what was issued and not yet abolished that day (start/end dates), with the
 * data as changed by the changes that had taken effect by then (contractChange.ts) — one query per kind of row.
 */
export async function contractAsOf(em: EntityManager, office: Office, date: string): Promise<ContractSnapshot> {
  // The rows as of the date are not the office's current ones: mapped in an entity manager of their own.
  const asOf = em.fork({ clear: true });
  const rows = <T extends object>(entity: new () => T, sql: string, params: unknown[]) =>
    em.execute<Record<string, unknown>[]>(sql, params).then((found) => found.map((r) => asOf.map(entity, r)));
  const companyId = typeof office.company === 'object' ? office.company.id : String(office.company);
  const [ids, mailboxes, terminals, lines, codes, [then], [company]] = await Promise.all([
    em.find(UserId, { office, ...liveOn(date) }, { populate: ['userCode'] }),
    em.find(Mailbox, { office, ...liveOn(date) }),
    rows(Terminal, `${asOfRows('terminal', `t.office_id = ? and ${live}`)} order by t.name`, [date, office.id, date, date]),
    rows(Line, `${asOfRows('line', `t.office_id = ? and ${live}`)} order by t.start_date, t.ip_address`, [date, office.id, date, date]),
    // The office's own codes until its own use ends, and the codes it shares while it shares them.
    rows(UserCode, `${asOfRows('user_code', `${live} and ((t.office_id = ? and (t.owner_end_date is null or t.owner_end_date > ?::date))
      or exists (select 1 from user_code_share s where s.user_code_id = t.id and s.office_id = ?
        and (s.start_date is null or s.start_date <= ?::date) and (s.end_date is null or s.end_date > ?::date)))`)} order by t.code`,
    [date, date, date, office.id, date, office.id, date, date]),
    rows(Office, asOfRows('office', 't.id = ?'), [date, office.id]),
    rows(Company, asOfRows('company', 't.id = ?'), [date, companyId]),
  ]);
  return {
    date,
    userIds: ids.map((u) => `${u.userCode.code}${u.identNo}`).sort(),
    terminals: terminals.map((t) => t.name),
    mailboxes: mailboxes.map((m) => m.mailboxId).sort(),
    lines: lines.map((l) => l.ipAddress ?? l.id).sort(),
    userCodes: codes.map((c) => c.code),
    userCodeDetails: codes,
    terminalDetails: terminals,
    lineDetails: lines,
    companyProfile: company!.profile,
    officeProfile: then!.profile,
    billing: then!.billing,
    plan: then!.plan,
    usesNet: then!.usesNet,
    usesGeneral: then!.usesGeneral,
  };
}

/**
 * Whether an office still uses a 利用者コード on `date`: its owner until its own use ends (ownerEndDate), an office
 * sharing it until its share ends (seed 004: each office's abolition ends its own use).
 */
export async function usesUserCode(em: EntityManager, code: UserCode, officeId: string, date: string): Promise<boolean> {
  if (code.office.id === officeId) return !code.ownerEndDate || code.ownerEndDate > date;
  return (await em.count(UserCodeShare, { userCode: code.id, office: officeId, $or: [{ endDate: null }, { endDate: { $gt: date } }] })) > 0;
}
