/**
 * The yearly 复核 of information that is not proactive (条例 第十八条): when it is due (one calendar
 * year after the last review, or after 生成日期 when never reviewed), what recording one writes,
 * what it refuses, and that turning a document proactive still goes through sign-off and release.
 * The fixture's news-a is published; here it is 不予公开, formed on 2026-03-02.
 */
import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { oneYearAfter } from '../../core/calendar/calendarDays.ts';
import { reviewLists } from '../../core/workflow/disclosureReview.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { unitStatuses, Workflow } from '../../core/workflow/workflow.ts';
import { workflowDataset, workflowRefusal as refusal } from './fixtures.ts';

const WITHHELD = { mode: 'withheld', ground: 'internalAffairs', reason: '局内部工作安排' };

/** The fixture with news-a 不予公开 (published, no draft), plus whatever changes are given. */
function dataset(change: (doc: StoredDocument) => void = () => undefined): StoredDocument[] {
  return workflowDataset().map((doc) => {
    if (doc._id !== 'news-a') return doc;
    const withheld = { ...doc, disclosure: { ...WITHHELD } };
    change(withheld);
    return withheld;
  });
}

/** A clock on the given Beijing day (10:00), advancing a minute per call. */
function on(day: string) {
  let minute = 0;
  let transaction = 0;
  return { now: () => new Date(`${day}T02:${String(minute++).padStart(2, '0')}:00Z`), transactionId: () => `tx${++transaction}` };
}

const listsOn = async (store: MemoryStore, today: string) => reviewLists(unitStatuses(await store.read()), today);
const units = (items: { unit: string }[]) => items.map((item) => item.unit);

describe('when the yearly 复核 is due', () => {
  it('one calendar year after the last review; 29 February next falls on 28 February', () => {
    expect(oneYearAfter('2026-03-02')).toBe('2027-03-02');
    expect(oneYearAfter('2024-02-29')).toBe('2025-02-28');
    expect(oneYearAfter('2025-12-31')).toBe('2026-12-31');
  });

  it.each([
    // Never reviewed: counted from 生成日期 2026-03-02, due 2027-03-02; listed from 30 days before.
    ['2027-01-30', [], []],
    ['2027-01-31', ['news-a'], []],
    ['2027-03-02', ['news-a'], []],
    ['2027-03-03', [], ['news-a']],
  ] as [string, string[], string[]][])('never reviewed, on %s: 即将复核 %j, 复核已逾期 %j', async (today, dueSoon, overdue) => {
    const lists = await listsOn(new MemoryStore(dataset()), today);
    expect(units(lists.dueSoon)).toEqual(dueSoon);
    expect(units(lists.overdue)).toEqual(overdue);
    for (const item of [...lists.dueSoon, ...lists.overdue])
      expect(item).toMatchObject({
        since: '2026-03-02',
        neverReviewed: true,
        dueDate: '2027-03-02',
        mode: 'withheld',
        ground: 'internalAffairs',
      });
  });

  it('counts from the last review once there is one, and never lists proactive information', async () => {
    const store = new MemoryStore(dataset((doc) => ((doc.disclosure as Record<string, unknown>).reviewedAt = '2026-11-20')));
    expect(await listsOn(store, '2027-03-03')).toMatchObject({ dueSoon: [], overdue: [] });
    const lists = await listsOn(store, '2027-11-25');
    expect(lists.dueSoon).toEqual([]);
    expect(lists.overdue).toEqual([
      expect.objectContaining({ unit: 'news-a', since: '2026-11-20', neverReviewed: false, dueDate: '2027-11-20', daysLeft: -5 }),
    ]);
    // policy-a, interpretation-a and the draft pair are proactive: never on the lists, however old.
    expect(units([...lists.dueSoon, ...lists.overdue])).toEqual(['news-a']);
  });

  it('a pair is due when its earlier document is', async () => {
    const withheldPair = workflowDataset().map((doc) =>
      doc._id === 'policy-a' || doc._id === 'interpretation-a'
        ? { ...doc, disclosure: { ...WITHHELD, ...(doc._id === 'interpretation-a' ? { reviewedAt: '2026-10-01' } : {}) } }
        : doc,
    );
    const lists = reviewLists(unitStatuses(await new MemoryStore(withheldPair).read()), '2027-03-03');
    expect(lists.overdue).toEqual([
      expect.objectContaining({ unit: 'policy-a', documents: ['policy-a', 'interpretation-a'], since: '2026-03-02', neverReviewed: true }),
    ]);
  });
});

