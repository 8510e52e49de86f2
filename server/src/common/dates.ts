/** Today's date in Japan (YYYY-MM-DD): every date rule of the center is on the Japanese calendar. */
export function todayInJapan(now: Date): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** 2026年11月21日 style, for e-mails. */
export function japaneseDate(d: Date): string {
  const [y, m, day] = todayInJapan(d).split('-').map(Number);
  return `${y}年${m}月${day}日`;
}
