import {
  ApplicationKind, AttachmentKind, BONDED_RECORD_INDUSTRIES, ChangeItem, Connection, type Industry, LineConnectionMethod, LineType,
  MaintenanceHours, OtherChange, ProcessingMethod, RowAction, SOLO_INDUSTRIES, TerminalType, industryGroup,
} from '../../common/enums.js';
import type { FieldError } from '../../common/errors.js';
import { Checker, blank } from './checker.js';
import { requiredAttachments } from './requiredAttachments.js';
import type {
  AddressInput, ApplicationSectionsInput, AttachmentInput, BillingInput, ChangeApplicationInput, CompanyInput,
  CustomsOfficerApplicationInput, LineInput, MailboxInput, NewApplicationInput, OfficeInput, PersonInput, ProvisionalAccountInput,
  TerminalInput, UserCodeInput,
} from './inputs.js';

// Every validation rule of SPEC.md "Validation" and the seeds' screens, in one place. The API runs these before
// anything is stored; the console shows the same fieldErrors on its form fields.

/** 法人格 a company name must carry (個人企業 excepted: 屋号・商号). */
const LEGAL_FORMS = ['株式会社', '有限会社', '合同会社', '合名会社', '合資会社', '一般社団法人', '一般財団法人', '公益社団法人',
  '公益財団法人', '独立行政法人', '国立大学法人', '協同組合', '組合', '財団法人', '社団法人', '外国会社', '支店', '営業所', '（株）', '（有）'];

export const MAX_TEXT = 240;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document'];
const LEASED_SPEEDS = ['0.5Mbps', '1Mbps', '3Mbps', '5Mbps', '10Mbps'];
export const CUSTOMS_OFFICES = ['函館', '東京', '横浜', '名古屋', '大阪', '神戸', '門司', '長崎', '沖縄地区', '不明'];
/** Shapes of codes a customer types for existing records (SPEC.md: checked for shape and existence). */
export const CODE_SHAPE = {
  userCode: /^[0-9A-Z]{5}$/,
  identNo: /^[0-9A-Z]{3}$/,
  officeCode: /^[0-9A-Z]{6}$/,
  billingCode: /^[0-9]{7}$/,
  terminalName: /^[0-9]{5}[WC]$/,
  mailboxId: /^[0-9A-Z]{6}[0-9]{2}$/,
};

interface PersonRules {
  kana?: boolean;
  phone?: boolean;
  email?: boolean;
  confirmation?: boolean;
}

export function checkPerson(c: Checker, path: string, label: string, p: PersonInput | undefined, rules: PersonRules = {}): void {
  if (!p) {
    c.required(path, label, undefined);
    return;
  }
  if (c.required(`${path}.lastName`, `${label} 氏名(姓)`, p.lastName)) c.zenkaku(`${path}.lastName`, `${label} 氏名(姓)`, p.lastName, 20);
  if (c.required(`${path}.firstName`, `${label} 氏名(名)`, p.firstName)) c.zenkaku(`${path}.firstName`, `${label} 氏名(名)`, p.firstName, 20);
  if (rules.kana !== false) {
    if (c.required(`${path}.lastNameKana`, `${label} フリガナ(姓)`, p.lastNameKana)) c.kana(`${path}.lastNameKana`, `${label} フリガナ(姓)`, p.lastNameKana, 40);
    if (c.required(`${path}.firstNameKana`, `${label} フリガナ(名)`, p.firstNameKana)) c.kana(`${path}.firstNameKana`, `${label} フリガナ(名)`, p.firstNameKana, 40);
  }
  c.zenkaku(`${path}.department`, `${label} 所属部課名`, p.department, 40);
  c.zenkaku(`${path}.title`, `${label} 役職名`, p.title, 40);
  if (rules.phone !== false) c.required(`${path}.phone`, `${label} 電話番号`, p.phone);
  c.phone(`${path}.phone`, `${label} 電話番号`, p.phone);
  c.phone(`${path}.fax`, `${label} FAX番号`, p.fax);
  if (rules.email) c.required(`${path}.email`, `${label} E-mailアドレス`, p.email);
  c.email(`${path}.email`, `${label} E-mailアドレス`, p.email);
  if (rules.confirmation && !blank(p.email) && p.email !== p.emailConfirmation) {
    c.add(`${path}.emailConfirmation`, `${label} E-mailアドレス(確認用)が登録用と一致しません。`);
  }
}

