import type { ChangeItem } from '../labels';
import type { ChangeApplicationInput, ChangeFormValues } from './changeTypes';
import type { CompanyInput, OfficeInput, UserIdInput } from './inputTypes';
import { billing, dropEmpty, line, packList, remapper, type IndexMaps, type PreparedInput } from './toInput';

/** 変更申込 items by the section of the form they fill in. */
export const PROFILE_ITEMS: ChangeItem[] = ['COMPANY_OFFICE', 'CONTRACTOR', 'HEAD_OFFICE', 'MANAGER'];
export const BILLING_ITEMS: ChangeItem[] = ['BILLING_ADDRESS', 'BILLING_CONTACT', 'PAYMENT_METHOD'];
export const USER_CODE_ITEMS: ChangeItem[] = ['USER_CODE', 'IDENT_NO', 'INDUSTRY', 'STATISTICS', 'BONDED_RECORD_SERVICE'];
/** 管理統計資料 / 保存サービス: the flags of a 利用者コード a change row carries, by the item that changes them. */
const FLAGS = ['statisticsPaid', 'statisticsFree', 'bondedRecordService'] as const;
type Flag = (typeof FLAGS)[number];
export const itemFlags = (items: readonly ChangeItem[]): Flag[] => [
  ...(items.includes('STATISTICS') ? (['statisticsPaid', 'statisticsFree'] as const) : []),
  ...(items.includes('BONDED_RECORD_SERVICE') ? (['bondedRecordService'] as const) : []),
];
export const TERMINAL_ITEMS: ChangeItem[] = ['NET_TERMINAL', 'WEB_CERTIFICATE', 'GENERAL_TERMINAL'];

/** An error path of a packed row list → the form row it came from (null: not this list's path). */
type RowRemap = (path: string) => string | null;

/**
 * Rows sent as `prefix.k`: the first `added` are the form's own `prefix` rows (same index), the rest come from
 * the current-contract rows `current.from[k - added]` (their 廃止 box is where an error shows).
 */
const rowRemap = (prefix: string, added: number, current: string, from: number[]): RowRemap => (path) => {
  const m = new RegExp(`^${prefix}\\.(\\d+)(\\..*)?$`).exec(path);
  if (!m) return null;
  const k = Number(m[1]);
  if (k < added) return path;
  const i = from[k - added];
  return i === undefined ? null : `${current}.${i}.abolish`;
};

const pick = <T extends object, K extends keyof T>(o: T | null | undefined, keys: K[]): Pick<T, K> => {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (o && o[k] !== undefined) out[k] = o[k];
  return out;
};

/**
 * Form values → ChangeApplicationInput. Only the sections of the ticked items are sent, each as the form holds
 * it — the current contract with what staff overwrote (the server records 変更前/変更後 field by field, and
 * judges everything); the current rows go out only when marked 廃止, with the rows added. Nothing is checked here.
 */
