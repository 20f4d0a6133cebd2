/**
 * A button is enabled exactly when its transition would succeed, because availability runs
 * that transition on the unit's snapshot: over units brought into every state by the real
 * workflow and over random sequences of edits and transitions, an action offered to a user
 * succeeds when that user runs it (with the words its dialog asks for), and one withheld is
 * refused with exactly the reason the button shows — for the author, the reviewer and a third
 * person, on either half of a pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { ACTION_NAMES, availableActions, type ActionName } from '../../core/workflow/availability.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { Snapshot } from '../../core/workflow/snapshot.ts';
import { needsText, TRANSITIONS } from '../../core/workflow/transitionTable.ts';
import { refusalText, WorkflowError } from '../../core/workflow/units.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { deterministic, workflowDataset } from '../workflow/fixtures.ts';

const AUTHOR = '王编辑';
const REVIEWER = '李审核';
const OTHER = '陈审核';
const USERS = [AUTHOR, REVIEWER, OTHER];
/** What the dialogs ask for: the 退回 comment, the 撤回 reason, the 审签's 保密审查 confirmation. */
const TEXT = { comment: '请核对第三条', reason: '依据文件已废止', confidentialityChecked: true };

function workflowOn(documents: StoredDocument[]) {
  const store = new MemoryStore(structuredClone(documents));
  return { store, workflow: new Workflow(store, deterministic()) };
}

/** Each scenario brings the fixture into one state through the real workflow. */
const SCENARIOS: Record<string, { ids: string[]; steps: (w: Workflow) => Promise<unknown> }> = {
  'draft pair': { ids: ['policy-b', 'interpretation-b'], steps: async () => undefined },
  'submitted pair': { ids: ['policy-b', 'interpretation-b'], steps: (w) => w.run('submit', 'policy-b', AUTHOR) },
  'submitted after the reviewer edited': {
    ids: ['policy-b', 'interpretation-b'],
    steps: async (w) => {
      await w.edit('interpretation-b', REVIEWER, { summary: '审核人补充的概述。' });
      await w.run('submit', 'policy-b', AUTHOR);
    },
  },
  'signed pair': {
    ids: ['policy-b', 'interpretation-b'],
    steps: async (w) => {
      await w.run('submit', 'policy-b', AUTHOR);
      await w.run('signoff', 'interpretation-b', REVIEWER, { confidentialityChecked: true });
    },
  },
  'stale pair': {
    ids: ['policy-b', 'interpretation-b'],
    steps: async (w) => {
      await w.run('submit', 'policy-b', AUTHOR);
      await w.run('signoff', 'policy-b', REVIEWER, { confidentialityChecked: true });
      await w.edit('policy-b', AUTHOR, { summary: '审签后又改了。' });
    },
  },
  'returned pair': {
    ids: ['policy-b', 'interpretation-b'],
    steps: async (w) => {
      await w.run('submit', 'policy-b', AUTHOR);
      await w.run('return', 'policy-b', REVIEWER, { comment: '请修改' });
    },
  },
  'released pair': {
    ids: ['policy-b', 'interpretation-b'],
    steps: async (w) => {
      await w.run('submit', 'policy-b', AUTHOR);
      await w.run('signoff', 'policy-b', REVIEWER, { confidentialityChecked: true });
      await w.run('release', 'policy-b', REVIEWER);
    },
  },
  'withdrawn pair': {
    ids: ['policy-a', 'interpretation-a'],
    steps: (w) => w.run('withdraw', 'policy-a', REVIEWER, { reason: '依据调整' }),
  },
  'released pair with a newer draft': {
    ids: ['policy-a', 'interpretation-a'],
    steps: (w) => w.edit('interpretation-a', AUTHOR, { summary: '新的概述。' }),
  },
  'incomplete draft': { ids: ['policy-b'], steps: (w) => w.edit('policy-b', AUTHOR, { topic: '不存在的主题' }) },
  'pair with the wrong publisher': {
    ids: ['interpretation-b'],
    steps: (w) => w.edit('interpretation-b', AUTHOR, { publisher: { _type: 'reference', _ref: 'dept-other' } }),
  },
  'pair disclosed differently': {
    ids: ['policy-b'],
    steps: (w) => w.edit('interpretation-b', AUTHOR, { disclosure: { mode: 'none', reason: '涉及国家秘密' } }),
  },
  'released single document': { ids: ['news-a'], steps: async () => undefined },
  'edited single document': { ids: ['news-a'], steps: (w) => w.edit('news-a', AUTHOR, { summary: '修改后的概述。' }) },
  'submitted single document': {
    ids: ['news-a'],
    steps: async (w) => {
      await w.edit('news-a', AUTHOR, { summary: '修改后的概述。' });
      await w.run('submit', 'news-a', AUTHOR);
    },
  },
};

async function stateOf(name: string): Promise<StoredDocument[]> {
  const { store, workflow } = workflowOn(workflowDataset());
  await SCENARIOS[name]!.steps(workflow);
  return store.documents;
}

/** Runs the action on a copy; returns 'ok' or the error it was refused with. */
async function attempt(documents: StoredDocument[], action: ActionName, id: string, user: string): Promise<'ok' | unknown> {
  const { workflow } = workflowOn(documents);
  return workflow.run(action, id, user, TEXT).then(
    () => 'ok',
    (error: unknown) => error,
  );
}

