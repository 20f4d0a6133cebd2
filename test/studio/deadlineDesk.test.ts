/**
 * The desk's 即将到期 and 已超期 lists: the ids the Studio computes when a list is opened, and the
 * list's filter over them, on the raw dataset and as Studio's drafts perspective shows it.
 * The fixture's draft pair was formed on 2026-10-26: due 2026-11-23 (hand-worked: Oct 27–30,
 * Nov 2–6, 9–13, 16–20, 23). On Friday 2026-11-13 six working days are left (Nov 16–20, 23): not
 * yet listed; on Monday 2026-11-16 five (Nov 17–20, 23): 即将到期, until the due date itself; 已超期
 * from 2026-11-24.
 */
import { evaluate, parse } from 'groq-js';
import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { isDraftId, publishedId } from '../../core/model/documentTypes.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { Snapshot } from '../../core/workflow/snapshot.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { DEADLINE_LIST_FILTER, deadlineDeskIds } from '../../studio/deadlineDesk.ts';
import { workflowDataset } from '../workflow/fixtures.ts';

function draftsPerspective(documents: StoredDocument[]): StoredDocument[] {
  const byId = new Map<string, StoredDocument>();
  for (const doc of documents) if (!isDraftId(doc._id)) byId.set(doc._id, doc);
  for (const doc of documents) if (isDraftId(doc._id)) byId.set(publishedId(doc._id), { ...doc, _id: publishedId(doc._id) });
  return [...byId.values()];
}

async function listed(documents: StoredDocument[], ids: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const dataset of [documents, draftsPerspective(documents)]) {
    const result = (await (await evaluate(parse(`*[${DEADLINE_LIST_FILTER}]._id`), { dataset, params: { ids } })).get()) as string[];
    const here = [...new Set(result.map(publishedId))].sort();
    expect(here).toEqual(['interpretation-b', 'policy-b'].filter((id) => ids.includes(id)));
    for (const id of here) found.add(id);
  }
  return [...found].sort();
}

describe('the 即将到期 and 已超期 desk lists', () => {
  const docs = workflowDataset();
  const snapshot = new Snapshot(docs);

  it.each([
    ['2026-11-13', [], []],
    ['2026-11-16', ['interpretation-b', 'policy-b'], []],
    ['2026-11-23', ['interpretation-b', 'policy-b'], []],
    ['2026-11-24', [], ['interpretation-b', 'policy-b']],
  ] as [string, string[], string[]][])('on %s list %j as 即将到期 and %j as 已超期', async (today, dueSoon, overdue) => {
    const ids = deadlineDeskIds(snapshot, today);
    expect(await listed(docs, ids.dueSoon)).toEqual(dueSoon);
    expect(await listed(docs, ids.overdue)).toEqual(overdue);
  });

  it('never lists a released unit, however old its 生成日期', async () => {
    // policy-a (formed 2026-03-02) is released; a released pair leaves both lists.
    expect(deadlineDeskIds(snapshot, '2026-11-24').overdue).not.toContain('policy-a');
    const store = new MemoryStore(workflowDataset());
    let minute = 0;
    const workflow = new Workflow(store, { now: () => new Date(Date.UTC(2026, 10, 20, 1, minute++)) });
    await workflow.run('submit', 'policy-b', '王编辑');
    await workflow.run('signoff', 'policy-b', '李审核', { confidentialityChecked: true });
    await workflow.run('release', 'policy-b', '李审核');
    expect(deadlineDeskIds(await store.read(), '2026-11-24')).toEqual({ dueSoon: [], overdue: [] });
  });
});