export const toChangeInput = (values: ChangeFormValues): PreparedInput<ChangeApplicationInput> & { officeCode: string } => {
  const items = values.changeItems ?? [];
  const has = (...xs: ChangeItem[]) => xs.some((x) => items.includes(x));
  const maps: IndexMaps = new Map();
  const rowRemaps: RowRemap[] = [];

  let company: CompanyInput | undefined;
  if (has('COMPANY_OFFICE', 'HEAD_OFFICE')) {
    const c = values.company;
    // The server checks the company name whenever the company is sent: it goes along (unchanged unless overwritten).
    company = pick(c, ['name', 'nameKana', 'nameEn', 'soleProprietor']);
    if (has('HEAD_OFFICE')) {
      company.headOfficeSameAsOffice = c?.headOfficeSameAsOffice ?? false;
      if (!company.headOfficeSameAsOffice) Object.assign(company, pick(c, ['headOfficeAddress', 'headOfficePhone', 'headOfficeFax']));
    }
  }

  let office: OfficeInput | undefined;
  if (has('COMPANY_OFFICE', 'CONTRACTOR', 'MANAGER')) {
    const o = values.office;
    office = {};
    if (has('COMPANY_OFFICE')) Object.assign(office, pick(o, ['name', 'nameKana', 'address', 'phone', 'fax', 'customsOffice']));
    if (has('CONTRACTOR')) office.contractor = o?.contractor;
    if (has('MANAGER')) {
      if (o?.managerSameAsApplicant) office.managerSameAsApplicant = true;
      else office.manager = o?.manager;
      office.emergencyFaxes = packList(o?.emergencyFaxes, 'office.emergencyFaxes', maps);
    }
  }

  let userCodes: ChangeApplicationInput['userCodes'];
  if (has(...USER_CODE_ITEMS)) {
    const from: number[] = [];
    userCodes = [];
    // The flags of the ticked items go along when staff changed one (the server keeps those left out as registered).
    const flags = itemFlags(items);
    (values.currentUserCodes ?? []).forEach((uc, i) => {
      const additions: UserIdInput[] = uc.additions ?? [];
      const deleted = (uc.userIds ?? []).map((u, j) => ({ u, j })).filter(({ u }) => u.abolish || uc.abolish);
      const flagsChanged = !uc.abolish && flags.some((f) => !!uc[f] !== !!uc.registered?.[f]);
      if (!uc.abolish && deleted.length === 0 && additions.length === 0 && !flagsChanged) return;
      from.push(i);
      userCodes!.push({
        action: uc.abolish ? 'DELETE' : 'CHANGE',
        userCode: uc.userCode,
        ...(flagsChanged ? Object.fromEntries(flags.map((f) => [f, !!uc[f]])) : {}),
        userIds: [
          ...additions.map((a) => ({ ...a, action: 'ADD' as const })),
          ...deleted.map(({ u }) => ({ action: 'DELETE' as const, identNo: u.identNo })),
        ],
      });
    });
    rowRemaps.push((path) => {
      const m = /^userCodes\.(\d+)(?:\.(.*))?$/.exec(path);
      if (!m) return null;
      const i = from[Number(m[1])];
      if (i === undefined) return null;
      const row = `currentUserCodes.${i}`;
      const rest = m[2] ?? '';
      const id = /^userIds\.(\d+)(\..*)?$/.exec(rest);
      if (!id) return rest === 'userIds' || (FLAGS as readonly string[]).includes(rest) ? `${row}.${rest}` : `${row}.userCode`;
      const uc = values.currentUserCodes[i]!;
      const j = Number(id[1]);
      const added = uc.additions?.length ?? 0;
      if (j < added) return `${row}.additions.${j}${id[2] ?? ''}`;
      const deleted = uc.userIds.map((u, k) => ({ u, k })).filter(({ u }) => u.abolish || uc.abolish);
      const target = deleted[j - added];
      return target ? `${row}.userIds.${target.k}.abolish` : `${row}.userCode`;
    });
  }

  let terminals: ChangeApplicationInput['terminals'];
  if (has(...TERMINAL_ITEMS)) {
    const added = values.terminals ?? [];
    const from: number[] = [];
    const abolished = (values.currentTerminals ?? []).filter((t, i) => t.abolish && from.push(i));
    terminals = [
      ...added.map((t) => (t.terminalType === 'GENERAL' ? t : { ...t, lineNo: undefined })),
      ...abolished.map((t) => ({ action: 'DELETE' as const, terminalName: t.terminalName, terminalType: t.terminalType, systemCategory: t.systemCategory })),
    ];
    rowRemaps.push(rowRemap('terminals', added.length, 'currentTerminals', from));
  }

  let mailboxes: ChangeApplicationInput['mailboxes'];
  if (has('MAILBOX')) {
    const added = values.mailboxes ?? [];
    const from: number[] = [];
    const abolished = (values.currentMailboxes ?? []).filter((m, i) => m.abolish && from.push(i));
    mailboxes = [
      ...added,
      ...abolished.map((m) => ({ action: 'DELETE' as const, mailboxType: m.mailboxType, mailboxId: m.mailboxId })),
    ];
    rowRemaps.push(rowRemap('mailboxes', added.length, 'currentMailboxes', from));
  }

  let lines: ChangeApplicationInput['lines'];
  if (has('GENERAL_LINE')) {
    const added = values.lines ?? [];
    const current = values.currentLines ?? [];
    const changed = current.map((l, i) => ({ l, i })).filter(({ l }) => l.change && !l.abolish);
    const abolished = current.map((l, i) => ({ l, i })).filter(({ l }) => l.abolish);
    lines = [
      ...added.map(line),
      ...changed.map(({ l }) => {
        const { existingLineId, ...fields } = l;
        delete fields.ipAddress;
        delete fields.change;
        delete fields.abolish;
        return { ...line(fields), action: 'CHANGE' as const, existingLineId };
      }),
      ...abolished.map(({ l }) => ({ action: 'DELETE' as const, existingLineId: l.existingLineId })),
    ];
    // `lines.k.x`: an added line's own field, a changed line's field in its current row, an abolished one's 廃止 box.
    rowRemaps.push((path) => {
      const m = /^lines\.(\d+)(\..*)?$/.exec(path);
      if (!m) return null;
      const k = Number(m[1]);
      if (k < added.length) return path;
      const c = changed[k - added.length];
      if (c) return `currentLines.${c.i}${m[2] && m[2] !== '.existingLineId' ? m[2] : '.change'}`;
      const a = abolished[k - added.length - changed.length];
      return a ? `currentLines.${a.i}.abolish` : null;
    });
  }
  const construction = !!lines?.some((l) => l.action !== 'DELETE');

  const input: ChangeApplicationInput = {
    changeItems: items,
    applicant: values.applicant,
    reason: values.reason,
    desiredStartDate: values.desiredStartDate,
    remarks: values.remarks,
    company,
    office,
    userCodes,
    terminals,
    mailboxes,
    lines,
    constructionContact: construction ? values.constructionContact : undefined,
    constructionAttendee: construction ? values.constructionAttendee : undefined,
    constructionNotes: construction ? values.constructionNotes : undefined,
    plan: has('PLAN') ? values.plan : undefined,
    billing: has(...BILLING_ITEMS) ? billing(values.billing, maps) : undefined,
    otherChange: values.otherChange || undefined,
    equipmentSharingOfficeCode: values.otherChange === 'EQUIPMENT_SHARING' ? values.equipmentSharingOfficeCode : undefined,
    transferTargetOfficeCode: values.otherChange === 'TRANSFER' ? values.transferTargetOfficeCode : undefined,
    attachments: values.otherChange ? values.attachments : undefined,
  };
  const lists = remapper(maps);
  const remap = (path: string): string => {
    for (const r of rowRemaps) {
      const to = r(path);
      if (to) return to;
    }
    return lists(path);
  };
  return { input: dropEmpty(input), officeCode: values.officeCode, remap };
};