export function checkAddress(c: Checker, path: string, label: string, a: AddressInput | undefined, required = true): void {
  if (!a) {
    if (required) c.required(path, label, undefined);
    return;
  }
  if (required) {
    c.required(`${path}.postalCode`, `${label} 郵便番号`, a.postalCode);
    c.required(`${path}.prefecture`, `${label} 都道府県`, a.prefecture);
    c.required(`${path}.address`, `${label} 住所`, a.address);
    c.required(`${path}.addressKana`, `${label} 住所(フリガナ)`, a.addressKana);
  }
  c.digits(`${path}.postalCode`, `${label} 郵便番号`, a.postalCode, 7);
  c.zenkaku(`${path}.prefecture`, `${label} 都道府県`, a.prefecture, 4);
  c.zenkaku(`${path}.address`, `${label} 住所`, a.address, 100);
  c.kanaAddress(`${path}.addressKana`, `${label} 住所(フリガナ)`, a.addressKana, 200);
}

function checkCompanyName(c: Checker, path: string, name: string | undefined, kana: string | undefined, soleProprietor?: boolean): void {
  if (c.required(`${path}.companyName`, '企業名', name)) c.zenkaku(`${path}.companyName`, '企業名', name, 60);
  if (c.required(`${path}.companyNameKana`, '企業名(フリガナ)', kana)) c.kana(`${path}.companyNameKana`, '企業名(フリガナ)', kana, 120);
  if (!soleProprietor && !blank(name) && !c.has(`${path}.companyName`) && !LEGAL_FORMS.some((f) => name!.includes(f))) {
    c.add(`${path}.companyName`, '企業名は法人格を含めて入力してください (例: 〇〇〇〇株式会社)。個人企業の場合は屋号・商号を入力し「個人企業」を選択してください。');
  }
}

/** 仮アカウント申込 (seeds 000/001). */
export function validateProvisionalAccount(input: ProvisionalAccountInput): FieldError[] {
  const c = new Checker();
  checkCompanyName(c, '', input.companyName, input.companyNameKana);
  // The two company-name checks above use the flat paths of this input.
  for (const e of c.errors) e.path = e.path.replace(/^\./, '');
  checkPerson(c, 'applicant', '申込担当者', input.applicant, { email: true, confirmation: true });
  return c.errors;
}

function checkCompany(c: Checker, company: CompanyInput | undefined, required: boolean): void {
  if (!company) {
    if (required) c.required('company', '企業', undefined);
    return;
  }
  const cc = new Checker();
  checkCompanyName(cc, 'company', company.name, company.nameKana, company.soleProprietor);
  for (const e of cc.errors) c.add(e.path.replace('company.companyName', 'company.name'), e.message);
  c.pattern('company.nameEn', '企業名(英)', company.nameEn, /^[\x20-\x7E]{1,120}$/, '半角英数字 (120文字以内)');
  if (!company.headOfficeSameAsOffice) {
    checkAddress(c, 'company.headOfficeAddress', '本社所在地', company.headOfficeAddress, required);
    if (required) c.required('company.headOfficePhone', '本社 電話番号', company.headOfficePhone);
  }
  c.phone('company.headOfficePhone', '本社 電話番号', company.headOfficePhone);
  c.phone('company.headOfficeFax', '本社 FAX番号', company.headOfficeFax);
}

function checkOffice(c: Checker, office: OfficeInput | undefined, required: boolean): void {
  if (!office) {
    if (required) c.required('office', '事業所', undefined);
    return;
  }
  // Seeds 000/001: the new application's "上記を確認しました。" under the 管理責任者 ("必ず確認し、チェックをしてください").
  if (required && office.managerConfirmed !== true) {
    c.add('office.managerConfirmed', '管理責任者のセキュリティ対策 (ウイルス対策など) を確認し、「上記を確認しました。」を選択してください。');
  }
  if (required) {
    c.required('office.name', '事業所名', office.name);
    c.required('office.nameKana', '事業所名(フリガナ)', office.nameKana);
    c.required('office.phone', '事業所 電話番号', office.phone);
    c.required('office.customsOffice', '管轄税関', office.customsOffice);
    c.required('office.emergencyFaxes', '緊急連絡用FAX番号', office.emergencyFaxes);
  }
  c.zenkaku('office.name', '事業所名', office.name, 60);
  c.kana('office.nameKana', '事業所名(フリガナ)', office.nameKana, 120);
  checkAddress(c, 'office.address', '事業所所在地', office.address, required);
  c.phone('office.phone', '事業所 電話番号', office.phone);
  c.phone('office.fax', '事業所 FAX番号', office.fax);
  if (!blank(office.customsOffice) && !CUSTOMS_OFFICES.includes(office.customsOffice!)) {
    c.add('office.customsOffice', `管轄税関は ${CUSTOMS_OFFICES.join('・')} のいずれかを選択してください。`);
  }
  if (office.contractor || required) checkPerson(c, 'office.contractor', '契約者', office.contractor, { phone: false });
  if (office.contractor && required) c.required('office.contractor.title', '契約者 役職名', office.contractor.title);
  if (!office.managerSameAsApplicant && (office.manager || required)) {
    checkPerson(c, 'office.manager', '管理責任者', office.manager, { email: true });
  }
  const faxes = office.emergencyFaxes ?? [];
  if (office.emergencyFaxes && (faxes.length < 1 || faxes.length > 3)) {
    c.add('office.emergencyFaxes', '緊急連絡用FAX番号は1つ以上3つまで入力してください (お持ちでない場合は 0000000000)。');
  }
  faxes.forEach((f, i) => {
    c.required(`office.emergencyFaxes.${i}`, `緊急連絡用FAX番号${i + 1}`, f);
    if (f !== '0000000000') c.phone(`office.emergencyFaxes.${i}`, `緊急連絡用FAX番号${i + 1}`, f);
  });
}

