import type { EntityManager } from '@mikro-orm/postgresql';
import { testClock } from '../../testing/clock.js';
import { todayInJapan } from '../../common/dates.js';
import { addBusinessDays } from '../../calendar/businessDays.js';
import { Address, Person } from '../../common/embeddables.js';
import {
  Connection, Industry, MailboxType, OfficeStatus, Plan, ProcessingMethod, Role, SystemCategory, TerminalType,
} from '../../common/enums.js';
import { Billing, CompanyProfile, OfficeProfile } from '../../common/profiles.js';
import { searchText } from '../../common/search.js';
import type { SecretBox } from '../../common/secrets.js';
import { Company } from '../../companies/Company.js';
import { Office } from '../../companies/Office.js';
import { Mailbox, Terminal, UserCode, UserId } from '../../issuance/contract.js';
import type { NewApplicationInput, PersonInput } from './inputs.js';
import { Staff } from '../../staff/Staff.js';
import { hashPassword } from '../../staff/password.js';

/** A business day far enough ahead of the run's today for every lead time (60 business days for a new line). */
export const FUTURE = addBusinessDays(todayInJapan(testClock.now()), 70);

/** ナックスシステム株式会社 of seed 001, as an active office NAC001 with the contract seeds 002/003/004 change. */
export async function createNacOffice(em: EntityManager, box: SecretBox): Promise<Office> {
  const company = Object.assign(new Company(), {
    abbreviation: 'NAC',
    profile: Object.assign(new CompanyProfile(), { name: 'ナックスシステム株式会社', nameKana: 'ナックスシステムカブシキカイシャ', nameEn: 'NACCS SYSTEM CO.,LTD.' }),
  });
  const office = Object.assign(new Office(), {
    company, code: 'NAC001', status: OfficeStatus.ACTIVE, usesNet: true, usesGeneral: true, plan: Plan.A, billingCode: '9999999',
    startDate: '2018-11-06', passwordEnc: box.seal('ABCDEFGH'),
    profile: Object.assign(new OfficeProfile(), {
      name: '本社', nameKana: 'ホンシャ', phone: '0312345678', customsOffice: '横浜', emergencyFaxes: ['0398765432'],
      address: Object.assign(new Address(), { postalCode: '9990000', prefecture: '神奈川県', address: '川崎市幸区堀川町９９９番地', addressKana: 'カワサキシサイワイクホリカワチョウ' }),
      manager: Object.assign(new Person(), { lastName: '保税', firstName: '花子', lastNameKana: 'ホゼイ', firstNameKana: 'ハナコ', phone: '0355559999', email: 'hozei.hanako@naccs.co.jp' }),
    }),
    billing: Object.assign(new Billing(), { consolidated: false, paymentMethod: 'DEBIT' }),
  });
  office.searchText = searchText(['NAC001', company.profile.name, company.profile.nameKana]);
  const code = Object.assign(new UserCode(), { code: '1ANAC', office, systemCategory: SystemCategory.SEA, startDate: '2018-11-06' });
  const ids = ['A0A', 'B0A'].map((identNo) => Object.assign(new UserId(), {
    userCode: code, identNo, office, industries: [Industry.CUSTOMS_BROKER], processingMethod: ProcessingMethod.INTERACTIVE,
    connection: Connection.NET, passwordEnc: box.seal('ZZZZZZZ1'), startDate: '2018-11-06',
  }));
  const terminal = Object.assign(new Terminal(), { name: '99999W', office, type: TerminalType.NET, systemCategory: SystemCategory.SEA, accessKey: '9999999999999', startDate: '2018-11-06' });
  const mailbox = Object.assign(new Mailbox(), { mailboxId: 'NAC00101', office, type: MailboxType.SMTP_POP3, passwordEnc: box.seal('ZZZZZZZZ'), startDate: '2018-11-06' });
  em.persist([company, office, code, ...ids, terminal, mailbox]);
  await em.flush();
  return office;
}

/** The owner of the Cyber Port user code CP999 of seed 000. */
export async function createCyberPortCode(em: EntityManager): Promise<void> {
  const company = Object.assign(new Company(), { abbreviation: 'CPX', profile: Object.assign(new CompanyProfile(), { name: 'サイバーポート株式会社', nameKana: 'サイバーポートカブシキガイシャ' }) });
  const office = Object.assign(new Office(), { company, code: 'CPX001', status: OfficeStatus.ACTIVE, usesGeneral: true, startDate: '2023-01-04' });
  const code = Object.assign(new UserCode(), { code: 'CP999', office, systemCategory: SystemCategory.SEA, startDate: '2023-01-04' });
  em.persist([company, office, code]);
  await em.flush();
}

export const applicantKonsai: PersonInput = {
  lastName: '混載', firstName: '一郎', lastNameKana: 'コンサイ', firstNameKana: 'イチロウ', department: '通関課', title: '課長',
  phone: '0123456789', fax: '0123987650', email: 'konsai.ichiro@naccs.co.jp', emailConfirmation: 'konsai.ichiro@naccs.co.jp',
};

/** Seed 001's new 一般NACCS application of ナックスシステム株式会社 (専用線 1Mbps, 口座振替). */
export function nacSystemApplication(desiredStartDate = FUTURE): NewApplicationInput {
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

/** A staff member with a known password (tests on an empty database). */
export async function createStaff(em: EntityManager, email: string, roles: Role[], password: string): Promise<Staff> {
  const staff = Object.assign(new Staff(), { email, name: email.split('@')[0]!, roles, passwordHash: await hashPassword(password) });
  em.persist(staff);
  await em.flush();
  return staff;
}
