// Demo data for the back office: staff, companies, and about two years of applications in every status and kind
// (plus the older new applications of the offices already in service), with a consistent review history. Every
// approval goes through IssuanceService, as the console's 審査終了 does, so every contract and ID通知内容 is real.
// Run on an empty, migrated database.
import { createApiKey, DEMO_NSS_PORTAL_KEY } from '../../server/src/staff/apiKeys.js';
import { CertificateService } from '../../server/src/certificates/CertificateService.js';
import { Certificate } from '../../server/src/certificates/Certificate.js';
import type { CertificateAuthority } from '../../server/src/certificates/authority.js';
import { terminalRequest } from '../../server/src/certificates/terminalRequest.js';
import {
  addBusinessDays as calendarAddBusinessDays, isBusinessDay, subtractBusinessDays,
} from '../../server/src/calendar/businessDays.js';

import { createHash } from 'node:crypto';
import { fakerJA as faker } from '@faker-js/faker';
import { FlushMode, type EntityManager } from '@mikro-orm/postgresql';
import { Address, Person, fullName } from '../../server/src/common/embeddables.js';
import { Billing, CompanyProfile, OfficeProfile } from '../../server/src/common/profiles.js';
import {
  ApplicationKind, ApplicationStatus, AttachmentKind, CertificateStatus, ChangeItem, Connection, HistoryAction, IndoorWiring, Industry,
  LineConnectionMethod, LineType, MailboxType, MaintenanceHours, NoticeCategory, OfficeStatus, OtherChange,
  PaymentMethod, Plan, ProcessingMethod, Role, RowAction, SOLO_INDUSTRIES, BONDED_RECORD_INDUSTRIES, SystemCategory,
  TerminalType,
} from '../../server/src/common/enums.js';
import type { SecretBox } from '../../server/src/common/secrets.js';
import { fixedClock, type Clock } from '../../server/src/common/clock.js';
import { searchText } from '../../server/src/common/search.js';
import { Staff } from '../../server/src/staff/Staff.js';
import { hashPassword } from '../../server/src/staff/password.js';
import { Company } from '../../server/src/companies/Company.js';
import { Office } from '../../server/src/companies/Office.js';
import { Application } from '../../server/src/applications/Application.js';
import {
  ApplicationChange, ApplicationLine, ApplicationMailbox, ApplicationTerminal, ApplicationUserCode, ApplicationUserId,
  Attachment,
} from '../../server/src/applications/sections.js';
import { ApplicationHistory } from '../../server/src/review/ApplicationHistory.js';
import { Line, UserCode, UserId } from '../../server/src/issuance/contract.js';
import { IssuanceService } from '../../server/src/issuance/IssuanceService.js';
import { closeEndedOffices } from '../../server/src/issuance/officeJob.js';
import { SYSTEM_SETTINGS_BUSINESS_DAYS } from '../../server/src/calendar/CalendarService.js';
import { approvalMessage } from '../../server/src/review/ReviewService.js';
import { deadlineCancelReason } from '../../server/src/review/deadlineJob.js';
import { DEFAULT_IP_POOL } from '../../server/src/config.js';
import { Notice } from '../../server/src/notifications/entities.js';

export interface SeedDemoOptions {
  /** Password of the five demo staff accounts. */
  password: string;
  /** Seals issued passwords (offices, user IDs, mailboxes). */
  secrets: SecretBox;
  /** Business time: the seeding "present" is its instant when seeding starts; received dates spread over the two years before it. */
  clock: Clock;
  /** Number of applications (default 320). */
  applications?: number;
  /** The certificate authority: with it some demo terminals enroll for real (certificates in every status). */
  ca?: CertificateAuthority;
  /** The pool the approvals issue line IP addresses from (config IP_POOL). */
  ipPool?: string;
}

export const DEMO_STAFF: ReadonlyArray<{ email: string; name: string; roles: Role[] }> = [
  { email: 'admin@example.jp', name: '管理 太郎', roles: [Role.ADMIN] },
  { email: 'supervisor@example.jp', name: '監督 花子', roles: [Role.SUPERVISOR] },
  { email: 'reviewer@example.jp', name: '審査 一郎', roles: [Role.REVIEWER] },
  { email: 'reviewer2@example.jp', name: '審査 二郎', roles: [Role.REVIEWER] },
  { email: 'support@example.jp', name: '支援 三郎', roles: [Role.SUPPORT] },
];

/**
 * Seeds the demo data in one transaction, then lets the terminations that took effect close their offices; returns how
 * many applications were created.
 */
export async function seedDemo(em: EntityManager, opts: SeedDemoOptions): Promise<{ applications: number }> {
  faker.seed(20261121);
  const total = Math.max(1, Math.floor(opts.applications ?? 320));
  const passwordHash = await hashPassword(opts.password); // once: argon2 is slow on purpose
  // One instant for the whole seeding: what exists never depends on how long seeding took.
  const now = opts.clock.now();
  const at = fixedClock(now);
  const seeded = await em.transactional(async (tem) => {
    const seeder = new DemoSeeder(tem, opts.secrets, now, passwordHash, opts.ipPool ?? DEFAULT_IP_POOL);
    const applications = await seeder.run(total);
    // デジタル証明書 for the netNACCS/webNACCS terminals of the most recent approvals, through the same service.
    const recent = await tem.find(Application, { status: ApplicationStatus.APPROVED, terminals: { terminalType: { $in: [TerminalType.NET, TerminalType.WEB] }, action: RowAction.ADD } },
      { orderBy: { reviewedAt: 'desc' }, limit: 12 });
    for (const app of recent) await new CertificateService(tem, opts.secrets, at).issueForApplication(app, app.startDate!);
    if (opts.ca) await certificatesInEveryStatus(tem, opts.secrets, opts.ca, now);
    // The NSS portal's integrator key (documented in the README).
    createApiKey(tem, { name: 'NSS (NACCSサポートシステム)', key: DEMO_NSS_PORTAL_KEY });
    return { applications };
  });
  // The terminations whose start date has passed took effect, as the server's job would have done.
  await closeEndedOffices(em, at);
  return seeded;
}

/**
 * Certificates in every status: some terminals enroll for real (CSR signed by the CA → 取得済), one is then revoked
 * (失効), one passes its validity (期限切れ) and one is stopped for not being acquired in time (停止).
 */
async function certificatesInEveryStatus(em: EntityManager, secrets: SecretBox, ca: CertificateAuthority, now: Date): Promise<void> {
  const service = new CertificateService(em, secrets, fixedClock(now));
  // One terminal of each of the five earliest of those approvals: a fresh approval keeps its certificates waiting.
  const waiting = await em.find(Certificate, { status: CertificateStatus.PENDING }, {
    populate: ['terminal', 'application'], orderBy: { application: { reviewedAt: 'asc' }, terminal: { name: 'asc' } },
  });
  const byApplication = new Map<string | undefined, Certificate>();
  for (const c of waiting) if (!byApplication.has(c.application?.id)) byApplication.set(c.application?.id, c);
  const pending = [...byApplication.values()].slice(0, 5);
  if (pending.length < 5) return;
  for (const c of pending.slice(0, 3)) {
    await service.enroll({ terminalName: c.terminal.name, authCode1: c.authCode1, authCode2: secrets.open(c.authCode2Enc), authCode3: secrets.open(c.authCode3Enc), csr: await terminalRequest(c.terminal.name) }, ca);
  }
  await em.refresh(pending[0]!);
  await service.revoke(pending[0]!.serial!, 'PCの紛失のため', { name: 'システム', role: 'SYSTEM' });
  await em.refresh(pending[1]!);
  Object.assign(pending[1]!, { status: CertificateStatus.EXPIRED, notAfter: new Date(now.getTime() - 86_400_000) });
  Object.assign(pending[3]!, { status: CertificateStatus.STOPPED, reason: '取得期限までに取得されなかったため停止しました。' });
  await em.flush();
}

// ───────────────────────────── word lists (kanji, katakana, romaji) ─────────────────────────────

type Word = readonly [kanji: string, kana: string, romaji: string];

const SURNAMES: readonly Word[] = [
  ['山田', 'ヤマダ', 'yamada'], ['佐藤', 'サトウ', 'sato'], ['鈴木', 'スズキ', 'suzuki'], ['高橋', 'タカハシ', 'takahashi'],
  ['田中', 'タナカ', 'tanaka'], ['伊藤', 'イトウ', 'ito'], ['渡辺', 'ワタナベ', 'watanabe'], ['中村', 'ナカムラ', 'nakamura'],
  ['小林', 'コバヤシ', 'kobayashi'], ['加藤', 'カトウ', 'kato'], ['吉田', 'ヨシダ', 'yoshida'], ['山本', 'ヤマモト', 'yamamoto'],
  ['松本', 'マツモト', 'matsumoto'], ['井上', 'イノウエ', 'inoue'], ['木村', 'キムラ', 'kimura'], ['林', 'ハヤシ', 'hayashi'],
  ['斎藤', 'サイトウ', 'saito'], ['清水', 'シミズ', 'shimizu'], ['山口', 'ヤマグチ', 'yamaguchi'], ['森', 'モリ', 'mori'],
  ['池田', 'イケダ', 'ikeda'], ['橋本', 'ハシモト', 'hashimoto'], ['阿部', 'アベ', 'abe'], ['石川', 'イシカワ', 'ishikawa'],
  ['前田', 'マエダ', 'maeda'], ['藤田', 'フジタ', 'fujita'], ['小川', 'オガワ', 'ogawa'], ['岡田', 'オカダ', 'okada'],
  ['後藤', 'ゴトウ', 'goto'], ['長谷川', 'ハセガワ', 'hasegawa'], ['村上', 'ムラカミ', 'murakami'], ['近藤', 'コンドウ', 'kondo'],
  ['石井', 'イシイ', 'ishii'], ['坂本', 'サカモト', 'sakamoto'], ['遠藤', 'エンドウ', 'endo'], ['青木', 'アオキ', 'aoki'],
  ['藤井', 'フジイ', 'fujii'], ['西村', 'ニシムラ', 'nishimura'], ['福田', 'フクダ', 'fukuda'], ['太田', 'オオタ', 'ota'],
  ['三浦', 'ミウラ', 'miura'], ['岡本', 'オカモト', 'okamoto'], ['松田', 'マツダ', 'matsuda'], ['中川', 'ナカガワ', 'nakagawa'],
  ['原田', 'ハラダ', 'harada'], ['小野', 'オノ', 'ono'], ['竹内', 'タケウチ', 'takeuchi'], ['金子', 'カネコ', 'kaneko'],
  ['和田', 'ワダ', 'wada'], ['石田', 'イシダ', 'ishida'], ['上田', 'ウエダ', 'ueda'], ['森田', 'モリタ', 'morita'],
  ['柴田', 'シバタ', 'shibata'], ['酒井', 'サカイ', 'sakai'], ['工藤', 'クドウ', 'kudo'], ['宮崎', 'ミヤザキ', 'miyazaki'],
  ['内田', 'ウチダ', 'uchida'], ['野口', 'ノグチ', 'noguchi'], ['菅原', 'スガワラ', 'sugawara'], ['平野', 'ヒラノ', 'hirano'],
];

