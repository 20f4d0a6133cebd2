/**
 * 依申请公开: the request desk (条例 第三十三条: answered within 20 working days, 40 once extended) and the
 * answer letters.
 *
 *   npm run requests [-- --dataset <path>] [--today YYYY-MM-DD] [--json]
 *   npm run requests -- --letter <id> [--html]
 *
 * Without --letter: every request of the register in the desk's groups (待补正, 征求第三方意见, 即将到期,
 * 已超期, 办理中, 已办结), and a prompt for information three or more applicants asked for (第四十四条).
 * --letter prints the answer letter (告知书) of an answered request, as text or, with --html, as a
 * printable page. --dataset picks the dataset (default: $CONTENT_DATASET or content/dataset.ndjson);
 * --today the Beijing day the desk is read on (default: today in Beijing). A day the calendar cannot
 * count, an unknown request or one not yet answered exits 1 with the reason.
 */
import { parseArgs } from 'node:util';
import { beijingDay } from '../core/beijingTime.ts';
import { DUE_SOON_WORKING_DAYS } from '../core/calendar/disclosureClock.ts';
import { isWorkingDay, NoPublishedCalendarError } from '../core/calendar/workingDays.ts';
import { DEFAULT_DATASET, readDataset } from '../core/content/dataset.ts';
import { ContentError } from '../core/model/problems.ts';
import { ANSWER_WORKING_DAYS } from '../core/disclosure/requests/deadline.ts';
import { DESK_GROUPS, type DeskGroup, type DeskItem, requestDesk } from '../core/disclosure/requests/desk.ts';
import { letterHtml, letterText } from '../core/disclosure/requests/letter.ts';
import { registerOf } from '../core/disclosure/requests/register.ts';
import { SAME_INFORMATION_APPLICANTS, sameInformationPrompts } from '../core/disclosure/requests/sameInformation.ts';

class UsageError extends Error {}

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: process.env.CONTENT_DATASET ?? DEFAULT_DATASET },
    today: { type: 'string' },
    json: { type: 'boolean', default: false },
    letter: { type: 'string' },
    html: { type: 'boolean', default: false },
  },
});

function when(group: DeskGroup, item: DeskItem): string {
  const parts = [`收到 ${item.receivedOn ?? '（日期未填）'}`];
  if (group === 'awaitingCorrection') parts.push(`${item.correctionAskedOn} 告知补正，期限暂停`);
  else if (item.problem) parts.push(item.problem);
  else if (item.dueDate) parts.push(`答复期限 ${item.dueDate}${group === 'consulting' ? '（征求意见天数计至今日）' : ''}`);
  if (group === 'dueSoon') parts.push(item.workingDaysLeft === 0 ? '今天到期' : `剩余 ${item.workingDaysLeft} 个工作日`);
  if (group === 'overdue') parts.push(`已超期 ${item.workingDaysOverdue} 个工作日`);
  if (group === 'answered') parts.push(`${item.answeredOn} 答复${item.late ? '（超期）' : ''}`);
  return parts.join(' · ');
}

async function main(): Promise<void> {
  const register = registerOf((await readDataset(values.dataset)).documents);
  if (values.letter !== undefined) {
    const request = register.find((r) => r._id === values.letter);
    if (!request) throw new UsageError(`登记簿中没有申请 ${values.letter}（数据集 ${values.dataset}）`);
    process.stdout.write(values.html ? letterHtml(request) : letterText(request));
    return;
  }
  const today = values.today ?? beijingDay(new Date());
  isWorkingDay(today); // a malformed --today or an uncounted year is refused before anything is listed
  const desk = requestDesk(register, today);
  const prompts = sameInformationPrompts(register);
  if (values.json) {
    console.log(JSON.stringify({ today, desk, sameInformation: prompts }, null, 2));
    return;
  }
  console.log(
    `依申请公开（${today}）：自收到申请之日起 ${ANSWER_WORKING_DAYS} 个工作日内答复，延期最长 ${ANSWER_WORKING_DAYS} 个工作日（条例第三十三条）；` +
      `即将到期为剩余 ${DUE_SOON_WORKING_DAYS} 个工作日以内`,
  );
  for (const group of Object.keys(DESK_GROUPS) as DeskGroup[]) {
    const items = desk[group];
    if (group === 'noCalendar' && items.length === 0) continue;
    console.log(`${DESK_GROUPS[group]}：${items.length} 件`);
    if (items.length === 0) console.log('  无');
    for (const item of items) console.log(`  ${item.id}  ${item.subject}\n    ${item.applicantName} · ${when(group, item)}`);
  }
  for (const prompt of prompts) {
    console.log(
      `提示：${prompt.applicants} 个申请人申请同一信息（${prompt.subjects.join('；')}），` +
        `请考虑纳入主动公开（条例第四十四条；${SAME_INFORMATION_APPLICANTS} 个以上即提示）：${prompt.requests.join('、')}`,
    );
  }
}

try {
  await main();
} catch (error) {
  const known =
    error instanceof NoPublishedCalendarError ||
    error instanceof ContentError ||
    error instanceof UsageError ||
    (error instanceof Error && /不是日期|不能生成答复告知书/.test(error.message));
  if (!known) throw error;
  console.error((error as Error).message);
  process.exit(1);
}