const NOW = new Date('2026-11-02T02:00:00Z');

async function checkAgreement(documents: StoredDocument[], id: string, user: string, label: string) {
  const available = availableActions(new Snapshot(documents), id, user, NOW);
  for (const action of ACTION_NAMES) {
    const outcome = await attempt(documents, action, id, user);
    const where = `${label}: ${action} on ${id} by ${user}`;
    if (available[action].enabled) {
      expect(outcome, `${where} was offered but refused: ${(outcome as Error).message}`).toBe('ok');
    } else {
      expect(outcome, `${where} was withheld (${available[action].reason}) but succeeds`).toBeInstanceOf(WorkflowError);
      // The reason on the button is the refusal the person would get, word for word.
      expect(available[action].reason, where).toBe(refusalText(outcome as WorkflowError));
    }
  }
  return available;
}

describe('availableActions agrees with the rules', () => {
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    it(name, async () => {
      const documents = await stateOf(name);
      for (const id of scenario.ids) for (const user of USERS) await checkAgreement(documents, id, user, name);
    });
  }

  it('agrees after random sequences of edits and transitions', async () => {
    const DOCS = ['policy-a', 'interpretation-b', 'policy-b', 'news-a'];
    const step = fc.record({
      kind: fc.constantFrom<ActionName | 'edit'>('edit', ...ACTION_NAMES),
      doc: fc.constantFrom(...DOCS),
      user: fc.constantFrom(...USERS),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 8 }), fc.constantFrom(...DOCS), fc.constantFrom(...USERS), async (steps, id, user) => {
        const { store, workflow } = workflowOn(workflowDataset());
        for (const s of steps) {
          if (s.kind === 'edit') await workflow.edit(s.doc, s.user, { summary: `${s.user}的修改` });
          else await workflow.run(s.kind, s.doc, s.user, TEXT).catch(() => undefined);
        }
        await checkAgreement(store.documents, id, user, steps.map((s) => `${s.kind}:${s.doc}:${s.user}`).join(' → '));
      }),
      { numRuns: 60 },
    );
  });
});

describe('reasons an action is unavailable', () => {
  async function reasons(name: string, id: string, user: string | undefined) {
    return availableActions(new Snapshot(await stateOf(name)), id, user, NOW);
  }

  it('names the four-eyes rule for the submitter and for a member’s last author', async () => {
    expect((await reasons('submitted pair', 'policy-b', AUTHOR)).signoff).toEqual({
      enabled: false,
      reason: '审签人 王编辑 是 policy-b 的最后修改人。审签须由作者以外的人进行（四眼原则）：请另一位审核人审签',
    });
    const reviewerEdited = await reasons('submitted after the reviewer edited', 'policy-b', REVIEWER);
    expect(reviewerEdited.signoff).toEqual({
      enabled: false,
      reason: expect.stringContaining('审签人 李审核 是 interpretation-b 的最后修改人'),
    });
    expect((await reasons('submitted pair', 'policy-b', REVIEWER)).signoff).toEqual({ enabled: true });
  });

  it('says a sign-off went stale, that nothing was signed yet, and that unpublished content needs no withdrawal', async () => {
    expect((await reasons('stale pair', 'policy-b', OTHER)).release.reason).toBe(
      'policy-b 当前状态为「审签已失效」，不能执行此操作。审签后内容又被修改，审签已失效：请重新送审并审签',
    );
    expect((await reasons('submitted pair', 'policy-b', OTHER)).release.reason).toContain('只有已审签的内容可以发布');
    expect((await reasons('draft pair', 'policy-b', OTHER)).withdraw.reason).toBe(
      'policy-b、interpretation-b 未发布，无需撤回。只有已发布的内容可以撤回',
    );
    expect((await reasons('incomplete draft', 'policy-b', AUTHOR)).submit.reason).toContain('内容尚不完整');
  });

  it('offers 退回 and 同步撤回 before their words are written; the dialog asks for them and the rules still refuse none', async () => {
    expect((await reasons('submitted pair', 'policy-b', REVIEWER)).return).toEqual({ enabled: true });
    expect((await reasons('released single document', 'news-a', REVIEWER)).withdraw).toEqual({ enabled: true });
    const documents = await stateOf('submitted pair');
    await expect(workflowOn(documents).workflow.run('return', 'policy-b', REVIEWER)).rejects.toMatchObject({
      message: '退回须写明修改意见',
    });
    expect(ACTION_NAMES.filter(needsText).map((name) => TRANSITIONS[name].text.field)).toEqual(['comment', 'reason']);
    expect(ACTION_NAMES.filter(needsText)).toEqual(['return', 'withdraw']);
  });

  it('refuses a blank user with rule 7, and enables nothing while the state or the user is unknown', async () => {
    expect((await reasons('submitted pair', 'policy-b', ' ')).signoff.reason).toContain('操作人姓名为空或只有空白字符');
    for (const availability of Object.values(availableActions(undefined, 'policy-b', AUTHOR))) expect(availability.enabled).toBe(false);
    for (const availability of Object.values(await reasons('submitted pair', 'policy-b', undefined)))
      expect(availability.enabled).toBe(false);
  });
});