const GIVEN_NAMES: readonly Word[] = [
  ['太郎', 'タロウ', 'taro'], ['一郎', 'イチロウ', 'ichiro'], ['健太', 'ケンタ', 'kenta'], ['翔太', 'ショウタ', 'shota'],
  ['大輔', 'ダイスケ', 'daisuke'], ['拓也', 'タクヤ', 'takuya'], ['直樹', 'ナオキ', 'naoki'], ['誠', 'マコト', 'makoto'],
  ['浩二', 'コウジ', 'koji'], ['隆', 'タカシ', 'takashi'], ['剛', 'ツヨシ', 'tsuyoshi'], ['和也', 'カズヤ', 'kazuya'],
  ['修', 'オサム', 'osamu'], ['亮', 'リョウ', 'ryo'], ['健一', 'ケンイチ', 'kenichi'], ['雄一', 'ユウイチ', 'yuichi'],
  ['達也', 'タツヤ', 'tatsuya'], ['哲也', 'テツヤ', 'tetsuya'], ['聡', 'サトシ', 'satoshi'], ['博之', 'ヒロユキ', 'hiroyuki'],
  ['花子', 'ハナコ', 'hanako'], ['陽子', 'ヨウコ', 'yoko'], ['恵子', 'ケイコ', 'keiko'], ['美穂', 'ミホ', 'miho'],
  ['由美', 'ユミ', 'yumi'], ['直美', 'ナオミ', 'naomi'], ['真由美', 'マユミ', 'mayumi'], ['久美子', 'クミコ', 'kumiko'],
  ['智子', 'トモコ', 'tomoko'], ['裕子', 'ユウコ', 'yuko'], ['明美', 'アケミ', 'akemi'], ['愛', 'アイ', 'ai'],
  ['彩', 'アヤ', 'aya'], ['麻衣', 'マイ', 'mai'], ['沙織', 'サオリ', 'saori'], ['千尋', 'チヒロ', 'chihiro'],
  ['美咲', 'ミサキ', 'misaki'], ['香織', 'カオリ', 'kaori'], ['奈々', 'ナナ', 'nana'], ['浩', 'ヒロシ', 'hiroshi'],
];

/** Prefix words of company names. */
const NAME_WORDS: readonly Word[] = [
  ['東洋', 'トウヨウ', 'TOYO'], ['大和', 'ヤマト', 'YAMATO'], ['太平洋', 'タイヘイヨウ', 'TAIHEIYO'], ['日東', 'ニットウ', 'NITTO'],
  ['三洋', 'サンヨウ', 'SANYO'], ['北斗', 'ホクト', 'HOKUTO'], ['富士', 'フジ', 'FUJI'], ['中央', 'チュウオウ', 'CHUO'],
  ['関東', 'カントウ', 'KANTO'], ['関西', 'カンサイ', 'KANSAI'], ['横浜', 'ヨコハマ', 'YOKOHAMA'], ['神戸', 'コウベ', 'KOBE'],
  ['名港', 'メイコウ', 'MEIKO'], ['博多', 'ハカタ', 'HAKATA'], ['港南', 'コウナン', 'KONAN'], ['明和', 'メイワ', 'MEIWA'],
  ['昭栄', 'ショウエイ', 'SHOEI'], ['大同', 'ダイドウ', 'DAIDO'], ['新光', 'シンコウ', 'SHINKO'], ['旭', 'アサヒ', 'ASAHI'],
  ['瑞穂', 'ミズホ', 'MIZUHO'], ['光洋', 'コウヨウ', 'KOYO'], ['日本', 'ニホン', 'NIHON'], ['第一', 'ダイイチ', 'DAIICHI'],
  ['丸三', 'マルサン', 'MARUSAN'], ['双葉', 'フタバ', 'FUTABA'], ['青海', 'アオミ', 'AOMI'], ['湾岸', 'ワンガン', 'WANGAN'],
  ['東亜', 'トウア', 'TOA'], ['南海', 'ナンカイ', 'NANKAI'], ['北洋', 'ホクヨウ', 'HOKUYO'], ['千代田', 'チヨダ', 'CHIYODA'],
  ['隅田', 'スミダ', 'SUMIDA'], ['品川', 'シナガワ', 'SHINAGAWA'], ['清和', 'セイワ', 'SEIWA'], ['国際', 'コクサイ', 'KOKUSAI'],
  ['成田', 'ナリタ', 'NARITA'], ['羽田', 'ハネダ', 'HANEDA'], ['常盤', 'トキワ', 'TOKIWA'], ['白鳥', 'シラトリ', 'SHIRATORI'],
];

interface Business {
  word: Word;
  /** Romaji words used in the English name, e.g. 'KOKU KAMOTSU'. */
  english: string;
  industries: readonly Industry[];
  category: SystemCategory;
}

const BUSINESSES: readonly Business[] = [
  { word: ['海運', 'カイウン', 'KAIUN'], english: 'KAIUN', industries: [Industry.SHIPPING_AGENT, Industry.NVOCC, Industry.CUSTOMS_BROKER], category: SystemCategory.SEA },
  { word: ['通関', 'ツウカン', 'TSUKAN'], english: 'TSUKAN', industries: [Industry.CUSTOMS_BROKER], category: SystemCategory.BOTH },
  { word: ['倉庫', 'ソウコ', 'SOKO'], english: 'SOKO', industries: [Industry.BONDED_WAREHOUSE, Industry.CUSTOMS_BROKER], category: SystemCategory.SEA },
  { word: ['航空貨物', 'コウクウカモツ', 'KOKU KAMOTSU'], english: 'KOKU KAMOTSU', industries: [Industry.CONSOLIDATOR, Industry.CUSTOMS_BROKER], category: SystemCategory.AIR },
  { word: ['商事', 'ショウジ', 'SHOJI'], english: 'SHOJI', industries: [Industry.SELF_CUSTOMS, Industry.TRADER], category: SystemCategory.BOTH },
  { word: ['運輸', 'ウンユ', 'UNYU'], english: 'UNYU', industries: [Industry.CUSTOMS_BROKER, Industry.NVOCC], category: SystemCategory.SEA },
  { word: ['物流', 'ブツリュウ', 'BUTSURYU'], english: 'BUTSURYU', industries: [Industry.CUSTOMS_BROKER, Industry.NVOCC, Industry.BONDED_WAREHOUSE], category: SystemCategory.BOTH },
  { word: ['港運', 'コウウン', 'KOUN'], english: 'KOUN', industries: [Industry.CONTAINER_YARD, Industry.NVOCC], category: SystemCategory.SEA },
  { word: ['汽船', 'キセン', 'KISEN'], english: 'KISEN', industries: [Industry.SHIPPING_LINE, Industry.SHIPPING_AGENT], category: SystemCategory.SEA },
  { word: ['ロジスティクス', 'ロジスティクス', 'LOGISTICS'], english: 'LOGISTICS', industries: [Industry.CUSTOMS_BROKER, Industry.CONSOLIDATOR, Industry.NVOCC], category: SystemCategory.BOTH },
  { word: ['エクスプレス', 'エクスプレス', 'EXPRESS'], english: 'EXPRESS', industries: [Industry.CONSOLIDATOR, Industry.CUSTOMS_BROKER], category: SystemCategory.AIR },
  { word: ['トランスポート', 'トランスポート', 'TRANSPORT'], english: 'TRANSPORT', industries: [Industry.NVOCC, Industry.CUSTOMS_BROKER], category: SystemCategory.SEA },
  { word: ['シッピング', 'シッピング', 'SHIPPING'], english: 'SHIPPING', industries: [Industry.SHIPPING_AGENT, Industry.SHIPPING_LINE], category: SystemCategory.SEA },
  { word: ['トレーディング', 'トレーディング', 'TRADING'], english: 'TRADING', industries: [Industry.TRADER, Industry.SELF_CUSTOMS], category: SystemCategory.BOTH },
  { word: ['エアカーゴ', 'エアカーゴ', 'AIR CARGO'], english: 'AIR CARGO', industries: [Industry.CONSOLIDATOR, Industry.AIRLINE], category: SystemCategory.AIR },
  { word: ['機内サービス', 'キナイサービス', 'INFLIGHT SERVICE'], english: 'INFLIGHT SERVICE', industries: [Industry.AIRCRAFT_SUPPLIES, Industry.CAPTAIN_AGENT], category: SystemCategory.AIR },
  { word: ['貿易', 'ボウエキ', 'BOEKI'], english: 'BOEKI', industries: [Industry.TRADER, Industry.SELF_CUSTOMS], category: SystemCategory.BOTH },
  { word: ['海陸運送', 'カイリクウンソウ', 'KAIRIKU UNSO'], english: 'KAIRIKU UNSO', industries: [Industry.NVOCC, Industry.CONTAINER_YARD, Industry.CUSTOMS_BROKER], category: SystemCategory.SEA },
];

/** 法人格: kanji, kana, English suffix. */
const LEGAL_FORMS = {
  kk: ['株式会社', 'カブシキガイシャ', 'CO.,LTD.'],
  yk: ['有限会社', 'ユウゲンガイシャ', 'LTD.'],
  gk: ['合同会社', 'ゴウドウガイシャ', 'LLC'],
} as const;

interface Loc {
  pref: string;
  prefKana: string;
  city: string;
  cityKana: string;
  short: string;
  shortKana: string;
  zip: string;
  customs: string;
  area: string;
  air?: boolean;
  major?: boolean;
}

const L = (
  pref: string, prefKana: string, city: string, cityKana: string, short: string, shortKana: string, zip: string,
  customs: string, area: string, flags: { air?: boolean; major?: boolean } = {},
): Loc => ({ pref, prefKana, city, cityKana, short, shortKana, zip, customs, area, ...flags });

