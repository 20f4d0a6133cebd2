/**
 * The 20-working-day clock of proactive information (条例 第二十六条): what is 即将到期 (5 working
 * days left or fewer) and what is 已超期, among units not yet public: never released, or — where a
 * publisher deploys the dataset — released and not yet in a live deploy (「已发布 · 待上线」).
 *
 *   npm run deadlines [-- --dataset <path>] [--site <dir>] [--today YYYY-MM-DD] [--json]
 *
 * --dataset picks the dataset (default: $CONTENT_DATASET or content/dataset.ndjson); --site the public
 * site whose deploy log says what is live (default: $PUBLISH_SITE or dist); --today the Beijing day
 * the clock is read on (default: today in Beijing); --json prints the lists as JSON.
 * A day the working-day calendar cannot count exits 1 and says which year to add.
 * Also lists the yearly 复核 of information that is not proactive (条例 第十八条): 复核已逾期 and 即将复核
 * (due within 30 days), one calendar year after the last review or, never reviewed, after 生成日期.
 */
import { parseArgs } from 'node:util';
import { beijingDay } from '../core/beijingTime.ts';
import { DISCLOSURE_WORKING_DAYS, DUE_SOON_WORKING_DAYS } from '../core/calendar/disclosureClock.ts';
import { isWorkingDay, NoPublishedCalendarError } from '../core/calendar/workingDays.ts';
import { DEFAULT_DATASET } from '../core/content/dataset.ts';
import { annualReportDue, annualReportDueText } from '../core/disclosure/report/reportDue.ts';
import { ContentError } from '../core/model/problems.ts';
import { deploysOf } from '../core/publish/deploysOf.ts';
import { DatasetStore } from '../core/workflow/datasetStore.ts';
import { deadlineLists, type DeadlineItem } from '../core/workflow/disclosureDeadline.ts';
import { REVIEW_DUE_SOON_DAYS, reviewLists, type ReviewItem } from '../core/workflow/disclosureReview.ts';
import { DISCLOSURE_MODES, WITHHOLDING_GROUNDS } from '../core/model/vocabulary.ts';
import { UNIT_STATES } from '../core/workflow/state.ts';
import { unitStatuses } from '../core/workflow/workflow.ts';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: process.env.CONTENT_DATASET ?? DEFAULT_DATASET },
    today: { type: 'string' },
    json: { type: 'boolean', default: false },
    site: { type: 'string', default: process.env.PUBLISH_SITE ?? 'dist' },
  },
});

try {
  const today = values.today ?? beijingDay(new Date());
  isWorkingDay(today); // a malformed --today or an uncounted year is refused before anything is listed
  const snapshot = await new DatasetStore(values.dataset).read();
  const statuses = unitStatuses(snapshot);
  // What the publisher put live (npm run publisher): a released unit is public only once it is.
  const lists = deadlineLists(snapshot, statuses, today, await deploysOf({ kind: 'local', path: values.dataset }, values.site));
  const review = reviewLists(statuses, today);
  const annualReport = annualReportDue(snapshot.documents, today);
  if (values.json) {
    console.log(JSON.stringify({ ...lists, annualReport: annualReport ?? null, review }, null, 2));
  } else {
    if (annualReport) console.log(`年度报告：${annualReportDueText(annualReport)}`);
    const stateOf = new Map(statuses.map((status) => [status.unit.key, UNIT_STATES[status.state]]));
    const line = (item: DeadlineItem, when: string) =>
      `  ${item.unit}  ${item.title}\n    生成日期 ${item.clock.formedAt} · 公开期限 ${item.clock.dueDate} · ${when} · ${stateOf.get(item.unit) ?? ''}${item.awaitingLive ? ' · 待上线' : ''}`;
    const section = (heading: string, items: string[]) => `${heading}：${items.length} 项\n${items.length ? items.join('\n') : '  无'}`;
    console.log(`公开时效（${today}）：主动公开信息自生成之日起 ${DISCLOSURE_WORKING_DAYS} 个工作日内公开（条例第二十六条）`);
    console.log(
      section(
        '已超期',
        lists.overdue.map((item) => line(item, `已超期 ${item.clock.workingDaysOverdue} 个工作日`)),
      ),
    );
    console.log(
      section(
        `即将到期（剩余 ${DUE_SOON_WORKING_DAYS} 个工作日以内）`,
        lists.dueSoon.map((item) =>
          line(item, item.clock.workingDaysLeft === 0 ? '今天到期' : `剩余 ${item.clock.workingDaysLeft} 个工作日`),
        ),
      ),
    );
    // The yearly 复核 of information that is not proactive (core/workflow/disclosureReview.ts).
    const reviewLine = (item: ReviewItem, when: string) =>
      `  ${item.unit}  ${item.title}\n    ${DISCLOSURE_MODES[item.mode]}（${item.ground ? WITHHOLDING_GROUNDS[item.ground] : '未选依据'}）· ${
        item.neverReviewed ? `从未复核，生成日期 ${item.since}` : `最近复核 ${item.since}`
      } · 应复核日期 ${item.dueDate} · ${when} · ${stateOf.get(item.unit) ?? ''}`;
    console.log(`\n公开属性复核（${today}）：依申请公开和不予公开的信息每年复核一次（条例第十八条）`);
    console.log(
      section(
        '复核已逾期',
        review.overdue.map((item) => reviewLine(item, `已逾期 ${-item.daysLeft} 天`)),
      ),
    );
    console.log(
      section(
        `即将复核（${REVIEW_DUE_SOON_DAYS} 天以内）`,
        review.dueSoon.map((item) => reviewLine(item, item.daysLeft === 0 ? '今天到期' : `剩余 ${item.daysLeft} 天`)),
      ),
    );
  }
} catch (error) {
  if (
    error instanceof NoPublishedCalendarError ||
    error instanceof ContentError ||
    (error instanceof Error && /不是日期/.test(error.message))
  ) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
