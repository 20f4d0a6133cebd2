/**
 * Every workflow rule (spec §2), on the in-memory store and on a real dataset file.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../core/content/dataset.ts';
import { toNdjson } from '../../core/content/ndjson.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { DatasetStore, withLock } from '../../core/workflow/datasetStore.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { Snapshot } from '../../core/workflow/snapshot.ts';
import type { WorkflowStore } from '../../core/workflow/store.ts';
import { WorkflowError } from '../../core/workflow/units.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { deterministic, workflowDataset } from './fixtures.ts';

async function rejection(promise: Promise<unknown>): Promise<WorkflowError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowError);
  return error as WorkflowError;
}

async function fileStore(docs: StoredDocument[]) {
  const path = join(await mkdtemp(join(tmpdir(), 'workflow-')), 'dataset.ndjson');
  await writeFile(path, toNdjson(docs));
  return { path, store: new DatasetStore(path) };
}

const stores: [string, () => Promise<WorkflowStore>][] = [
  ['memory', async () => new MemoryStore(workflowDataset())],
  ['dataset file', async () => (await fileStore(workflowDataset())).store],
];

describe.each(stores)('workflow rules on the %s store', (_name, makeStore) => {
  async function setup() {
    const store = await makeStore();
    return { store, workflow: new Workflow(store, deterministic()) };
  }
  async function released(id: string, store: WorkflowStore) {
    return (await store.read()).published(id);
  }

  it('1 · paired: either document names the unit, and both are released together', async () => {
    const { store, workflow } = await setup();
    await workflow.run('submit', 'interpretation-b', '王编辑');
    await workflow.run('signoff', 'policy-b', '李审核', { confidentialityChecked: true });
    await workflow.run('release', 'drafts.interpretation-b', '李审核');
    const policy = await released('policy-b', store);
    const interpretation = await released('interpretation-b', store);
    expect(policy?.title).toBe('关于推行食品经营许可告知承诺制的通知');
    expect(interpretation?.title).toBe('《关于推行食品经营许可告知承诺制的通知》政策解读');
    // References to documents that were drafts are strong once both are published.
    expect(policy?.interpretation).toEqual({ _type: 'reference', _ref: 'interpretation-b' });
  });

  it('1 · paired: a pair whose interpretation does not point back cannot be submitted', async () => {
    const { workflow } = await setup();
    await workflow.edit('interpretation-b', '王编辑', { policy: { _type: 'reference', _ref: 'policy-a' } });
    const error = await rejection(workflow.run('submit', 'policy-b', '王编辑'));
    expect(error.rule).toBe('1-paired');
    expect(error.message).toContain('解读的「相关文件」应指回政策文件 policy-b');
  });

  it('2 · signed together: the 审签单 names both documents at their exact revisions', async () => {
    const { store, workflow } = await setup();
    await workflow.run('submit', 'policy-b', '王编辑');
    await workflow.run('signoff', 'policy-b', '李审核', { confidentialityChecked: true });
    const record = (await store.read()).documents.find((d) => d._type === 'signOff')!;
    expect(record).toMatchObject({
      unit: 'policy-b',
      signer: '李审核',
      decision: 'approve',
      revisions: [
        expect.objectContaining({ document: 'policy-b', rev: 'pb1' }),
        expect.objectContaining({ document: 'interpretation-b', rev: 'ib1' }),
      ],
    });
  });

  it('2 · signed together: an edit after the sign-off makes it stale and blocks the release', async () => {
    const { store, workflow } = await setup();
    await workflow.run('submit', 'policy-b', '王编辑');
    await workflow.run('signoff', 'policy-b', '李审核', { confidentialityChecked: true });
    await workflow.edit('interpretation-b', '王编辑', { summary: '审签后又改了一句。' });
    expect((await workflow.status('policy-b')).state).toBe('stale');
    const error = await rejection(workflow.run('release', 'policy-b', '李审核'));
    expect(error.rule).toBe('4-released-together');
    expect(error.hint).toContain('重新送审');
    expect(await released('policy-b', store)).toBeUndefined();
  });

  it('2 · a sign-off needs a submission first', async () => {
    const { workflow } = await setup();
    expect((await rejection(workflow.run('signoff', 'policy-b', '李审核', { confidentialityChecked: true }))).rule).toBe(
      '2-signed-together',
    );
  });

  it('3 · four eyes: the last author cannot sign off', async () => {
    const { workflow } = await setup();
    await workflow.run('submit', 'policy-b', '赵科长');
    const error = await rejection(workflow.run('signoff', 'policy-b', '王编辑', { confidentialityChecked: true }));
    expect(error.rule).toBe('3-four-eyes');
    expect(error.message).toContain('最后修改人');
  });

  it('3 · four eyes: the submitter cannot sign off', async () => {
    const { workflow } = await setup();
    await workflow.run('submit', 'policy-b', '赵科长');
    expect((await rejection(workflow.run('signoff', 'policy-b', '赵科长', { confidentialityChecked: true }))).rule).toBe('3-four-eyes');
  });

  it('4 · released together: the signed revisions, one 发布日期, new 索引号 above every used one', async () => {
    const { store, workflow } = await setup();
    await workflow.run('submit', 'policy-b', '王编辑');
    await workflow.run('signoff', 'policy-b', '李审核', { confidentialityChecked: true });
    const plan = await workflow.run('release', 'policy-b', '李审核');
    const policy = (await released('policy-b', store))!;
    const interpretation = (await released('interpretation-b', store))!;
    expect(policy.publishedAt).toBe(plan.at);
    expect(interpretation.publishedAt).toBe(plan.at);
    // The fixture uses serials up to 00008 in 2026; the next two are assigned.
    expect([policy.indexNumber, interpretation.indexNumber]).toEqual(['MB1D50237/2026-00009', 'MB1D50237/2026-00010']);
    expect((await store.read()).draft('policy-b')).toBeUndefined();
    expect((await workflow.status('policy-b')).state).toBe('released');
  });

  it('4 · a release needs an approving sign-off', async () => {
    const { workflow } = await setup();
    await workflow.run('submit', 'policy-b', '王编辑');
    expect((await rejection(workflow.run('release', 'policy-b', '李审核'))).rule).toBe('4-released-together');
  });

  it('5 · withdrawn together, with a reason; the 索引号 is kept and never reused', async () => {
    const { store, workflow } = await setup();
    await rejection(workflow.run('withdraw', 'policy-a', '李审核'));
    await workflow.run('withdraw', 'interpretation-a', '李审核', { reason: '文件依据已调整' });
    const snapshot = await store.read();
    expect(snapshot.published('policy-a')).toBeUndefined();
    expect(snapshot.published('interpretation-a')).toBeUndefined();
    expect(snapshot.draft('policy-a')?.indexNumber).toBe('MB1D50237/2026-00008');
    expect((await workflow.status('policy-a')).state).toBe('withdrawn');
    // Released again later, the pair keeps its numbers.
    await workflow.run('submit', 'policy-a', '王编辑');
    await workflow.run('signoff', 'policy-a', '李审核', { confidentialityChecked: true });
    await workflow.run('release', 'policy-a', '李审核');
    expect((await store.read()).published('policy-a')?.indexNumber).toBe('MB1D50237/2026-00008');
  });

  it('6 · a pair cannot be released half public: mixed 公开属性 is refused', async () => {
    const { workflow } = await setup();
    await workflow.edit('interpretation-b', '王编辑', {
      disclosure: { mode: 'withheld', ground: 'processInformation', reason: '《条例》第十六条' },
    });
    expect((await rejection(workflow.run('submit', 'policy-b', '王编辑'))).rule).toBe('6-proactive');
  });

  it('7 · audited: every transition is logged with who, when and which revisions', async () => {
    const { store, workflow } = await setup();
    await workflow.run('submit', 'policy-b', '王编辑');
    await workflow.run('return', 'policy-b', '李审核', { comment: '解读需补充适用范围' });
    await workflow.edit('interpretation-b', '王编辑', { summary: '补充了适用范围。' });
    await workflow.run('submit', 'policy-b', '王编辑');
    await workflow.run('signoff', 'policy-b', '李审核', { confidentialityChecked: true });
    await workflow.run('release', 'policy-b', '李审核');
    await workflow.run('withdraw', 'policy-b', '李审核', { reason: '上级文件废止' });
    const log = (await store.read()).audit('policy-b');
    expect(log.map((e) => [e.action, e.actor])).toEqual([
      ['submit', '王编辑'],
      ['return', '李审核'],
      ['submit', '王编辑'],
      ['signoff', '李审核'],
      ['release', '李审核'],
      ['withdraw', '李审核'],
    ]);
    expect(log[1]!.reason).toBe('解读需补充适用范围');
    expect(log[5]!.reason).toBe('上级文件废止');
    for (const entry of log) expect(entry.revisions.length).toBe(2);
  });

  it('8 · single documents use the same sign-off and release', async () => {
    const { store, workflow } = await setup();
    await workflow.edit('news-a', '王编辑', { title: '醴陵瓷器地理标志保护工作推进会召开（更新）' });
    await workflow.run('submit', 'news-a', '王编辑');
    await expect(workflow.run('signoff', 'news-a', '王编辑', { confidentialityChecked: true })).rejects.toThrow('最后修改人');
    await workflow.run('signoff', 'news-a', '李审核', { confidentialityChecked: true });
    await workflow.run('release', 'news-a', '李审核');
    expect((await released('news-a', store))?.title).toBe('醴陵瓷器地理标志保护工作推进会召开（更新）');
  });
});

describe('the dataset file store', () => {
  it('writes every transition as one valid file', async () => {
    const { path, store } = await fileStore(workflowDataset());
    const workflow = new Workflow(store, deterministic());
    await workflow.run('submit', 'policy-b', '王编辑');
    await workflow.run('signoff', 'policy-b', '李审核', { confidentialityChecked: true });
    await workflow.run('release', 'policy-b', '李审核');
    const { documents } = parseDataset(await readFile(path, 'utf8'), path);
    expect(new Snapshot(documents).published('interpretation-b')).toBeDefined();
  });

  it('leaves the old file intact when the write is interrupted', async () => {
    const { path } = await fileStore(workflowDataset());
    const before = await readFile(path, 'utf8');
    const store = new DatasetStore(path, { write: async () => Promise.reject(new Error('disk full')) });
    const workflow = new Workflow(store, deterministic());
    await workflow.run('submit', 'policy-b', '王编辑').catch(() => undefined);
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('serialises two writers with a lock, so neither loses the other’s change', async () => {
    const { path } = await fileStore(workflowDataset());
    const a = new Workflow(new DatasetStore(path), deterministic());
    const b = new Workflow(new DatasetStore(path), { ...deterministic(), transactionId: () => `other-${Math.random()}` });
    await Promise.all([a.run('submit', 'policy-b', '王编辑'), b.edit('news-a', '赵编辑', { summary: '并发修改' })]);
    const snapshot = new Snapshot(parseDataset(await readFile(path, 'utf8'), path).documents);
    expect(snapshot.audit('policy-b')).toHaveLength(1);
    expect(snapshot.draft('news-a')?.summary).toBe('并发修改');
  });

  it('takes over a lock left behind by a process that no longer runs', async () => {
    const { path } = await fileStore(workflowDataset());
    await writeFile(`${path}.lock`, '999999999');
    await expect(withLock(path, async () => 'ran')).resolves.toBe('ran');
  });
});