const LOCATIONS: readonly Loc[] = [
  L('東京都', 'トウキョウト', '港区海岸', 'ミナトクカイガン', '東京', 'トウキョウ', '105', '東京', '03', { major: true }),
  L('東京都', 'トウキョウト', '江東区青海', 'コウトウクアオミ', '青海', 'アオミ', '135', '東京', '03', { major: true }),
  L('東京都', 'トウキョウト', '大田区羽田空港', 'オオタクハネダクウコウ', '羽田', 'ハネダ', '144', '東京', '03', { air: true }),
  L('東京都', 'トウキョウト', '品川区東品川', 'シナガワクヒガシシナガワ', '品川', 'シナガワ', '140', '東京', '03', { major: true }),
  L('東京都', 'トウキョウト', '中央区日本橋', 'チュウオウクニホンバシ', '日本橋', 'ニホンバシ', '103', '東京', '03', { major: true }),
  L('千葉県', 'チバケン', '成田市三里塚', 'ナリタシサンリヅカ', '成田', 'ナリタ', '286', '東京', '0476', { air: true }),
  L('千葉県', 'チバケン', '千葉市美浜区新港', 'チバシミハマクシンミナト', '千葉', 'チバ', '261', '東京', '043'),
  L('神奈川県', 'カナガワケン', '横浜市中区山下町', 'ヨコハマシナカクヤマシタチョウ', '横浜', 'ヨコハマ', '231', '横浜', '045', { major: true }),
  L('神奈川県', 'カナガワケン', '横浜市鶴見区大黒町', 'ヨコハマシツルミクダイコクチョウ', '大黒', 'ダイコク', '230', '横浜', '045'),
  L('神奈川県', 'カナガワケン', '川崎市川崎区東扇島', 'カワサキシカワサキクヒガシオウギシマ', '川崎', 'カワサキ', '210', '横浜', '044'),
  L('愛知県', 'アイチケン', '名古屋市港区入船', 'ナゴヤシミナトクイリフネ', '名古屋', 'ナゴヤ', '455', '名古屋', '052', { major: true }),
  L('愛知県', 'アイチケン', '常滑市セントレア', 'トコナメシセントレア', '中部空港', 'チュウブクウコウ', '479', '名古屋', '0569', { air: true }),
  L('三重県', 'ミエケン', '四日市市千歳町', 'ヨッカイチシチトセチョウ', '四日市', 'ヨッカイチ', '510', '名古屋', '059'),
  L('静岡県', 'シズオカケン', '静岡市清水区日の出町', 'シズオカシシミズクヒノデチョウ', '清水', 'シミズ', '424', '名古屋', '054'),
  L('大阪府', 'オオサカフ', '大阪市港区築港', 'オオサカシミナトクチッコウ', '大阪', 'オオサカ', '552', '大阪', '06', { major: true }),
  L('大阪府', 'オオサカフ', '大阪市住之江区南港北', 'オオサカシスミノエクナンコウキタ', '南港', 'ナンコウ', '559', '大阪', '06'),
  L('大阪府', 'オオサカフ', '泉佐野市りんくう往来北', 'イズミサノシリンクウオウライキタ', '関西空港', 'カンサイクウコウ', '598', '大阪', '072', { air: true }),
  L('兵庫県', 'ヒョウゴケン', '神戸市中央区港島', 'コウベシチュウオウクミナトジマ', '神戸', 'コウベ', '650', '神戸', '078', { major: true }),
  L('兵庫県', 'ヒョウゴケン', '神戸市東灘区向洋町', 'コウベシヒガシナダクコウヨウチョウ', '六甲', 'ロッコウ', '658', '神戸', '078'),
  L('広島県', 'ヒロシマケン', '広島市南区宇品海岸', 'ヒロシマシミナミクウジナカイガン', '広島', 'ヒロシマ', '734', '神戸', '082'),
  L('福岡県', 'フクオカケン', '北九州市門司区西海岸', 'キタキュウシュウシモジクニシカイガン', '門司', 'モジ', '801', '門司', '093', { major: true }),
  L('福岡県', 'フクオカケン', '福岡市博多区沖浜町', 'フクオカシハカタクオキハママチ', '博多', 'ハカタ', '812', '門司', '092', { major: true }),
  L('福岡県', 'フクオカケン', '福岡市博多区大字下臼井', 'フクオカシハカタクオオアザシモウスイ', '福岡空港', 'フクオカクウコウ', '812', '門司', '092', { air: true }),
  L('長崎県', 'ナガサキケン', '長崎市出島町', 'ナガサキシデジマチョウ', '長崎', 'ナガサキ', '850', '長崎', '095'),
  L('北海道', 'ホッカイドウ', '函館市海岸町', 'ハコダテシカイガンチョウ', '函館', 'ハコダテ', '040', '函館', '0138'),
  L('北海道', 'ホッカイドウ', '小樽市港町', 'オタルシミナトマチ', '小樽', 'オタル', '047', '函館', '0134'),
  L('北海道', 'ホッカイドウ', '苫小牧市入船町', 'トマコマイシイリフネチョウ', '苫小牧', 'トマコマイ', '053', '函館', '0144'),
  L('沖縄県', 'オキナワケン', '那覇市通堂町', 'ナハシトンドウチョウ', '那覇', 'ナハ', '900', '沖縄地区', '098', { air: true }),
  L('新潟県', 'ニイガタケン', '新潟市中央区万代島', 'ニイガタシチュウオウクバンダイジマ', '新潟', 'ニイガタ', '950', '東京', '025'),
  L('宮城県', 'ミヤギケン', '仙台市宮城野区港', 'センダイシミヤギノクミナト', '仙台', 'センダイ', '983', '函館', '022'),
];

const BUILDINGS: readonly (readonly [string, string])[] = [
  ['港ビル', 'ミナトビル'], ['海岸ビル', 'カイガンビル'], ['ポートサイドビル', 'ポートサイドビル'],
  ['国際物流センター', 'コクサイブツリュウセンター'], ['貿易センタービル', 'ボウエキセンタービル'], ['第一ビル', 'ダイイチビル'],
  ['中央ビル', 'チュウオウビル'], ['ベイスクエア', 'ベイスクエア'], ['ロジスティクスセンター', 'ロジスティクスセンター'],
  ['臨海ビル', 'リンカイビル'], ['航空貨物ビル', 'コウクウカモツビル'],
];

const BRANCH_SUFFIXES: readonly (readonly [string, string])[] = [
  ['支店', 'シテン'], ['営業所', 'エイギョウショ'], ['事業所', 'ジギョウショ'], ['通関センター', 'ツウカンセンター'],
  ['物流センター', 'ブツリュウセンター'], ['出張所', 'シュッチョウジョ'],
];

const DEPARTMENTS = [
  '業務部', '通関部', '総務部', '情報システム部', '管理部', '輸出入業務課', '営業部業務課', '経理部', 'システム管理課',
  '海上貨物課', '航空貨物課', '業務推進部',
];
const TITLES = ['部長', '課長', '係長', '主任', '課長代理', 'マネージャー'];
const CONTRACTOR_TITLES = ['代表取締役', '代表取締役社長', '取締役社長', '代表取締役会長', '支店長'];

const RETURN_MESSAGES = [
  '管理責任者の電話番号をご確認ください。',
  '緊急連絡用FAX番号が未記入です。ご記入のうえ再申込してください。',
  '請求先コードと事業所コードの両方が入力されています。いずれか一方のみご入力ください。',
  '利用開始希望日が標準日数より短いため、希望日のご再検討をお願いします。',
  '事業所所在地のフリガナに誤りがあります。ご確認ください。',
  'シングルサインオンの要否と業種の組み合わせをご確認ください。',
  '契約者の役職名をご確認ください。',
  '請求書送付先の郵便番号をご確認ください。',
  '管理責任者のE-mailアドレスが申込担当者と同一です。管理責任者ご本人のアドレスをご入力ください。',
];
const LINE_RETURN_MESSAGES = [
  'システム構成図の添付がありません。添付のうえ再申込してください。',
  '工事希望日が利用開始希望日より後になっています。ご確認ください。',
  '回線設置場所の住所をご確認ください。',
];
const WITHDRAW_MESSAGES = [
  '社内調整の結果、申込を取り下げます。',
  '申込内容に誤りがあったため、取り下げて再申込します。',
  '利用開始時期を見直すため、いったん取り下げます。',
  '事業計画の変更により、申込を取り下げます。',
];
const CANCEL_MESSAGES = [
  'お客様からのご依頼によりキャンセルしました。',
  '重複申込のためキャンセルしました。',
  '申込担当者と連絡が取れないためキャンセルしました。',
];
const INTERNAL_NOTES = [
  '申込担当者へ電話で確認済み。',
  '請求先について経理担当者に確認中。',
  '管轄税関の記載について申込担当者に確認予定。',
  '前回申込(取下げ)と同一内容であることを確認。',
];
const REMARKS = [
  '利用開始希望日については調整可能です。',
  'ご不明点は申込担当者までお電話ください。',
  '請求書は本社経理部宛にお送りください。',
  '至急のご対応をお願いいたします。',
  '平日10時から17時の間にご連絡ください。',
];

// ───────────────────────────── small helpers ─────────────────────────────

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const JST = 9 * HOUR;

const rnd = (): number => faker.number.float({ min: 0, max: 1 });
const int = (min: number, max: number): number => faker.number.int({ min, max });
const chance = (p: number): boolean => rnd() < p;
const pick = <T>(items: readonly T[]): T => faker.helpers.arrayElement(items as T[]);
const between = (min: number, max: number): number => min + rnd() * (max - min);

/** Full-width digits, as 全角 address fields are written. */
const zen = (s: string | number): string => String(s).replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A digit string that does not start with 0. */
const digits = (n: number): string => (n <= 0 ? '' : String(int(1, 9)) + faker.string.numeric(n - 1));
const landline = (area: string): string => area + digits(10 - area.length);
const mobile = (): string => `0${pick(['90', '80', '70'])}${faker.string.numeric(8)}`;

/** JST calendar date of an instant. */
const jstDate = (t: Date): string => new Date(t.getTime() + JST).toISOString().slice(0, 10);
/** The instant of `minutes` after JST midnight of a date. */
const jstTime = (date: string, minutes: number): Date => new Date(Date.parse(`${date}T00:00:00Z`) - JST + minutes * MINUTE);


/** The first business day on or after `date` (the server's calendar: holidays, 12/29–1/3). */
const onOrAfterBusinessDay = (date: string): string => calendarAddBusinessDays(date, 0);
/** `n` business days after (n > 0) or before (n < 0) `date`. */
function addBusinessDays(date: string, n: number): string {
  if (n === 0) return date;
  return n > 0 ? calendarAddBusinessDays(date, n) : subtractBusinessDays(date, -n);
}

function copyPlain<T extends object>(target: T, source: object | undefined): T {
  if (!source) return target;
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined || value === null || key.startsWith('_')) continue;
    if (Array.isArray(value)) (target as Record<string, unknown>)[key] = [...value];
    else if (typeof value !== 'object') (target as Record<string, unknown>)[key] = value;
  }
  return target;
}
const cloneAddress = (a?: Address): Address | undefined => (a ? copyPlain(new Address(), a) : undefined);
const clonePerson = (p?: Person): Person | undefined => (p ? copyPlain(new Person(), p) : undefined);
function cloneCompanyProfile(c: CompanyProfile): CompanyProfile {
  const n = copyPlain(new CompanyProfile(), c);
  n.headOfficeAddress = cloneAddress(c.headOfficeAddress);
  return n;
}
function cloneOfficeProfile(o: OfficeProfile): OfficeProfile {
  const n = copyPlain(new OfficeProfile(), o);
  n.address = cloneAddress(o.address);
  n.contractor = clonePerson(o.contractor);
  n.manager = clonePerson(o.manager);
  return n;
}
function cloneBilling(b: Billing): Billing {
  const n = copyPlain(new Billing(), b);
  n.address = cloneAddress(b.address);
  n.contact = clonePerson(b.contact);
  return n;
}

const personName = (p?: Person): string => `${p?.lastName ?? ''}${p?.firstName ?? ''}`;
const personKana = (p?: Person): string => `${p?.lastNameKana ?? ''}${p?.firstNameKana ?? ''}`;

// ───────────────────────────── planning types ─────────────────────────────

type Category =
  | 'NEW_NET' | 'NEW_GENERAL' | 'NEW_SHARED'
  | 'CHG_MAILBOX' | 'CHG_TERMINAL' | 'CHG_IDENT' | 'CHG_MANAGER' | 'CHG_PLAN' | 'CHG_BILLING' | 'CHG_OTHER'
  | 'TERMINATION' | 'TRANSFER' | 'EQUIPMENT_SHARING';

/** Share of each kind of application, in percent. */
const CATEGORY_WEIGHTS: ReadonlyArray<readonly [Category, number]> = [
  ['NEW_NET', 11], ['NEW_GENERAL', 5], ['NEW_SHARED', 2],
  ['CHG_MAILBOX', 11], ['CHG_TERMINAL', 15], ['CHG_IDENT', 8], ['CHG_MANAGER', 13], ['CHG_PLAN', 6],
  ['CHG_BILLING', 7], ['CHG_OTHER', 13], ['TERMINATION', 3], ['TRANSFER', 3], ['EQUIPMENT_SHARING', 3],
];

const STATUS_WEIGHTS: ReadonlyArray<readonly [ApplicationStatus, number]> = [
  [ApplicationStatus.APPROVED, 55], [ApplicationStatus.RECEIVED, 12], [ApplicationStatus.IN_REVIEW, 12],
  [ApplicationStatus.RETURNED, 8], [ApplicationStatus.WITHDRAWN, 7], [ApplicationStatus.CANCELLED, 6],
];

/** How long ago (days) applications of each status were received: the open ones are the recent ones. */
const RECEIVED_WINDOW: Record<ApplicationStatus, readonly [number, number]> = {
  [ApplicationStatus.RECEIVED]: [0.05, 12],
  [ApplicationStatus.IN_REVIEW]: [1, 35],
  [ApplicationStatus.RETURNED]: [3, 50],
  [ApplicationStatus.APPROVED]: [8, 728],
  [ApplicationStatus.WITHDRAWN]: [4, 728],
  [ApplicationStatus.CANCELLED]: [15, 728],
};

