// Every e-mail event, its Japanese name and the variables it provides (with types): one schema, used to validate
// templates at save and to build the preview's sample.

export type VariableType = 'string' | 'date' | 'boolean';

export interface VariableSpec {
  type: VariableType;
  required?: boolean;
  description: string;
  sample: string | boolean;
}

const ADDRESSEE: Record<string, VariableSpec> = {
  companyName: { type: 'string', description: '宛先の企業名', sample: 'ナックスシステム株式会社' },
  officeName: { type: 'string', description: '宛先の事業所名', sample: '本社' },
  department: { type: 'string', description: '宛先の部署', sample: '通関課' },
  recipientName: { type: 'string', required: true, description: '宛先の氏名', sample: '混載 一郎' },
  nssUrl: { type: 'string', description: 'NSS のURL', sample: 'https://nss.nac6.naccs.jp/dfw/login/nsscoapp/' },
};
const RECEIPT: Record<string, VariableSpec> = {
  receiptNo: { type: 'string', required: true, description: '申込受付番号', sample: '180055A' },
  receivedDate: { type: 'date', description: '申込受付年月日', sample: '2026年11月20日' },
  // The manuals word mails by kind: 【NACCS】 and the "●新規申込（事業所追加含む）" paragraph for new applications (seed
  // 000/001), 【NSS】 for a change's 利用申込確認完了 (seeds 002–004).
  newApplication: { type: 'boolean', description: '新規申込 (事業所追加含む) か', sample: true },
};

export const EVENTS = {
  'provisional-account-registered': {
    label: '仮アカウント登録完了',
    variables: {
      ...ADDRESSEE,
      loginId: { type: 'string', required: true, description: '仮ログインID', sample: '0000001' },
      password: { type: 'string', required: true, description: '仮パスワード (送信時に差し込み; 保存されない)', sample: '8A8A8A8A' },
      expiresAt: { type: 'date', description: '有効期限 (48時間後)', sample: '2026年11月23日 10:00' },
    },
  },
  'application-received': { label: '利用申込受付完了', variables: { ...ADDRESSEE, ...RECEIPT } },
  'application-returned': {
    label: '確認事項あり',
    variables: { ...ADDRESSEE, ...RECEIPT, message: { type: 'string', required: true, description: '確認事項 (審査担当者のメッセージ)', sample: '管理責任者の電話番号をご確認ください。' } },
  },
  'application-approved': {
    label: '利用申込確認完了',
    variables: {
      ...ADDRESSEE, ...RECEIPT,
      startDate: { type: 'date', required: true, description: '利用開始日', sample: '2027年1月6日' },
      systemSettingsDeadline: { type: 'date', description: 'システム設定申込締切日 (新規申込のみ)', sample: '2026年12月25日' },
    },
  },
  'application-withdrawn': {
    label: '取下げ受付',
    variables: { ...ADDRESSEE, ...RECEIPT, reason: { type: 'string', description: '取下げ理由', sample: '社内事情により' } },
  },
  'application-cancelled': {
    label: 'キャンセル',
    variables: { ...ADDRESSEE, ...RECEIPT, reason: { type: 'string', required: true, description: 'キャンセル理由', sample: 'システム設定申込締切日までにシステム設定申込が行われなかったため。' } },
  },
  'certificate-issued': {
    label: 'デジタル証明書発行完了',
    variables: {
      ...ADDRESSEE, ...RECEIPT,
      terminals: { type: 'string', required: true, description: '論理端末名 (、区切り)', sample: '99999W、88888W' },
      reissue: { type: 'boolean', description: '再発行か', sample: false },
      reason: { type: 'string', description: '再発行の理由', sample: 'PC入替のため' },
      readableUntil: { type: 'date', description: '認証コードの参照期限', sample: '2027年1月8日' },
      acquireBy: { type: 'date', description: '取得期限', sample: '2027年3月6日' },
    },
  },
  'direct-debit-form': {
    label: '預金口座振替依頼書についてのお知らせ',
    variables: {
      ...ADDRESSEE, ...RECEIPT,
      billingCode: { type: 'string', description: '請求先コード', sample: '9999999' },
      billingName: { type: 'string', description: '請求先 (企業名 事業所名)', sample: 'ナックスシステム株式会社 本社' },
    },
  },
  'password-reissued': {
    label: 'パスワード再発行',
    variables: {
      ...ADDRESSEE, ...RECEIPT,
      target: { type: 'string', required: true, description: '再発行した対象', sample: '利用者ID 1ANACA01' },
      readableUntil: { type: 'date', required: true, description: '新しいパスワードの参照期限', sample: '2026年11月25日' },
    },
  },
} as const satisfies Record<string, { label: string; variables: Record<string, VariableSpec> }>;

export type MailKey = keyof typeof EVENTS;
export const MAIL_KEYS = Object.keys(EVENTS) as MailKey[];

/** The sample values of an event (for previews and "send a test to me"). */
export function sampleVariables(key: MailKey): Record<string, unknown> {
  return Object.fromEntries(Object.entries(EVENTS[key].variables).map(([name, spec]) => [name, spec.sample]));
}
