// Test fixtures built through the product's own services, so every fixture is a state the product can really reach:
// a new application is submitted by the NSS portal through IntakeService and moved by a reviewer through ReviewService,
// on the test server's clock. Each test makes what it needs; nothing is picked out of the demo data or written by SQL.
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../common/clock.js';
import { todayInJapan } from '../common/dates.js';
import { type ApplicationStatus, Connection, Role } from '../common/enums.js';
import { SecretBox } from '../common/secrets.js';
import { addBusinessDays } from '../calendar/businessDays.js';
import { Application } from '../applications/Application.js';
import { IntakeService } from '../applications/intake/IntakeService.js';
import type { ChangeApplicationInput, NewApplicationInput } from '../applications/intake/inputs.js';
import { applicantKonsai, nacSystemApplication } from '../applications/intake/fixtures.js';
import { ReviewService } from '../review/ReviewService.js';
import type { Actor } from '../review/history.js';
import { Staff } from '../staff/Staff.js';
import { TEST_SECRET_KEY } from './constants.js';

export type GivenStatus = 'RECEIVED' | 'IN_REVIEW' | 'RETURNED' | 'APPROVED' | 'WITHDRAWN' | 'CANCELLED';

export interface GivenApplication {
  id: string;
  version: number;
  receiptNo: string;
  status: ApplicationStatus;
  officeCode?: string;
  startDate?: string;
}

export interface ApplicationSpec {
  /** NEW (default: a new 一般NACCS application of seed 001) or CHANGE (料金プラン B for an office of its own). */
  kind?: 'NEW' | 'CHANGE';
  status?: GivenStatus;
  /** Who reviews it (IN_REVIEW, RETURNED, APPROVED): a staff e-mail; reviewer@example.jp by default. */
  assignee?: string;
  /** The start date an approval fixes; default 30 business days from today. */
  startDate?: string;
  /** netNACCS instead of 一般NACCS for a new application. */
  connection?: Connection;
  /** The office a change application is for (default: a new office approved for it). */
  officeCode?: string;
  /** Changes to the submitted input. */
  edit?: (input: NewApplicationInput | ChangeApplicationInput) => void;
}

const PORTAL: Actor = { name: 'NSS (テスト)', role: Role.INTEGRATOR };
let serial = 0;

/** Fixture builders on a test server's database and clock. */
export function given(target: { orm: MikroORM; clock: Clock }) {
  const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
  const em = (): EntityManager => target.orm.em.fork();
  const today = () => todayInJapan(target.clock.now());
  const intake = () => new IntakeService(em(), box, target.clock);
  const review = () => new ReviewService(em(), box, target.clock);
  const staff = async (email: string): Promise<Actor> => {
    const s = await em().findOneOrFail(Staff, { email });
    return { staff: s, name: s.name, role: s.roles[0]! };
  };

  /** A new application as the NSS portal submits it (a provisional account of its own, a company name of its own). */
  async function submitNew(spec: ApplicationSpec): Promise<Application> {
    const n = `${process.pid % 1000}${++serial}`;
    const companyName = `株式会社テスト${kana(n)}`;
    const companyNameKana = `カブシキガイシャテスト${kana(n)}`;
    const account = await intake().registerProvisionalAccount({ companyName, companyNameKana, applicant: applicantKonsai });
    const input = nacSystemApplication(addBusinessDays(today(), 70));
    input.company = { ...input.company, name: companyName, nameKana: companyNameKana, nameEn: `TEST ${n} CO.,LTD.` };
    if (spec.connection === Connection.NET) {
      Object.assign(input, { connection: Connection.NET, lines: undefined, constructionContact: undefined, constructionAttendee: undefined, attachments: undefined });
      input.userCodes![0]!.userIds![0]!.identCount = 1;
      input.terminals = [{ terminalType: 'NET' as never, systemCategory: 'SEA' as never, count: 1 }];
    }
    spec.edit?.(input);
    return intake().submitNew(account.loginId, account.password, input, PORTAL);
  }

  async function submitChange(spec: ApplicationSpec): Promise<Application> {
    const officeCode = spec.officeCode ?? (await office()).code;
    const input: ChangeApplicationInput = {
      changeItems: ['PLAN' as never], plan: 'B' as never, applicant: applicantKonsai, reason: '料金プランを見直すため。',
      desiredStartDate: addBusinessDays(today(), 20),
    };
    spec.edit?.(input);
    return intake().submitChange(officeCode, input, PORTAL);
  }

  /** An application in `status`, reached through the services as a reviewer (and the portal) would reach it. */
  async function application(spec: ApplicationSpec = {}): Promise<GivenApplication> {
    const status = spec.status ?? 'RECEIVED';
    let app = spec.kind === 'CHANGE' ? await submitChange(spec) : await submitNew(spec);
    if (status === 'WITHDRAWN') app = await intake().withdraw(app.id, '社内事情により', app.version, PORTAL);
    if (status === 'CANCELLED') app = await review().cancel(app.id, 'お客様のご依頼により', app.version, await staff('supervisor@example.jp'));
    if (['IN_REVIEW', 'RETURNED', 'APPROVED'].includes(status)) {
      const reviewer = await staff(spec.assignee ?? 'reviewer@example.jp');
      app = await review().assign(app.id, app.version, reviewer);
      if (status === 'RETURNED') app = await review().returnForCorrection(app.id, '管理責任者の電話番号をご確認ください。', app.version, reviewer);
      if (status === 'APPROVED') app = await review().approve(app.id, spec.startDate ?? addBusinessDays(today(), 30), app.version, reviewer);
    }
    const fresh = await em().findOneOrFail(Application, app.id, { populate: ['office'] });
    return { id: fresh.id, version: fresh.version, receiptNo: fresh.receiptNo, status: fresh.status, officeCode: fresh.office?.code, startDate: fresh.startDate };
  }

  /** An office in service: a new application approved for it (its own company, codes and passwords). */
  async function office(spec: Pick<ApplicationSpec, 'connection' | 'startDate'> = {}): Promise<{ code: string; applicationId: string }> {
    const app = await application({ ...spec, kind: 'NEW', status: 'APPROVED' });
    return { code: app.officeCode!, applicationId: app.id };
  }

  return { application, office, today };
}

/** A number as katakana (0→ア … 9→コ): valid in both the 全角 name and the 全角カナ reading. */
const kana = (s: string) => s.replace(/[0-9]/g, (d) => 'アイウエオカキクケコ'[Number(d)]!);