interface UserIdSpec {
  industries: Industry[];
  processingMethod: ProcessingMethod;
  identCount: number;
}
interface UserCodeSpec {
  shared?: UserCode;
  systemCategory: SystemCategory;
  singleSignOn: boolean;
  statisticsPaid: boolean;
  statisticsFree: boolean;
  bondedRecordService: boolean;
  ids: UserIdSpec[];
}
interface LineSpec {
  lineNo: number;
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
  place?: Address;
}
interface TerminalSpec {
  type: TerminalType;
  systemCategory: SystemCategory;
  count: number;
  lineNo?: number;
}
interface MailboxSpec {
  type: MailboxType;
  count: number;
}
interface ContractSpec {
  connection: Connection;
  noLineRequired: boolean;
  plan: Plan;
  userCodes: UserCodeSpec[];
  lines: LineSpec[];
  terminals: TerminalSpec[];
  mailboxes: MailboxSpec[];
}

interface CompanyPlan {
  company: Company;
  business: Business;
  domain: string;
  loc: Loc;
  offices: OfficeState[];
}

interface OfficeState {
  office: Office;
  cp: CompanyPlan;
  loc: Loc;
  active: boolean;
  /** Start date: change applications are received after it. */
  availableFrom?: string;
  terminating: boolean;
  /** The office's contract as issued so far (read back after each approval): what later applications build on. */
  userCodes: UserCode[];
  userIds: UserId[];
  lines: Line[];
  pendingIdents: Set<UserId>;
}

interface Step {
  action: HistoryAction;
  from?: ApplicationStatus;
  to?: ApplicationStatus;
  actor?: Staff;
  /** Hours after the previous step (min, max). */
  gap: readonly [number, number];
  message?: string;
  internal?: boolean;
}

/** One application to create. */
interface PlanItem {
  category: Category;
  status: ApplicationStatus;
  receivedAt: Date;
  /** Approved just now with a start date days ahead: its ID通知内容 is inside the パスワード参照期間 today. */
  startSoon?: boolean;
  /** Approved, then cancelled by the deadline job (システム設定申込 not done). */
  deadlineCancel?: boolean;
}

interface Outcome {
  /** Approved at some point (and so issued), even if cancelled afterwards. */
  approved: boolean;
  /** Cancelled after its approval (システム設定申込 not done by the deadline). */
  cancelledAfterApproval: boolean;
}

/** What a change application holds back from other demo applications until it is decided. */
interface ChangePlan {
  release?: () => void;
}

// ───────────────────────────── the seeder ─────────────────────────────

/** What an application is made of: written once, then never changed by the seeder. */
const WRITTEN_ONCE = new Set<unknown>([
  Application, ApplicationHistory, ApplicationUserCode, ApplicationUserId, ApplicationTerminal, ApplicationLine,
  ApplicationMailbox, ApplicationChange, Attachment,
]);

class DemoSeeder {
  private readonly today: string;
  private readonly staff = new Map<string, Staff>();
  private readonly companies: CompanyPlan[] = [];
  private readonly offices: OfficeState[] = [];
  private readonly usedCompanyNames = new Set<string>();
  private readonly notices: Array<{ app: Application; office: Office }> = [];

  constructor(
    private readonly em: EntityManager,
    private readonly secrets: SecretBox,
    private readonly now: Date,
    private readonly passwordHash: string,
    private readonly ipPool: string,
  ) {
    this.today = jstDate(now);
  }

  async run(total: number): Promise<number> {
    this.createStaff();
    const companyCount = Math.max(12, Math.round((total * 60) / 320));
    for (let i = 0; i < companyCount; i++) this.companies.push(this.createCompany());
    await this.em.flush();
    let count = await this.officesInService(companyCount);

    const plan = this.planApplications(Math.max(1, total - count));
    const freshCompanies = this.companies.filter((c) => c.offices.length === 0);
    const newSlots = plan.filter((p) => p.category.startsWith('NEW_')).length;
    // Fresh companies get their first office through a NEW application; spread them over the NEW slots.
    const freshSlots = new Set(faker.helpers.shuffle([...Array(newSlots).keys()]).slice(0, freshCompanies.length));
    let newIndex = 0;
    for (const item of plan) {
      let fresh: CompanyPlan | undefined;
      if (item.category.startsWith('NEW_')) {
        if (freshSlots.has(newIndex++)) fresh = freshCompanies.shift();
      }
      await this.createApplication(item, fresh);
      count++;
    }
    this.createNotices();
    await this.em.flush();
    return count;
  }

  // ── staff ──

  private createStaff(): void {
    for (const s of DEMO_STAFF) {
      const staff = new Staff();
      staff.email = s.email;
      staff.name = s.name;
      staff.roles = [...s.roles];
      staff.passwordHash = this.passwordHash;
      staff.createdAt = new Date(this.now.getTime() - 800 * DAY);
      this.staff.set(s.email, staff);
      this.em.persist(staff);
    }
  }

  private s(email: string): Staff {
    return this.staff.get(email)!;
  }

  private reviewer(): Staff {
    return this.s(chance(0.5) ? 'reviewer@example.jp' : 'reviewer2@example.jp');
  }

  // ── companies and offices ──

  private createCompany(): CompanyPlan {
    for (;;) {
      const business = pick(BUSINESSES);
      const useSurname = chance(0.2);
      const base: Word = useSurname
        ? (() => { const s = pick(SURNAMES); return [s[0], s[1], s[2].toUpperCase()] as const; })()
        : pick(NAME_WORDS);
      const r = rnd();
      const form = r < 0.88 ? LEGAL_FORMS.kk : r < 0.95 ? LEGAL_FORMS.yk : LEGAL_FORMS.gk;
      const prefixForm = form === LEGAL_FORMS.kk ? chance(0.4) : form === LEGAL_FORMS.yk;
      const core = `${base[0]}${business.word[0]}`;
      const coreKana = `${base[1]}${business.word[1]}`;
      const name = prefixForm ? `${form[0]}${core}` : `${core}${form[0]}`;
      if (this.usedCompanyNames.has(name) || this.usedCompanyNames.has(prefixForm ? `${core}${form[0]}` : `${form[0]}${core}`)) continue;
      this.usedCompanyNames.add(name);
      const nameKana = prefixForm ? `${form[1]}${coreKana}` : `${coreKana}${form[1]}`;
      const nameEn = `${base[2]} ${business.english} ${form[2]}`;
      const domain = `${base[2]}-${business.english.replace(/ /g, '')}`.toLowerCase() + '.co.jp';
      const loc = business.category === SystemCategory.AIR && chance(0.5)
        ? pick(LOCATIONS.filter((l) => l.air))
        : pick(LOCATIONS.filter((l) => l.major));

      const company = new Company();
      const p = company.profile;
      p.name = name;
      p.nameKana = nameKana;
      p.nameEn = nameEn;
      p.headOfficeAddress = this.address(loc);
      p.headOfficePhone = landline(loc.area);
      p.headOfficeFax = chance(0.8) ? landline(loc.area) : undefined;
      company.createdAt = new Date(this.now.getTime() - 800 * DAY);
      this.em.persist(company);
      return { company, business, domain, loc, offices: [] };
    }
  }

  private address(loc: Loc): Address {
    const a = new Address();
    const [c, b, n] = [int(1, 9), int(1, 30), int(1, 25)];
    const building = chance(0.5) ? pick(BUILDINGS) : undefined;
    const floor = int(1, 12);
    a.postalCode = loc.zip + faker.string.numeric(4);
    a.prefecture = loc.pref;
    a.address = `${loc.city}${zen(c)}丁目${zen(b)}番${zen(n)}号${building ? `\u3000${building[0]}${zen(floor)}階` : ''}`;
    a.addressKana = `${loc.cityKana}${zen(c)}チョウメ${zen(b)}バン${zen(n)}ゴウ${building ? `\u3000${building[1]}${zen(floor)}カイ` : ''}`;
    return a;
  }

  private person(cp: CompanyPlan, area: string, opts: { contractor?: boolean } = {}): Person {
    const s = pick(SURNAMES);
    const g = pick(GIVEN_NAMES);
    const p = new Person();
    p.lastName = s[0];
    p.firstName = g[0];
    p.lastNameKana = s[1];
    p.firstNameKana = g[1];
    if (opts.contractor) {
      p.title = cp.company.profile.name?.includes('合同会社') ? '代表社員' : pick(CONTRACTOR_TITLES);
      return p;
    }
    p.department = pick(DEPARTMENTS);
    p.title = chance(0.75) ? pick(TITLES) : undefined;
    p.phone = chance(0.85) ? landline(area) : mobile();
    p.fax = chance(0.5) ? landline(area) : undefined;
    p.email = `${g[2]}.${s[2]}@${cp.domain}`;
    return p;
  }

  private emergencyFaxes(area: string): string[] {
    if (chance(0.1)) return ['0000000000'];
    return Array.from({ length: int(1, 3) }, () => landline(area));
  }

  /** A new office (PENDING until activated) of a company: the head office first, then branches. */
  private createOffice(cp: CompanyPlan, createdAt: Date): OfficeState {
    const head = cp.offices.length === 0;
    const airOnly = cp.business.category === SystemCategory.AIR;
    const loc = head ? cp.loc : pick(LOCATIONS.filter((l) => l !== cp.loc && (!airOnly || l.air)));
    const office = new Office();
    office.company = cp.company;
    office.status = OfficeStatus.PENDING;
    office.createdAt = createdAt;
    const p = office.profile;
    if (head) {
      p.name = '本社';
      p.nameKana = 'ホンシャ';
      p.address = cloneAddress(cp.company.profile.headOfficeAddress);
      p.phone = cp.company.profile.headOfficePhone;
      p.fax = cp.company.profile.headOfficeFax;
    } else {
      let suffix = pick(BRANCH_SUFFIXES);
      while (cp.offices.some((o) => o.office.profile.name === `${loc.short}${suffix[0]}`)) suffix = pick(BRANCH_SUFFIXES);
      p.name = `${loc.short}${suffix[0]}`;
      p.nameKana = `${loc.shortKana}${suffix[1]}`;
      p.address = this.address(loc);
      p.phone = landline(loc.area);
      p.fax = chance(0.7) ? landline(loc.area) : undefined;
    }
    p.customsOffice = loc.customs;
    const existingContractor = cp.offices[0]?.office.profile.contractor;
    p.contractor = existingContractor && chance(0.7) ? clonePerson(existingContractor) : this.person(cp, loc.area, { contractor: true });
    p.manager = this.person(cp, loc.area);
    p.emergencyFaxes = this.emergencyFaxes(loc.area);
    office.billing = this.billing(cp, p);
    office.searchText = this.officeSearchText(office);
    const state: OfficeState = {
      office, cp, loc, active: false, terminating: false,
      userCodes: [], userIds: [], lines: [], pendingIdents: new Set(),
    };
    cp.offices.push(state);
    this.offices.push(state);
    this.em.persist(office);
    return state;
  }