/**
 * SPEC: 保税管理資料保存サービス requires 管理統計資料 有料 and only for CY, 保税蔵置場, 航空会社, 機用品業 — of a 利用者コード
 * with these flags whose 利用者ID have these 業種.
 */
export function bondedRecordProblems(code: { bondedRecordService?: boolean | null; statisticsPaid?: boolean | null }, industries: readonly Industry[]): string[] {
  if (!code.bondedRecordService) return [];
  const problems: string[] = [];
  if (!code.statisticsPaid) problems.push('保税管理資料保存サービスは管理統計資料(有料)を申し込む場合のみ選択できます。');
  if (!industries.some((x) => BONDED_RECORD_INDUSTRIES.includes(x))) {
    problems.push('保税管理資料保存サービスは業種が CY・保税蔵置場・航空会社・機用品業 の場合のみ選択できます。');
  }
  return problems;
}

function checkUserCodes(c: Checker, codes: UserCodeInput[] | undefined, connection: Connection | undefined, isNew: boolean): void {
  (codes ?? []).forEach((code, i) => {
    const p = `userCodes.${i}`;
    const action = code.action ?? RowAction.ADD;
    if (isNew && action !== RowAction.ADD) c.add(`${p}.action`, '新規申込の利用者コードは「追加」のみです。');
    if (code.shared || action !== RowAction.ADD) {
      c.required(`${p}.userCode`, '利用者コード', code.userCode);
      c.pattern(`${p}.userCode`, '利用者コード', code.userCode, CODE_SHAPE.userCode, '半角英数字5桁 (例: 2ANAC)');
    } else if (!blank(code.userCode)) {
      c.add(`${p}.userCode`, '新規の利用者コードは承認時に払い出すため入力できません (他事業所のコードを共用する場合は「共用」を選択)。');
    }
    if (action === RowAction.ADD && !code.shared) c.required(`${p}.systemCategory`, 'システム区分', code.systemCategory);
    const userIds = code.userIds ?? [];
    if (action === RowAction.ADD && userIds.length === 0) c.add(`${p}.userIds`, '業種・処理方式・識別番号数を1件以上設定してください。');
    // A change of a registered code is judged with the code's registered flags and 業種 (IntakeService).
    if (action === RowAction.ADD) {
      for (const message of bondedRecordProblems(code, userIds.flatMap((u) => u.industries ?? []))) c.add(`${p}.bondedRecordService`, message);
    }
    userIds.forEach((u, j) => {
      const q = `${p}.userIds.${j}`;
      const uAction = u.action ?? RowAction.ADD;
      if (uAction === RowAction.DELETE) {
        c.required(`${q}.identNo`, '廃止する識別番号', u.identNo);
        c.pattern(`${q}.identNo`, '識別番号', u.identNo, CODE_SHAPE.identNo, '半角英数字3桁');
        return;
      }
      const industries = u.industries ?? [];
      c.required(`${q}.industries`, '業種', industries);
      c.required(`${q}.processingMethod`, '処理方式', u.processingMethod);
      c.required(`${q}.identCount`, '識別番号数', u.identCount);
      c.count(`${q}.identCount`, '識別番号数', u.identCount, 1, 99);
      if (industries.length > 1) {
        if (!code.singleSignOn) c.add(`${q}.industries`, '複数の業種はシングルサインオン「要」の場合のみ選択できます。');
        const solo = industries.filter((x) => SOLO_INDUSTRIES.includes(x));
        if (solo.length) c.add(`${q}.industries`, '自社通関・輸出入者(貿易管理システム利用)・機長代行は他の業種と同じ利用者IDにできません。');
        if (new Set(industries).size !== industries.length) c.add(`${q}.industries`, '業種が重複しています。');
        if (new Set(industries.map(industryGroup)).size > 1) {
          c.add(`${q}.industries`, 'シングルサインオンで同じ利用者IDにできるのは同じ枠内の業種のみです (通関業・混載業・機用品業・航空会社・海運業・輸出入者・航空貨物代理店・IWCC、または 保税蔵置場・CY)。');
        }
      }
      if (connection === Connection.NET && u.processingMethod && !['INTERACTIVE', 'SMTP_BIDIRECTIONAL', 'EBMS'].includes(u.processingMethod)) {
        c.add(`${q}.processingMethod`, 'netNACCS の処理方式はインタラクティブ・SMTP双方向・ebMS から選択してください。');
      }
    });
  });
}