describe('recording a 复核', () => {
  it('stamps 最近复核日期 on the released document, keeps it released and records the conclusion in the audit log', async () => {
    const store = new MemoryStore(dataset());
    const workflow = new Workflow(store, on('2027-03-05'));
    const publishedAt = (await store.read()).published('news-a')!.publishedAt;
    await workflow.review('news-a', '张科长', { outcome: 'keep', comment: '仍属内部事务信息' });
    const snapshot = await store.read();
    expect(snapshot.draft('news-a')).toBeUndefined();
    expect(snapshot.published('news-a')).toMatchObject({ publishedAt, disclosure: { ...WITHHELD, reviewedAt: '2027-03-05' } });
    expect((await workflow.status('news-a')).state).toBe('released');
    expect(snapshot.audit('news-a').at(-1)).toMatchObject({
      action: 'review',
      actor: '张科长',
      reviewOutcome: 'keep',
      reviewedOn: '2027-03-05',
      reason: '仍属内部事务信息',
    });
    // Off the lists until a year later.
    expect(await listsOn(store, '2027-03-06')).toMatchObject({ dueSoon: [], overdue: [] });
    expect(units((await listsOn(store, '2028-02-04')).dueSoon)).toEqual(['news-a']);
  });

  it('writes the date into a draft, keeping who last edited it (four eyes) and the draft unpublished', async () => {
    const store = new MemoryStore(dataset());
    const workflow = new Workflow(store, on('2027-03-05'));
    await workflow.edit('news-a', '王编辑', { summary: '补充说明' });
    await workflow.review('news-a', '张科长', { outcome: 'keep' });
    const snapshot = await store.read();
    expect(snapshot.draft('news-a')).toMatchObject({
      summary: '补充说明',
      lastEditedBy: '王编辑',
      disclosure: { reviewedAt: '2027-03-05' },
    });
    expect((snapshot.published('news-a')!.disclosure as Record<string, unknown>).reviewedAt).toBeUndefined();
    // The reviewer may still sign off what 王编辑 wrote; 王编辑 may not.
    await workflow.run('submit', 'news-a', '王编辑');
    expect((await refusal(workflow.run('signoff', 'news-a', '王编辑', { confidentialityChecked: true }))).rule).toBe('3-four-eyes');
  });

  it('refuses a wrong conclusion, proactive information, a nameless reviewer and a unit waiting for sign-off', async () => {
    const store = new MemoryStore(dataset());
    const workflow = new Workflow(store, on('2027-03-05'));
    const before = structuredClone(store.documents);
    const wrong = await refusal(workflow.review('news-a', '张科长', { outcome: 'maybe' }));
    expect(wrong.rule).toBe('review');
    expect(wrong.message).toContain('复核结论「maybe」无效');
    const proactive = await refusal(workflow.review('policy-a', '张科长', { outcome: 'keep' }));
    expect(proactive.message).toBe('policy-a、interpretation-a 为主动公开信息，无需复核公开属性');
    expect((await refusal(workflow.review('news-a', '\u3000', { outcome: 'keep' }))).rule).toBe('7-audited');
    expect(store.documents).toEqual(before);

    await workflow.edit('news-a', '王编辑', { summary: '补充说明' });
    await workflow.run('submit', 'news-a', '王编辑');
    const waiting = await refusal(workflow.review('news-a', '张科长', { outcome: 'keep' }));
    expect(waiting.message).toContain('当前状态为「待审签」');
    expect((await workflow.status('news-a')).state).toBe('submitted');
  });

  it('「可转为主动公开」 only records: the document turns proactive through an edit, sign-off and release', async () => {
    const store = new MemoryStore(dataset());
    const workflow = new Workflow(store, on('2027-03-05'));
    await workflow.review('news-a', '张科长', { outcome: 'proactive', comment: '已无保密必要' });
    let snapshot = await store.read();
    expect(snapshot.published('news-a')!.disclosure).toMatchObject({ mode: 'withheld' });
    expect(snapshot.audit('news-a').at(-1)).toMatchObject({ action: 'review', reviewOutcome: 'proactive' });

    await workflow.edit('news-a', '王编辑', { disclosure: { mode: 'proactive' } });
    expect((await workflow.status('news-a')).state).toBe('draft');
    expect((await refusal(workflow.run('release', 'news-a', '李审核'))).rule).toBe('4-released-together');
    await workflow.run('submit', 'news-a', '王编辑');
    await workflow.run('signoff', 'news-a', '李审核', { confidentialityChecked: true });
    await workflow.run('release', 'news-a', '李审核');
    snapshot = await store.read();
    expect(snapshot.published('news-a')!.disclosure).toEqual({ mode: 'proactive' });
    expect((await workflow.status('news-a')).state).toBe('released');
    // Proactive now: no longer reviewed, whatever the date.
    expect(await listsOn(store, '2030-01-01')).toMatchObject({ dueSoon: [], overdue: [] });
  });
});

describe('recording a 复核 on the local Content Lake (the Studio’s path)', () => {
  it('republishes the reviewed document as it was, with its 最近复核日期, in one request', async () => {
    const { startTestLake } = await import('../localLake/lakeServer.ts');
    const { LakeStore } = await import('../../core/workflow/lakeStore.ts');
    const lake = await startTestLake();
    try {
      const id = 'trademark-2025-lusong-informant-records';
      const before = await lake.client().getDocument(id);
      const workflow = new Workflow(new LakeStore(lake.client('reviewer')), on('2026-12-01'));
      await workflow.review(id, '李审核', { outcome: 'keep', comment: '举报人信息仍须保护' });
      const [published, draft] = await lake.client().getDocuments([id, `drafts.${id}`]);
      expect(draft).toBeNull();
      const { _rev: _a, _updatedAt: _b, disclosure: _c, ...rest } = before!;
      expect(published).toMatchObject({ ...rest, disclosure: { ...(before!.disclosure as object), reviewedAt: '2026-12-01' } });
      expect((await workflow.status(id)).state).toBe('released');
      const entries = await lake
        .client()
        .fetch('*[_type == "workflowAudit" && unit == $id && action == "review"]{actor, reviewOutcome, reviewedOn}', { id });
      expect(entries).toEqual([{ actor: '李审核', reviewOutcome: 'keep', reviewedOn: '2026-12-01' }]);
    } finally {
      await lake.stop();
    }
  });
});
