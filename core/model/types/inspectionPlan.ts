/** 双随机抽查事项清单: the year's inspection items. */
import { choices, documentType, enumOf, item, list, longText, number, string } from '../fields.ts';
import { INSPECTION_LEVELS, INSPECTION_METHODS } from '../vocabulary.ts';
import { disclosureMetadata } from './disclosureMetadata.ts';

const inspectionItem = item(
  'inspectionItem',
  {
    category: string({ required: true, title: '抽查类别' }),
    item: string({ required: true, title: '抽查事项' }),
    target: string({ required: true, title: '检查对象' }),
    level: enumOf(INSPECTION_LEVELS, { required: true, title: '事项类别', layout: 'radio' }),
    methods: choices(INSPECTION_METHODS, { required: true, title: '检查方式', minItems: 1, message: '至少选择一种检查方式' }),
    subject: string({ required: true, title: '检查主体' }),
    basis: longText({ required: true, title: '检查依据', rows: 2 }),
  },
  { title: 'item', subtitle: 'category' },
);

export const inspectionPlan = documentType('inspectionPlan', {
  fields: {
    ...disclosureMetadata(false),
    year: number({ required: true, group: 'content', integer: true, min: 1990, max: 2100 }),
    items: list(inspectionItem, { required: true, group: 'content', minItems: 1, message: '事项清单至少包含一项' }),
  },
  preview: { title: 'title', subtitle: 'year' },
});