function checkTerminals(c: Checker, terminals: TerminalInput[] | undefined, connection: Connection | undefined, lineNos: number[], isNew: boolean): void {
  (terminals ?? []).forEach((t, i) => {
    const p = `terminals.${i}`;
    const action = t.action ?? RowAction.ADD;
    if (isNew && action !== RowAction.ADD) c.add(`${p}.action`, '新規申込の論理端末は「追加」のみです。');
    c.required(`${p}.terminalType`, '利用機器区分', t.terminalType);
    c.required(`${p}.systemCategory`, 'システム区分', t.systemCategory);
    if (action === RowAction.ADD) {
      c.required(`${p}.count`, '論理端末追加数', t.count);
      c.count(`${p}.count`, '論理端末追加数', t.count, 1, 999);
    } else {
      c.required(`${p}.terminalName`, '論理端末名', t.terminalName);
      c.pattern(`${p}.terminalName`, '論理端末名', t.terminalName, CODE_SHAPE.terminalName, '数字5桁+W/C (例: 99999W)');
      if (action === RowAction.CHANGE) c.required(`${p}.newSystemCategory`, '区分の変更後のシステム区分', t.newSystemCategory);
    }
    if (isNew && connection === Connection.NET && t.terminalType === TerminalType.GENERAL) {
      c.add(`${p}.terminalType`, 'netNACCS の申込では一般NACCS端末は申し込めません。');
    }
    if (isNew && connection === Connection.GENERAL && t.terminalType !== TerminalType.GENERAL && t.terminalType) {
      c.add(`${p}.terminalType`, '一般NACCS の申込の論理端末は一般NACCS端末です (netNACCS は別途申込)。');
    }
    if (t.terminalType === TerminalType.GENERAL && action === RowAction.ADD && isNew) {
      c.required(`${p}.lineNo`, 'ルータ番号', t.lineNo);
      if (t.lineNo !== undefined && t.lineNo !== null && !lineNos.includes(t.lineNo)) c.add(`${p}.lineNo`, `ルータ番号 ${t.lineNo} の回線がありません。`);
    }
  });
}

function checkLines(c: Checker, lines: LineInput[] | undefined, today: string, isNew: boolean): void {
  (lines ?? []).forEach((l, i) => {
    const p = `lines.${i}`;
    const action = l.action ?? RowAction.ADD;
    if (isNew && action !== RowAction.ADD) c.add(`${p}.action`, '新規申込の回線は「追加」のみです。');
    if (action !== RowAction.ADD) {
      c.required(`${p}.existingLineId`, '変更・廃止する回線', l.existingLineId);
      if (action === RowAction.DELETE) return;
    }
    c.required(`${p}.systemCategory`, 'システム区分', l.systemCategory);
    c.required(`${p}.connectionMethod`, '接続方式', l.connectionMethod);
    c.required(`${p}.lineType`, '回線種別', l.lineType);
    c.required(`${p}.speed`, 'アクセス速度', l.speed);
    c.required(`${p}.maintenance`, '保守時間帯', l.maintenance);
    c.required(`${p}.constructionDate`, '工事希望日', l.constructionDate);
    c.isoDate(`${p}.constructionDate`, '工事希望日', l.constructionDate, today);
    if (l.lineType === LineType.LEASED && l.speed && !LEASED_SPEEDS.includes(l.speed)) {
      c.add(`${p}.speed`, `専用線のアクセス速度は ${LEASED_SPEEDS.join('・')} から選択してください。`);
    }
    if (l.lineType === LineType.FIBER && l.speed && l.speed !== '光') c.add(`${p}.speed`, 'BB光回線のアクセス速度は「光」です。');
    const options = l.redundancy || l.spareRouter || l.pingMonitoring;
    if (options && l.maintenance && l.maintenance !== MaintenanceHours.H24_365) {
      c.add(`${p}.maintenance`, 'オプションメニュー(冗長化・予備機設置・Ping監視)は保守時間帯「24時間365日」の場合のみ申し込めます。');
    }
    if (l.redundancy && l.spareRouter) c.add(`${p}.spareRouter`, '冗長化を選択する場合は予備機設置は行えません。');
    if (l.redundancy && (l.lineType !== LineType.LEASED || l.speed === '0.5Mbps')) {
      c.add(`${p}.redundancy`, '冗長化は専用線 (1Mbps以上) の場合のみ申し込めます。');
    }
    if (l.pingMonitoring && l.lineType === LineType.FIBER) c.add(`${p}.pingMonitoring`, 'Ping監視はBB光回線では申し込めません。');
    if (l.placeSameAsOffice === false) checkAddress(c, `${p}.place`, '回線設置場所', l.place, true);
  });
}

