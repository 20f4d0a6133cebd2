import { defineField, defineType } from 'sanity';
import { PUBLIC_TYPES } from '../../core/model/documentTypes.ts';
import { FIELD_LABELS as L } from '../../core/model/labels.ts';
import { optionList, VALIDITY } from '../../core/model/vocabulary.ts';
import { CONTENT_GROUP, disclosureMetadataFields, METADATA_GROUP } from './fields/disclosureMetadata.ts';
import { pairRule } from './fields/pairRule.ts';

export const policy = defineType({
  name: 'policy',
  title: PUBLIC_TYPES.policy,
  type: 'document',
  groups: [CONTENT_GROUP, METADATA_GROUP],
  fields: [
    ...disclosureMetadataFields({ bodyRequired: true }),
    defineField({ name: 'docNumber', title: L.docNumber, description: '例如 株市监发〔2026〕3号', type: 'string', group: 'metadata' }),
    defineField({ name: 'issuer', title: L.issuer, type: 'string', group: 'metadata', validation: (rule) => rule.required() }),
    defineField({
      name: 'drafter',
      title: L.drafter,
      description: '谁起草、谁解读：解读由起草科室发布',
      type: 'reference',
      to: [{ type: 'department' }],
      group: 'metadata',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'validity',
      title: L.validity,
      type: 'string',
      group: 'metadata',
      options: { list: optionList(VALIDITY), layout: 'radio' },
      initialValue: 'valid',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'replacedBy',
      title: L.replacedBy,
      description: '已修改、已废止或已失效的文件：修改或替代它的文件（公开页面和搜索结果链接到该文件）',
      type: 'reference',
      to: [{ type: 'policy' }],
      // Weak: the replacing policy is withdrawn on its own (a strong reference would block its
      // 同步撤回, on the Content Lake as in the dataset rules); a public query drops the link then.
      weak: true,
      group: 'metadata',
      hidden: ({ document }) => document?.validity === 'valid',
    }),
    defineField({
      name: 'interpretation',
      title: L.interpretation,
      description: '政策文件与解读同步组织、同步审签、同步部署，两者必须互相引用',
      type: 'reference',
      to: [{ type: 'interpretation' }],
      group: 'content',
      validation: (rule) => rule.required().custom((value, context) => pairRule('policy', value, context)),
    }),
  ],
  preview: { select: { title: 'title', subtitle: 'docNumber' } },
  orderings: [{ title: '发布日期（新→旧）', name: 'publishedAtDesc', by: [{ field: 'publishedAt', direction: 'desc' }] }],
});
