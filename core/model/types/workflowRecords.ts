/**
 * The workflow's own records, stored beside the content they govern and shown read-only in
 * the Studio: 审签单 (`signOff`) and 审计记录 (`workflowAudit`), see core/model/workflowRecords.ts.
 * The workflow writes them, nobody types them: their values keep the exact schemas the workflow
 * has always written (no trimming), and the Studio only checks that required fields are there.
 */
import { z } from 'zod';
import { boolean, documentType, enumOf, item, list, longText, number, string } from '../fields.ts';
import { REVIEW_OUTCOMES, SIGN_OFF_DECISIONS, WORKFLOW_ACTIONS } from '../vocabulary.ts';

const written = z.string().min(1);
const count = z.number().int().nonnegative();

/**
 * One document at one exact revision, and the hash of its content at that revision
 * (core/workflow/contentHash.ts): the revision id alone can be kept while the text changes.
 * Records written before the hash existed lack it and never match a current revision.
 */
export const revisionRefItem = item('revisionRef', {
  document: string({ required: true, title: '文档', schema: written }),
  rev: string({ required: true, title: '版本', schema: written }),
  contentHash: string({ title: '内容摘要（SHA-256）', schema: written }),
});

export const signOff = documentType('signOff', {
  readOnly: true,
  fields: {
    unit: string({ required: true, title: '审签对象', schema: written }),
    revisions: list(revisionRefItem, { required: true, title: '审签的版本', schema: z.array(revisionRefItem.schema).min(1) }),
    signer: string({ required: true, title: '审签人', schema: written }),
    signedAt: string({ required: true, title: '审签时间', schema: written }),
    decision: enumOf(SIGN_OFF_DECISIONS, { required: true, title: '审签意见' }),
    comment: longText({ title: '说明' }),
    /**
     * The signer's confirmation that the content passed its 保密审查 before it goes public (先审查后公开).
     * An approval without it does not count as signed (core/workflow/state.ts); a return needs none.
     */
    confidentialityChecked: boolean({ title: '审签人已确认保密审查' }),
  },
  preview: { title: 'unit', subtitle: 'signer' },
});

export const workflowAudit = documentType('workflowAudit', {
  readOnly: true,
  fields: {
    unit: string({ required: true, title: '对象', schema: written }),
    seq: number({ required: true, title: '序号', schema: count }),
    action: enumOf(WORKFLOW_ACTIONS, { required: true, title: '操作' }),
    actor: string({ required: true, title: '操作人', schema: written }),
    at: string({ required: true, title: '时间', schema: written }),
    revisions: list(revisionRefItem, { required: true, title: '涉及的版本' }),
    /** For a release: the revision each document was published as; for a withdrawal: the revisions taken down. */
    published: list(revisionRefItem, { title: '发布或撤下的版本' }),
    /** For a release: the 索引号 each document carries. */
    indexNumbers: list(
      item('assignedIndexNumber', {
        document: string({ required: true, title: '文档', schema: z.string() }),
        indexNumber: string({ required: true, title: '索引号', schema: z.string() }),
      }),
      { title: '索引号' },
    ),
    reason: longText({ title: '理由' }),
    signOff: string({ title: '审签单' }),
    /** For the first release of proactive information: its due date (生成日期 + 20 working days). */
    dueDate: string({ title: '公开期限' }),
    /** For the first release of proactive information: working days from 生成日期 to the day of release. */
    workingDaysTaken: number({ title: '公开用时（工作日）', schema: count }),
    /** For a release after the due date: why (required then). */
    lateReason: longText({ title: '超期理由' }),
    /** For a release the calendar could not count (no holiday notice for its year): why the clock is missing. */
    clockUnavailable: longText({ title: '公开时效无法计算' }),
    /** For a yearly 复核 of information that is not proactive: its conclusion (the comment is `reason`). */
    reviewOutcome: enumOf(REVIEW_OUTCOMES, { title: '复核结论' }),
    /** For a yearly 复核: the day it was made (Beijing), as written into each document's 最近复核日期. */
    reviewedOn: string({ title: '复核日期', schema: written }),
  },
  preview: { title: 'action', subtitle: 'unit' },
});
