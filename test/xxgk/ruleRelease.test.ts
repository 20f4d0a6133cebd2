/**
 * The guide and the rules of the 政府信息公开 section are disclosure documents released like any single
 * document: a new rule is public only once submitted, signed off by someone other than its last author
 * and released, with a 索引号 of its own; until then the public queries never return it.
 */
import { describe, expect, it } from 'vitest';
import { createDatasetSource } from '../../core/content/localSource.ts';
import { catalogQuery, disclosureGuidesQuery, disclosureRulesQuery } from '../../core/content/queries.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import type { Snapshot } from '../../core/workflow/snapshot.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { deterministic, workflowDataset } from '../workflow/fixtures.ts';

function withDraftRule(): StoredDocument[] {
  const docs = workflowDataset();
  const released = docs.find((doc) => doc._id === 'rule-a')!;
  const { indexNumber: _n, publishedAt: _p, ...rule } = structuredClone(released);
  docs.push({
    ...rule,
    _id: 'drafts.rule-b',
    _rev: 'rb1',
    title: '政府信息公开发布审核制度',
    slug: { _type: 'slug', current: 'rule-b' },
    formedAt: '2026-10-28',
    order: 2,
  });
  return docs;
}

const publicIds = async (snapshot: Snapshot) => {
  const source = createDatasetSource({ source: 'test', documents: [...snapshot.documents] }, 'published');
  const [rules, guides, catalog] = await Promise.all([
    source.fetch(disclosureRulesQuery),
    source.fetch(disclosureGuidesQuery),
    source.fetch(catalogQuery),
  ]);
  return { rules: rules.map((r) => r._id), guides: guides.map((g) => g._id), catalog: catalog.map((entry) => entry._id) };
};

describe('a 政府信息公开制度 in the workflow', () => {
  it('is public only after 送审, 审签 by another person and 发布, with its own 索引号, and listed in the 主动公开目录', async () => {
    const store = new MemoryStore(withDraftRule());
    const workflow = new Workflow(store, deterministic());
    await workflow.edit('rule-b', '王编辑', { summary: '政府信息发布的三级审核和四眼原则。' });
    expect((await publicIds(await store.read())).rules).toEqual(['rule-a']);

    await workflow.run('submit', 'rule-b', '王编辑');
    await expect(workflow.run('signoff', 'rule-b', '王编辑', { confidentialityChecked: true })).rejects.toThrow('最后修改人');
    await workflow.run('signoff', 'rule-b', '李审核', { confidentialityChecked: true });
    expect((await publicIds(await store.read())).rules).toEqual(['rule-a']);
    await workflow.run('release', 'rule-b', '李审核');

    const snapshot = await store.read();
    const published = snapshot.published('rule-b')!;
    expect(published.indexNumber).toMatch(/^MB1D50237\/2026-\d{5}$/);
    expect(snapshot.audit('rule-b').at(-1)!.action).toBe('release');
    const shown = await publicIds(snapshot);
    expect(shown.rules).toEqual(['rule-a', 'rule-b']);
    expect(shown.catalog).toEqual(expect.arrayContaining(['rule-a', 'rule-b', 'guide-a']));
  });

  it('takes a withdrawn guide off the public queries and the catalogue', async () => {
    const store = new MemoryStore(workflowDataset());
    const workflow = new Workflow(store, deterministic());
    expect((await publicIds(await store.read())).guides).toEqual(['guide-a']);
    await workflow.run('withdraw', 'guide-a', '李审核', { reason: '指南修订中，旧版不再适用' });
    const shown = await publicIds(await store.read());
    expect(shown.guides).toEqual([]);
    expect(shown.catalog).not.toContain('guide-a');
  });
});
