/**
 * The sample's workflow state: the never-released pair marked `submitted` in
 * content/sample/policies/drafts.yaml has been submitted for sign-off, so a reviewer opening
 * the preview's 待审签 page finds something waiting.
 */
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { revisionOf } from '../../core/workflow/state.ts';

export interface Submission {
  /** The policy's id: the workflow's unit is the pair, named by its policy. */
  unit: string;
  actor: string;
  /** When it was submitted, as stored: `2026-11-24T02:15:00Z`. */
  at: string;
}

export function workflowHistory(docs: readonly StoredDocument[], submission: Submission | undefined): StoredDocument[] {
  if (!submission) return [];
  const { unit, actor, at } = submission;
  const members = [unit, unit.replace(/^policy-/, 'interpretation-')];
  const revisions = members.map((id, index) => {
    const draft = docs.find((d) => d._id === `drafts.${id}`);
    if (!draft?._rev) throw new Error(`sample: draft ${id} missing`);
    // The revision and the hash of its content, as the workflow records a submission.
    return { _key: `r${index}`, ...revisionOf(id, draft) };
  });
  return [
    {
      _id: `audit.${unit}.1`,
      _type: 'workflowAudit',
      _createdAt: at,
      _updatedAt: at,
      _rev: 'sampleSubmit1',
      unit,
      seq: 1,
      action: 'submit',
      actor,
      at: new Date(at).toISOString(),
      revisions,
    },
  ];
}
