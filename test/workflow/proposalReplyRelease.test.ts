/**
 * A 建议提案办理复文 is released like any single document (a unit of one): submitted, signed off by
 * someone other than its last author, released with its own 索引号 and 发布日期 — and, once
 * released, it is what the public site's query returns.
 */
import { describe, expect, it } from 'vitest';
import { createDatasetSource } from '../../core/content/localSource.ts';
import { proposalRepliesQuery } from '../../core/content/queries.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { deterministic, workflowDataset } from './fixtures.ts';

function withDraftReply() {
  const docs = workflowDataset();
  const released = docs.find((doc) => doc._id === 'proposal-a')!;
  const { indexNumber: _n, publishedAt: _p, ...reply } = structuredClone(released);
  docs.push({
    ...reply,
    _id: 'drafts.proposal-b',
    _rev: 'prb1',
    title: '关于加强农贸市场计量器具监管的提案',
    slug: { _type: 'slug', current: 'proposal-b' },
    kind: 'memberProposal',
    session: '市政协十三届五次会议',
    number: '第0102号',
    proposer: '易国强',
    replyCategory: 'B',
    formedAt: '2026-10-28',
    repliedAt: '2026-10-28',
  });
  return docs;
}

describe('a proposal reply in the workflow', () => {
  it('is a unit of one: signed off by another person, released with a new 索引号, then public', async () => {
    const store = new MemoryStore(withDraftReply());
    const workflow = new Workflow(store, deterministic());
    await workflow.edit('proposal-b', '王编辑', { summary: '对易国强委员所提加强农贸市场计量器具监管提案的答复。' });
    await workflow.run('submit', 'proposal-b', '王编辑');
    await expect(workflow.run('signoff', 'proposal-b', '王编辑', { confidentialityChecked: true })).rejects.toThrow('最后修改人');
    await workflow.run('signoff', 'proposal-b', '李审核', { confidentialityChecked: true });
    await workflow.run('release', 'proposal-b', '李审核');

    const snapshot = await store.read();
    const published = snapshot.published('proposal-b')!;
    expect(published.indexNumber).toMatch(/^MB1D50237\/2026-\d{5}$/);
    expect(published.indexNumber).not.toBe(snapshot.published('proposal-a')!.indexNumber);
    expect(typeof published.publishedAt).toBe('string');
    const release = snapshot.audit('proposal-b').at(-1)!;
    expect(release.action).toBe('release');

    const source = createDatasetSource({ source: 'test', documents: [...snapshot.documents] }, 'published');
    const replies = await source.fetch(proposalRepliesQuery);
    expect(replies.map((reply) => reply._id)).toContain('proposal-b');
  });
});
