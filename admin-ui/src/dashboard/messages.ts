import { useCallback } from 'react';
import { useLocaleState } from 'react-admin';

/**
 * The dashboard's own words, Japanese and English (i18n/ja.ts and en.ts are shared files; these can move there as
 * `naccs.dashboard.*` unchanged). Enum values (kinds, queues, statuses) come from labels.ts through the i18n messages.
 */
const ja = {
  title: 'ダッシュボード',
  as_of: '%{time} 時点',
  refresh: '最新の情報に更新',
  loading: 'ダッシュボードを読み込んでいます…',
  error: 'ダッシュボードを読み込めませんでした',
  retry: '再読み込み',
  stale: '最新の情報を読み込めませんでした。%{time} 時点の情報を表示しています。',
  queues: '審査キュー',
  open_list: '%{name}の一覧を開く',
  breaches: '期限・サービスレベル',
  inside_lead_time: '標準日数より短い希望日',
  inside_lead_time_hint: '申込日と利用開始希望日の間隔が標準日数より短い審査待ちの申込',
  system_settings_deadline: 'システム設定申込締切日',
  system_settings_deadline_hint: 'システム設定申込締切日を過ぎた、または2営業日以内の未登録の申込',
  returned_waiting: 'お客様の回答待ち',
  returned_waiting_hint: '確認事項ありのまま%{days}日を超えてお客様の回答を待っている申込',
  count: '%{n}件',
  received_age: '受付からの経過日数',
  received_age_hint: '審査待ちの申込 (受付・審査中・確認事項あり) を受付からの日数で分けた件数',
  start_age: '利用開始希望日までの営業日数',
  start_age_hint: '審査待ちの申込を利用開始希望日までの営業日数で分けた件数 (期限超過を先頭に)',
  applications: '申込件数',
  throughput: '週ごとの処理件数 (直近12週)',
  throughput_hint: '審査終了した申込の件数を種別ごとに週単位で積み上げ',
  week_of: '%{date}の週',
  workload: '審査担当者ごとの状況',
  reviewer: '審査担当者',
  open: '担当中',
  assigned_today: '本日割当',
  approved_this_week: '今週の審査終了',
  no_reviewers: '審査担当者の担当はありません',
  oldest_unassigned: '未割当の古い申込',
  no_unassigned: '未割当の申込はありません',
  receipt_no: '申込受付番号',
  category: '申込分類',
  company: '企業名',
  status: '状態',
  received_at: '申込日時',
  desired_start_date: '利用開始希望日',
  to_start: '希望日まで',
  actions: '操作',
  chart_loading: 'グラフを読み込んでいます…',
  no_data: 'データはありません',
};

type Key = keyof typeof ja;

const en: Record<Key, string> = {
  title: 'Dashboard',
  as_of: 'As of %{time}',
  refresh: 'Refresh',
  loading: 'Loading the dashboard…',
  error: 'The dashboard could not be loaded',
  retry: 'Reload',
  stale: 'The latest figures could not be loaded; these are as of %{time}.',
  queues: 'Review queues',
  open_list: 'Open the list: %{name}',
  breaches: 'Deadlines and service levels',
  inside_lead_time: 'Desired date inside the lead time',
  inside_lead_time_hint: 'Open applications whose desired start date is closer to receipt than the standard lead time',
  system_settings_deadline: 'System settings deadline',
  system_settings_deadline_hint: 'System settings deadline passed or within 2 business days, not yet recorded',
  returned_waiting: 'Waiting on the customer',
  returned_waiting_hint: 'Returned with questions and waiting on the customer for more than %{days} days',
  count: '%{n}',
  received_age: 'Days since receipt',
  received_age_hint: 'Open applications (received, in review, returned) by days since receipt',
  start_age: 'Business days to the desired start date',
  start_age_hint: 'Open applications by business days to the desired start date (overdue first)',
  applications: 'Applications',
  throughput: 'Approved per week (last 12 weeks)',
  throughput_hint: 'Approved applications per week, stacked by kind',
  week_of: 'Week of %{date}',
  workload: 'Workload per reviewer',
  reviewer: 'Reviewer',
  open: 'Open',
  assigned_today: 'Assigned today',
  approved_this_week: 'Approved this week',
  no_reviewers: 'No reviewer has applications',
  oldest_unassigned: 'Oldest unassigned applications',
  no_unassigned: 'No unassigned applications',
  receipt_no: 'Receipt no.',
  category: 'Category',
  company: 'Company',
  status: 'Status',
  received_at: 'Received',
  desired_start_date: 'Desired start date',
  to_start: 'To the desired date',
  actions: 'Actions',
  chart_loading: 'Loading the chart…',
  no_data: 'No data',
};

/** The dashboard's text in the console's language, with %{name} placeholders filled in. */
export const useDashboardText = () => {
  const [locale] = useLocaleState();
  return useCallback(
    (key: Key, args: Record<string, string | number> = {}): string =>
      (locale === 'en' ? en : ja)[key].replace(/%\{(\w+)\}/g, (_, name: string) => String(args[name] ?? '')),
    [locale],
  );
};

export type DashboardText = ReturnType<typeof useDashboardText>;
