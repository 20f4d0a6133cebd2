/**
 * The desk's workflow lists (待审签, 已审签待发布, 已发布, 已撤回) select the right documents:
 * their GROQ filters run with groq-js over units the real workflow brought into each state,
 * both on the raw dataset and as Studio's drafts perspective shows it (drafts over published,
 * under the published id).
 */
import { evaluate, parse } from 'groq-js';
import { getTypeNamesFromFilter } from 'sanity/structure';
import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { isDraftId, publishedId } from '../../core/model/documentTypes.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { WORKFLOW_LISTS, WORKFLOW_TYPES } from '../../studio/structure.ts';
import { deterministic, workflowDataset } from '../workflow/fixtures.ts';

/** What Studio's drafts perspective serves: each document once, its draft if it has one, under the published id. */
function draftsPerspective(documents: StoredDocument[]): StoredDocument[] {
  const byId = new Map<string, StoredDocument>();
  for (const doc of documents) if (!isDraftId(doc._id)) byId.set(doc._id, doc);
  for (const doc of documents) if (isDraftId(doc._id)) byId.set(publishedId(doc._id), { ...doc, _id: publishedId(doc._id) });
  return [...byId.values()];
}

async function listed(documents: StoredDocument[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const list of WORKFLOW_LISTS) {
    const ids = new Set<string>();
    for (const dataset of [documents, draftsPerspective(documents)]) {
      const result = (await (
        await evaluate(parse(`*[${list.filter}]._id`), { dataset, params: { types: WORKFLOW_TYPES } })
      ).get()) as string[];
      const found = [...new Set(result.map(publishedId))].sort();
      // Both perspectives agree.
      if (dataset !== documents) expect(found, list.id).toEqual([...ids].sort());
      for (const id of found) ids.add(id);
    }
    out[list.id] = [...ids].sort();
  }
  return out;
}

async function scenario(steps: (w: Workflow, store: MemoryStore) => Promise<unknown>) {
  const store = new MemoryStore(workflowDataset());
  await steps(new Workflow(store, deterministic()), store);
  return listed(store.documents);
}

const IMPORTED = [
  'analysis-a',
  'annualReport-2025',
  'guide-a',
  'interpretation-a',
  'news-a',
  'plan-a',
  'policy-a',
  'proposal-a',
  'result-a',
  'rule-a',
];

describe('workflow lists in the desk', () => {
  it('lists imported published documents as 已发布 and nothing else before any workflow step', async () => {
    expect(await scenario(async () => undefined)).toEqual({ pending: [], signed: [], released: IMPORTED, withdrawn: [] });
  });

  it('lists both halves of a submitted pair as 待审签, then as 已审签待发布, then as 已发布', async () => {
    let lists = await scenario((w) => w.run('submit', 'policy-b', '王编辑'));
    expect(lists.pending).toEqual(['interpretation-b', 'policy-b']);
    lists = await scenario(async (w) => {
      await w.run('submit', 'policy-b', '王编辑');
      await w.run('signoff', 'policy-b', '李审核', { confidentialityChecked: true });
    });
    expect(lists).toMatchObject({ pending: [], signed: ['interpretation-b', 'policy-b'] });
    lists = await scenario(async (w) => {
      await w.run('submit', 'policy-b', '王编辑');
      await w.run('signoff', 'policy-b', '李审核', { confidentialityChecked: true });
      await w.run('release', 'policy-b', '李审核');
    });
    expect(lists).toMatchObject({ pending: [], signed: [], released: [...IMPORTED, 'interpretation-b', 'policy-b'].sort() });
  });

  it('moves a withdrawn pair from 已发布 to 已撤回, and back when it is released again', async () => {
    let lists = await scenario((w) => w.run('withdraw', 'interpretation-a', '李审核', { reason: '依据调整' }));
    expect(lists.withdrawn).toEqual(['interpretation-a', 'policy-a']);
    expect(lists.released).not.toContain('policy-a');
    lists = await scenario(async (w, store) => {
      await w.run('withdraw', 'policy-a', '李审核', { reason: '依据调整' });
      await w.run('submit', 'policy-a', '王编辑');
      // Resubmitted but not yet released: still not public.
      expect((await listed(store.documents)).released).not.toContain('policy-a');
      await w.run('signoff', 'policy-a', '李审核', { confidentialityChecked: true });
      await w.run('release', 'policy-a', '李审核');
    });
    expect(lists).toMatchObject({ withdrawn: [], released: IMPORTED });
  });

  it('lists single documents of the other types too', async () => {
    const lists = await scenario(async (w) => {
      await w.edit('news-a', '王编辑', { summary: '修改后的概述。' });
      await w.run('submit', 'news-a', '王编辑');
    });
    expect(lists.pending).toEqual(['news-a']);
    // Its published version is still public while the change waits for 审签.
    expect(lists.released).toContain('news-a');
  });

  it('opens what it lists as what it is: the Studio reads no document type from a list filter', () => {
    // The Studio opens a filtered list's documents as the type it reads from the filter's text;
    // when it reads none, it asks the Content Lake for each clicked document's own type.
    for (const list of WORKFLOW_LISTS) {
      const inferred = getTypeNamesFromFilter(list.filter, { types: WORKFLOW_TYPES });
      expect(inferred, list.id).toEqual([]);
    }
  });
});
