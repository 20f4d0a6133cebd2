/**
 * Workflow fixtures: the minimal dataset plus a pair that exists only as drafts, formed on
 * 2026-10-26 so its release on the fixtures' clock (2 November 2026) is within its 20 working
 * days (due 2026-11-23).
 */
const DRAFT_PAIR_FORMED_AT = '2026-10-26';
import { expect } from 'vitest';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { WorkflowError } from '../../core/workflow/units.ts';
import { minimalDataset } from '../fixtures/minimalDataset.ts';

export function workflowDataset(): StoredDocument[] {
  const docs: StoredDocument[] = minimalDataset().map((doc, index) => ({ ...doc, _rev: `r${index}` }));
  const policy = docs.find((d) => d._id === 'policy-a')!;
  const interpretation = docs.find((d) => d._id === 'interpretation-a')!;
  const { indexNumber: _p, publishedAt: _pa, ...policyDraft } = structuredClone(policy);
  const { indexNumber: _i, publishedAt: _ia, ...interpretationDraft } = structuredClone(interpretation);
  docs.push(
    {
      ...policyDraft,
      _id: 'drafts.policy-b',
      _rev: 'pb1',
      formedAt: DRAFT_PAIR_FORMED_AT,
      title: '关于推行食品经营许可告知承诺制的通知',
      slug: { _type: 'slug', current: 'policy-b' },
      docNumber: '株市监发〔2026〕7号',
      interpretation: { _type: 'reference', _ref: 'interpretation-b', _weak: true, _strengthenOnPublish: { type: 'interpretation' } },
      lastEditedBy: '王编辑',
    },
    {
      ...interpretationDraft,
      _id: 'drafts.interpretation-b',
      _rev: 'ib1',
      formedAt: DRAFT_PAIR_FORMED_AT,
      title: '《关于推行食品经营许可告知承诺制的通知》政策解读',
      slug: { _type: 'slug', current: 'interpretation-b' },
      policy: { _type: 'reference', _ref: 'policy-b', _weak: true, _strengthenOnPublish: { type: 'policy' } },
      lastEditedBy: '王编辑',
    },
  );
  return docs;
}

/** A clock that advances a minute per call, and numbered transaction ids. */
export function deterministic() {
  let minute = 0;
  let transaction = 0;
  return {
    now: () => new Date(Date.UTC(2026, 10, 2, 1, minute++)),
    transactionId: () => `tx${++transaction}`,
  };
}

/** The WorkflowError `promise` was refused with (the test fails if it went through). */
export async function workflowRefusal(promise: Promise<unknown>, what = 'the transition was not refused'): Promise<WorkflowError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, what).toBeInstanceOf(WorkflowError);
  return error as WorkflowError;
}
