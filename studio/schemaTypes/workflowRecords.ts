/**
 * The workflow's records as Studio shows them: read-only, written only by the workflow
 * (审签 and 发布 actions, `npm run workflow`), never edited by hand.
 */
import { defineArrayMember, defineField, defineType } from 'sanity';
import { RECORD_TYPES } from '../../core/model/documentTypes.ts';
import { SIGN_OFF_DECISIONS, WORKFLOW_ACTIONS } from '../../core/model/workflowRecords.ts';
import { optionList } from '../../core/model/vocabulary.ts';

const revisionList = (name: string, title: string, required: boolean) =>
  defineField({
    name,
    title,
    type: 'array',
    validation: (rule) => (required ? rule.required() : rule),
    of: [
      defineArrayMember({
        type: 'object',
        name: 'revisionRef',
        fields: [
          defineField({ name: 'document', title: '文档', type: 'string', validation: (rule) => rule.required() }),
          defineField({ name: 'rev', title: '版本', type: 'string', validation: (rule) => rule.required() }),
          defineField({ name: 'contentHash', title: '内容摘要（SHA-256）', type: 'string' }),
        ],
      }),
    ],
  });

export const signOff = defineType({
  name: 'signOff',
  title: RECORD_TYPES.signOff,
  type: 'document',
  readOnly: true,
  fields: [
    defineField({ name: 'unit', title: '审签对象', type: 'string', validation: (rule) => rule.required() }),
    revisionList('revisions', '审签的版本', true),
    defineField({ name: 'signer', title: '审签人', type: 'string', validation: (rule) => rule.required() }),
    defineField({ name: 'signedAt', title: '审签时间', type: 'string', validation: (rule) => rule.required() }),
    defineField({ name: 'decision', title: '审签意见', type: 'string', options: { list: optionList(SIGN_OFF_DECISIONS) }, validation: (rule) => rule.required() }),
    defineField({ name: 'comment', title: '说明', type: 'text' }),
  ],
  preview: { select: { title: 'unit', subtitle: 'signer' } },
});

export const workflowAudit = defineType({
  name: 'workflowAudit',
  title: RECORD_TYPES.workflowAudit,
  type: 'document',
  readOnly: true,
  fields: [
    defineField({ name: 'unit', title: '对象', type: 'string', validation: (rule) => rule.required() }),
    defineField({ name: 'seq', title: '序号', type: 'number', validation: (rule) => rule.required() }),
    defineField({ name: 'action', title: '操作', type: 'string', options: { list: optionList(WORKFLOW_ACTIONS) }, validation: (rule) => rule.required() }),
    defineField({ name: 'actor', title: '操作人', type: 'string', validation: (rule) => rule.required() }),
    defineField({ name: 'at', title: '时间', type: 'string', validation: (rule) => rule.required() }),
    revisionList('revisions', '涉及的版本', true),
    revisionList('published', '发布或撤下的版本', false),
    defineField({
      name: 'indexNumbers',
      title: '索引号',
      type: 'array',
      of: [
        defineArrayMember({
          type: 'object',
          name: 'assignedIndexNumber',
          fields: [
            defineField({ name: 'document', title: '文档', type: 'string', validation: (rule) => rule.required() }),
            defineField({ name: 'indexNumber', title: '索引号', type: 'string', validation: (rule) => rule.required() }),
          ],
        }),
      ],
    }),
    defineField({ name: 'reason', title: '理由', type: 'text' }),
    defineField({ name: 'signOff', title: '审签单', type: 'string' }),
    defineField({ name: 'dueDate', title: '公开期限', type: 'string' }),
    defineField({ name: 'workingDaysTaken', title: '公开用时（工作日）', type: 'number' }),
    defineField({ name: 'lateReason', title: '超期理由', type: 'text' }),
    defineField({ name: 'clockUnavailable', title: '公开时效无法计算', type: 'text' }),
  ],
  preview: { select: { title: 'action', subtitle: 'unit' } },
});
