/**
 * The request desk: every request of the register in one group, each group in the order of what is due
 * first — the same lists in the Studio (studio/requestDesk.ts) and in `npm run requests`.
 *
 * 即将到期 is 5 working days left or fewer, like the proactive clock's (core/calendar/disclosureClock.ts).
 * A request whose due date the calendar cannot count (a year without a published calendar) is listed
 * apart with the calendar's message, never given a guessed date.
 */
import { DUE_SOON_WORKING_DAYS } from '../../calendar/disclosureClock.ts';
import { NoPublishedCalendarError, workingDaysBetween } from '../../calendar/workingDays.ts';
import { answerDueDate, receivedOn } from './deadline.ts';
import type { RequestRecord } from './record.ts';
import { requestState } from './state.ts';

export const DESK_GROUPS = {
  awaitingCorrection: '待补正',
  consulting: '征求第三方意见',
  dueSoon: '即将到期',
  overdue: '已超期',
  open: '办理中',
  noCalendar: '无法计算答复期限',
  answered: '已办结',
} as const;
export type DeskGroup = keyof typeof DESK_GROUPS;

export interface DeskItem {
  id: string;
  subject: string;
  applicantName: string;
  receivedOn?: string;
  /** The last day to answer (while consulting: with the days so far left out); none while 补正 is awaited. */
  dueDate?: string;
  /** Working days after today up to the due date (0 on the day itself). */
  workingDaysLeft?: number;
  workingDaysOverdue?: number;
  /** For 待补正: when 补正 was asked. */
  correctionAskedOn?: string;
  answeredOn?: string;
  /** Answered after the due date. */
  late?: boolean;
  /** Why the due date could not be counted. */
  problem?: string;
}

/** The item and its group for `today`. */
function deskItem(request: RequestRecord, today: string): { group: DeskGroup; item: DeskItem } {
  const item: DeskItem = {
    id: request._id,
    subject: request.subject ?? '（未填所需信息）',
    applicantName: request.applicantName ?? '',
    receivedOn: receivedOn(request),
    correctionAskedOn: request.correctionAskedOn,
    answeredOn: request.answeredOn,
  };
  const state = requestState(request);
  try {
    if (state === 'awaitingCorrection') return { group: 'awaitingCorrection', item };
    const dueDate = answerDueDate(request, state === 'consulting' ? today : undefined);
    item.dueDate = dueDate;
    if (state === 'answered') return { group: 'answered', item: { ...item, late: Boolean(dueDate && request.answeredOn! > dueDate) } };
    if (state === 'consulting') return { group: 'consulting', item };
    if (!dueDate) return { group: 'open', item };
    if (today > dueDate) return { group: 'overdue', item: { ...item, workingDaysOverdue: workingDaysBetween(dueDate, today) } };
    const workingDaysLeft = workingDaysBetween(today, dueDate);
    return { group: workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'dueSoon' : 'open', item: { ...item, workingDaysLeft } };
  } catch (error) {
    if (!(error instanceof NoPublishedCalendarError)) throw error;
    return { group: state === 'answered' ? 'answered' : 'noCalendar', item: { ...item, problem: error.message } };
  }
}

/** What waits longest comes first: by due date, 补正 by the day it was asked, 已办结 newest first. */
function order(group: DeskGroup): (a: DeskItem, b: DeskItem) => number {
  const key = (item: DeskItem) =>
    group === 'awaitingCorrection'
      ? (item.correctionAskedOn ?? '')
      : group === 'answered'
        ? (item.answeredOn ?? '')
        : (item.dueDate ?? item.receivedOn ?? '');
  const direction = group === 'answered' ? -1 : 1;
  return (a, b) => direction * key(a).localeCompare(key(b)) || a.id.localeCompare(b.id);
}

export function requestDesk(requests: readonly RequestRecord[], today: string): Record<DeskGroup, DeskItem[]> {
  const desk = Object.fromEntries(Object.keys(DESK_GROUPS).map((group) => [group, [] as DeskItem[]])) as Record<DeskGroup, DeskItem[]>;
  for (const request of requests) {
    const { group, item } = deskItem(request, today);
    desk[group].push(item);
  }
  for (const group of Object.keys(desk) as DeskGroup[]) desk[group].sort(order(group));
  return desk;
}
