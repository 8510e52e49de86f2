// Applications as NSS submits them: the contract a new office asks for (利用者コード with their 利用者ID, netNACCS
// terminals, or 一般NACCS lines with their terminals, mailboxes, 料金プラン) as a NewApplicationInput, and the
// change applications of seeds 002/003/004 as ChangeApplicationInput — valid by the intake's own validation.
// Everything random is drawn when a draft is made; `build` only fills in the codes the approvals issued since.
import type {
  BillingInput, ChangeApplicationInput, LineInput, NewApplicationInput, OfficeInput, PersonInput, TerminalInput, UserCodeInput,
} from '../../../server/src/applications/intake/inputs.js';
import {
  AttachmentKind, BONDED_RECORD_INDUSTRIES, ChangeItem, Connection, IndoorWiring, Industry, LineConnectionMethod, LineType,
  MailboxType, MaintenanceHours, PaymentMethod, Plan, ProcessingMethod, RowAction, SOLO_INDUSTRIES, industryGroup,
  SystemCategory, TerminalType,
} from '../../../server/src/common/enums.js';
import { companyInput, resolvedBilling, type ConsolidatedWith, type Firm, type Site } from './companies.js';
import { address, applicant, contractorPerson, staffPerson } from './people.js';
import { addBusinessDays, chance, diagramPdf, faker, int, landline, pick } from './random.js';
import { BANKS, CONSTRUCTION_NOTES, NEW_REASONS, REMARKS, SHARED_REASONS } from './words.js';

// ───────────────────────────── what a new office asks for ─────────────────────────────

export interface UserIdSpec {
  industries: Industry[];
  processingMethod: ProcessingMethod;
  identCount: number;
}

export interface UserCodeSpec {
  /** A 利用者コード of another office, shared (its code once that office's approval issued it). */
  shared?: { code: () => string };
  systemCategory: SystemCategory;
  singleSignOn: boolean;
  statisticsPaid: boolean;
  statisticsFree: boolean;
  bondedRecordService: boolean;
  ids: UserIdSpec[];
}

export interface LineSpec {
  systemCategory: SystemCategory;
  connectionMethod: LineConnectionMethod;
  edifact: boolean;
  lineType: LineType;
  speed: string;
  indoorWiring: IndoorWiring;
  maintenance: MaintenanceHours;
  redundancy: boolean;
  spareRouter: boolean;
  pingMonitoring: boolean;
  place?: ReturnType<typeof address>;
}

export interface TerminalSpec {
  type: TerminalType;
  systemCategory: SystemCategory;
  count: number;
  lineNo?: number;
}

export interface MailboxSpec {
  type: MailboxType;
  count: number;
}

export interface ContractSpec {
  connection: Connection;
  noLineRequired: boolean;
  plan: Plan;
  userCodes: UserCodeSpec[];
  lines: LineSpec[];
  terminals: TerminalSpec[];
  mailboxes: MailboxSpec[];
}

function industriesFor(f: Firm, singleSignOn: boolean): Industry[] {
  // シングルサインオン combines industries of one 枠 only (seed 000).
  const free = f.business.industries.filter((i) => !SOLO_INDUSTRIES.includes(i));
  const options = free.filter((i) => industryGroup(i) === industryGroup(free[0]!));
  if (singleSignOn && options.length >= 2) return faker.helpers.arrayElements(options, 2);
  return [pick(f.business.industries)];
}

