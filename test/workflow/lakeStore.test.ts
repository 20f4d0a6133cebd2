/**
 * The Content Lake adapter at its HTTP boundary: a release or withdrawal is ONE Actions API
 * request, whose exact body is asserted here, and a revision mismatch becomes a clear
 * "changed since sign-off" error with nothing written.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANITY_API_VERSION } from '../../core/content/lakeSource.ts';
import { LakeStore } from '../../core/workflow/lakeStore.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { RevisionConflict } from '../../core/workflow/plan.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { type FakeLake, startFakeLake } from '../helpers/fakeLake.ts';
import { deterministic, workflowDataset } from './fixtures.ts';

interface Recorded {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
  authorization?: string;
}
let lake: FakeLake;
let requests: Recorded[] = [];
let dataset = workflowDataset();
let actionsResponse: { status: number; body: unknown } = { status: 200, body: { transactionId: 'x' } };
/** History API answers (NDJSON) by document id, and project users by id. */
let history: Record<string, string> = {};
const USERS: Record<string, string> = { 'p-li': '李审核' };

beforeAll(async () => {
  lake = await startFakeLake({
    documents: () => dataset,
    onRequest: ({ method, url, raw, headers }) =>
      requests.push({
        method,
        path: url.pathname,
        search: url.searchParams,
        body: raw ? JSON.parse(raw) : undefined,
        authorization: headers.authorization,
      }),
    answer: ({ url }) => {
      const historyOf = /\/data\/history\/[^/]+\/transactions\/(.+)$/.exec(url.pathname)?.[1];
      if (historyOf !== undefined) return { ndjson: history[decodeURIComponent(historyOf)] ?? '' };
      const user = /\/users\/(.+)$/.exec(url.pathname)?.[1];
      if (user !== undefined) return { json: { id: user, displayName: USERS[user] } };
      return { status: actionsResponse.status, json: actionsResponse.body };
    },
  });
});
afterAll(() => lake.close());
beforeEach(() => {
  requests = [];
  dataset = workflowDataset();
  actionsResponse = { status: 200, body: { transactionId: 'x' } };
  history = {};
});

function lakeWorkflow() {
  return new Workflow(new LakeStore(lake.client('sk-write-token')), deterministic());
}

/** Brings the fixture to "signed off" through the same rules, then serves that state. */
async function signedDataset() {
  const memory = new MemoryStore(workflowDataset());
  const local = new Workflow(memory, { now: () => new Date('2026-11-01T00:00:00Z'), transactionId: () => `prep${Math.random()}` });
  await local.run('submit', 'policy-b', '王编辑');
  await local.run('signoff', 'policy-b', '李审核', { confidentialityChecked: true });
  return memory.documents;
}

