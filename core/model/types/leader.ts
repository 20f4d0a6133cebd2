/** 领导信息 (条例 第二十条第一项): one member of the bureau's leadership, listed in `order`. */
import { documentType, longText, number, string } from '../fields.ts';

export const leader = documentType('leader', {
  fields: {
    name: string({ required: true, title: '姓名' }),
    post: string({ required: true, description: '例如：党组书记、局长' }),
    responsibilities: longText({ required: true, rows: 5, description: '分管的工作和联系的科室、单位' }),
    order: number({
      required: true,
      integer: true,
      min: 1,
      max: 99,
      description: '在领导信息页中的排列顺序，1 在最前',
      message: '排序为 1–99 的整数',
    }),
  },
  preview: { title: 'name', subtitle: 'post' },
  orderings: [{ title: '按排序', name: 'order', by: [{ field: 'order', direction: 'asc' }] }],
});
