import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Application } from '../../applications/Application.js';
import { ReviewQueueCounts } from '../../applications/ApplicationQueries.js';

@ObjectType({ description: '件数の区分 (経過日数・残り営業日数)' })
export class AgeBucket {
  @Field(() => String, { description: '表示名 (例: 0〜2日, 21日以上, 期限超過)' }) label!: string;
  @Field(() => Int, { nullable: true, description: '下限 (含む; なし: 下限なし)' }) from?: number;
  @Field(() => Int, { nullable: true, description: '上限 (含む; なし: 上限なし)' }) to?: number;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'サービス水準の超過' })
export class ServiceLevelBreaches {
  @Field(() => Int, { description: '利用開始希望日が、本日承認するときの最短の利用開始日 (標準日数) より前の未完了の申込' })
  insideLeadTime!: number;

  @Field(() => Int, { description: 'システム設定申込締切日 (利用開始希望日の4営業日前; 新規申込) が過ぎた、または2営業日以内の未完了の申込' })
  systemSettingsDeadline!: number;

  @Field(() => Int, { description: '確認事項ありのまま returnedWaitingDays 日を超えてお客様の回答を待っている申込' })
  returnedWaiting!: number;

  @Field(() => Int, { description: '確認事項ありの待ち日数の基準 (暦日)' })
  returnedWaitingDays!: number;
}

@ObjectType({ description: '審査担当者ごとの作業量' })
export class ReviewerWorkload {
  @Field(() => ID) staffId!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { description: '担当中の未完了の申込' }) open!: number;
  @Field(() => Int, { description: '本日割り当てられ、今も担当している申込' }) assignedToday!: number;
  @Field(() => Int, { description: '今週 (月曜から) 審査終了にした申込' }) approvedThisWeek!: number;
}

@ObjectType({ description: '週ごとの審査終了の件数 (申込の種類別)' })
export class WeeklyThroughput {
  @Field(() => String, { description: '週の初日 (月曜, YYYY-MM-DD)' }) weekStart!: string;
  @Field(() => Int, { description: '新規申込' }) new!: number;
  @Field(() => Int, { description: '変更申込 (変更(通関士)を含む)' }) change!: number;
  @Field(() => Int, { description: '解約申込 (利用者IDの廃止)' }) termination!: number;
}

@ObjectType({ description: '審査ダッシュボード' })
export class ReviewDashboard {
  @Field(() => Date, { description: '集計した日時 (サーバーの時計)' }) asOf!: Date;
  @Field(() => String, { description: '本日 (日本の日付, YYYY-MM-DD)' }) today!: string;
  @Field(() => ReviewQueueCounts, { description: '審査キューの件数 (reviewQueueCounts と同じ)' }) queueCounts!: ReviewQueueCounts;
  @Field(() => [AgeBucket], { description: '未完了の申込 (受付・審査中・確認事項あり) の受付からの経過日数 (暦日)' }) receivedAge!: AgeBucket[];
  @Field(() => [AgeBucket], { description: '未完了の申込の利用開始希望日までの営業日数 (希望日のない申込は数えない)' }) startAge!: AgeBucket[];
  @Field(() => ServiceLevelBreaches) breaches!: ServiceLevelBreaches;
  @Field(() => [ReviewerWorkload], { description: '有効な審査担当者・監督者の全員 (担当中の多い順, 名前順)' }) workload!: ReviewerWorkload[];
  @Field(() => [WeeklyThroughput], { description: '直近12週 (月曜始まり, 今週が最後) の審査終了の件数' }) throughput!: WeeklyThroughput[];
  @Field(() => [Application], { description: '未割当の申込のうち受付の古い10件' }) oldestUnassigned!: Application[];
}