  private billing(cp: CompanyPlan, profile: OfficeProfile): Billing {
    const b = new Billing();
    const headOffice = cp.offices.find((o) => o.active && o.office.code);
    b.consolidated = false;
    if (headOffice && chance(0.4)) {
      b.consolidated = true;
      if (chance(0.6)) b.consolidatedOfficeCode = headOffice.office.code;
      else b.consolidatedBillingCode = headOffice.office.billingCode;
    }
    b.companyName = cp.company.profile.name;
    b.officeName = profile.name;
    b.addressSameAsOffice = chance(0.8);
    b.address = b.addressSameAsOffice ? cloneAddress(profile.address) : cloneAddress(cp.company.profile.headOfficeAddress);
    b.contact = this.person(cp, cp.loc.area);
    b.contact.department = pick(['経理部', '総務部', '管理部経理課', '財務部']);
    b.emails = faker.helpers.uniqueArray(() => `${pick(['keiri', 'seikyu', 'accounting', 'soumu', 'billing'])}${int(1, 9)}@${cp.domain}`, int(1, 3));
    b.paymentMethod = chance(0.6) ? PaymentMethod.DEBIT : PaymentMethod.TRANSFER;
    b.sameAccount = false;
    if (b.paymentMethod === PaymentMethod.TRANSFER) b.bankName = pick(['みずほ銀行', '三菱UFJ銀行', '三井住友銀行', 'りそな銀行']);
    return b;
  }

  private officeSearchText(o: Office): string {
    const c = o.company.profile;
    return searchText([o.code, c.name, c.nameKana, o.profile.name, o.profile.nameKana]);
  }

  /**
   * Offices in service before the two years of applications: approved new applications of 800–4000 days ago,
   * a second office sometimes sharing the first one's 利用者コード. Returns how many applications that made.
   */
  private async officesInService(companyCount: number): Promise<number> {
    const openings: Array<{ cp: CompanyPlan; receivedAt: Date; category: Category }> = [];
    for (const cp of this.companies.slice(0, Math.round(companyCount * 0.4))) {
      for (let i = 0, n = chance(0.25) ? 2 : 1; i < n; i++) {
        openings.push({ cp, receivedAt: this.receivedTime(800, 4000), category: chance(0.7) ? 'NEW_NET' : 'NEW_GENERAL' });
      }
    }
    openings.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    for (const o of openings) {
      const first = o.cp.offices.find((x) => x.active)?.userCodes[0];
      await this.createApplication({ category: o.category, status: ApplicationStatus.APPROVED, receivedAt: o.receivedAt }, o.cp, first && chance(0.6) ? first : undefined);
    }
    return openings.length;
  }

  // ── contract specs and issuance ──

  private industriesFor(cp: CompanyPlan, singleSignOn: boolean): Industry[] {
    const options = cp.business.industries.filter((i) => !SOLO_INDUSTRIES.includes(i));
    if (singleSignOn && options.length >= 2) return faker.helpers.arrayElements(options, 2);
    return [pick(cp.business.industries)];
  }

