/**
 * The workflow's own records, stored beside the content they govern:
 * - 审签单 (`signOff`): who approved or returned which exact revisions of a unit, when;
 * - 审计记录 (`workflowAudit`): one entry per submit, sign-off, return, release, withdrawal.
 * Neither type is public: no public query selects them and the site never renders them.
 * Their fields are declared in types/workflowRecords.ts, with the Studio's view of them.
 */
import { z } from 'zod';
import { shapeOf } from './fields.ts';
import { systemFields } from './schemas.ts';
import type { RecordType } from './documentTypes.ts';
import { siteDeployment } from './types/siteDeployment.ts';
import { revisionRefItem, signOff, workflowAudit } from './types/workflowRecords.ts';

export { WORKFLOW_ACTIONS, type WorkflowAction } from './vocabulary.ts';

/** One document at one exact revision, with its content hash (see types/workflowRecords.ts). */
const revisionRef = revisionRefItem.schema;
export type RevisionRef = z.infer<typeof revisionRef>;

export const signOffSchema = z.looseObject({ ...systemFields, _type: z.literal('signOff'), ...shapeOf(signOff.fields) });
const workflowAuditSchema = z.looseObject({ ...systemFields, _type: z.literal('workflowAudit'), ...shapeOf(workflowAudit.fields) });
const siteDeploymentSchema = z.looseObject({ ...systemFields, _type: z.literal('siteDeployment'), ...shapeOf(siteDeployment.fields) });
/** Each record type's schema, the publisher's 上线记录 (types/siteDeployment.ts) among them. */
export const recordSchemas: Record<RecordType, z.ZodType> = {
  signOff: signOffSchema,
  workflowAudit: workflowAuditSchema,
  siteDeployment: siteDeploymentSchema,
};
export type SignOffRecord = z.infer<typeof signOffSchema>;
export type AuditEntry = z.infer<typeof workflowAuditSchema>;
