import { defineArrayMember, defineField, defineType } from 'sanity';
import { PUBLIC_TYPES } from '../../core/model/documentTypes.ts';
import { FIELD_LABELS as L } from '../../core/model/labels.ts';
import { INSPECTION_RESULTS, optionList } from '../../core/model/vocabulary.ts';
import { CONTENT_GROUP, disclosureMetadataFields, METADATA_GROUP } from './fields/disclosureMetadata.ts';
import { creditCodeRule } from './fields/rules.ts';

export const inspectionResult = defineType({
  name: 'inspectionResult',
  title: PUBLIC_TYPES.inspectionResult,
  type: 'document',
  groups: [CONTENT_GROUP, METADATA_GROUP],
  fields: [
    ...disclosureMetadataFields({ bodyRequired: false }),
    defineField({ name: 'plan', title: L.plan, type: 'reference', to: [{ type: 'inspectionPlan' }], group: 'content' }),
    defineField({ name: 'taskName', title: L.taskName, type: 'string', group: 'content', validation: (rule) => rule.required() }),
    defineField({ name: 'inspectedFrom', title: L.inspectedFrom, type: 'date', group: 'content', validation: (rule) => rule.required() }),
    defineField({
      name: 'inspectedTo',
      title: L.inspectedTo,
      type: 'date',
      group: 'content',
      validation: (rule) =>
        rule.required().custom((value: string | undefined, context) => {
          const from = (context.document as { inspectedFrom?: string } | undefined)?.inspectedFrom;
          return value && from && value < from ? `检查结束日期 ${value} 早于开始日期 ${from}` : true;
        }),
    }),
    defineField({
      name: 'records',
      title: L.records,
      type: 'array',
      group: 'content',
      validation: (rule) => rule.required().min(1).error('结果公告至少包含一条记录'),
      of: [
        defineArrayMember({
          type: 'object',
          name: 'inspectionRecord',
          fields: [
            defineField({ name: 'enterpriseName', title: L.enterpriseName, type: 'string', validation: (rule) => rule.required() }),
            defineField({
              name: 'creditCode',
              title: L.creditCode,
              description: '18 位，按 GB 32100-2015 核对校验码',
              type: 'string',
              validation: (rule) => rule.required().custom(creditCodeRule),
            }),
            defineField({ name: 'result', title: L.result, type: 'string', options: { list: optionList(INSPECTION_RESULTS) }, validation: (rule) => rule.required() }),
            defineField({ name: 'note', title: L.note, type: 'string' }),
          ],
          preview: { select: { title: 'enterpriseName', subtitle: 'creditCode' } },
        }),
      ],
    }),
  ],
  preview: { select: { title: 'title', subtitle: 'taskName' } },
});