function checkMailboxes(c: Checker, mailboxes: MailboxInput[] | undefined, connection: Connection | undefined, isNew: boolean): void {
  (mailboxes ?? []).forEach((m, i) => {
    const p = `mailboxes.${i}`;
    const action = m.action ?? RowAction.ADD;
    if (isNew && connection === Connection.NET) c.add(p, 'メールボックスは一般NACCS (自社システム: SMTP/POP3・EDIFACT) の場合のみ申し込めます。');
    c.required(`${p}.mailboxType`, 'メール種別', m.mailboxType);
    if (action === RowAction.ADD) {
      c.required(`${p}.count`, 'メールボックス追加数', m.count);
      c.count(`${p}.count`, 'メールボックス追加数', m.count, 1, 99);
    } else if (action === RowAction.DELETE) {
      c.required(`${p}.mailboxId`, '廃止するメールボックスID', m.mailboxId);
      c.pattern(`${p}.mailboxId`, 'メールボックスID', m.mailboxId, CODE_SHAPE.mailboxId, '事業所コード+2桁 (例: NAC00101)');
    } else {
      c.add(`${p}.action`, 'メールボックスは追加または廃止のみ申し込めます。');
    }
  });
}

export function checkBilling(c: Checker, b: BillingInput | undefined, required: boolean): void {
  if (!b) {
    if (required) c.required('billing', '請求先', undefined);
    return;
  }
  if (b.consolidated) {
    const codes = [b.consolidatedBillingCode, b.consolidatedOfficeCode].filter((x) => !blank(x));
    if (codes.length === 0) c.add('billing.consolidatedBillingCode', '一括請求を希望する場合は「請求先コード」または「事業所コード」のどちらかを入力してください。');
    if (codes.length === 2) c.add('billing.consolidatedOfficeCode', '一括請求先は「請求先コード」と「事業所コード」のどちらか一方のみ入力してください (両方は入力できません)。');
    c.digits('billing.consolidatedBillingCode', '一括請求先の請求先コード', b.consolidatedBillingCode, 7);
    c.pattern('billing.consolidatedOfficeCode', '一括請求先の事業所コード', b.consolidatedOfficeCode, CODE_SHAPE.officeCode, '半角英数字6桁');
    c.required('billing.companyName', '一括請求先の企業名', b.companyName);
    c.required('billing.officeName', '一括請求先の事業所名', b.officeName);
  } else if (!blank(b.consolidatedBillingCode) || !blank(b.consolidatedOfficeCode)) {
    c.add('billing.consolidated', '一括請求を希望しない場合は一括請求先のコードを入力できません。');
  }
  c.zenkaku('billing.companyName', '請求先 企業名', b.companyName, 60);
  c.zenkaku('billing.officeName', '請求先 事業所名', b.officeName, 60);
  if (b.addressSameAsOffice === false) checkAddress(c, 'billing.address', '請求書送付先', b.address, true);
  if (required || b.contact) checkPerson(c, 'billing.contact', '請求に関する担当者', b.contact, { email: true });
  const emails = b.emails ?? [];
  if (emails.length > 5) c.add('billing.emails', '請求通知先メールアドレスは最大5つまでです。');
  emails.forEach((e, i) => c.email(`billing.emails.${i}`, `請求通知先メールアドレス${i + 1}`, e));
  if (required) c.required('billing.paymentMethod', '支払方法', b.paymentMethod);
  if (b.sameAccount) {
    if (b.paymentMethod !== 'DEBIT') c.add('billing.sameAccount', '同一口座振替は口座振替の場合のみ選択できます。');
    c.required('billing.sameAccountCode', '同一口座振替の請求先コードまたは事業所コード', b.sameAccountCode);
    // Seed 001: "コード欄の「登録請求先コード」もしくは「事業所コード」のどちらかを入力し、「企業名」及び「事業所名」を入力".
    c.required('billing.companyName', '同一口座振替の企業名', b.companyName);
    c.required('billing.officeName', '同一口座振替の事業所名', b.officeName);
    c.pattern('billing.sameAccountCode', '同一口座振替のコード', b.sameAccountCode, /^([0-9]{7}|[0-9A-Z]{6})$/, '請求先コード(数字7桁)または事業所コード(英数字6桁)');
  }
  if (b.paymentMethod === 'TRANSFER') c.required('billing.bankName', '振込先銀行', b.bankName);
}

