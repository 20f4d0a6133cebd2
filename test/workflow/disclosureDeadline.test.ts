/**
 * The 20-working-day clock in the workflow (条例 第二十六条): a release records its due date and
 * the working days it took; a release after the due date is refused without a reason and keeps
 * the reason in its audit entry; the Studio button of a late release stays offered (its dialog
 * asks for the reason). Dates worked out by hand on the State Council calendar:
 *   formed 2026-10-26 (Mon) → due 2026-11-23: Oct 27–30 (4), Nov 2–6 (9), 9–13 (14), 16–20 (19), 23 (20);
 *     released 2026-11-02 → 5 working days taken.
 *   formed 2026-09-15 → due 2026-10-19 (across 中秋 and 国庆, 调休 9月20日 and 10月10日 worked);
 *     released 2026-11-02 → 10 working days overdue (Oct 20–23, 26–30, Nov 2), 30 taken.
 */
import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import type { AuditEntry } from '../../core/model/workflowRecords.ts';
import { availability } from '../../core/workflow/availability.ts';
import { releaseIsLate } from '../../core/workflow/disclosureDeadline.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { unitStatus } from '../../core/workflow/state.ts';
import { resolveUnit } from '../../core/workflow/units.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { workflowDataset, workflowRefusal as refusal } from './fixtures.ts';

/** The fixture's draft pair, formed on `formedAt`, signed off and ready to release. */
async function signedPair(formedAt: string) {
  const docs = workflowDataset().map((doc): StoredDocument => (doc._id.endsWith('-b') ? { ...doc, formedAt } : doc));
  const store = new MemoryStore(docs);
  let minute = 0;
  const prepare = new Workflow(store, { now: () => new Date(Date.UTC(2026, 9, 30, 1, minute++)) });
  await prepare.run('submit', 'policy-b', '王编辑');
  await prepare.run('signoff', 'policy-b', '李审核', { confidentialityChecked: true });
  return store;
}

const at = (instant: string) => ({ now: () => new Date(instant) });

function releaseEntry(store: MemoryStore): AuditEntry {
  return store.documents.find(
    (d) => d._type === 'workflowAudit' && d.unit === 'policy-b' && d.action === 'release',
  ) as unknown as AuditEntry;
}