/** What a new netNACCS or 一般NACCS office of a firm asks for. */
export function contractSpec(s: Site, connection: Connection): ContractSpec {
  const f = s.firm;
  const net = connection === Connection.NET;
  const category = f.business.category;
  const codeCategories = category === SystemCategory.BOTH && chance(0.25) ? [SystemCategory.SEA, SystemCategory.AIR] : [category];
  const userCodes: UserCodeSpec[] = codeCategories.map((systemCategory) => {
    const ids: UserIdSpec[] = [];
    for (let i = 0, n = chance(0.3) ? 2 : 1; i < n; i++) {
      let processingMethod = ProcessingMethod.INTERACTIVE;
      if (net) {
        if (chance(0.06)) processingMethod = ProcessingMethod.EBMS;
      } else if (chance(0.25)) processingMethod = ProcessingMethod.SMTP_BIDIRECTIONAL;
      else if (chance(0.08)) processingMethod = ProcessingMethod.EDIFACT;
      else if (chance(0.1)) processingMethod = ProcessingMethod.SMTP_POP3;
      ids.push({ industries: industriesFor(f, chance(0.2)), processingMethod, identCount: int(1, 4) });
    }
    const statisticsPaid = chance(0.3);
    const bondedOk = ids.some((i) => i.industries.some((x) => BONDED_RECORD_INDUSTRIES.includes(x)));
    return {
      systemCategory,
      singleSignOn: ids.some((i) => i.industries.length > 1),
      statisticsPaid,
      statisticsFree: chance(0.6),
      bondedRecordService: statisticsPaid && bondedOk && chance(0.6),
      ids,
    };
  });
  const methods = userCodes.flatMap((u) => u.ids.map((i) => i.processingMethod));
  const lines: LineSpec[] = [];
  const terminals: TerminalSpec[] = [];
  const mailboxes: MailboxSpec[] = [];
  if (net) {
    for (const u of userCodes) terminals.push({ type: TerminalType.NET, systemCategory: u.systemCategory, count: int(1, 5) });
    if (chance(0.3)) terminals.push({ type: TerminalType.WEB, systemCategory: userCodes[0]!.systemCategory, count: int(1, 2) });
    if (methods.includes(ProcessingMethod.EBMS)) terminals.push({ type: TerminalType.EBMS, systemCategory: userCodes[0]!.systemCategory, count: 1 });
  } else {
    const gateway = methods.includes(ProcessingMethod.SMTP_BIDIRECTIONAL);
    const edifact = methods.includes(ProcessingMethod.EDIFACT);
    for (let lineNo = 1, n = chance(0.3) ? 2 : 1; lineNo <= n; lineNo++) {
      const fiber = chance(0.4);
      const maintenance = chance(0.45) ? MaintenanceHours.H24_365 : MaintenanceHours.WEEKDAY_DAYTIME;
      const h24 = maintenance === MaintenanceHours.H24_365;
      const speed = fiber ? '光' : pick(['1Mbps', '3Mbps', '10Mbps']);
      const redundancy = h24 && !fiber && chance(0.4);
      lines.push({
        systemCategory: userCodes[Math.min(lineNo, userCodes.length) - 1]!.systemCategory,
        connectionMethod: gateway && lineNo === 1 ? LineConnectionMethod.GATEWAY : LineConnectionMethod.INTERACTIVE,
        edifact: edifact && lineNo === 1,
        lineType: fiber ? LineType.FIBER : LineType.LEASED,
        speed,
        indoorWiring: chance(0.6) ? IndoorWiring.CENTER_RENTAL : IndoorWiring.CUSTOMER,
        maintenance,
        redundancy,
        spareRouter: h24 && !redundancy && chance(0.4),
        pingMonitoring: h24 && !fiber && chance(0.5),
        place: chance(0.85) ? undefined : address(s.loc),
      });
      terminals.push({ type: TerminalType.GENERAL, systemCategory: lines[lineNo - 1]!.systemCategory, count: int(1, 8), lineNo });
    }
    if (edifact) mailboxes.push({ type: MailboxType.EDIFACT, count: 1 });
    // Seed 001: no mailbox for an office on the package software only (一般接続 lines, インタラクティブ).
    if (methods.includes(ProcessingMethod.SMTP_POP3) || (gateway && chance(0.35))) mailboxes.push({ type: MailboxType.SMTP_POP3, count: int(1, 3) });
  }
  return { connection, noLineRequired: false, plan: chance(0.55) ? Plan.A : Plan.B, userCodes, lines, terminals, mailboxes };
}