export function checkAttachments(c: Checker, attachments: AttachmentInput[] | undefined): void {
  (attachments ?? []).forEach((a, i) => {
    const p = `attachments.${i}`;
    c.required(`${p}.kind`, '添付ファイルの種類', a.kind);
    c.required(`${p}.fileName`, '添付ファイル名', a.fileName);
    c.maxLength(`${p}.fileName`, '添付ファイル名', a.fileName, 255);
    if (!c.required(`${p}.contentType`, '添付ファイルの形式', a.contentType)) return;
    if (!ATTACHMENT_TYPES.includes(a.contentType!)) c.add(`${p}.contentType`, '添付ファイルは PDF・PNG・JPEG・Excel・Word のいずれかの形式にしてください。');
    if (!c.required(`${p}.contentBase64`, '添付ファイルの内容', a.contentBase64)) return;
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(a.contentBase64!)) c.add(`${p}.contentBase64`, '添付ファイルの内容が base64 ではありません。');
    else if ((a.contentBase64!.length * 3) / 4 > MAX_ATTACHMENT_BYTES) c.add(`${p}.contentBase64`, '添付ファイルは10MB以下にしてください。');
  });
}

function checkCommon(c: Checker, input: ApplicationSectionsInput, today: string): void {
  checkPerson(c, 'applicant', '申込担当者', input.applicant, { email: true, confirmation: true });
  c.maxLength('reason', '申込理由', input.reason, MAX_TEXT);
  c.maxLength('remarks', '備考', input.remarks, MAX_TEXT);
  c.maxLength('constructionNotes', '回線設置に関する連絡事項', input.constructionNotes, MAX_TEXT);
  c.required('desiredStartDate', '利用開始希望日', input.desiredStartDate);
  c.isoDate('desiredStartDate', '利用開始希望日', input.desiredStartDate, today);
  checkAttachments(c, input.attachments);
}

/** Whether the application's shape requires `kind` (requiredAttachments: the one rule) and the input lacks it. */
function missingAttachment(
  input: { attachments?: AttachmentInput[] | null }, app: Parameters<typeof requiredAttachments>[0], lines: Array<{ action: string }>, kind: AttachmentKind,
): boolean {
  return requiredAttachments(app, lines).includes(kind) && !(input.attachments ?? []).some((a) => a.kind === kind);
}

/** 新規利用申込 (seeds 000/001): every section; lines or the "no line" box for 一般NACCS. */
export function validateNewApplication(input: NewApplicationInput, today: string): FieldError[] {
  const c = new Checker();
  c.required('connection', 'netNACCS / 一般NACCS の選択', input.connection);
  checkCommon(c, input, today);
  c.required('reason', '申込理由', input.reason);
  checkCompany(c, input.company, true);
  checkOffice(c, input.office, true);
  if (!input.userCodes?.length) c.add('userCodes', '利用者コードを1件以上登録してください。');
  checkUserCodes(c, input.userCodes, input.connection, true);
  const lines = input.lines ?? [];
  const lineNos = lines.map((_, i) => i + 1);
  checkTerminals(c, input.terminals, input.connection, lineNos, true);
  checkLines(c, lines, today, true);
  if (input.connection === Connection.NET && lines.length) c.add('lines', '回線は一般NACCS の申込でのみ申し込めます。');
  if (input.connection === Connection.GENERAL) {
    if (lines.length === 0 && !input.noLineRequired) {
      c.add('lines', '回線を追加するか、「機器共用・共同利用、回線付替を別途申込、または自社システムを利用します」を選択してください。');
    }
    if (lines.length > 0 && input.noLineRequired) c.add('noLineRequired', '回線を申し込む場合は「機器共用・…自社システムを利用します」は選択できません。');
    if (lines.length > 0) {
      checkPerson(c, 'constructionContact', '工事事務担当者', input.constructionContact, { kana: true });
      checkPerson(c, 'constructionAttendee', '工事立会者', input.constructionAttendee, { kana: true });
      const lineActions = lines.map((l) => ({ action: l.action ?? RowAction.ADD }));
      if (missingAttachment(input, { kind: ApplicationKind.NEW, connection: input.connection }, lineActions, AttachmentKind.SYSTEM_DIAGRAM)) {
        c.add('attachments', '新規申込の回線には「システム構成図」の添付が必要です。');
      }
    }
  }
  c.pattern('equipmentSharingOfficeCode', '機器共用先 事業所コード', input.equipmentSharingOfficeCode, CODE_SHAPE.officeCode, '半角英数字6桁');
  checkMailboxes(c, input.mailboxes, input.connection, true);
  if (input.mailboxes?.length && packageSoftwareOnly(input)) {
    c.add('mailboxes', 'メールボックスは自社システム (SMTP/POP3・EDIFACT) を利用する場合のみ申し込めます。パッケージソフトのみご利用の場合は入力できません。');
  }
  c.required('plan', '料金プラン', input.plan);
  checkBilling(c, input.billing, true);
  return c.errors;
}

