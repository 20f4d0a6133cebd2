/**
 * The workflow's own records, stored beside the content they govern:
 * - 审签单 (`signOff`): who approved or returned which exact revisions of a unit, when;
 * - 审计记录 (`workflowAudit`): one entry per submit, sign-off, return, release, withdrawal.
 * Neither type is public: no public query selects them and the site never renders them.
 */
import { z } from 'zod';

export const WORKFLOW_ACTIONS = {
  submit: '送审',
  signoff: '审签通过',
  return: '退回修改',
  release: '同步发布',
  withdraw: '同步撤回',
} as const;
export type WorkflowAction = keyof typeof WORKFLOW_ACTIONS;

export const SIGN_OFF_DECISIONS = { approve: '同意发布', return: '退回修改' } as const;
export type SignOffDecision = keyof typeof SIGN_OFF_DECISIONS;

/**
 * One document at one exact revision, and the hash of its content at that revision
 * (core/workflow/contentHash.ts): the revision id alone can be kept while the text changes.
 * Records written before the hash existed lack it and never match a current revision.
 */
export const revisionRef = z.looseObject({
  _key: z.string().optional(),
  document: z.string().min(1),
  rev: z.string().min(1),
  contentHash: z.string().min(1).optional(),
});
export type RevisionRef = z.infer<typeof revisionRef>;

export const signOffShape = {
  unit: z.string().min(1),
  revisions: z.array(revisionRef).min(1),
  signer: z.string().min(1),
  signedAt: z.string().min(1),
  decision: z.enum(['approve', 'return']),
  comment: z.string().optional(),
};

export const workflowAuditShape = {
  unit: z.string().min(1),
  seq: z.number().int().nonnegative(),
  action: z.enum(['submit', 'signoff', 'return', 'release', 'withdraw']),
  actor: z.string().min(1),
  at: z.string().min(1),
  revisions: z.array(revisionRef),
  /** For a release: the revision each document was published as; for a withdrawal: the revisions taken down. */
  published: z.array(revisionRef).optional(),
  /** For a release: the 索引号 each document carries. */
  indexNumbers: z.array(z.looseObject({ _key: z.string().optional(), document: z.string(), indexNumber: z.string() })).optional(),
  reason: z.string().optional(),
  signOff: z.string().optional(),
  /** For the first release of proactive information: its due date (生成日期 + 20 working days). */
  dueDate: z.string().optional(),
  /** For the first release of proactive information: working days from 生成日期 to the day of release. */
  workingDaysTaken: z.number().int().nonnegative().optional(),
  /** For a release after the due date: why (required then). */
  lateReason: z.string().optional(),
  /** For a release the calendar could not count (no holiday notice for its year): why the clock is missing. */
  clockUnavailable: z.string().optional(),
};

const system = { _id: z.string().min(1), _rev: z.string().optional(), _createdAt: z.string().optional(), _updatedAt: z.string().optional() };
export const signOffSchema = z.looseObject({ ...system, _type: z.literal('signOff'), ...signOffShape });
export const workflowAuditSchema = z.looseObject({ ...system, _type: z.literal('workflowAudit'), ...workflowAuditShape });
export type SignOffRecord = z.infer<typeof signOffSchema>;
export type AuditEntry = z.infer<typeof workflowAuditSchema>;
