/**
 * The 20-working-day clock counts to 上线 (条例 第二十六条): where a publisher deploys the content
 * (deploy records for its source), a released unit stays on the desk until a live deploy contains it,
 * and whether it was on time is judged by the Beijing day of the deploy that first put it live;
 * without deploy records the release stands in for going live, as before.
 * The fixture's draft pair was formed on 2026-10-26 (Mon): due 2026-11-23 (Mon); the next working
 * day is 2026-11-24 (Tue), 21 working days after 生成日期.
 */
import { describe, expect, it } from 'vitest';
import { deployRecord } from '../publish/fixtures/deployRecord.ts';
import type { DeployRecord } from '../../core/publish/deployLog.ts';
import type { Deploys } from '../../core/publish/deployStatus.ts';
import { deadlineLists, unitLiveTiming } from '../../core/workflow/disclosureDeadline.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { unitStatus } from '../../core/workflow/state.ts';
import { resolveUnit } from '../../core/workflow/units.ts';
import { unitStatuses, Workflow } from '../../core/workflow/workflow.ts';
import { deadlineDeskIds } from '../../studio/deadlineDesk.ts';
import { workflowDataset } from './fixtures.ts';

const SOURCE = 'file:/srv/zhengwu/content/dataset.ndjson';

/** The draft pair signed off, then released at `releasedAt`; the release's audit sequence number. */
async function releasedPair(releasedAt: string, withdrawnAt?: string) {
  const store = new MemoryStore(workflowDataset());
  let minute = 0;
  const prepare = new Workflow(store, { now: () => new Date(Date.UTC(2026, 9, 30, 1, minute++)) });
  await prepare.run('submit', 'policy-b', '王编辑');
  await prepare.run('signoff', 'policy-b', '李审核', { confidentialityChecked: true });
  await new Workflow(store, { now: () => new Date(releasedAt) }).run('release', 'policy-b', '李审核');
  if (withdrawnAt)
    await new Workflow(store, { now: () => new Date(withdrawnAt) }).run('withdraw', 'policy-b', '李审核', { reason: '内容有误' });
  const snapshot = await store.read();
  const seqOf = (action: string) => snapshot.audit('policy-b').find((entry) => entry.action === action)!.seq;
  return { snapshot, status: unitStatus(snapshot, resolveUnit(snapshot, 'policy-b')), seq: seqOf('release'), seqOf };
}

const deploy = (outcome: DeployRecord['outcome'], auditSeq: number, finishedAt: string): DeployRecord =>
  deployRecord({ source: SOURCE, outcome, auditSeq, finishedAt });
const deploys = (...records: DeployRecord[]): Deploys => ({ source: SOURCE, records });

// 10:00 in Beijing on the due date; a deploy the evening before; 09:00 in Beijing the next working day.
const ON_DUE_DATE = '2026-11-23T02:00:00Z';
const BEFORE = '2026-11-20T10:00:00Z';
const NEXT_WORKING_DAY = '2026-11-24T01:00:00Z';

describe('the clock counts to 上线', () => {
  it('judges a unit released on its due date but live only the next working day as late', async () => {
    const { snapshot, status, seq } = await releasedPair(ON_DUE_DATE);
    const live = deploys(deploy('live', seq - 1, BEFORE), deploy('live', seq, NEXT_WORKING_DAY));
    expect(unitLiveTiming(snapshot, status, live)).toEqual({ dueDate: '2026-11-23', workingDaysTaken: 21, late: true });
    // Live the same Beijing day (16:00): on time.
    const sameDay = deploys(deploy('live', seq - 1, BEFORE), deploy('live', seq, '2026-11-23T08:00:00Z'));
    expect(unitLiveTiming(snapshot, status, sameDay)).toEqual({ dueDate: '2026-11-23', workingDaysTaken: 20, late: false });
  });

  it('keeps a released unit that no live deploy has yet on the desk, 已发布 · 待上线, until one has it', async () => {
    const { snapshot, status, seq } = await releasedPair(ON_DUE_DATE);
    const statuses = unitStatuses(snapshot);
    const pending = deploys(deploy('live', seq - 1, BEFORE), deploy('failed', seq, '2026-11-23T03:00:00Z'));
    const dueToday = deadlineLists(snapshot, statuses, '2026-11-23', pending);
    expect(dueToday.dueSoon).toEqual([expect.objectContaining({ unit: 'policy-b', awaitingLive: true })]);
    expect(dueToday.dueSoon[0]!.clock).toMatchObject({ dueDate: '2026-11-23', workingDaysLeft: 0 });
    expect(deadlineLists(snapshot, statuses, '2026-11-24', pending).overdue).toEqual([
      expect.objectContaining({ unit: 'policy-b', awaitingLive: true, clock: expect.objectContaining({ workingDaysOverdue: 1 }) }),
    ]);
    expect(deadlineDeskIds(snapshot, '2026-11-24', pending).overdue).toEqual([
      'policy-b',
      'drafts.policy-b',
      'interpretation-b',
      'drafts.interpretation-b',
    ]);
    expect(unitLiveTiming(snapshot, status, pending)).toBeUndefined();

    // Once a live deploy has it, it leaves the desk.
    const live = deploys(...pending.records, deploy('live', seq, NEXT_WORKING_DAY));
    expect(deadlineLists(snapshot, statuses, '2026-11-24', live)).toMatchObject({ dueSoon: [], overdue: [] });
  });

  it('counts a release withdrawn before any deploy had it as never live', async () => {
    const { snapshot, status, seq, seqOf } = await releasedPair(ON_DUE_DATE, '2026-11-23T03:00:00Z');
    const afterWithdrawal = deploys(deploy('live', seq - 1, BEFORE), deploy('live', seqOf('withdraw'), '2026-11-23T04:00:00Z'));
    expect(unitLiveTiming(snapshot, status, afterWithdrawal)).toBeUndefined();
    expect(deadlineLists(snapshot, unitStatuses(snapshot), '2026-11-23', afterWithdrawal).dueSoon).toEqual([
      expect.objectContaining({ unit: 'policy-b', awaitingLive: true }),
    ]);
  });

  it('without deploy records for the source, stops at the release as before', async () => {
    const { snapshot, status, seq } = await releasedPair(ON_DUE_DATE);
    const statuses = unitStatuses(snapshot);
    // Records of another dataset's publisher say nothing about this one.
    const elsewhere = deploys({ ...deploy('live', seq, NEXT_WORKING_DAY), source: 'file:/another/dataset.ndjson' });
    for (const none of [undefined, deploys(), elsewhere]) {
      expect(unitLiveTiming(snapshot, status, none)).toEqual({ dueDate: '2026-11-23', workingDaysTaken: 20, late: false });
      expect(deadlineLists(snapshot, statuses, '2026-11-24', none)).toMatchObject({ dueSoon: [], overdue: [] });
    }
  });

  it('judges by the release where the records begin after it (live since before them, exact day unknown)', async () => {
    const { snapshot, status, seq } = await releasedPair(ON_DUE_DATE);
    const later = deploys(deploy('live', seq + 3, '2026-11-26T01:00:00Z'));
    expect(unitLiveTiming(snapshot, status, later)).toEqual({ dueDate: '2026-11-23', workingDaysTaken: 20, late: false });
    expect(deadlineLists(snapshot, unitStatuses(snapshot), '2026-11-24', later)).toMatchObject({ dueSoon: [], overdue: [] });
  });
});
