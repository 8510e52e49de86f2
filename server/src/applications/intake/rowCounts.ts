import type { EntityManager } from '@mikro-orm/postgresql';
import { ChangeItem, RowAction, TerminalType } from '../../common/enums.js';
import type { FieldChange } from '../../common/flatten.js';
import type { Office } from '../../companies/Office.js';
import { Line, Mailbox, Terminal, UserCode, UserId } from '../../issuance/contract.js';
import type { ChangeApplicationInput } from './inputs.js';

/** A 変更前/変更後 row with the 変更申込 item it belongs to. */
export interface ItemChange extends FieldChange {
  item: ChangeItem;
}

/** Contract rows in force on `today` (an abolished one works until its 適用日). */
export const liveOn = (today: string) => ({ $or: [{ endDate: null }, { endDate: { $gt: today } }] });

/** The item of the 変更申込 screen a terminal of each kind is changed under. */
const TERMINAL_ITEM: Record<TerminalType, ChangeItem> = {
  [TerminalType.NET]: ChangeItem.NET_TERMINAL,
  [TerminalType.EBMS]: ChangeItem.NET_TERMINAL,
  [TerminalType.WEB]: ChangeItem.WEB_CERTIFICATE,
  [TerminalType.GENERAL]: ChangeItem.GENERAL_TERMINAL,
};

/** What rows change a count by: an addition its 追加数 (one row for a line), an abolition one; a change none. */
const delta = (rows: ReadonlyArray<{ action?: RowAction | null; count?: number | null }>, perRow?: number): number =>
  rows.reduce((n, r) => {
    const action = r.action ?? RowAction.ADD;
    return n + (action === RowAction.ADD ? perRow ?? r.count ?? 0 : action === RowAction.DELETE ? -1 : 0);
  }, 0);

/**
 * 変更前/変更後 of what a change application adds and abolishes, counted from the office's contract in force today
 * (seed 002 ⑥: "現在の契約数 1個", "追加 1個"): メールボックス数 and 論理端末数 per kind, 回線数 and each 利用者コード's
 * 識別番号数 — and a changed code's 管理統計資料 / 保税管理資料保存サービス. `input` holds the checked references
 * (checkChangeReferences: every code exists, a change row's flags completed from the registered code).
 */
export async function countChanges(em: EntityManager, office: Office, input: ChangeApplicationInput, today: string): Promise<ItemChange[]> {
  const out: ItemChange[] = [];
  const record = (item: ChangeItem, field: string, before: number | boolean, after: number | boolean) => {
    if (before !== after) out.push({ item, field, before: String(before), after: String(after) });
  };
  const mailboxes = input.mailboxes ?? [];
  for (const type of new Set(mailboxes.map((m) => m.mailboxType).filter((t) => !!t))) {
    const before = await em.count(Mailbox, { office, type: type!, ...liveOn(today) });
    record(ChangeItem.MAILBOX, `counts.mailboxes.${type}`, before, before + delta(mailboxes.filter((m) => m.mailboxType === type)));
  }
  const terminals = input.terminals ?? [];
  for (const type of new Set(terminals.map((t) => t.terminalType).filter((t) => !!t))) {
    const before = await em.count(Terminal, { office, type: type!, ...liveOn(today) });
    record(TERMINAL_ITEM[type!], `counts.terminals.${type}`, before, before + delta(terminals.filter((t) => t.terminalType === type)));
  }
  if (input.lines?.length) {
    const before = await em.count(Line, { office, ...liveOn(today) });
    record(ChangeItem.GENERAL_LINE, 'counts.lines', before, before + delta(input.lines, 1));
  }
  out.push(...await namedRowChanges(em, office, input, today));
  const newCodes = (input.userCodes ?? []).filter((uc) => (uc.action ?? RowAction.ADD) === RowAction.ADD && !uc.shared && !uc.userCode);
  if (newCodes.length) {
    const before = await em.count(UserCode, { office, ...liveOn(today) });
    record(ChangeItem.USER_CODE, 'counts.userCodes', before, before + newCodes.length);
  }
  for (const uc of input.userCodes ?? []) {
    const codeName = uc.userCode?.trim().toUpperCase();
    if (!codeName) continue;
    const code = await em.findOne(UserCode, { code: codeName });
    if (!code) continue;
    const before = await em.count(UserId, { userCode: code, office, ...liveOn(today) });
    const ids = uc.userIds ?? [];
    const after = uc.action === RowAction.DELETE ? 0 : before + ids.reduce((n, u) => n + ((u.action ?? RowAction.ADD) === RowAction.ADD ? u.identCount ?? 0 : -1), 0);
    record(ChangeItem.IDENT_NO, `userCodes.${codeName}.identNos`, before, after);
    if (uc.action === RowAction.CHANGE) {
      record(ChangeItem.STATISTICS, `userCodes.${codeName}.statisticsPaid`, code.statisticsPaid, !!uc.statisticsPaid);
      record(ChangeItem.STATISTICS, `userCodes.${codeName}.statisticsFree`, code.statisticsFree, !!uc.statisticsFree);
      record(ChangeItem.BONDED_RECORD_SERVICE, `userCodes.${codeName}.bondedRecordService`, code.bondedRecordService, !!uc.bondedRecordService);
    }
  }
  return out;
}

