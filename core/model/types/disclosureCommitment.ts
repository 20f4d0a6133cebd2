/**
 * One item of the 主动公开基本目录: what the bureau commits to publish, the department
 * responsible, how soon and where. The public page lists them as one table, by category and `order`.
 */
import { choices, documentType, enumOf, longText, number, reference, string } from '../fields.ts';
import { COMMITMENT_CATEGORIES, DISCLOSURE_CHANNELS } from '../vocabulary.ts';

export const disclosureCommitment = documentType('disclosureCommitment', {
  fields: {
    category: enumOf(COMMITMENT_CATEGORIES, { required: true }),
    item: string({ required: true, description: '公开的事项，例如：行政处罚决定信息' }),
    scope: longText({ rows: 3, description: '公开的具体内容' }),
    department: reference('department', { required: true }),
    timeLimit: string({ required: true, description: '例如：信息形成或者变更之日起 20 个工作日内' }),
    channels: choices(DISCLOSURE_CHANNELS, { required: true, minItems: 1, message: '至少选择一个公开渠道' }),
    order: number({ required: true, integer: true, min: 1, max: 999, message: '排序为 1–999 的整数' }),
  },
  preview: { title: 'item', subtitle: 'category' },
  orderings: [
    {
      title: '按类别和排序',
      name: 'categoryOrder',
      by: [
        { field: 'category', direction: 'asc' },
        { field: 'order', direction: 'asc' },
      ],
    },
  ],
});