/** A 利用者コード of another office, shared for SMTP双方向 from the firm's own system (Cyber Port style). */
export function sharedUserCode(f: Firm, shared: { code: () => string; systemCategory: SystemCategory }): UserCodeSpec {
  return {
    shared: { code: shared.code },
    systemCategory: shared.systemCategory,
    singleSignOn: false,
    statisticsPaid: false,
    statisticsFree: chance(0.5),
    bondedRecordService: false,
    ids: [{ industries: [pick([Industry.CUSTOMS_BROKER, Industry.MARINE_FORWARDER, f.business.industries[0]!])], processingMethod: ProcessingMethod.SMTP_BIDIRECTIONAL, identCount: int(1, 2) }],
  };
}

/** 一般NACCS without lines: only a shared 利用者コード (機器共用・共同利用 … 自社システムを利用します). */
export function sharedOnlySpec(f: Firm, shared: { code: () => string; systemCategory: SystemCategory }): ContractSpec {
  return {
    connection: Connection.GENERAL, noLineRequired: true, plan: Plan.B,
    userCodes: [sharedUserCode(f, shared)], lines: [], terminals: [], mailboxes: [],
  };
}

const userCodeInput = (u: UserCodeSpec): UserCodeInput => ({
  action: RowAction.ADD,
  userCode: u.shared?.code(),
  shared: !!u.shared,
  systemCategory: u.shared ? undefined : u.systemCategory,
  singleSignOn: u.singleSignOn,
  statisticsPaid: u.statisticsPaid,
  statisticsFree: u.statisticsFree,
  bondedRecordService: u.bondedRecordService,
  userIds: u.ids.map((i) => ({ action: RowAction.ADD, industries: [...i.industries], processingMethod: i.processingMethod, identCount: i.identCount })),
});

export interface NewDraft {
  applicant: PersonInput;
  desiredStartDate: string;
  /** The NewApplicationInput, with the codes of other offices it names filled in. */
  build(): NewApplicationInput;
}

/**
 * A new application of an office: the firm's company data, the office, its contract, the lines' construction
 * contacts and the システム構成図, and the billing (一括請求 with another office of the firm when given).
 */
export function newDraft(
  s: Site, spec: ContractSpec, opts: { receivedDate: string; lead: number; billing: BillingInput; consolidatedWith?: ConsolidatedWith; sharedOnly: boolean; desiredStartDate?: string },
): NewDraft {
  const f = s.firm;
  const employer = { domain: f.domain, name: f.name };
  const person = chance(0.3) ? s.office.manager! : staffPerson(employer, s.loc.area);
  const managerSameAsApplicant = person === s.office.manager;
  const desiredStartDate = opts.desiredStartDate ?? desiredDate(opts.receivedDate, opts.lead);
  const lines = spec.lines.length > 0;
  const construction = lines
    ? (() => {
      const early = addBusinessDays(opts.receivedDate, int(30, 50));
      const date = early < desiredStartDate ? early : addBusinessDays(desiredStartDate, -int(5, 10));
      const contact = staffPerson(employer, s.loc.area);
      return {
        date: date > opts.receivedDate ? date : desiredStartDate,
        contact,
        attendee: chance(0.6) ? contact : staffPerson(employer, s.loc.area),
        notes: chance(0.4) ? pick(CONSTRUCTION_NOTES) : undefined,
      };
    })()
    : undefined;
  const reason = opts.sharedOnly
    ? pick(SHARED_REASONS)
    : chance(0.3)
      ? `${s.office.name}の開設に伴い、${spec.connection === Connection.NET ? 'netNACCS' : '一般NACCS'}の利用を開始するため。`
      : pick(NEW_REASONS);
  const remarks = opts.sharedOnly ? undefined : chance(0.25) ? pick(REMARKS) : undefined;
  return {
    applicant: applicant(person), desiredStartDate,
    build: () => {
      const userCodes = spec.userCodes.map(userCodeInput);
      const sharedCode = spec.userCodes.find((u) => u.shared)?.shared?.code();
      return {
        connection: spec.connection,
        applicant: applicant(person),
        reason,
        desiredStartDate,
        company: companyInput(s),
        office: { ...(managerSameAsApplicant ? { ...s.office, manager: undefined, managerSameAsApplicant: true } : s.office), managerConfirmed: true },
        userCodes,
        terminals: spec.terminals.map((t): TerminalInput => ({ action: RowAction.ADD, terminalType: t.type, systemCategory: t.systemCategory, count: t.count, lineNo: t.lineNo })),
        lines: spec.lines.map((l): LineInput => ({
          action: RowAction.ADD, systemCategory: l.systemCategory, connectionMethod: l.connectionMethod, edifact: l.edifact,
          lineType: l.lineType, speed: l.speed, indoorWiring: l.indoorWiring, maintenance: l.maintenance, redundancy: l.redundancy,
          spareRouter: l.spareRouter, pingMonitoring: l.pingMonitoring, constructionDate: construction!.date,
          placeSameAsOffice: !l.place, place: l.place,
        })),
        noLineRequired: spec.noLineRequired,
        constructionContact: construction?.contact,
        constructionAttendee: construction?.attendee,
        constructionNotes: construction?.notes,
        mailboxes: spec.mailboxes.map((m) => ({ action: RowAction.ADD, mailboxType: m.type, count: m.count })),
        plan: spec.plan,
        billing: resolvedBilling(opts.billing, opts.consolidatedWith),
        remarks: sharedCode ? `共用する利用者コードは${sharedCode}です。` : remarks,
        attachments: lines
          ? [{ kind: AttachmentKind.SYSTEM_DIAGRAM, fileName: 'システム構成図.pdf', contentType: 'application/pdf', contentBase64: diagramPdf(s.office.name!) }]
          : undefined,
      };
    },
  };
}

