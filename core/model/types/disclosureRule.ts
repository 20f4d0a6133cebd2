/** 政府信息公开制度: one of the bureau's own rules (保密审查, 发布审核, 依申请公开办理 …), in `order`. */
import { date, documentType, number, portableText, string } from '../fields.ts';

export const disclosureRule = documentType('disclosureRule', {
  fields: {
    title: string({ required: true, description: '例如：株洲市市场监督管理局政府信息公开保密审查制度' }),
    adoptedOn: date({ required: true, description: '制度印发或最近一次修订的日期' }),
    order: number({ required: true, integer: true, min: 1, max: 99, message: '排序为 1–99 的整数' }),
    body: portableText({ required: true }),
  },
  preview: { title: 'title', subtitle: 'adoptedOn' },
  orderings: [{ title: '按排序', name: 'order', by: [{ field: 'order', direction: 'asc' }] }],
});