/** 処理方式 of a customer's own system (自社システム): they use mailboxes or a ゲートウェイ接続. */
const OWN_SYSTEM_METHODS: readonly ProcessingMethod[] = [ProcessingMethod.SMTP_POP3, ProcessingMethod.EDIFACT, ProcessingMethod.SMTP_BIDIRECTIONAL];

/**
 * Seed 001 (メールボックス): "パッケージソフトのみご利用の方は、入力不可" — a 一般NACCS office whose lines are all
 * 一般接続(インタラクティブ) without EDIFACT and whose 利用者ID are all processed by the package software.
 */
function packageSoftwareOnly(input: NewApplicationInput): boolean {
  const lines = input.lines ?? [];
  if (input.connection !== Connection.GENERAL || lines.length === 0) return false;
  if (lines.some((l) => l.connectionMethod !== LineConnectionMethod.INTERACTIVE || l.edifact)) return false;
  const methods = (input.userCodes ?? []).flatMap((u) => (u.userIds ?? []).map((x) => x.processingMethod));
  return !methods.some((m) => m && OWN_SYSTEM_METHODS.includes(m));
}

/** Which sections each checkbox item of the 変更申込 screen lets the customer fill in. */
const ITEM_SECTIONS: Partial<Record<ChangeItem, Array<keyof ChangeApplicationInput>>> = {
  COMPANY_OFFICE: ['company', 'office'],
  CONTRACTOR: ['office'],
  HEAD_OFFICE: ['company'],
  MANAGER: ['office'],
  INDUSTRY: ['userCodes'],
  USER_CODE: ['userCodes'],
  IDENT_NO: ['userCodes'],
  NET_TERMINAL: ['terminals'],
  WEB_CERTIFICATE: ['terminals'],
  GENERAL_LINE: ['lines', 'constructionContact', 'constructionAttendee', 'constructionNotes'],
  GENERAL_TERMINAL: ['terminals'],
  MAILBOX: ['mailboxes'],
  PLAN: ['plan'],
  STATISTICS: ['userCodes'],
  BONDED_RECORD_SERVICE: ['userCodes'],
  BILLING_ADDRESS: ['billing'],
  BILLING_CONTACT: ['billing'],
  PAYMENT_METHOD: ['billing'],
};
const SECTION_LABEL: Record<string, string> = {
  company: '企業', office: '事業所', userCodes: '利用者コード', terminals: '論理端末', lines: '回線', mailboxes: 'メールボックス',
  plan: '料金プラン', billing: '請求先', constructionContact: '工事事務担当者', constructionAttendee: '工事立会者',
  constructionNotes: '回線設置に関する連絡事項',
};

