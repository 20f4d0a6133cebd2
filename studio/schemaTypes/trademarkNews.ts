import { defineField, defineType } from 'sanity';
import { PUBLIC_TYPES } from '../../core/model/documentTypes.ts';
import { FIELD_LABELS as L } from '../../core/model/labels.ts';
import { optionList, TRADEMARK_CATEGORIES } from '../../core/model/vocabulary.ts';
import { CONTENT_GROUP, disclosureMetadataFields, METADATA_GROUP } from './fields/disclosureMetadata.ts';

export const trademarkNews = defineType({
  name: 'trademarkNews',
  title: PUBLIC_TYPES.trademarkNews,
  type: 'document',
  groups: [CONTENT_GROUP, METADATA_GROUP],
  fields: [
    ...disclosureMetadataFields({ bodyRequired: true }),
    defineField({
      name: 'category',
      title: L.category,
      type: 'string',
      group: 'metadata',
      options: { list: optionList(TRADEMARK_CATEGORIES) },
      validation: (rule) => rule.required(),
    }),
  ],
  preview: { select: { title: 'title', subtitle: 'category' } },
});