describe('a release on the 20-working-day clock', () => {
  it('records the due date and the working days it took', async () => {
    const store = await signedPair('2026-10-26');
    await new Workflow(store, at('2026-11-02T01:00:00Z')).run('release', 'policy-b', '李审核');
    expect(releaseEntry(store)).toMatchObject({ dueDate: '2026-11-23', workingDaysTaken: 5 });
    expect(releaseEntry(store).lateReason).toBeUndefined();
  });

  it('is on time on the due date itself, and late from the next Beijing day', async () => {
    const onDue = await signedPair('2026-10-26');
    // 23 November 23:59 in Beijing is 15:59 UTC.
    await new Workflow(onDue, at('2026-11-23T15:59:00Z')).run('release', 'policy-b', '李审核');
    expect(releaseEntry(onDue)).toMatchObject({ dueDate: '2026-11-23', workingDaysTaken: 20 });

    const nextDay = await signedPair('2026-10-26');
    // 00:01 on 24 November in Beijing, still 23 November in UTC.
    const error = await refusal(new Workflow(nextDay, at('2026-11-23T16:01:00Z')).run('release', 'policy-b', '李审核'));
    expect(error.rule).toBe('disclosure-deadline');
    expect(error.message).toContain('已超期 1 个工作日');
  });

  it('after the due date is refused without a reason, naming the dates, and writes nothing', async () => {
    const store = await signedPair('2026-09-15');
    const before = structuredClone(store.documents);
    const error = await refusal(new Workflow(store, at('2026-11-02T01:00:00Z')).run('release', 'policy-b', '李审核'));
    expect(error.rule).toBe('disclosure-deadline');
    expect(error.message).toBe(
      'policy-b 的生成日期为 2026-09-15，应在 2026-10-19 前公开（20 个工作日），现在发布已超期 10 个工作日，须写明超期理由',
    );
    expect(error.hint).toContain('--late-reason');
    expect(store.documents).toEqual(before);
    // A blank reason is no reason.
    await refusal(new Workflow(store, at('2026-11-02T01:00:00Z')).run('release', 'policy-b', '李审核', { lateReason: '  ' }));
  });

  it('after the due date goes ahead with a reason, kept in the audit entry', async () => {
    const store = await signedPair('2026-09-15');
    await new Workflow(store, at('2026-11-02T01:00:00Z')).run('release', 'policy-b', '李审核', { lateReason: '等待省局批复后公开' });
    expect(store.documents.find((d) => d._id === 'policy-b')?.publishedAt).toBe('2026-11-02T01:00:00.000Z');
    expect(releaseEntry(store)).toMatchObject({ dueDate: '2026-10-19', workingDaysTaken: 30, lateReason: '等待省局批复后公开' });
  });

  it('starts a pair’s clock at the earlier 生成日期 of its two documents', async () => {
    const store = await signedPair('2026-10-26');
    // The interpretation was formed long before the policy: the pair is late by the interpretation's date.
    store.documents = store.documents.map((doc) => (doc._id === 'drafts.interpretation-b' ? { ...doc, formedAt: '2026-09-15' } : doc));
    const snapshot = await store.read();
    const status = unitStatus(snapshot, resolveUnit(snapshot, 'policy-b'));
    expect(releaseIsLate(snapshot, status, '2026-11-02T01:00:00Z')).toBe(true);
  });

  it('does not run again for a unit released once: a withdrawn pair is released again without a reason', async () => {
    const docs = workflowDataset();
    const store = new MemoryStore(docs);
    let minute = 0;
    const workflow = new Workflow(store, { now: () => new Date(Date.UTC(2026, 10, 2, 1, minute++)) });
    // policy-a was formed on 2026-03-02 and released on 2026-03-10, long due since.
    await workflow.run('withdraw', 'policy-a', '李审核', { reason: '内容需更正' });
    await workflow.run('submit', 'policy-a', '王编辑');
    await workflow.run('signoff', 'policy-a', '李审核', { confidentialityChecked: true });
    await workflow.run('release', 'policy-a', '李审核');
    const entry = store.documents.find(
      (d) => d._type === 'workflowAudit' && d.unit === 'policy-a' && d.action === 'release',
    ) as unknown as AuditEntry;
    expect(entry.workingDaysTaken).toBeUndefined();
    expect(entry.lateReason).toBeUndefined();
  });

  it('is not guessed, nor does it hold the release, when the day of release is in a year without a published calendar', async () => {
    const store = await signedPair('2026-12-21');
    await new Workflow(store, at('2027-01-05T01:00:00Z')).run('release', 'policy-b', '李审核');
    const entry = store.documents.find(
      (d) => d._type === 'workflowAudit' && d.unit === 'policy-b' && d.action === 'release',
    ) as unknown as AuditEntry;
    expect(store.documents.find((d) => d._id === 'policy-b')?.publishedAt).toBe('2027-01-05T01:00:00.000Z');
    expect(entry.workingDaysTaken).toBeUndefined();
    expect(entry.dueDate).toBeUndefined();
    expect(entry.clockUnavailable).toContain('2027 年没有国务院公布的节假日安排');
  });
});

describe('the release button of a late unit', () => {
  it('stays offered, and the Studio knows to ask for the reason', async () => {
    const late = await signedPair('2026-09-15');
    const snapshot = await late.read();
    const now = new Date('2026-11-02T01:00:00Z');
    expect(availability(snapshot, 'release', 'policy-b', '李审核', now)).toEqual({ enabled: true });
    expect(releaseIsLate(snapshot, unitStatus(snapshot, resolveUnit(snapshot, 'policy-b')), now.toISOString())).toBe(true);

    const onTime = await (await signedPair('2026-10-26')).read();
    expect(releaseIsLate(onTime, unitStatus(onTime, resolveUnit(onTime, 'policy-b')), now.toISOString())).toBe(false);
  });
});
