/**
 * The desk's 即将到期 and 已超期 lists. GROQ cannot count working days, so these lists are not
 * filters over stored fields: when an editor opens one, the Studio reads the dataset through the
 * workflow's Content Lake store (the same read on the local Content Lake and on Sanity's),
 * computes the lists with the same core function as `npm run deadlines`
 * (core/workflow/disclosureDeadline.ts) for today in Beijing, and shows a document list filtered
 * to those ids (`_id in $ids`). A list is as of the moment it was opened; opening it again
 * recomputes it.
 *
 * The 即将复核 and 复核已逾期 lists of the yearly 复核 of information that is not proactive (条例 第十八条,
 * core/workflow/disclosureReview.ts) are computed the same way, from the same read.
 */
import type { SanityClient } from '@sanity/client';
import { beijingDay } from '../core/beijingTime.ts';
import type { Snapshot } from '../core/workflow/snapshot.ts';
import { annualReportDue } from '../core/disclosure/report/reportDue.ts';
import { deadlineLists } from '../core/workflow/disclosureDeadline.ts';
import { reviewLists } from '../core/workflow/disclosureReview.ts';
import { LakeStore } from '../core/workflow/lakeStore.ts';
import { unitStatuses } from '../core/workflow/workflow.ts';

/** 即将到期 and 已超期 (20 working days). */
type ClockListId = 'dueSoon' | 'overdue';
/** 即将复核 and 复核已逾期 (the yearly 复核, core/workflow/disclosureReview.ts): calendar days, so never refused for want of a holiday calendar. */
type ReviewListId = 'reviewDueSoon' | 'reviewOverdue';
export type DeadlineListId = ClockListId | ReviewListId;

/** The filter of both lists: the ids computed when the list is opened. */
export const DEADLINE_LIST_FILTER = '_id in $ids';

/** Every member of each listed unit, under its published and its draft id (the Studio's list may see either). */
const bothVersions = (items: { documents: string[] }[]) => items.flatMap((item) => item.documents.flatMap((id) => [id, `drafts.${id}`]));

/** The document ids of the yearly-review lists on `today`. */
export function reviewDeskIds(snapshot: Snapshot, today: string): Record<ReviewListId, string[]> {
  const lists = reviewLists(unitStatuses(snapshot), today);
  return { reviewDueSoon: bothVersions(lists.dueSoon), reviewOverdue: bothVersions(lists.overdue) };
}

/** The document ids of the 即将到期 and 已超期 lists on `today` (and the annual report when it is due). */
export function deadlineDeskIds(snapshot: Snapshot, today: string): Record<ClockListId, string[]> {
  const lists = deadlineLists(snapshot, unitStatuses(snapshot), today);
  const result = { dueSoon: bothVersions(lists.dueSoon), overdue: bothVersions(lists.overdue) };
  // The previous year's annual report, from 1 January until it is released (due 31 January).
  const report = annualReportDue(snapshot.documents, today);
  if (report) result[report.state].push(...report.documents);
  return result;
}

/** Reads the dataset from the Content Lake and computes one list for today in Beijing. */
export async function readDeadlineDeskIds(client: SanityClient, list: DeadlineListId, now: Date = new Date()): Promise<string[]> {
  const snapshot = await new LakeStore(client).read();
  if (list === 'reviewDueSoon' || list === 'reviewOverdue') return reviewDeskIds(snapshot, beijingDay(now))[list];
  return deadlineDeskIds(snapshot, beijingDay(now))[list];
}
