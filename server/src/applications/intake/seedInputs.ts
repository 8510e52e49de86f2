// The seeds' inputs (the NSS manuals' examples), for the tests' fixtures and the benchmarks: no test framework here.
import { Connection, Industry, Plan, ProcessingMethod, SystemCategory, TerminalType } from '../../common/enums.js';
import type { NewApplicationInput, PersonInput } from './inputs.js';

export const applicantKonsai: PersonInput = {
  lastName: '混載', firstName: '一郎', lastNameKana: 'コンサイ', firstNameKana: 'イチロウ', department: '通関課', title: '課長',
  phone: '0123456789', fax: '0123987650', email: 'konsai.ichiro@naccs.co.jp', emailConfirmation: 'konsai.ichiro@naccs.co.jp',
};

/** Seed 001's new 一般NACCS application of ナックスシステム株式会社 (専用線 1Mbps, 口座振替). */
export function nacSystemApplication(desiredStartDate: string): NewApplicationInput {
  return {
    connection: Connection.GENERAL,
    applicant: applicantKonsai,
    reason: '通関業許可取得に伴い、NACCSを利用するため。',
    desiredStartDate,
    company: { name: 'ナックスシステム株式会社', nameKana: 'ナックスシステムカブシキカイシャ', nameEn: 'NACCS SYSTEM CO.,LTD.', headOfficeSameAsOffice: true },
    office: {
      name: '本社', nameKana: 'ホンシャ', phone: '0312345678', fax: '0398765432', customsOffice: '横浜',
      address: { postalCode: '9990000', prefecture: '神奈川県', address: '川崎市幸区堀川町９９９番地　ナックスタワー１階', addressKana: 'カワサキシサイワイクホリカワチョウ９９９バンチ　ナックスタワー１カイ' },
      contractor: { lastName: '南楠', firstName: '太郎', lastNameKana: 'ナックス', firstNameKana: 'タロウ', title: '代表取締役社長' },
      manager: { lastName: '保税', firstName: '花子', lastNameKana: 'ホゼイ', firstNameKana: 'ハナコ', department: '営業一課', title: '課長', phone: '0355559999', fax: '0388881111', email: 'Hozei.hanako@naccs.co.jp' },
      emergencyFaxes: ['0398765432'],
      managerConfirmed: true,
    },
    userCodes: [{ systemCategory: SystemCategory.SEA, singleSignOn: false, statisticsPaid: false, statisticsFree: true, userIds: [{ industries: [Industry.CUSTOMS_BROKER], processingMethod: ProcessingMethod.INTERACTIVE, identCount: 1 }] }],
    lines: [{ systemCategory: SystemCategory.SEA, connectionMethod: 'INTERACTIVE' as never, lineType: 'LEASED' as never, speed: '1Mbps', indoorWiring: 'CENTER_RENTAL' as never, maintenance: 'H24_365' as never, constructionDate: desiredStartDate }],
    terminals: [{ terminalType: TerminalType.GENERAL, systemCategory: SystemCategory.SEA, count: 1, lineNo: 1 }],
    constructionContact: { lastName: '船舶', firstName: '二郎', lastNameKana: 'センパク', firstNameKana: 'ジロウ', department: 'システム部', phone: '06456789123', fax: '06456789124' },
    constructionAttendee: { lastName: '船舶', firstName: '二郎', lastNameKana: 'センパク', firstNameKana: 'ジロウ', department: 'システム部', phone: '06456789123' },
    plan: Plan.A,
    billing: {
      consolidated: false, addressSameAsOffice: true, paymentMethod: 'DEBIT' as never,
      contact: { lastName: '経理', firstName: '太郎', lastNameKana: 'ケイリ', firstNameKana: 'タロウ', phone: '0987654321', email: 'Keiri.taro@naccs.co.jp' },
      emails: ['keiri.taro@naccs.co.jp'],
    },
    remarks: '通関業許可XX月XX日予定',
    attachments: [{ kind: 'SYSTEM_DIAGRAM' as never, fileName: 'システム構成図.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 system diagram').toString('base64') }],
  };
}
