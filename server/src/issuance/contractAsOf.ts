import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ObjectType } from 'type-graphql';
import type { Office } from '../companies/Office.js';
import { Line, Mailbox, Terminal, UserId } from './contract.js';

/** Live on a date: started on or before it, and not yet ended (an abolition takes effect on its 適用日). */
const liveOn = (date: string) => ({ startDate: { $lte: date }, $or: [{ endDate: null }, { endDate: { $gt: date } }] });

@ObjectType({ description: 'ある日付時点の契約内容' })
export class ContractSnapshot {
  @Field(() => String) date!: string;
  @Field(() => [String], { description: '利用者ID' }) userIds!: string[];
  @Field(() => [String], { description: '論理端末名' }) terminals!: string[];
  @Field(() => [String], { description: 'メールボックスID' }) mailboxes!: string[];
  @Field(() => [String], { description: '回線のIPアドレス' }) lines!: string[];
}

/** The office's contract as of any date, from the start/end dates of what was issued and abolished. */
export async function contractAsOf(em: EntityManager, office: Office, date: string): Promise<ContractSnapshot> {
  const where = { office, ...liveOn(date) };
  const [ids, terminals, mailboxes, lines] = await Promise.all([
    em.find(UserId, where, { populate: ['userCode'] }),
    em.find(Terminal, where),
    em.find(Mailbox, where),
    em.find(Line, where),
  ]);
  return {
    date,
    userIds: ids.map((u) => `${u.userCode.code}${u.identNo}`).sort(),
    terminals: terminals.map((t) => t.name).sort(),
    mailboxes: mailboxes.map((m) => m.mailboxId).sort(),
    lines: lines.map((l) => l.ipAddress ?? l.id).sort(),
  };
}
