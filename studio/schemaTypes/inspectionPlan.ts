import { defineArrayMember, defineField, defineType } from 'sanity';
import { PUBLIC_TYPES } from '../../core/model/documentTypes.ts';
import { FIELD_LABELS as L } from '../../core/model/labels.ts';
import { INSPECTION_LEVELS, INSPECTION_METHODS, optionList } from '../../core/model/vocabulary.ts';
import { CONTENT_GROUP, disclosureMetadataFields, METADATA_GROUP } from './fields/disclosureMetadata.ts';

export const inspectionPlan = defineType({
  name: 'inspectionPlan',
  title: PUBLIC_TYPES.inspectionPlan,
  type: 'document',
  groups: [CONTENT_GROUP, METADATA_GROUP],
  fields: [
    ...disclosureMetadataFields({ bodyRequired: false }),
    defineField({ name: 'year', title: L.year, type: 'number', group: 'content', validation: (rule) => rule.required().integer().min(1990).max(2100) }),
    defineField({
      name: 'items',
      title: L.items,
      type: 'array',
      group: 'content',
      validation: (rule) => rule.required().min(1).error('事项清单至少包含一项'),
      of: [
        defineArrayMember({
          type: 'object',
          name: 'inspectionItem',
          fields: [
            defineField({ name: 'category', title: '抽查类别', type: 'string', validation: (rule) => rule.required() }),
            defineField({ name: 'item', title: '抽查事项', type: 'string', validation: (rule) => rule.required() }),
            defineField({ name: 'target', title: '检查对象', type: 'string', validation: (rule) => rule.required() }),
            defineField({ name: 'level', title: '事项类别', type: 'string', options: { list: optionList(INSPECTION_LEVELS), layout: 'radio' }, validation: (rule) => rule.required() }),
            defineField({
              name: 'methods',
              title: '检查方式',
              type: 'array',
              of: [defineArrayMember({ type: 'string', options: { list: optionList(INSPECTION_METHODS) } })],
              options: { list: optionList(INSPECTION_METHODS) },
              validation: (rule) => rule.required().min(1).error('至少选择一种检查方式'),
            }),
            defineField({ name: 'subject', title: '检查主体', type: 'string', validation: (rule) => rule.required() }),
            defineField({ name: 'basis', title: '检查依据', type: 'text', rows: 2, validation: (rule) => rule.required() }),
          ],
          preview: { select: { title: 'item', subtitle: 'category' } },
        }),
      ],
    }),
  ],
  preview: { select: { title: 'title', subtitle: 'year' } },
});
