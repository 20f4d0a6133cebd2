/**
 * The sample's workflow state: the never-released 长株潭 pair has been submitted for sign-off,
 * so a reviewer opening the preview's 待审签 page finds something waiting.
 */
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { revisionOf } from '../../core/workflow/state.ts';

export const SUBMITTED_UNIT = 'policy-2026-changzhutan-consumer';
const MEMBERS = [SUBMITTED_UNIT, 'interpretation-2026-changzhutan-consumer'];

export function workflowHistory(docs: readonly StoredDocument[]): StoredDocument[] {
  const revisions = MEMBERS.map((id, index) => {
    const draft = docs.find((d) => d._id === `drafts.${id}`);
    if (!draft?._rev) throw new Error(`sample: draft ${id} missing`);
    // The revision and the hash of its content, as the workflow records a submission.
    return { _key: `r${index}`, ...revisionOf(id, draft) };
  });
  return [
    {
      _id: `audit.${SUBMITTED_UNIT}.1`,
      _type: 'workflowAudit',
      _createdAt: '2026-11-24T02:15:00Z',
      _updatedAt: '2026-11-24T02:15:00Z',
      _rev: 'sampleSubmit1',
      unit: SUBMITTED_UNIT,
      seq: 1,
      action: 'submit',
      actor: '刘芳（消费者权益保护科）',
      at: '2026-11-24T02:15:00.000Z',
      revisions,
    },
  ];
}
