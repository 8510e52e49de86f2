// Word lists of the demo data: Japanese names (kanji, katakana, romaji), company name parts and businesses, port and
// airport locations with their 管轄税関, and the texts customers and reviewers write. Pure data.
import { Industry, SystemCategory } from '../../../server/src/common/enums.js';

export type Word = readonly [kanji: string, kana: string, romaji: string];

export const SURNAMES: readonly Word[] = [
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

export const GIVEN_NAMES: readonly Word[] = [
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
export const NAME_WORDS: readonly Word[] = [
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

export interface Business {
  word: Word;
  /** Romaji words used in the English name, e.g. 'KOKU KAMOTSU'. */
  english: string;
  industries: readonly Industry[];
  category: SystemCategory;
}

export const BUSINESSES: readonly Business[] = [
  { word: ['海運', 'カイウン', 'KAIUN'], english: 'KAIUN', industries: [Industry.SHIPPING_AGENT, Industry.MARINE_FORWARDER, Industry.CUSTOMS_BROKER], category: SystemCategory.SEA },
  { word: ['通関', 'ツウカン', 'TSUKAN'], english: 'TSUKAN', industries: [Industry.CUSTOMS_BROKER], category: SystemCategory.BOTH },
  { word: ['倉庫', 'ソウコ', 'SOKO'], english: 'SOKO', industries: [Industry.BONDED_WAREHOUSE, Industry.CUSTOMS_BROKER], category: SystemCategory.SEA },
  { word: ['航空貨物', 'コウクウカモツ', 'KOKU KAMOTSU'], english: 'KOKU KAMOTSU', industries: [Industry.CONSOLIDATOR, Industry.CUSTOMS_BROKER], category: SystemCategory.AIR },
  { word: ['商事', 'ショウジ', 'SHOJI'], english: 'SHOJI', industries: [Industry.SELF_CUSTOMS, Industry.TRADER], category: SystemCategory.BOTH },
  { word: ['運輸', 'ウンユ', 'UNYU'], english: 'UNYU', industries: [Industry.CUSTOMS_BROKER, Industry.MARINE_FORWARDER], category: SystemCategory.SEA },
  { word: ['物流', 'ブツリュウ', 'BUTSURYU'], english: 'BUTSURYU', industries: [Industry.CUSTOMS_BROKER, Industry.MARINE_FORWARDER, Industry.BONDED_WAREHOUSE], category: SystemCategory.BOTH },
  { word: ['港運', 'コウウン', 'KOUN'], english: 'KOUN', industries: [Industry.CONTAINER_YARD, Industry.MARINE_FORWARDER], category: SystemCategory.SEA },
  { word: ['汽船', 'キセン', 'KISEN'], english: 'KISEN', industries: [Industry.SHIPPING_LINE, Industry.SHIPPING_AGENT], category: SystemCategory.SEA },
  { word: ['ロジスティクス', 'ロジスティクス', 'LOGISTICS'], english: 'LOGISTICS', industries: [Industry.CUSTOMS_BROKER, Industry.CONSOLIDATOR, Industry.MARINE_FORWARDER], category: SystemCategory.BOTH },
  { word: ['エクスプレス', 'エクスプレス', 'EXPRESS'], english: 'EXPRESS', industries: [Industry.CONSOLIDATOR, Industry.CUSTOMS_BROKER], category: SystemCategory.AIR },
  { word: ['トランスポート', 'トランスポート', 'TRANSPORT'], english: 'TRANSPORT', industries: [Industry.MARINE_FORWARDER, Industry.CUSTOMS_BROKER], category: SystemCategory.SEA },
  { word: ['シッピング', 'シッピング', 'SHIPPING'], english: 'SHIPPING', industries: [Industry.SHIPPING_AGENT, Industry.SHIPPING_LINE], category: SystemCategory.SEA },
  { word: ['トレーディング', 'トレーディング', 'TRADING'], english: 'TRADING', industries: [Industry.TRADER, Industry.SELF_CUSTOMS], category: SystemCategory.BOTH },
  { word: ['エアカーゴ', 'エアカーゴ', 'AIR CARGO'], english: 'AIR CARGO', industries: [Industry.CONSOLIDATOR, Industry.AIRLINE], category: SystemCategory.AIR },
  { word: ['機内サービス', 'キナイサービス', 'INFLIGHT SERVICE'], english: 'INFLIGHT SERVICE', industries: [Industry.AIRCRAFT_SUPPLIES, Industry.CAPTAIN_AGENT], category: SystemCategory.AIR },
  { word: ['貿易', 'ボウエキ', 'BOEKI'], english: 'BOEKI', industries: [Industry.TRADER, Industry.SELF_CUSTOMS], category: SystemCategory.BOTH },
  { word: ['海陸運送', 'カイリクウンソウ', 'KAIRIKU UNSO'], english: 'KAIRIKU UNSO', industries: [Industry.MARINE_FORWARDER, Industry.CONTAINER_YARD, Industry.CUSTOMS_BROKER], category: SystemCategory.SEA },
];

/** 法人格: kanji, kana, English suffix. */
export const LEGAL_FORMS = {
  kk: ['株式会社', 'カブシキガイシャ', 'CO.,LTD.'],
  yk: ['有限会社', 'ユウゲンガイシャ', 'LTD.'],
  gk: ['合同会社', 'ゴウドウガイシャ', 'LLC'],
} as const;

export interface Loc {
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

export const LOCATIONS: readonly Loc[] = [
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

export const BUILDINGS: readonly (readonly [string, string])[] = [
  ['港ビル', 'ミナトビル'], ['海岸ビル', 'カイガンビル'], ['ポートサイドビル', 'ポートサイドビル'],
  ['国際物流センター', 'コクサイブツリュウセンター'], ['貿易センタービル', 'ボウエキセンタービル'], ['第一ビル', 'ダイイチビル'],
  ['中央ビル', 'チュウオウビル'], ['ベイスクエア', 'ベイスクエア'], ['ロジスティクスセンター', 'ロジスティクスセンター'],
  ['臨海ビル', 'リンカイビル'], ['航空貨物ビル', 'コウクウカモツビル'],
];

export const BRANCH_SUFFIXES: readonly (readonly [string, string])[] = [
  ['支店', 'シテン'], ['営業所', 'エイギョウショ'], ['事業所', 'ジギョウショ'], ['通関センター', 'ツウカンセンター'],
  ['物流センター', 'ブツリュウセンター'], ['出張所', 'シュッチョウジョ'],
];

export const DEPARTMENTS = [
  '業務部', '通関部', '総務部', '情報システム部', '管理部', '輸出入業務課', '営業部業務課', '経理部', 'システム管理課',
  '海上貨物課', '航空貨物課', '業務推進部',
];
export const TITLES = ['部長', '課長', '係長', '主任', '課長代理', 'マネージャー'];
export const CONTRACTOR_TITLES = ['代表取締役', '代表取締役社長', '取締役社長', '代表取締役会長', '支店長'];

export const RETURN_MESSAGES = [
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
export const LINE_RETURN_MESSAGES = [
  'システム構成図の添付がありません。添付のうえ再申込してください。',
  '工事希望日が利用開始希望日より後になっています。ご確認ください。',
  '回線設置場所の住所をご確認ください。',
];
export const WITHDRAW_MESSAGES = [
  '社内調整の結果、申込を取り下げます。',
  '申込内容に誤りがあったため、取り下げて再申込します。',
  '利用開始時期を見直すため、いったん取り下げます。',
  '事業計画の変更により、申込を取り下げます。',
];
export const CANCEL_MESSAGES = [
  'お客様からのご依頼によりキャンセルしました。',
  '重複申込のためキャンセルしました。',
  '申込担当者と連絡が取れないためキャンセルしました。',
];
export const INTERNAL_NOTES = [
  '申込担当者へ電話で確認済み。',
  '請求先について経理担当者に確認中。',
  '管轄税関の記載について申込担当者に確認予定。',
  '前回申込(取下げ)と同一内容であることを確認。',
];
export const REMARKS = [
  '利用開始希望日については調整可能です。',
  'ご不明点は申込担当者までお電話ください。',
  '請求書は本社経理部宛にお送りください。',
  '至急のご対応をお願いいたします。',
  '平日10時から17時の間にご連絡ください。',
];

export const NEW_REASONS = [
  '輸出入申告業務を自社で行うため、NACCSの利用を申し込みます。',
  '取扱貨物量の増加に伴い、新たに事業所として契約するため。',
  '通関業の許可取得に伴い、NACCSの利用を開始するため。',
  '保税蔵置場の許可取得に伴い、NACCSを利用して貨物管理を行うため。',
];
export const SHARED_REASONS = [
  'サイバーポートとの連携により、SMTP双方向方式で通関業務を行うため。',
  '関連会社の利用者コードを共用し、自社システムからNACCSを利用するため。',
];
export const CONSTRUCTION_NOTES = [
  '搬入は建物裏の通用口からお願いします。',
  '工事は平日午前中を希望します。',
  'ビル管理会社への事前連絡が必要です。',
  '既設の社内LANと同じラックに設置予定です。',
];
export const BANKS = ['みずほ銀行', '三菱UFJ銀行', '三井住友銀行', 'りそな銀行'];
export const BILLING_DEPARTMENTS = ['経理部', '総務部', '管理部経理課', '財務部'];
export const BILLING_MAILBOXES = ['keiri', 'seikyu', 'accounting', 'soumu', 'billing'];
export const TERMINATION_REASONS = [
  '事業所の統合に伴い、契約を解除し事業所を廃止するため。',
  '当該事業所での通関業務を終了するため、契約を解除します。',
  '本社への業務集約により事業所を閉鎖するため。',
];
export const IDENT_ABOLITION_REASONS = [
  '担当者の異動に伴い、使用しなくなった識別番号を廃止するため。',
  '業務の集約により不要となった利用者IDを廃止するため。',
  '退職者が使用していた識別番号を廃止するため。',
];
/** What a customer writes in 備考 when resubmitting after a 確認事項. */
export const RESUBMIT_REMARKS = [
  'ご指摘の点を修正いたしました。ご確認をお願いします。',
  '確認事項について社内で確認のうえ、修正しました。',
  'ご連絡ありがとうございました。内容を修正して再申込します。',
];
export const REVOCATION_REASONS = ['端末PCの紛失のため', '端末PCの入替 (旧PCの廃棄) のため'];