describe('Content Lake workflow store', () => {
  it('reads everything in the raw perspective with the token', async () => {
    await lakeWorkflow().status('policy-b');
    expect(requests[0]).toMatchObject({
      method: 'GET',
      path: `/v${SANITY_API_VERSION}/data/query/production`,
      authorization: 'Bearer sk-write-token',
    });
    expect(requests[0]!.search.get('perspective')).toBe('raw');
  });

  it('releases a pair in one Actions request: stamped edits guarded by the signed revisions, publishes guarded by ifDraftRevisionId', async () => {
    dataset = await signedDataset();
    await lakeWorkflow().run('release', 'interpretation-b', '李审核');
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.path).toBe(`/v${SANITY_API_VERSION}/data/actions/production`);
    const body = posts[0]!.body as { transactionId: string; actions: Record<string, unknown>[] };
    expect(body.transactionId).toBe('tx1');
    const stamp = { publishedAt: '2026-11-02T01:00:00.000Z' };
    expect(body.actions.slice(0, 4)).toEqual([
      {
        actionType: 'sanity.action.document.edit',
        draftId: 'drafts.policy-b',
        publishedId: 'policy-b',
        patch: { set: { ...stamp, indexNumber: 'MB1D50237/2026-00009' }, ifRevisionID: 'pb1' },
      },
      { actionType: 'sanity.action.document.publish', draftId: 'drafts.policy-b', publishedId: 'policy-b', ifDraftRevisionId: 'tx1' },
      {
        actionType: 'sanity.action.document.edit',
        draftId: 'drafts.interpretation-b',
        publishedId: 'interpretation-b',
        patch: { set: { ...stamp, indexNumber: 'MB1D50237/2026-00010' }, ifRevisionID: 'ib1' },
      },
      {
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.interpretation-b',
        publishedId: 'interpretation-b',
        ifDraftRevisionId: 'tx1',
      },
    ]);
    // The audit entry is created and published in the same request.
    expect(body.actions.slice(4).map((a) => a.actionType)).toEqual(['sanity.action.document.create', 'sanity.action.document.publish']);
    expect((body.actions[4] as { attributes: Record<string, unknown> }).attributes).toMatchObject({
      _type: 'workflowAudit',
      action: 'release',
      unit: 'policy-b',
      actor: '李审核',
    });
  });

  it('withdraws a pair with two unpublish actions in one request', async () => {
    await lakeWorkflow().run('withdraw', 'policy-a', '李审核', { reason: '依据调整' });
    const body = requests.find((r) => r.method === 'POST')!.body as { actions: Record<string, unknown>[] };
    expect(body.actions.slice(0, 2)).toEqual([
      { actionType: 'sanity.action.document.unpublish', draftId: 'drafts.policy-a', publishedId: 'policy-a' },
      { actionType: 'sanity.action.document.unpublish', draftId: 'drafts.interpretation-a', publishedId: 'interpretation-a' },
    ]);
  });

  it('turns a revision mismatch into a clear error', async () => {
    dataset = await signedDataset();
    actionsResponse = {
      status: 409,
      body: { error: { description: 'Document revision does not match', type: 'documentRevisionMismatchError' }, statusCode: 409 },
    };
    const error = await lakeWorkflow()
      .run('release', 'policy-b', '李审核')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RevisionConflict);
    expect((error as Error).message).toContain('请重新送审、审签后再发布');
  });

  it('refuses before sending anything when the rules say no', async () => {
    await expect(lakeWorkflow().run('release', 'policy-b', '李审核')).rejects.toMatchObject({
      rule: '4-released-together',
      hint: expect.stringContaining('只有已审签的内容可以发布'),
    });
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('takes the last author of a draft edited in Studio from the History API, so four eyes holds there too', async () => {
    // Submitted by 王编辑; then the drafts carry no lastEditedBy, as after edits made in Studio.
    const memory = new MemoryStore(workflowDataset());
    await new Workflow(memory, deterministic()).run('submit', 'policy-b', '王编辑');
    dataset = memory.documents.map(({ lastEditedBy: _, ...doc }) => doc);
    history = { 'drafts.interpretation-b': `${JSON.stringify({ id: 'ib1', author: 'p-li', timestamp: '2026-11-01T00:00:00Z' })}\n` };
    await expect(lakeWorkflow().run('signoff', 'policy-b', '李审核', { confidentialityChecked: true })).rejects.toMatchObject({
      rule: '3-four-eyes',
      message: '审签人 李审核 是 interpretation-b 的最后修改人',
    });
    const asked = requests.find((r) => r.path.endsWith('/transactions/drafts.interpretation-b'))!;
    expect(asked.path).toBe(`/v${SANITY_API_VERSION}/data/history/production/transactions/drafts.interpretation-b`);
    expect(Object.fromEntries(asked.search)).toMatchObject({ excludeContent: 'true', reverse: 'true', limit: '1' });
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    // Another reviewer may sign: the history named someone else.
    await lakeWorkflow().run('signoff', 'policy-b', '陈审核', { confidentialityChecked: true });
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('does not ask who wrote a draft that a withdrawal left behind: no one edited it', async () => {
    const memory = new MemoryStore(workflowDataset());
    await new Workflow(memory, deterministic()).run('withdraw', 'policy-a', '李审核', { reason: '依据调整' });
    dataset = memory.documents.map(({ lastEditedBy: _, ...doc }) => doc);
    await lakeWorkflow().status('policy-a');
    expect(requests.filter((r) => r.path.includes('/data/history/')).map((r) => r.path.split('/').at(-1))).toEqual([
      'drafts.policy-b',
      'drafts.interpretation-b',
    ]);
  });
});
