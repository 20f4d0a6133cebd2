/**
 * The desk's 即将到期 and 已超期 lists. GROQ cannot count working days, so these lists are not
 * filters over stored fields: when an editor opens one, the Studio reads the dataset through the
 * workflow's Content Lake store (the same read on the local Content Lake and on Sanity's),
 * computes the lists with the same core function as `npm run deadlines`
 * (core/workflow/disclosureDeadline.ts) for today in Beijing, and shows a document list filtered
 * to those ids (`_id in $ids`). A list is as of the moment it was opened; opening it again
 * recomputes it.
 */
import type { SanityClient } from '@sanity/client';
import { beijingDay } from '../core/beijingTime.ts';
import type { Snapshot } from '../core/workflow/snapshot.ts';
import { annualReportDue } from '../core/disclosure/report/reportDue.ts';
import { deadlineLists } from '../core/workflow/disclosureDeadline.ts';
import { LakeStore } from '../core/workflow/lakeStore.ts';
import { unitStatuses } from '../core/workflow/workflow.ts';

export type DeadlineListId = 'dueSoon' | 'overdue';

/** The filter of both lists: the ids computed when the list is opened. */
export const DEADLINE_LIST_FILTER = '_id in $ids';

/**
 * The document ids of each list on `today`: every member of each listed unit, under its
 * published and its draft id (the Studio's list may see either).
 */
export function deadlineDeskIds(snapshot: Snapshot, today: string): Record<DeadlineListId, string[]> {
  const lists = deadlineLists(snapshot, unitStatuses(snapshot), today);
  const ids = (items: typeof lists.dueSoon) => items.flatMap((item) => item.documents.flatMap((id) => [id, `drafts.${id}`]));
  const result = { dueSoon: ids(lists.dueSoon), overdue: ids(lists.overdue) };
  // The previous year's annual report, from 1 January until it is released (due 31 January).
  const report = annualReportDue(snapshot.documents, today);
  if (report) result[report.state].push(...report.documents);
  return result;
}

/** Reads the dataset from the Content Lake and computes the lists for today in Beijing. */
export async function readDeadlineDeskIds(client: SanityClient, now: Date = new Date()): Promise<Record<DeadlineListId, string[]>> {
  return deadlineDeskIds(await new LakeStore(client).read(), beijingDay(now));
}