/** 利用開始希望日: the standard lead time and some days more, or (one in ten) sooner than the standard. */
export function desiredDate(receivedDate: string, lead: number): string {
  if (chance(0.1)) return addBusinessDays(receivedDate, Math.max(1, lead - int(1, Math.ceil(lead / 2))));
  return addBusinessDays(receivedDate, lead + int(0, 20));
}

// ───────────────────────────── change applications (seeds 002/003/004) ─────────────────────────────

/** The office's registered data a change application starts from (what the console shows as 変更前). */
export interface Registered {
  firm: Firm;
  site: Site;
  office: OfficeInput;
  billing: BillingInput;
  plan: Plan;
}

/** The parts of a change application; sections the customer fills in for the checked items only. */
export type ChangePart = Omit<ChangeApplicationInput, 'applicant' | 'desiredStartDate'>;

/** 管理責任者: the same person on a new number, or a successor. */
export function managerChange(r: Registered): { part: ChangePart; manager: PersonInput } {
  const before = r.office.manager!;
  const phoneOnly = chance(0.4);
  const manager = phoneOnly ? { ...before, phone: landline(r.site.loc.area) } : staffPerson({ domain: r.firm.domain, name: r.firm.name }, r.site.loc.area);
  const reason = phoneOnly ? '管理責任者の電話番号が変更になったため。' : pick(['人事異動に伴い、管理責任者を変更するため。', '管理責任者の退職に伴い、後任者へ変更するため。']);
  return { part: { changeItems: [ChangeItem.MANAGER], office: { manager }, reason }, manager };
}

/** 請求に関する担当者: the whole 請求先 as registered, with the new contact. */
export function billingContactChange(r: Registered): { part: ChangePart; billing: BillingInput } {
  const contact = { ...staffPerson({ domain: r.firm.domain, name: r.firm.name }, r.firm.loc.area), department: r.billing.contact?.department ?? '経理部' };
  const billing = { ...r.billing, contact };
  return { part: { changeItems: [ChangeItem.BILLING_CONTACT], billing, reason: '請求に関する担当者の変更のため。' }, billing };
}

/** 支払の方法: 口座振替 ⇄ 銀行振込. */
export function paymentMethodChange(r: Registered): { part: ChangePart; billing: BillingInput } {
  const after = r.billing.paymentMethod === PaymentMethod.DEBIT ? PaymentMethod.TRANSFER : PaymentMethod.DEBIT;
  const billing = { ...r.billing, paymentMethod: after, bankName: after === PaymentMethod.TRANSFER ? pick(BANKS) : r.billing.bankName };
  const reason = after === PaymentMethod.DEBIT ? '支払事務の効率化のため、口座振替に変更します。' : '経理処理の都合により、銀行振込に変更します。';
  return { part: { changeItems: [ChangeItem.PAYMENT_METHOD], billing, reason }, billing };
}

