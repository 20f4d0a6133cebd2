import { defineField, defineType } from 'sanity';
import { PUBLIC_TYPES } from '../../core/model/documentTypes.ts';
import { FIELD_LABELS as L } from '../../core/model/labels.ts';
import { INTERPRETATION_FORMS, optionList } from '../../core/model/vocabulary.ts';
import { CONTENT_GROUP, disclosureMetadataFields, METADATA_GROUP } from './fields/disclosureMetadata.ts';
import { pairRule } from './fields/pairRule.ts';

export const interpretation = defineType({
  name: 'interpretation',
  title: PUBLIC_TYPES.interpretation,
  type: 'document',
  groups: [CONTENT_GROUP, METADATA_GROUP],
  fields: [
    ...disclosureMetadataFields({ bodyRequired: true }),
    defineField({
      name: 'policy',
      title: L.policy,
      description: '所解读的政策文件；发布机构须为该文件的起草科室（谁起草、谁解读）',
      type: 'reference',
      to: [{ type: 'policy' }],
      group: 'content',
      validation: (rule) => rule.required().custom((value, context) => pairRule('interpretation', value, context)),
    }),
    defineField({ name: 'interpreter', title: L.interpreter, description: '姓名及职务', type: 'string', group: 'metadata' }),
    defineField({
      name: 'form',
      title: L.form,
      type: 'string',
      group: 'metadata',
      options: { list: optionList(INTERPRETATION_FORMS) },
      initialValue: 'text',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'placeholder',
      title: L.placeholder,
      description: '导入时自动生成、尚未由起草科室撰写的解读；请撰写正式解读后取消勾选',
      type: 'boolean',
      group: 'metadata',
      readOnly: ({ value }) => !value,
    }),
  ],
  preview: { select: { title: 'title', subtitle: 'interpreter' } },
});
