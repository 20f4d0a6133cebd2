import { defineArrayMember, defineField, defineType, type NumberRule } from 'sanity';
import { PUBLIC_TYPES } from '../../core/model/documentTypes.ts';
import { FIELD_LABELS as L } from '../../core/model/labels.ts';
import { COMPLAINT_FIGURES, COMPLAINT_KINDS, optionList } from '../../core/model/vocabulary.ts';
import { CONTENT_GROUP, disclosureMetadataFields, METADATA_GROUP } from './fields/disclosureMetadata.ts';

const nonNegativeInteger = { type: 'number', validation: (rule: NumberRule) => rule.required().integer().min(0) } as const;

/** One channel's volume with the two comparison bases, so 环比 and 同比 can be shown. */
function figureField(name: keyof typeof COMPLAINT_FIGURES) {
  return defineField({
    name,
    title: COMPLAINT_FIGURES[name],
    type: 'object',
    options: { columns: 3 },
    validation: (rule) => rule.required(),
    fields: [
      defineField({ name: 'count', title: '本期', ...nonNegativeInteger }),
      defineField({ name: 'previous', title: '上期（环比基数）', ...nonNegativeInteger }),
      defineField({ name: 'lastYear', title: '上年同期（同比基数）', ...nonNegativeInteger }),
    ],
  });
}

export const complaintAnalysis = defineType({
  name: 'complaintAnalysis',
  title: PUBLIC_TYPES.complaintAnalysis,
  type: 'document',
  groups: [CONTENT_GROUP, METADATA_GROUP],
  fields: [
    ...disclosureMetadataFields({ bodyRequired: false }),
    defineField({
      name: 'period',
      title: L.period,
      description: '季度报告填写季度，月度报告填写月份，二者只填其一',
      type: 'object',
      group: 'content',
      options: { columns: 3 },
      validation: (rule) =>
        rule.required().custom((value: { quarter?: number; month?: number } | undefined) =>
          !value || (value.quarter === undefined) !== (value.month === undefined)
            ? true
            : '统计期间须填写季度或月份之一（不能都填，也不能都不填）',
        ),
      fields: [
        defineField({ name: 'year', title: '年份', type: 'number', validation: (rule) => rule.required().integer().min(1990).max(2100) }),
        defineField({ name: 'quarter', title: '季度', type: 'number', options: { list: [1, 2, 3, 4] } }),
        defineField({ name: 'month', title: '月份', type: 'number', validation: (rule) => rule.integer().min(1).max(12) }),
      ],
    }),
    defineField({
      name: 'figures',
      title: L.figures,
      type: 'object',
      group: 'content',
      validation: (rule) => rule.required(),
      fields: [figureField('consultations'), figureField('complaints'), figureField('reports')],
    }),
    defineField({
      name: 'complaintCategories',
      title: L.complaintCategories,
      type: 'array',
      group: 'content',
      of: [
        defineArrayMember({
          type: 'object',
          name: 'complaintCategory',
          fields: [
            defineField({ name: 'kind', title: '商品/服务', type: 'string', options: { list: optionList(COMPLAINT_KINDS) }, validation: (rule) => rule.required() }),
            defineField({ name: 'name', title: '类别', type: 'string', validation: (rule) => rule.required() }),
            defineField({ name: 'count', title: '件数', ...nonNegativeInteger }),
          ],
          preview: { select: { title: 'name', subtitle: 'count' } },
        }),
      ],
    }),
    defineField({
      name: 'reportCategories',
      title: L.reportCategories,
      type: 'array',
      group: 'content',
      of: [
        defineArrayMember({
          type: 'object',
          name: 'reportCategory',
          fields: [
            defineField({ name: 'name', title: '类别', type: 'string', validation: (rule) => rule.required() }),
            defineField({ name: 'count', title: '件数', ...nonNegativeInteger }),
          ],
          preview: { select: { title: 'name', subtitle: 'count' } },
        }),
      ],
    }),
    defineField({ name: 'recoveredLoss', title: L.recoveredLoss, type: 'number', group: 'content', validation: (rule) => rule.min(0) }),
    defineField({ name: 'completionRate', title: L.completionRate, type: 'number', group: 'content', validation: (rule) => rule.min(0).max(100) }),
  ],
  preview: { select: { title: 'title', subtitle: 'formedAt' } },
});