/** 料金プラン A ⇄ B. */
export function planChange(r: Registered): { part: ChangePart; plan: Plan } {
  const plan = r.plan === Plan.A ? Plan.B : Plan.A;
  const reason = plan === Plan.A ? '利用件数の増加に伴い、料金プランをBからAへ変更するため。' : '利用件数の減少に伴い、料金プランをAからBへ変更するため。';
  return { part: { changeItems: [ChangeItem.PLAN], plan, reason }, plan };
}

/** 事業所の所在地・電話番号 (移転). */
export function relocation(r: Registered): { part: ChangePart; office: { address: ReturnType<typeof address>; phone: string } } {
  const office = { address: address(r.site.loc), phone: landline(r.site.loc.area) };
  // The item's screen starts with the company section: the registered names, unchanged.
  const company = { name: r.firm.name, nameKana: r.firm.nameKana };
  return { part: { changeItems: [ChangeItem.COMPANY_OFFICE], company, office, reason: '事業所移転に伴い、所在地および電話番号を変更するため。' }, office };
}

/**
 * 移転 of an office with lines: seed 002 "回線を利用している事業所が移転する場合は、「一般NACCS回線の登録情報」も選択し、
 * 回線設置場所も変更してください" — each registered line listed as changed, placed at the office's new address.
 */
export function relocationWithLines(part: ChangePart, lines: RegisteredLine[], constructionDate: string): ChangePart {
  if (!lines.length) return part;
  return {
    ...part,
    changeItems: [ChangeItem.COMPANY_OFFICE, ChangeItem.GENERAL_LINE],
    lines: lines.map((line) => ({
      action: RowAction.CHANGE, existingLineId: line.id, systemCategory: line.systemCategory, connectionMethod: line.connectionMethod,
      lineType: line.lineType, speed: line.speed, indoorWiring: line.indoorWiring, maintenance: line.maintenance,
      redundancy: line.redundancy, spareRouter: line.spareRouter, pingMonitoring: line.pingMonitoring, constructionDate, placeSameAsOffice: true,
    })),
  };
}

/** 契約者 (代表者の交代). */
export function contractorChange(r: Registered): { part: ChangePart; contractor: PersonInput } {
  const contractor = contractorPerson({ domain: r.firm.domain, name: r.firm.name });
  return { part: { changeItems: [ChangeItem.CONTRACTOR], office: { contractor }, reason: '代表者の交代に伴い、契約者を変更するため。' }, contractor };
}

/** メールボックスの追加. */
export function mailboxAddition(general: boolean): { part: ChangePart; mailbox: MailboxSpec } {
  const mailbox = { type: general && chance(0.3) ? MailboxType.EDIFACT : MailboxType.SMTP_POP3, count: int(1, 3) };
  const reason = pick(['取引先の増加に伴い、メールボックスを追加するため。', '部署ごとに受信を分けるため、メールボックスを追加します。']);
  return { part: { changeItems: [ChangeItem.MAILBOX], mailboxes: [{ action: RowAction.ADD, mailboxType: mailbox.type, count: mailbox.count }], reason }, mailbox };
}

/** netNACCS端末 or webNACCS証明書 の追加. */
export function terminalAddition(type: TerminalType.NET | TerminalType.WEB, systemCategory: SystemCategory): { part: ChangePart; terminal: TerminalSpec } {
  const terminal = { type, systemCategory, count: type === TerminalType.NET ? int(1, 5) : int(1, 2) };
  const reason = type === TerminalType.NET
    ? pick(['担当者の増員に伴い、netNACCSの論理端末を追加するため。', '業務量の増加に伴い、論理端末を追加するため。'])
    : '在宅勤務への対応のため、webNACCSの証明書を追加するため。';
  return {
    part: {
      changeItems: [type === TerminalType.NET ? ChangeItem.NET_TERMINAL : ChangeItem.WEB_CERTIFICATE],
      terminals: [{ action: RowAction.ADD, terminalType: type, systemCategory, count: terminal.count }],
      reason,
    },
    terminal,
  };
}