  private contractSpec(cp: CompanyPlan, os: OfficeState, kind: 'NET' | 'GENERAL'): ContractSpec {
    const connection = kind === 'NET' ? Connection.NET : Connection.GENERAL;
    const category = cp.business.category;
    const codeCategories = category === SystemCategory.BOTH && chance(0.25) ? [SystemCategory.SEA, SystemCategory.AIR] : [category];
    const userCodes: UserCodeSpec[] = codeCategories.map((systemCategory) => {
      const ids: UserIdSpec[] = [];
      for (let i = 0, n = chance(0.3) ? 2 : 1; i < n; i++) {
        const singleSignOn = chance(0.2);
        let processingMethod = ProcessingMethod.INTERACTIVE;
        if (connection === Connection.NET) {
          if (chance(0.12)) processingMethod = ProcessingMethod.SMTP_POP3;
          else if (chance(0.06)) processingMethod = ProcessingMethod.EBMS;
        } else if (chance(0.25)) processingMethod = ProcessingMethod.SMTP_BIDIRECTIONAL;
        else if (chance(0.08)) processingMethod = ProcessingMethod.EDIFACT;
        ids.push({ industries: this.industriesFor(cp, singleSignOn), processingMethod, identCount: int(1, 4) });
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
    if (connection === Connection.NET) {
      for (const u of userCodes) terminals.push({ type: TerminalType.NET, systemCategory: u.systemCategory, count: int(1, 5) });
      if (chance(0.3)) terminals.push({ type: TerminalType.WEB, systemCategory: userCodes[0]!.systemCategory, count: int(1, 2) });
      if (methods.includes(ProcessingMethod.EBMS)) terminals.push({ type: TerminalType.EBMS, systemCategory: userCodes[0]!.systemCategory, count: 1 });
      if (methods.includes(ProcessingMethod.SMTP_POP3) || chance(0.2)) mailboxes.push({ type: MailboxType.SMTP_POP3, count: int(1, 2) });
    } else {
      const gateway = methods.includes(ProcessingMethod.SMTP_BIDIRECTIONAL);
      const edifact = methods.includes(ProcessingMethod.EDIFACT);
      for (let lineNo = 1, n = chance(0.3) ? 2 : 1; lineNo <= n; lineNo++) {
        const fiber = chance(0.4);
        const maintenance = chance(0.45) ? MaintenanceHours.H24_365 : MaintenanceHours.WEEKDAY_DAYTIME;
        const h24 = maintenance === MaintenanceHours.H24_365;
        const redundancy = h24 && chance(0.4);
        const spareRouter = h24 && !redundancy && chance(0.4);
        const placeSame = chance(0.85);
        lines.push({
          lineNo,
          systemCategory: userCodes[Math.min(lineNo, userCodes.length) - 1]!.systemCategory,
          connectionMethod: gateway && lineNo === 1 ? LineConnectionMethod.GATEWAY : LineConnectionMethod.INTERACTIVE,
          edifact: edifact && lineNo === 1,
          lineType: fiber ? LineType.FIBER : LineType.LEASED,
          speed: fiber ? '光' : pick(['1Mbps', '3Mbps', '10Mbps']),
          indoorWiring: chance(0.6) ? IndoorWiring.CENTER_RENTAL : IndoorWiring.CUSTOMER,
          maintenance,
          redundancy,
          spareRouter,
          pingMonitoring: h24 && chance(0.5),
          place: placeSame ? undefined : this.address(os.loc),
        });
        terminals.push({ type: TerminalType.GENERAL, systemCategory: lines[lineNo - 1]!.systemCategory, count: int(1, 8), lineNo });
      }
      if (edifact) mailboxes.push({ type: MailboxType.EDIFACT, count: 1 });
      if (chance(0.35)) mailboxes.push({ type: MailboxType.SMTP_POP3, count: int(1, 3) });
    }
    return {
      connection, noLineRequired: false, plan: chance(0.55) ? Plan.A : Plan.B, userCodes, lines, terminals, mailboxes,
    };
  }

  /** 一般NACCS without lines: SMTP双方向 under a 利用者コード shared with another office (Cyber Port style). */
  private sharedSpec(cp: CompanyPlan, shared: UserCode): ContractSpec {
    return {
      connection: Connection.GENERAL,
      noLineRequired: true,
      plan: Plan.B,
      userCodes: [{
        shared,
        systemCategory: shared.systemCategory,
        singleSignOn: false,
        statisticsPaid: false,
        statisticsFree: chance(0.5),
        bondedRecordService: false,
        ids: [{ industries: [pick([Industry.CUSTOMS_BROKER, Industry.NVOCC, cp.business.industries[0]!])], processingMethod: ProcessingMethod.SMTP_BIDIRECTIONAL, identCount: int(1, 2) }],
      }],
      lines: [],
      terminals: [],
      mailboxes: [],
    };
  }

  /**
   * 審査終了 as the console does it: the approval's IssuanceService issues the codes, passwords, terminals, lines and
   * mailboxes (its clock at the approval time); the office's contract is then read back for the later applications.
   */
  private async approve(app: Application, os: OfficeState): Promise<void> {
    await this.em.flush();
    this.forgetWritten(app);
    // A fork in the same transaction keeps the approval's identity map small (auto-flush checks every managed entity).
    const em = this.em.fork({ keepTransactionContext: true });
    const approved = await em.findOneOrFail(Application, app.id);
    await new IssuanceService(em, this.secrets, fixedClock(app.reviewedAt!)).issue(approved, app.startDate!, { ipPool: this.ipPool });
    await em.flush();
    await this.readContract(os);
    os.active = true;
    os.availableFrom ??= app.startDate;
  }

  /**
   * Applications already written are not touched again: taking them out of the identity map keeps each flush
   * from re-checking them all (flush time would grow with the square of the applications).
   */
  private forgetWritten(keep: Application): void {
    const map = this.em.getUnitOfWork().getIdentityMap();
    for (const entity of map.values()) if (WRITTEN_ONCE.has(entity.constructor) && entity !== keep) map.delete(entity);
  }

  /** The office's contract as the approvals left it, into the seeder's own identity map (flushed just before). */
  private async readContract(os: OfficeState): Promise<void> {
    const office = os.office;
    const fresh = { refresh: true, flushMode: FlushMode.COMMIT } as const;
    const byStart = { orderBy: { startDate: 'asc', id: 'asc' }, ...fresh } as const;
    await this.em.refresh(office, fresh);
    await this.em.refresh(office.company, fresh);
    os.userCodes = await this.em.find(UserCode, { office }, { orderBy: { code: 'asc' }, ...fresh });
    os.userIds = await this.em.find(UserId, { office }, { populate: ['userCode'], ...byStart });
    os.lines = await this.em.find(Line, { office, endDate: null }, byStart);
  }

  /** The approved application cancelled by the deadline job: what it issued never takes effect. */
  private async cancelIssued(app: Application, os: OfficeState): Promise<void> {
    const em = this.em.fork({ keepTransactionContext: true });
    await new IssuanceService(em, this.secrets, fixedClock(this.now)).cancelIssued(await em.findOneOrFail(Application, app.id));
    await em.flush();
    await this.readContract(os);
    os.active = false;
  }

  // ── applications ──

  private planApplications(total: number): PlanItem[] {
    const exact = <T>(weights: ReadonlyArray<readonly [T, number]>): T[] => {
      const sum = weights.reduce((a, [, w]) => a + w, 0);
      const out: T[] = [];
      for (const [value, w] of weights) {
        const n = Math.max(total >= weights.length ? 1 : 0, Math.floor((w * total) / sum));
        for (let i = 0; i < n; i++) out.push(value);
      }
      while (out.length < total) out.push(faker.helpers.weightedArrayElement(weights.map(([value, weight]) => ({ value, weight }))));
      return faker.helpers.shuffle(out).slice(0, total);
    };
    const categories = exact(CATEGORY_WEIGHTS);
    const statuses = exact(STATUS_WEIGHTS);
    const items: PlanItem[] = categories.map((category, i) => {
      const status = statuses[i]!;
      return { category, status, receivedAt: this.receivedTime(...RECEIVED_WINDOW[status]) };
    });
    // Always in the demo: two approvals of the last days still in their パスワード参照期間, and one approved new
    // application the deadline job cancelled.
    const approvedNew = items.filter((i) => i.category === 'NEW_NET' && i.status === ApplicationStatus.APPROVED);
    for (const i of approvedNew.slice(0, 2)) Object.assign(i, { startSoon: true, receivedAt: this.receivedTime(8, 12) });
    const cancelled = approvedNew[2];
    if (cancelled) Object.assign(cancelled, { status: ApplicationStatus.CANCELLED, deadlineCancel: true, receivedAt: this.receivedTime(120, 400) });
    return items.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  }

  /** A submission time `minDays`–`maxDays` ago, mostly on business days in office hours (JST). */
  private receivedTime(minDays: number, maxDays: number): Date {
    let date = jstDate(new Date(this.now.getTime() - between(minDays, maxDays) * DAY));
    if (!isBusinessDay(date) && chance(0.8)) date = addBusinessDays(date, -1);
    const minutes = chance(0.9) ? int(8 * 60 + 30, 19 * 60 + 30) : int(0, 24 * 60 - 1);
    let t = jstTime(date, minutes);
    if (t.getTime() > this.now.getTime() - 10 * MINUTE) t = new Date(this.now.getTime() - int(10, 240) * MINUTE);
    return t;
  }

  private async nextReceiptNo(at: Date): Promise<string> {
    const row = await this.em.getConnection().execute<{ no: string }>(
      'select next_receipt_no(?::timestamptz) as no',
      [at.toISOString()],
      'get',
      this.em.getTransactionContext(),
    );
    return (row as { no: string }).no;
  }

  /** Offices in service when a change application is received. */
  private activeOffices(at: Date, filter: (os: OfficeState) => boolean = () => true): OfficeState[] {
    const date = jstDate(at);
    return this.offices.filter(
      (os) => os.active && !os.office.endDate && !!os.availableFrom && os.availableFrom < date && filter(os),
    );
  }

  private async createApplication(item: PlanItem, fresh?: CompanyPlan, share?: UserCode): Promise<void> {
    const { category, status, receivedAt } = item;
    const app = new Application();
    app.receiptNo = await this.nextReceiptNo(receivedAt);
    app.status = status;
    app.receivedAt = receivedAt;
    this.em.persist(app);

    if (category.startsWith('NEW_')) await this.newApplication(app, item, fresh, share);
    else await this.changeApplication(app, item);
  }

  /** New applications create a PENDING office (as the intake does); approval opens it. `share`: a 利用者コード to share too. */
  private async newApplication(app: Application, item: PlanItem, fresh?: CompanyPlan, share?: UserCode): Promise<void> {
    const { category, receivedAt: at } = item;
    let cp = fresh;
    if (!cp) {
      const established = this.companies.filter((c) => c.offices.some((o) => o.active));
      cp = established.length ? pick(established) : pick(this.companies);
    }
    let kind: 'NET' | 'GENERAL' | 'SHARED' = category === 'NEW_NET' ? 'NET' : category === 'NEW_GENERAL' ? 'GENERAL' : 'SHARED';
    const sharable = this.activeOffices(at, (o) => o.cp !== cp && o.userCodes.length > 0);
    if (kind === 'SHARED' && !sharable.length) kind = 'GENERAL';
    const os = this.createOffice(cp, at);
    const spec = kind === 'SHARED' ? this.sharedSpec(cp, pick(pick(sharable).userCodes)) : this.contractSpec(cp, os, kind);
    if (share) spec.userCodes.push(this.sharedSpec(cp, share).userCodes[0]!);
    Object.assign(os.office, { plan: spec.plan, usesNet: spec.connection === Connection.NET, usesGeneral: spec.connection === Connection.GENERAL });

    app.kind = ApplicationKind.NEW;
    app.connection = spec.connection;
    app.office = os.office;
    app.companyProfile = cloneCompanyProfile(cp.company.profile);
    app.officeProfile = cloneOfficeProfile(os.office.profile);
    app.plan = spec.plan;
    app.billing = cloneBilling(os.office.billing);
    app.noLineRequired = spec.noLineRequired;
    this.setApplicant(app, cp, os, true);

    const lines = spec.lines.length > 0;
    const leadDays = lines ? 60 : 10;
    app.desiredStartDate = this.desiredStartDate(at, leadDays);
    app.reason = kind === 'SHARED'
      ? pick([
        'サイバーポートとの連携により、SMTP双方向方式で通関業務を行うため。',
        '関連会社の利用者コードを共用し、自社システムからNACCSを利用するため。',
      ])
      : pick([
        `${os.office.profile.name}の開設に伴い、${spec.connection === Connection.NET ? 'netNACCS' : '一般NACCS'}の利用を開始するため。`,
        '輸出入申告業務を自社で行うため、NACCSの利用を申し込みます。',
        '取扱貨物量の増加に伴い、新たに事業所として契約するため。',
        '通関業の許可取得に伴い、NACCSの利用を開始するため。',
        '保税蔵置場の許可取得に伴い、NACCSを利用して貨物管理を行うため。',
      ]);
    if (kind === 'SHARED') app.remarks = `共用する利用者コードは${spec.userCodes[0]!.shared!.code}です。`;
    else if (chance(0.25)) app.remarks = pick(REMARKS);

    spec.userCodes.forEach((u, position) => {
      const row = new ApplicationUserCode();
      row.application = app;
      row.action = RowAction.ADD;
      row.userCode = u.shared?.code;
      row.shared = !!u.shared;
      row.systemCategory = u.systemCategory;
      row.singleSignOn = u.singleSignOn;
      row.statisticsPaid = u.statisticsPaid;
      row.statisticsFree = u.statisticsFree;
      row.bondedRecordService = u.bondedRecordService;
      row.position = position;
      this.em.persist(row);
      u.ids.forEach((i, idPosition) => {
        const id = new ApplicationUserId();
        id.userCode = row;
        id.action = RowAction.ADD;
        id.industries = [...i.industries];
        id.processingMethod = i.processingMethod;
        id.identCount = i.identCount;
        id.position = idPosition;
        this.em.persist(id);
      });
    });
    const receivedDate = jstDate(at);
    const constructionDate = lines
      ? addBusinessDays(receivedDate, int(30, 50)) < app.desiredStartDate
        ? addBusinessDays(receivedDate, int(30, 50))
        : addBusinessDays(app.desiredStartDate, -int(5, 10))
      : undefined;
    for (const l of spec.lines) {
      const row = new ApplicationLine();
      row.application = app;
      row.action = RowAction.ADD;
      row.lineNo = l.lineNo;
      row.systemCategory = l.systemCategory;
      row.connectionMethod = l.connectionMethod;
      row.edifact = l.edifact;
      row.lineType = l.lineType;
      row.speed = l.speed;
      row.indoorWiring = l.indoorWiring;
      row.maintenance = l.maintenance;
      row.redundancy = l.redundancy;
      row.spareRouter = l.spareRouter;
      row.pingMonitoring = l.pingMonitoring;
      row.constructionDate = constructionDate;
      row.placeSameAsOffice = !l.place;
      row.place = cloneAddress(l.place);
      this.em.persist(row);
    }
    for (const t of spec.terminals) this.appTerminal(app, t);
    for (const m of spec.mailboxes) this.appMailbox(app, m);
    if (lines) {
      app.constructionContact = this.person(cp, os.loc.area);
      app.constructionAttendee = chance(0.6) ? clonePerson(app.constructionContact) : this.person(cp, os.loc.area);
      if (chance(0.4)) {
        app.constructionNotes = pick([
          '搬入は建物裏の通用口からお願いします。',
          '工事は平日午前中を希望します。',
          'ビル管理会社への事前連絡が必要です。',
          '既設の社内LANと同じラックに設置予定です。',
        ]);
      }
      this.attachDiagram(app, os.office.profile.name ?? '');
    }

    if (item.startSoon) app.desiredStartDate = addBusinessDays(this.today, int(5, 15));
    const outcome = this.review(app, item, app.applicant);
    if (outcome.approved) await this.approve(app, os);
    if (outcome.cancelledAfterApproval) await this.cancelIssued(app, os);
    else if (outcome.approved) this.notices.push({ app, office: os.office });
    app.searchText = this.applicationSearchText(app); // with the 事業所コード the approval gave
  }

  private async changeApplication(app: Application, item: PlanItem): Promise<void> {
    let { category } = item;
    const at = item.receivedAt;
    const need: Partial<Record<Category, (os: OfficeState) => boolean>> = {
      CHG_TERMINAL: (o) => o.office.usesNet || o.lines.length > 0,
      CHG_IDENT: (o) => this.abolishableIds(o).length > 0,
      TERMINATION: (o) => !o.terminating,
      TRANSFER: () => this.activeOffices(at).length > 1,
      EQUIPMENT_SHARING: (o) => o.office.usesGeneral,
    };
    let candidates = this.activeOffices(at, need[category]);
    if (!candidates.length) {
      category = 'CHG_MANAGER';
      candidates = this.activeOffices(at);
    }
    const os = pick(candidates);
    const cp = os.cp;
    app.kind = category === 'TERMINATION' ? ApplicationKind.TERMINATION : ApplicationKind.CHANGE;
    app.office = os.office;
    app.applicantCompanyName = cp.company.profile.name;
    app.applicantCompanyNameKana = cp.company.profile.nameKana;
    if (chance(0.92)) this.setApplicant(app, cp, os, false);

    const plan = this.changeSections(app, category, os, at);
    // As the intake stores a change: every section merged (registered data with the changes applied).
    app.companyProfile ??= cloneCompanyProfile(cp.company.profile);
    app.officeProfile ??= cloneOfficeProfile(os.office.profile);
    app.billing ??= cloneBilling(os.office.billing);
    app.plan ??= os.office.plan;
    const lead = 5;
    app.desiredStartDate = this.desiredStartDate(at, lead);
    if (!app.remarks && chance(0.15)) app.remarks = pick(REMARKS);

    app.searchText = this.applicationSearchText(app);
    const outcome = this.review(app, { ...item, category }, app.applicant);
    if (outcome.approved) {
      await this.approve(app, os);
      this.notices.push({ app, office: os.office });
    } else if (app.status === ApplicationStatus.WITHDRAWN || app.status === ApplicationStatus.CANCELLED) {
      plan.release?.();
    }
  }

  private abolishableIds(os: OfficeState): UserId[] {
    const live = os.userIds.filter((id) => !id.endDate && !os.pendingIdents.has(id) && id.userCode.office === os.office);
    // keep at least one 識別番号 under each 利用者コード
    return live.filter((id) => live.filter((x) => x.userCode === id.userCode).length >= 2);
  }

  private change(app: Application, item: ChangeItem, field: string, before?: string, after?: string): void {
    const c = new ApplicationChange();
    c.application = app;
    c.item = item;
    c.field = field;
    c.before = before;
    c.after = after;
    this.em.persist(c);
  }

  private personChanges(app: Application, item: ChangeItem, path: string, before: Person | undefined, after: Person): void {
    for (const key of ['lastName', 'firstName', 'lastNameKana', 'firstNameKana', 'department', 'title', 'phone', 'email'] as const) {
      if ((before?.[key] ?? '') !== (after[key] ?? '')) this.change(app, item, `${path}.${key}`, before?.[key], after[key]);
    }
  }

  private appTerminal(app: Application, t: TerminalSpec): void {
    const row = new ApplicationTerminal();
    row.application = app;
    row.action = RowAction.ADD;
    row.terminalType = t.type;
    row.systemCategory = t.systemCategory;
    row.count = t.count;
    row.lineNo = t.lineNo;
    this.em.persist(row);
  }

  private appMailbox(app: Application, m: MailboxSpec): void {
    const row = new ApplicationMailbox();
    row.application = app;
    row.action = RowAction.ADD;
    row.mailboxType = m.type;
    row.count = m.count;
    this.em.persist(row);
  }

  /** The sections of a change application and the effect of its approval. */
  private changeSections(app: Application, category: Category, os: OfficeState, at: Date): ChangePlan {
    const o = os.office;
    const cp = os.cp;
    switch (category) {
      case 'CHG_MAILBOX': {
        const spec: MailboxSpec = { type: o.usesGeneral && chance(0.3) ? MailboxType.EDIFACT : MailboxType.SMTP_POP3, count: int(1, 3) };
        app.changeItems = [ChangeItem.MAILBOX];
        this.appMailbox(app, spec);
        app.reason = pick(['取引先の増加に伴い、メールボックスを追加するため。', '部署ごとに受信を分けるため、メールボックスを追加します。']);
        return {};
      }
      case 'CHG_TERMINAL': {
        if (o.usesNet) {
          const spec: TerminalSpec = { type: TerminalType.NET, systemCategory: os.userCodes[0]?.systemCategory ?? cp.business.category, count: int(1, 5) };
          app.changeItems = [ChangeItem.NET_TERMINAL];
          this.appTerminal(app, spec);
          app.reason = pick(['担当者の増員に伴い、netNACCSの論理端末を追加するため。', '業務量の増加に伴い、論理端末を追加するため。']);
          return {};
        }
        return this.generalTerminalsOnLine(app, os, int(1, 4), '業務量の増加に伴い、一般NACCSの論理端末を追加するため。');
      }
      case 'CHG_IDENT': {
        const candidates = this.abolishableIds(os);
        const first = pick(candidates);
        const siblings = candidates.filter((x) => x.userCode === first.userCode && x !== first);
        const targets = siblings.length >= 2 && chance(0.3) ? [first, siblings[0]!] : [first];
        targets.forEach((t) => os.pendingIdents.add(t));
        app.changeItems = [ChangeItem.IDENT_NO];
        const row = new ApplicationUserCode();
        row.application = app;
        row.action = RowAction.CHANGE;
        row.userCode = first.userCode.code;
        row.systemCategory = first.userCode.systemCategory;
        row.statisticsPaid = first.userCode.statisticsPaid;
        row.statisticsFree = first.userCode.statisticsFree;
        row.bondedRecordService = first.userCode.bondedRecordService;
        this.em.persist(row);
        targets.forEach((t, position) => {
          const id = new ApplicationUserId();
          id.userCode = row;
          id.action = RowAction.DELETE;
          id.identNo = t.identNo;
          id.industries = [...t.industries];
          id.processingMethod = t.processingMethod;
          id.position = position;
          this.em.persist(id);
        });
        app.reason = pick([
          '担当者の異動に伴い、使用しなくなった識別番号を廃止するため。',
          '業務の集約により不要となった利用者IDを廃止するため。',
          '退職者が使用していた識別番号を廃止するため。',
        ]);
        return { release: () => targets.forEach((t) => os.pendingIdents.delete(t)) };
      }
      case 'CHG_MANAGER':
        return this.managerChange(app, os);
      case 'CHG_PLAN': {
        const before = o.plan ?? Plan.A;
        const after = before === Plan.A ? Plan.B : Plan.A;
        app.changeItems = [ChangeItem.PLAN];
        app.plan = after;
        this.change(app, ChangeItem.PLAN, 'plan', before, after);
        app.reason = after === Plan.A
          ? '利用件数の増加に伴い、料金プランをBからAへ変更するため。'
          : '利用件数の減少に伴い、料金プランをAからBへ変更するため。';
        return {};
      }
      case 'CHG_BILLING':
        return this.billingContactChange(app, os);
      case 'CHG_OTHER':
        return this.otherItemChange(app, os);
      case 'TERMINATION': {
        os.terminating = true;
        app.otherChange = OtherChange.TERMINATION;
        app.reason = pick([
          '事業所の統合に伴い、契約を解除し事業所を廃止するため。',
          '当該事業所での通関業務を終了するため、契約を解除します。',
          '本社への業務集約により事業所を閉鎖するため。',
        ]);
        return { release: () => { os.terminating = false; } };
      }
      case 'TRANSFER': {
        const sameCompany = cp.offices.filter((x) => x.active && !x.office.endDate && x !== os);
        const target = sameCompany.length ? pick(sameCompany) : pick(this.activeOffices(at, (x) => x !== os));
        app.otherChange = OtherChange.TRANSFER;
        app.transferTargetOfficeCode = target.office.code;
        app.reason = `組織変更に伴い、論理端末および利用者IDを事業所コード${target.office.code}へ付け替えるため。`;
        return {};
      }
      case 'EQUIPMENT_SHARING': {
        const partner = this.activeOffices(at, (x) => x !== os && x.office.usesGeneral);
        app.otherChange = OtherChange.EQUIPMENT_SHARING;
        app.equipmentSharingOfficeCode = partner.length ? pick(partner).office.code : undefined;
        app.reason = '同一建物内の関連会社と一般NACCSの回線・機器を共用するため。';
        return {};
      }
      default:
        return this.managerChange(app, os);
    }
  }

  /** 一般NACCS terminals added on one of the office's lines, listed (unchanged) as the application's ルータ番号 1. */
  private generalTerminalsOnLine(app: Application, os: OfficeState, count: number, reason: string): ChangePlan {
    const line = pick(os.lines);
    const row = Object.assign(new ApplicationLine(), {
      application: app, action: RowAction.CHANGE, lineNo: 1, existingLineId: line.id, systemCategory: line.systemCategory,
      connectionMethod: line.connectionMethod, lineType: line.lineType, speed: line.speed, indoorWiring: line.indoorWiring,
      maintenance: line.maintenance, redundancy: line.redundancy, spareRouter: line.spareRouter, pingMonitoring: line.pingMonitoring,
      placeSameAsOffice: false, place: cloneAddress(line.place),
    });
    this.em.persist(row);
    app.changeItems = [ChangeItem.GENERAL_TERMINAL];
    this.appTerminal(app, { type: TerminalType.GENERAL, systemCategory: line.systemCategory, count, lineNo: 1 });
    app.reason = reason;
    return {};
  }

  private managerChange(app: Application, os: OfficeState): ChangePlan {
    const o = os.office;
    app.changeItems = [ChangeItem.MANAGER];
    const profile = cloneOfficeProfile(o.profile);
    const before = o.profile.manager;
    let after: Person;
    if (chance(0.4)) {
      after = clonePerson(before) ?? new Person();
      after.phone = landline(os.loc.area);
      this.change(app, ChangeItem.MANAGER, 'officeProfile.manager.phone', before?.phone, after.phone);
      app.reason = '管理責任者の電話番号が変更になったため。';
    } else {
      after = this.person(os.cp, os.loc.area);
      this.personChanges(app, ChangeItem.MANAGER, 'officeProfile.manager', before, after);
      app.reason = pick(['人事異動に伴い、管理責任者を変更するため。', '管理責任者の退職に伴い、後任者へ変更するため。']);
    }
    profile.manager = after;
    app.officeProfile = profile;
    return {};
  }

  private billingContactChange(app: Application, os: OfficeState): ChangePlan {
    const o = os.office;
    app.changeItems = [ChangeItem.BILLING_CONTACT];
    const billing = cloneBilling(o.billing);
    const after = this.person(os.cp, os.cp.loc.area);
    after.department = o.billing.contact?.department ?? '経理部';
    this.personChanges(app, ChangeItem.BILLING_CONTACT, 'billing.contact', o.billing.contact, after);
    billing.contact = after;
    app.billing = billing;
    app.reason = '請求に関する担当者の変更のため。';
    return {};
  }

  /** The remaining checkbox items: office data, contractor, web certificates, user codes, industries, … */
  private otherItemChange(app: Application, os: OfficeState): ChangePlan {
    const o = os.office;
    const cp = os.cp;
    const options = ['COMPANY_OFFICE', 'CONTRACTOR', 'PAYMENT_METHOD', 'USER_CODE', 'INDUSTRY', 'STATISTICS', 'MANAGER_AND_BILLING'];
    if (o.usesNet) options.push('WEB_CERTIFICATE', 'WEB_CERTIFICATE');
    if (os.lines.length) options.push('GENERAL_TERMINAL');
    const choice = pick(options);
    switch (choice) {
      case 'COMPANY_OFFICE': {
        app.changeItems = [ChangeItem.COMPANY_OFFICE];
        const profile = cloneOfficeProfile(o.profile);
        const before = o.profile.address;
        const address = this.address(os.loc);
        const phone = landline(os.loc.area);
        this.change(app, ChangeItem.COMPANY_OFFICE, 'officeProfile.address.postalCode', before?.postalCode, address.postalCode);
        this.change(app, ChangeItem.COMPANY_OFFICE, 'officeProfile.address.address', before?.address, address.address);
        this.change(app, ChangeItem.COMPANY_OFFICE, 'officeProfile.address.addressKana', before?.addressKana, address.addressKana);
        this.change(app, ChangeItem.COMPANY_OFFICE, 'officeProfile.phone', o.profile.phone, phone);
        profile.address = address;
        profile.phone = phone;
        app.officeProfile = profile;
        app.reason = '事業所移転に伴い、所在地および電話番号を変更するため。';
        return {};
      }
      case 'CONTRACTOR': {
        app.changeItems = [ChangeItem.CONTRACTOR];
        const profile = cloneOfficeProfile(o.profile);
        const after = this.person(cp, os.loc.area, { contractor: true });
        this.personChanges(app, ChangeItem.CONTRACTOR, 'officeProfile.contractor', o.profile.contractor, after);
        profile.contractor = after;
        app.officeProfile = profile;
        app.reason = '代表者の交代に伴い、契約者を変更するため。';
        app.remarks = '登記事項証明書の写しを別途郵送いたします。';
        return {};
      }
      case 'PAYMENT_METHOD': {
        app.changeItems = [ChangeItem.PAYMENT_METHOD];
        const billing = cloneBilling(o.billing);
        const after = o.billing.paymentMethod === PaymentMethod.DEBIT ? PaymentMethod.TRANSFER : PaymentMethod.DEBIT;
        this.change(app, ChangeItem.PAYMENT_METHOD, 'billing.paymentMethod', o.billing.paymentMethod, after);
        billing.paymentMethod = after;
        billing.bankName = after === PaymentMethod.TRANSFER ? pick(['みずほ銀行', '三菱UFJ銀行', '三井住友銀行']) : undefined;
        app.billing = billing;
        app.reason = after === PaymentMethod.DEBIT ? '支払事務の効率化のため、口座振替に変更します。' : '経理処理の都合により、銀行振込に変更します。';
        return {};
      }
      case 'USER_CODE': {
        app.changeItems = [ChangeItem.USER_CODE];
        const systemCategory = os.userCodes.some((u) => u.systemCategory === SystemCategory.SEA) ? SystemCategory.AIR : SystemCategory.SEA;
        const ids: UserIdSpec = { industries: [pick(cp.business.industries)], processingMethod: ProcessingMethod.INTERACTIVE, identCount: int(1, 3) };
        const row = new ApplicationUserCode();
        row.application = app;
        row.action = RowAction.ADD;
        row.systemCategory = systemCategory;
        row.statisticsFree = true;
        this.em.persist(row);
        const id = new ApplicationUserId();
        id.userCode = row;
        id.action = RowAction.ADD;
        id.industries = [...ids.industries];
        id.processingMethod = ids.processingMethod;
        id.identCount = ids.identCount;
        this.em.persist(id);
        app.reason = `${systemCategory === SystemCategory.AIR ? '航空' : '海上'}貨物の取扱開始に伴い、利用者コードを追加するため。`;
        return {};
      }
      case 'INDUSTRY': {
        const uc = os.userCodes[0];
        if (!uc) return this.managerChange(app, os);
        app.changeItems = [ChangeItem.INDUSTRY, ChangeItem.IDENT_NO];
        const industry = pick(cp.business.industries.filter((i) => !SOLO_INDUSTRIES.includes(i)).concat(Industry.CUSTOMS_BROKER));
        const row = new ApplicationUserCode();
        row.application = app;
        row.action = RowAction.CHANGE;
        row.userCode = uc.code;
        row.systemCategory = uc.systemCategory;
        row.statisticsPaid = uc.statisticsPaid;
        row.statisticsFree = uc.statisticsFree;
        row.bondedRecordService = uc.bondedRecordService;
        this.em.persist(row);
        const id = new ApplicationUserId();
        id.userCode = row;
        id.action = RowAction.ADD;
        id.industries = [industry];
        id.processingMethod = ProcessingMethod.INTERACTIVE;
        id.identCount = 1;
        this.em.persist(id);
        app.reason = '新たな業種での業務開始に伴い、識別番号を追加するため。';
        return {};
      }
      case 'STATISTICS': {
        const uc = os.userCodes.find((u) => !u.statisticsPaid);
        if (!uc) return this.managerChange(app, os);
        app.changeItems = [ChangeItem.STATISTICS];
        const row = new ApplicationUserCode();
        row.application = app;
        row.action = RowAction.CHANGE;
        row.userCode = uc.code;
        row.systemCategory = uc.systemCategory;
        row.statisticsPaid = true;
        row.statisticsFree = uc.statisticsFree;
        row.bondedRecordService = uc.bondedRecordService;
        this.em.persist(row);
        this.change(app, ChangeItem.STATISTICS, `userCodes.${uc.code}.statisticsPaid`, 'false', 'true');
        app.reason = '取扱実績の分析のため、管理統計資料(有料分)の提供を受けたい。';
        return {};
      }
      case 'WEB_CERTIFICATE': {
        app.changeItems = [ChangeItem.WEB_CERTIFICATE];
        const spec: TerminalSpec = { type: TerminalType.WEB, systemCategory: os.userCodes[0]?.systemCategory ?? SystemCategory.SEA, count: int(1, 2) };
        this.appTerminal(app, spec);
        app.reason = '在宅勤務への対応のため、webNACCSの証明書を追加するため。';
        return {};
      }
      case 'GENERAL_TERMINAL': {
        return this.generalTerminalsOnLine(app, os, int(1, 3), '端末の増設に伴い、一般NACCSの論理端末を追加するため。');
      }
      default: {
        // MANAGER_AND_BILLING: one person takes over both roles.
        this.managerChange(app, os);
        this.billingContactChange(app, os);
        app.changeItems = [ChangeItem.MANAGER, ChangeItem.BILLING_CONTACT];
        app.reason = '担当部署の再編に伴い、管理責任者および請求担当者を変更するため。';
        return {};
      }
    }
  }

  private setApplicant(app: Application, cp: CompanyPlan, os: OfficeState, isNew: boolean): void {
    const applicant = !isNew && chance(0.35) && os.office.profile.manager
      ? clonePerson(os.office.profile.manager)!
      : this.person(cp, os.loc.area);
    app.applicant = applicant;
    app.applicantCompanyName = cp.company.profile.name;
    app.applicantCompanyNameKana = cp.company.profile.nameKana;
  }

  private desiredStartDate(at: Date, leadBusinessDays: number): string {
    const received = jstDate(at);
    if (chance(0.1)) return addBusinessDays(received, Math.max(1, leadBusinessDays - int(1, Math.ceil(leadBusinessDays / 2))));
    return addBusinessDays(received, leadBusinessDays + int(0, 20));
  }

  private attachDiagram(app: Application, officeName: string): void {
    const content = Buffer.from(
      `%PDF-1.4\n% システム構成図 (${officeName})\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      'utf8',
    );
    const a = new Attachment();
    a.application = app;
    a.kind = AttachmentKind.SYSTEM_DIAGRAM;
    a.fileName = 'システム構成図.pdf';
    a.contentType = 'application/pdf';
    a.size = content.length;
    a.sha256 = createHash('sha256').update(content).digest('hex');
    a.content = content;
    a.createdAt = app.receivedAt;
    this.em.persist(a);
  }

  private applicationSearchText(app: Application): string {
    const o = app.office;
    const c = o?.company.profile;
    return searchText([
      app.receiptNo, o?.code, c?.name, c?.nameKana, o?.profile.name, o?.profile.nameKana,
      app.applicantCompanyName, app.applicantCompanyNameKana, personName(app.applicant), personKana(app.applicant),
    ]);
  }

  // ── review workflow and history ──

  /** Builds the history for the application's final status and sets the status fields; returns the outcome. */
  private review(app: Application, item: PlanItem, applicant: Person): Outcome {
    const { category, receivedAt: t0 } = item;
    const S = ApplicationStatus;
    const A = HistoryAction;
    const status = app.status;
    const supervisor = this.s('supervisor@example.jp');
    const assignee = this.reviewer();
    const lineApp = category === 'NEW_GENERAL';
    const returnMessage = (): string => pick(lineApp && chance(0.5) ? LINE_RETURN_MESSAGES : RETURN_MESSAGES);
    const steps: Step[] = [{ action: A.SUBMIT, to: S.RECEIVED, gap: [0, 0] }];
    const startReview = (): void => {
      if (chance(0.5)) steps.push({ action: A.ASSIGN, from: S.RECEIVED, to: S.RECEIVED, actor: supervisor, gap: [0.3, 20], message: `${assignee.name}に割り当て` });
      steps.push({ action: A.START_REVIEW, from: S.RECEIVED, to: S.IN_REVIEW, actor: assignee, gap: [0.3, 30] });
      if (chance(0.1)) steps.push({ action: A.INTERNAL_NOTE, actor: assignee, gap: [0.2, 6], message: pick(INTERNAL_NOTES), internal: true });
    };
    const cycle = (): void => {
      steps.push({ action: A.RETURN, from: S.IN_REVIEW, to: S.RETURNED, actor: assignee, gap: [1, 48], message: returnMessage() });
      steps.push({ action: A.RESUBMIT, from: S.RETURNED, to: S.IN_REVIEW, gap: [3, 96] });
    };
    let systemCancel = false;
    let assigned = true;
    switch (status) {
      case S.RECEIVED:
        assigned = chance(0.15);
        if (assigned) steps.push({ action: A.ASSIGN, from: S.RECEIVED, to: S.RECEIVED, actor: supervisor, gap: [0.3, 20], message: `${assignee.name}に割り当て` });
        break;
      case S.IN_REVIEW:
        startReview();
        if (chance(0.2)) cycle();
        break;
      case S.RETURNED:
        startReview();
        if (chance(0.15)) cycle();
        steps.push({ action: A.RETURN, from: S.IN_REVIEW, to: S.RETURNED, actor: assignee, gap: [1, 48], message: returnMessage() });
        break;
      case S.APPROVED:
        startReview();
        if (chance(0.25)) cycle();
        steps.push({ action: A.APPROVE, from: S.IN_REVIEW, to: S.APPROVED, actor: assignee, gap: [2, 72] });
        break;
      case S.WITHDRAWN: {
        const r = rnd();
        let from: ApplicationStatus = S.RECEIVED;
        assigned = r >= 0.3;
        if (r >= 0.3) { startReview(); from = S.IN_REVIEW; }
        if (r >= 0.6) { steps.push({ action: A.RETURN, from: S.IN_REVIEW, to: S.RETURNED, actor: assignee, gap: [1, 48], message: returnMessage() }); from = S.RETURNED; }
        steps.push({ action: A.WITHDRAW, from, to: S.WITHDRAWN, gap: [6, 200], message: pick(WITHDRAW_MESSAGES) });
        break;
      }
      case S.CANCELLED: {
        // Only a new application has a システム設定申込 deadline (and so the automatic cancellation).
        systemCancel = category.startsWith('NEW_') && (item.deadlineCancel || (t0.getTime() < this.now.getTime() - 100 * DAY && chance(0.6)));
        if (systemCancel) {
          startReview();
          steps.push({ action: A.APPROVE, from: S.IN_REVIEW, to: S.APPROVED, actor: assignee, gap: [2, 72] });
        } else {
          let from: ApplicationStatus = S.RECEIVED;
          assigned = chance(0.6);
          if (assigned) { startReview(); from = S.IN_REVIEW; }
          steps.push({ action: A.CANCEL, from, to: S.CANCELLED, actor: supervisor, gap: [6, 200], message: pick(CANCEL_MESSAGES) });
        }
        break;
      }
    }

    // Times: random gaps, compressed to end before `now`.
    const gaps = steps.map((s) => between(s.gap[0], s.gap[1]) * HOUR);
    const available = this.now.getTime() - 5 * MINUTE - t0.getTime();
    const sum = gaps.reduce((a, b) => a + b, 0);
    const scale = sum > available ? (available * 0.95) / sum : 1;
    let t = t0.getTime();
    const times = gaps.map((g) => new Date((t += g * scale)));

    if (assigned) app.assignee = assignee;
    const approveIndex = steps.findIndex((s) => s.action === A.APPROVE);
    if (approveIndex >= 0) {
      const reviewedAt = times[approveIndex]!;
      const reviewedDate = jstDate(reviewedAt);
      const desired = onOrAfterBusinessDay(app.desiredStartDate ?? reviewedDate);
      const earliest = addBusinessDays(reviewedDate, 5);
      app.reviewedAt = reviewedAt;
      app.startDate = desired > earliest ? desired : earliest;
      steps[approveIndex]!.message = approvalMessage(app.startDate);
      if (app.kind === ApplicationKind.NEW) {
        app.systemSettingsDeadline = subtractBusinessDays(app.startDate, SYSTEM_SETTINGS_BUSINESS_DAYS);
        const deadlineEnd = jstTime(app.systemSettingsDeadline, 24 * 60 - 1).getTime();
        if (systemCancel) {
          steps.push({ action: A.CANCEL, from: S.APPROVED, to: S.CANCELLED, gap: [0, 0], message: deadlineCancelReason(app.systemSettingsDeadline) });
          times.push(new Date(Math.min(deadlineEnd + 2 * HOUR, this.now.getTime() - MINUTE)));
        } else {
          const latest = Math.min(deadlineEnd, this.now.getTime() - 5 * MINUTE);
          const mustRecord = app.systemSettingsDeadline < this.today;
          if (latest > reviewedAt.getTime() + HOUR && (mustRecord || chance(0.5))) {
            const recordedAt = new Date(between(reviewedAt.getTime() + HOUR, latest));
            app.systemSettingsRecordedAt = recordedAt;
            steps.push({ action: A.SYSTEM_SETTINGS, gap: [0, 0], message: 'システム設定申込を受け付けました。' });
            times.push(recordedAt);
          }
        }
      }
    }

    steps.forEach((s, i) => {
      const h = new ApplicationHistory();
      h.application = app;
      h.at = times[i]!;
      h.action = s.action;
      h.fromStatus = s.from;
      h.toStatus = s.to;
      h.message = s.message;
      h.version = i + 1;
      h.internal = !!s.internal;
      if (s.actor) {
        h.actor = s.actor;
        h.actorName = s.actor.name;
        h.actorRole = s.actor.roles[0]!;
      } else if (s.action === A.CANCEL) {
        h.actorName = 'システム';
        h.actorRole = 'SYSTEM';
      } else {
        h.actorName = fullName(applicant) || app.applicantCompanyName || 'NSS';
        h.actorRole = Role.INTEGRATOR;
      }
      this.em.persist(h);
    });
    const lastReturn = [...steps].reverse().find((s) => s.action === A.RETURN);
    if (status === S.RETURNED || (status === S.WITHDRAWN && lastReturn)) app.returnMessage = lastReturn?.message;
    app.version = steps.length;
    app.updatedAt = times[times.length - 1]!;
    return { approved: approveIndex >= 0, cancelledAfterApproval: systemCancel };
  }

  /** 新着情報 for the approvals of the last half year. */
  private createNotices(): void {
    const since = this.now.getTime() - 183 * DAY;
    for (const { app, office } of this.notices) {
      if (!app.reviewedAt || app.reviewedAt.getTime() < since) continue;
      const n = new Notice();
      n.office = office;
      n.application = this.em.getReference(Application, app.id); // the application itself left the identity map
      n.category = NoticeCategory.APPLICATION;
      n.message = '利用申込の審査が終了しました。通知内容を確認してください。';
      n.at = app.reviewedAt;
      this.em.persist(n);
    }
  }
}
