/**
 * 先审查后公开 (seed 一(三)): a sign-off records the signer's 保密审查 confirmation. Without it the
 * sign-off is refused and nothing is written — in memory, on a dataset file and on the local
 * Content Lake — and an approving 审签单 that lacks it approves nothing, so no release follows.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { LakeStore } from '../../core/workflow/lakeStore.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { Snapshot } from '../../core/workflow/snapshot.ts';
import { revisionOf } from '../../core/workflow/state.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { deterministic, workflowDataset, workflowRefusal as refusal } from './fixtures.ts';

const CONFIRMED = { confidentialityChecked: true };

async function submitted() {
  const store = new MemoryStore(workflowDataset());
  const workflow = new Workflow(store, deterministic());
  await workflow.run('submit', 'policy-b', '王编辑');
  return { store, workflow };
}

describe('the 保密审查 confirmation of a sign-off', () => {
  it('refuses a sign-off without it, in Chinese, naming the unit and the way to confirm, and writes nothing', async () => {
    const { store, workflow } = await submitted();
    const before = structuredClone(store.documents);
    const error = await refusal(workflow.run('signoff', 'policy-b', '李审核'));
    expect(error.rule).toBe('confidentiality');
    expect(error.message).toBe('审签 policy-b 须由审签人确认已对拟公开内容进行保密审查');
    expect(error.hint).toContain('--confidentiality-checked');
    expect(store.documents).toEqual(before);
    expect((await workflow.status('policy-b')).state).toBe('submitted');
    // `false` is no confirmation either.
    expect((await refusal(workflow.run('signoff', 'policy-b', '李审核', { confidentialityChecked: false }))).rule).toBe('confidentiality');
  });

  it('writes the confirmation into the 审签单 of an approval, and the unit is signed', async () => {
    const { store, workflow } = await submitted();
    await workflow.run('signoff', 'policy-b', '李审核', CONFIRMED);
    expect(store.documents.filter((doc) => doc._type === 'signOff')).toEqual([
      expect.objectContaining({ signer: '李审核', decision: 'approve', confidentialityChecked: true }),
    ]);
    expect((await workflow.status('policy-b')).state).toBe('signed');
  });

  it('is not asked of a return, which publishes nothing', async () => {
    const { store, workflow } = await submitted();
    await workflow.run('return', 'policy-b', '李审核', { comment: '请补充依据' });
    const record = store.documents.find((doc) => doc._type === 'signOff');
    expect(record).toMatchObject({ decision: 'return' });
    expect(record).not.toHaveProperty('confidentialityChecked');
  });

  it('an approving 审签单 without the confirmation approves nothing: the unit stays 待审签 and cannot be released', async () => {
    const { store } = await submitted();
    const snapshot = new Snapshot(store.documents);
    const revisions = ['policy-b', 'interpretation-b'].map((id, index) => ({
      _key: `r${index}`,
      ...revisionOf(id, snapshot.current(id)!),
    }));
    const at = '2026-11-02T03:00:00.000Z';
    const forged = (confirmation: Record<string, unknown>): StoredDocument[] => [
      ...store.documents,
      {
        _id: 'signoff.policy-b.1',
        _type: 'signOff',
        unit: 'policy-b',
        revisions,
        signer: '李审核',
        signedAt: at,
        decision: 'approve',
        ...confirmation,
      },
      {
        _id: 'audit.policy-b.x',
        _type: 'workflowAudit',
        unit: 'policy-b',
        seq: snapshot.nextAuditSeq(),
        action: 'signoff',
        actor: '李审核',
        at,
        revisions,
        signOff: 'signoff.policy-b.1',
      },
    ];
    const unconfirmed = new Workflow(new MemoryStore(forged({})), deterministic());
    expect((await unconfirmed.status('policy-b')).state).toBe('submitted');
    expect((await refusal(unconfirmed.run('release', 'policy-b', '李审核'))).rule).toBe('4-released-together');
    // The same records with the confirmation do count: it is the confirmation that was missing.
    expect((await new Workflow(new MemoryStore(forged({ confidentialityChecked: true }))).status('policy-b')).state).toBe('signed');
  });

  it('is offered as available to the reviewer: the dialog asks for the confirmation before the sign-off runs', async () => {
    const { workflow } = await submitted();
    expect((await workflow.availability('policy-b', '李审核')).signoff).toEqual({ enabled: true });
  });
});

describe('the 保密审查 confirmation on the local Content Lake', () => {
  it('refuses the Studio’s sign-off without it, and records it with it', async () => {
    const { startTestLake } = await import('../localLake/lakeServer.ts');
    const lake = await startTestLake();
    try {
      const unit = 'policy-2026-changzhutan-consumer';
      const reviewer = new Workflow(new LakeStore(lake.client('reviewer')));
      const before = await readFile(lake.datasetPath);
      expect((await refusal(reviewer.run('signoff', unit, '李审核'))).rule).toBe('confidentiality');
      expect((await readFile(lake.datasetPath)).equals(before)).toBe(true);
      await reviewer.run('signoff', unit, '李审核', CONFIRMED);
      expect(
        await lake.client().fetch('*[_type == "signOff" && unit == $unit]{signer, decision, confidentialityChecked}', { unit }),
      ).toEqual([{ signer: '李审核', decision: 'approve', confidentialityChecked: true }]);
      expect((await reviewer.status(unit)).state).toBe('signed');
    } finally {
      await lake.stop();
    }
  });
});
