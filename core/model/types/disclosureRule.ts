/**
 * 政府信息公开制度: one of the bureau's own rules (保密审查, 发布审核, 依申请公开办理 …), released through
 * the sign-off like any single document; listed in `order`.
 */
import { documentType, number } from '../fields.ts';
import { disclosureMetadata } from './disclosureMetadata.ts';

export const disclosureRule = documentType('disclosureRule', {
  fields: {
    ...disclosureMetadata(true),
    order: number({
      required: true,
      integer: true,
      min: 1,
      max: 99,
      group: 'metadata',
      description: '在制度列表中的排列顺序，1 在最前',
      message: '排序为 1–99 的整数',
    }),
  },
  preview: { title: 'title', subtitle: 'formedAt' },
  orderings: [{ title: '按排序', name: 'order', by: [{ field: 'order', direction: 'asc' }] }],
});
