/**
 * The desk's 即将到期 and 已超期 lists. GROQ cannot count working days, so these lists are not
 * filters over stored fields: when an editor opens one, the Studio reads the dataset through the
 * workflow's Content Lake store (the same read on the local Content Lake and on Sanity's),
 * computes the lists with the same core function as `npm run deadlines`
 * (core/workflow/disclosureDeadline.ts) for today in Beijing, and shows a document list filtered
 * to those ids (`_id in $ids`). A list is as of the moment it was opened; opening it again
 * recomputes it. The clock counts to 上线: with the publisher's deploy records (read as the state
 * badge reads them, studio/actions/goLive.ts) a released unit that no live deploy has yet stays
 * listed, and the list's title says how many of its units are 「已发布 · 待上线」.
 *
 * The 即将复核 and 复核已逾期 lists of the yearly 复核 of information that is not proactive (条例 第十八条,
 * core/workflow/disclosureReview.ts) are computed the same way, from the same read.
 */
import type { SanityClient } from '@sanity/client';
import { beijingDay } from '../core/beijingTime.ts';
import type { Deploys } from '../core/publish/deployStatus.ts';
import type { Snapshot } from '../core/workflow/snapshot.ts';
import { annualReportDue } from '../core/disclosure/report/reportDue.ts';
import { deadlineLists } from '../core/workflow/disclosureDeadline.ts';
import { reviewLists } from '../core/workflow/disclosureReview.ts';
import { LakeStore } from '../core/workflow/lakeStore.ts';
import { unitStatuses } from '../core/workflow/workflow.ts';
import { readDeployRecords } from './actions/goLive.ts';

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

/** One desk list as opened: the document ids it shows, and how many of its units are released but not yet live. */
export interface DeskList {
  ids: string[];
  awaitingLive: number;
}

function deadlineDesk(snapshot: Snapshot, today: string, deploys?: Deploys): Record<ClockListId, DeskList> {
  const lists = deadlineLists(snapshot, unitStatuses(snapshot), today, deploys);
  const desk = (items: typeof lists.dueSoon): DeskList => ({
    ids: bothVersions(items),
    awaitingLive: items.filter((item) => item.awaitingLive).length,
  });
  const result = { dueSoon: desk(lists.dueSoon), overdue: desk(lists.overdue) };
  // The previous year's annual report, from 1 January until it is released (due 31 January).
  const report = annualReportDue(snapshot.documents, today);
  if (report) result[report.state].ids.push(...report.documents);
  return result;
}

/** The document ids of the 即将到期 and 已超期 lists on `today` (and the annual report when it is due). */
export function deadlineDeskIds(snapshot: Snapshot, today: string, deploys?: Deploys): Record<ClockListId, string[]> {
  const desk = deadlineDesk(snapshot, today, deploys);
  return { dueSoon: desk.dueSoon.ids, overdue: desk.overdue.ids };
}

/** Reads the dataset (and the deploy records) from the Content Lake and computes one list for today in Beijing. */
export async function readDeadlineDesk(client: SanityClient, list: DeadlineListId, now: Date = new Date()): Promise<DeskList> {
  const today = beijingDay(now);
  if (list === 'reviewDueSoon' || list === 'reviewOverdue') {
    return { ids: reviewDeskIds(await new LakeStore(client).read(), today)[list], awaitingLive: 0 };
  }
  const [snapshot, deploys] = await Promise.all([
    new LakeStore(client).read(),
    // No records readable: the release stands in for going live, as without a publisher.
    readDeployRecords(client).catch(() => undefined),
  ]);
  return deadlineDesk(snapshot, today, deploys)[list];
}