/** Fields of a registered line a 回線の変更 can change, compared one by one. */
const LINE_FIELDS = ['lineType', 'speed', 'maintenance', 'redundancy', 'spareRouter', 'pingMonitoring'] as const;

/**
 * 変更前/変更後 of rows named by the contract they change, which no count shows (issue 20: a 区分の変更 of a
 * netNACCS terminal left the comparison empty): a terminal's 区分の変更 (`terminals.<論理端末名>.systemCategory`) or
 * abolition (`terminals.<論理端末名>`), a mailbox's abolition (`mailboxes.<メールボックスID>`), each changed field of a
 * registered line (`lines.<ルータ番号>.speed`, the line's number in the application) and a shared code taken up.
 */
async function namedRowChanges(em: EntityManager, office: Office, input: ChangeApplicationInput, today: string): Promise<ItemChange[]> {
  const out: ItemChange[] = [];
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  for (const row of input.terminals ?? []) {
    const action = row.action ?? RowAction.ADD;
    const name = row.terminalName?.trim().toUpperCase();
    if (action === RowAction.ADD || !name) continue;
    const terminal = await em.findOne(Terminal, { office, name, ...liveOn(today) });
    if (!terminal) continue;
    const item = TERMINAL_ITEM[terminal.type];
    if (action === RowAction.DELETE) out.push({ item, field: `terminals.${name}`, before: terminal.systemCategory, after: undefined });
    else if (row.newSystemCategory && row.newSystemCategory !== terminal.systemCategory) {
      out.push({ item, field: `terminals.${name}.systemCategory`, before: terminal.systemCategory, after: row.newSystemCategory });
    }
  }
  for (const row of input.mailboxes ?? []) {
    const id = row.mailboxId?.trim().toUpperCase();
    if ((row.action ?? RowAction.ADD) !== RowAction.DELETE || !id) continue;
    const mailbox = await em.findOne(Mailbox, { office, mailboxId: id, ...liveOn(today) });
    if (mailbox) out.push({ item: ChangeItem.MAILBOX, field: `mailboxes.${id}`, before: mailbox.type, after: undefined });
  }
  for (const [i, row] of (input.lines ?? []).entries()) {
    if (row.action !== RowAction.CHANGE || !row.existingLineId || !/^[0-9a-f-]{36}$/i.test(row.existingLineId)) continue;
    const line = await em.findOne(Line, { id: row.existingLineId, office });
    if (!line) continue;
    for (const field of LINE_FIELDS) {
      const after = row[field];
      if (after === undefined || after === null || after === line[field]) continue;
      out.push({ item: ChangeItem.GENERAL_LINE, field: `lines.${line.routerNo ?? i + 1}.${field}`, before: str(line[field]), after: str(after) });
    }
  }
  for (const uc of input.userCodes ?? []) {
    const code = uc.userCode?.trim().toUpperCase();
    if ((uc.action ?? RowAction.ADD) === RowAction.ADD && uc.shared && code) {
      out.push({ item: ChangeItem.USER_CODE, field: `userCodes.${code}.shared`, before: 'false', after: 'true' });
    }
  }
  return out;
}
