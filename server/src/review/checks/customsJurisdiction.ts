/**
 * 管轄税関 by the prefecture of an office (税関の管轄区域; the names as the application form offers them, validation's
 * CUSTOMS_OFFICES). A prefecture split between two customs houses lists both (千葉: 東京 for 成田, 横浜 for 千葉港;
 * 山口, 佐賀, 宮崎 likewise). Used only to point out an unusual choice, never to refuse one: offices near an airport
 * often declare at another house.
 */
export const CUSTOMS_BY_PREFECTURE: Readonly<Record<string, readonly string[]>> = {
  北海道: ['函館'], 青森県: ['函館'], 岩手県: ['函館'], 秋田県: ['函館'],
  宮城県: ['横浜'], 福島県: ['横浜'], 茨城県: ['横浜'], 栃木県: ['横浜'], 神奈川県: ['横浜'], 千葉県: ['東京', '横浜'],
  山形県: ['東京'], 新潟県: ['東京'], 群馬県: ['東京'], 埼玉県: ['東京'], 東京都: ['東京'], 山梨県: ['東京'],
  長野県: ['名古屋'], 岐阜県: ['名古屋'], 静岡県: ['名古屋'], 愛知県: ['名古屋'], 三重県: ['名古屋'],
  富山県: ['大阪'], 石川県: ['大阪'], 福井県: ['大阪'], 滋賀県: ['大阪'], 京都府: ['大阪'], 大阪府: ['大阪'], 奈良県: ['大阪'], 和歌山県: ['大阪'],
  兵庫県: ['神戸'], 鳥取県: ['神戸'], 島根県: ['神戸'], 岡山県: ['神戸'], 広島県: ['神戸'], 山口県: ['神戸', '門司'],
  徳島県: ['神戸'], 香川県: ['神戸'], 愛媛県: ['神戸'], 高知県: ['神戸'],
  福岡県: ['門司'], 佐賀県: ['門司', '長崎'], 大分県: ['門司'], 宮崎県: ['門司', '長崎'],
  長崎県: ['長崎'], 熊本県: ['長崎'], 鹿児島県: ['長崎'],
  沖縄県: ['沖縄地区'],
};

/** Whether a 管轄税関 is usual for a prefecture (unknown prefectures and 「不明」 are not judged). */
export function usualCustomsOffice(prefecture: string | undefined, customsOffice: string | undefined): boolean {
  const usual = prefecture ? CUSTOMS_BY_PREFECTURE[prefecture] : undefined;
  if (!usual || !customsOffice || customsOffice === '不明') return true;
  return usual.includes(customsOffice.replace(/税関$/, ''));
}