/** A registered line (read from the office's contract when the application is submitted). */
export interface RegisteredLine {
  id: string;
  systemCategory: SystemCategory;
  connectionMethod: LineConnectionMethod;
  lineType: LineType;
  speed: string;
  indoorWiring?: IndoorWiring;
  maintenance: MaintenanceHours;
  redundancy: boolean;
  spareRouter: boolean;
  pingMonitoring: boolean;
}

/** 一般NACCS端末 added on a registered line: the line listed unchanged as ルータ番号 1, the terminals on it. */
export function generalTerminalsOnLine(line: RegisteredLine, count: number, constructionDate: string, reason: string): ChangePart {
  return {
    changeItems: [ChangeItem.GENERAL_LINE, ChangeItem.GENERAL_TERMINAL],
    lines: [{
      action: RowAction.CHANGE, existingLineId: line.id, systemCategory: line.systemCategory, connectionMethod: line.connectionMethod,
      lineType: line.lineType, speed: line.speed, indoorWiring: line.indoorWiring, maintenance: line.maintenance,
      redundancy: line.redundancy, spareRouter: line.spareRouter, pingMonitoring: line.pingMonitoring, constructionDate,
    }],
    terminals: [{ action: RowAction.ADD, terminalType: TerminalType.GENERAL, systemCategory: line.systemCategory, count, lineNo: 1 }],
    reason,
  };
}

/** A registered 利用者コード with its flags (a change row repeats them, or the approval would reset them). */
export interface RegisteredUserCode {
  code: string;
  systemCategory: SystemCategory;
  statisticsPaid: boolean;
  statisticsFree: boolean;
  bondedRecordService: boolean;
}

const changeRow = (uc: RegisteredUserCode, userIds: UserCodeInput['userIds'], over: Partial<UserCodeInput> = {}): UserCodeInput => ({
  action: RowAction.CHANGE, userCode: uc.code, systemCategory: uc.systemCategory, statisticsPaid: uc.statisticsPaid,
  statisticsFree: uc.statisticsFree, bondedRecordService: uc.bondedRecordService, userIds, ...over,
});

/** 識別番号の廃止 (seed 004): some 識別番号 of a 利用者コード, the code itself kept. */
export function identAbolition(uc: RegisteredUserCode, ids: Array<{ identNo: string; industries: Industry[]; processingMethod: ProcessingMethod }>, reason: string): ChangePart {
  return {
    changeItems: [ChangeItem.IDENT_NO],
    userCodes: [changeRow(uc, ids.map((i) => ({ action: RowAction.DELETE, identNo: i.identNo, industries: i.industries, processingMethod: i.processingMethod })))],
    reason,
  };
}

/** 利用業種の追加: one more 識別番号 with the new 業種 under a registered 利用者コード. */
export function industryAddition(uc: RegisteredUserCode, industry: Industry): ChangePart {
  return {
    changeItems: [ChangeItem.INDUSTRY, ChangeItem.IDENT_NO],
    userCodes: [changeRow(uc, [{ action: RowAction.ADD, industries: [industry], processingMethod: ProcessingMethod.INTERACTIVE, identCount: 1 }])],
    reason: '新たな業種での業務開始に伴い、識別番号を追加するため。',
  };
}

/** 管理統計資料 (有料分) の申込. */
export function statisticsChange(uc: RegisteredUserCode): ChangePart {
  return {
    changeItems: [ChangeItem.STATISTICS],
    userCodes: [changeRow(uc, [], { statisticsPaid: true })],
    reason: '取扱実績の分析のため、管理統計資料(有料分)の提供を受けたい。',
  };
}

/** 利用者コードの追加 (the other システム区分). */
export function userCodeAddition(systemCategory: SystemCategory, id: UserIdSpec): ChangePart {
  return {
    changeItems: [ChangeItem.USER_CODE],
    userCodes: [{
      action: RowAction.ADD, systemCategory, statisticsFree: true,
      userIds: [{ action: RowAction.ADD, industries: [...id.industries], processingMethod: id.processingMethod, identCount: id.identCount }],
    }],
    reason: `${systemCategory === SystemCategory.AIR ? '航空' : '海上'}貨物の取扱開始に伴い、利用者コードを追加するため。`,
  };
}
