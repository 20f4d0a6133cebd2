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
import { DEADLINE_LIST_FILTER, deadlineDeskIds, reviewDeskIds } from '../../studio/deadlineDesk.ts';
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

describe('the 即将复核 and 复核已逾期 desk lists (the yearly 复核, 条例 第十八条)', () => {
  // The released pair policy-a / interpretation-a, formed 2026-03-02, as 依申请公开: never reviewed, so due 2027-03-02.
  const docs = workflowDataset().map((doc) =>
    doc._id === 'policy-a' || doc._id === 'interpretation-a'
      ? { ...doc, disclosure: { mode: 'onRequest', ground: 'thirdPartyRights', reason: '涉及企业商业秘密' } }
      : doc,
  );
  const snapshot = new Snapshot(docs);
  const both = ['interpretation-a', 'policy-a'];

  it.each([
    ['2027-01-30', [], []],
    ['2027-01-31', both, []],
    ['2027-03-02', both, []],
    ['2027-03-03', [], both],
  ] as [string, string[], string[]][])('on %s list %j as 即将复核 and %j as 复核已逾期', (today, dueSoon, overdue) => {
    const ids = reviewDeskIds(snapshot, today);
    const shown = (list: string[]) => [...new Set(list.map(publishedId))].sort();
    expect(shown(ids.reviewDueSoon)).toEqual(dueSoon);
    expect(shown(ids.reviewOverdue)).toEqual(overdue);
    // Both versions of each document, whichever the Studio's list sees.
    for (const id of [...dueSoon, ...overdue]) expect([...ids.reviewDueSoon, ...ids.reviewOverdue]).toContain(`drafts.${id}`);
  });

  it('leaves the list once the 复核 is recorded', async () => {
    const store = new MemoryStore(structuredClone(docs));
    const workflow = new Workflow(store, { now: () => new Date('2027-03-05T02:00:00Z') });
    expect(reviewDeskIds(await store.read(), '2027-03-05').reviewOverdue).toContain('policy-a');
    await workflow.review('interpretation-a', '张科长', { outcome: 'keep' });
    expect(reviewDeskIds(await store.read(), '2027-03-05')).toEqual({ reviewDueSoon: [], reviewOverdue: [] });
  });
});
