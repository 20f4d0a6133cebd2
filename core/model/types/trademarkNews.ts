/** 商标品牌 news. */
import { documentType, enumOf } from '../fields.ts';
import { TRADEMARK_CATEGORIES } from '../vocabulary.ts';
import { disclosureMetadata } from './disclosureMetadata.ts';

export const trademarkNews = documentType('trademarkNews', {
  fields: {
    ...disclosureMetadata(true),
    category: enumOf(TRADEMARK_CATEGORIES, { required: true, group: 'metadata' }),
  },
  preview: { title: 'title', subtitle: 'category' },
});