/** 変更申込 (seeds 002/003/004): the checked items, or exactly one その他の契約変更 — never both. */
export function validateChangeApplication(input: ChangeApplicationInput, today: string): FieldError[] {
  const c = new Checker();
  checkCommon(c, input, today);
  const items = input.changeItems ?? [];
  if (items.length && input.otherChange) {
    c.add('otherChange', '「契約変更に関する項目」と「その他の契約変更」は同時に申し込めません。別々の変更申込にしてください。');
  }
  if (!items.length && !input.otherChange) c.add('changeItems', '変更申込を行う項目を1つ以上選択してください。');
  if (new Set(items).size !== items.length) c.add('changeItems', '変更項目が重複しています。');
  if (input.otherChange === OtherChange.EQUIPMENT_SHARING) {
    c.required('equipmentSharingOfficeCode', '機器共用先 事業所コード', input.equipmentSharingOfficeCode);
  }
  c.pattern('equipmentSharingOfficeCode', '機器共用先 事業所コード', input.equipmentSharingOfficeCode, CODE_SHAPE.officeCode, '半角英数字6桁');
  if (missingAttachment(input, { kind: ApplicationKind.CHANGE, otherChange: input.otherChange }, [], AttachmentKind.POWER_OF_ATTORNEY)) {
    c.add('attachments', '共同利用の申込には「委任状 (子事業所の役職印押印済みのもの)」の添付が必要です。');
  }
  if (input.otherChange === OtherChange.TRANSFER) {
    c.required('transferTargetOfficeCode', '付替先事業所コード', input.transferTargetOfficeCode);
    c.pattern('transferTargetOfficeCode', '付替先事業所コード', input.transferTargetOfficeCode, CODE_SHAPE.officeCode, '半角英数字6桁');
  } else if (!blank(input.transferTargetOfficeCode)) {
    c.add('transferTargetOfficeCode', '付替先事業所コードは「事業所間の登録情報の移動(付替)」の場合のみ入力します。');
  }
  // A section may be filled in only when an item that covers it is checked.
  const allowed = new Set(items.flatMap((i) => ITEM_SECTIONS[i] ?? []));
  for (const section of Object.keys(SECTION_LABEL) as Array<keyof ChangeApplicationInput>) {
    const value = input[section];
    const present = Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null && value !== '';
    if (present && !allowed.has(section)) c.add(section, `${SECTION_LABEL[section]}を変更するには、対応する変更項目を選択してください。`);
  }
  const need = (item: ChangeItem, section: keyof ChangeApplicationInput) => {
    const value = input[section];
    const present = Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
    if (items.includes(item) && !present) c.add(section, `「${ITEM_LABEL[item]}」を選択した場合は${SECTION_LABEL[section]}の変更内容を入力してください。`);
  };
  for (const item of items) for (const section of (ITEM_SECTIONS[item] ?? []).slice(0, 1)) need(item, section);
  checkCompany(c, input.company, false);
  checkOffice(c, input.office, false);
  checkUserCodes(c, input.userCodes, undefined, false);
  checkTerminals(c, input.terminals, undefined, [], false);
  checkLines(c, input.lines, today, false);
  checkMailboxes(c, input.mailboxes, undefined, false);
  checkBilling(c, input.billing, false);
  return c.errors;
}

/** 変更(通関士) (NSS 「通関士IDの追加」): the 利用者コード, the number of 通関士 and how their IDs are processed. */
export function validateCustomsOfficerApplication(input: CustomsOfficerApplicationInput, today: string): FieldError[] {
  const c = new Checker();
  checkCommon(c, input, today);
  c.required('userCode', '通関士IDを追加する利用者コード', input.userCode);
  c.pattern('userCode', '利用者コード', input.userCode, CODE_SHAPE.userCode, '半角英数字5桁 (例: 1ANAC)');
  c.required('identCount', '通関士の人数 (識別番号数)', input.identCount);
  c.count('identCount', '通関士の人数 (識別番号数)', input.identCount, 1, 99);
  if (input.processingMethod && !CUSTOMS_OFFICER_METHODS.includes(input.processingMethod)) {
    c.add('processingMethod', '通関士IDの処理方式はインタラクティブまたはSMTP双方向から選択してください。');
  }
  return c.errors;
}

/** How a 通関士 works: the package software, or SMTP双方向 from Cyber Port (seed 000: 「SMTP双方向」を選択). */
const CUSTOMS_OFFICER_METHODS: readonly ProcessingMethod[] = [ProcessingMethod.INTERACTIVE, ProcessingMethod.SMTP_BIDIRECTIONAL];

export const ITEM_LABEL: Record<ChangeItem, string> = {
  COMPANY_OFFICE: '企業名、事業所名、所在地等', CONTRACTOR: '契約者名、契約者の役職', HEAD_OFFICE: '本社情報',
  MANAGER: 'システム管理責任者の情報', INDUSTRY: '利用業種', USER_CODE: '利用者コード', IDENT_NO: '識別番号',
  NET_TERMINAL: 'netNACCS端末の登録情報', WEB_CERTIFICATE: 'webNACCS証明書の登録情報', GENERAL_LINE: '一般NACCS回線の登録情報',
  GENERAL_TERMINAL: '一般NACCS端末の登録情報', MAILBOX: '一般NACCSのメールボックス数', PLAN: '料金プラン',
  STATISTICS: '管理統計資料', BONDED_RECORD_SERVICE: '保税管理資料保存サービス', BILLING_ADDRESS: '請求書送付先',
  BILLING_CONTACT: '請求先担当者', PAYMENT_METHOD: '支払の方法',
};
