/** 12315 指挥中心工作情况简析: a quarter's or a month's consultations, complaints and reports. */
import { documentType, enumOf, item, list, number, object, string } from '../fields.ts';
import { COMPLAINT_FIGURES, COMPLAINT_KINDS } from '../vocabulary.ts';
import { disclosureMetadata } from './disclosureMetadata.ts';

const count = (title: string) =>
  number({ required: true, title, integer: true, integerMessage: '应为整数', min: 0, message: '不能为负数' });

/** One channel's volume with the two comparison bases, so 环比 and 同比 can be shown. */
const figure = (name: keyof typeof COMPLAINT_FIGURES) =>
  object(
    { count: count('本期'), previous: count('上期（环比基数）'), lastYear: count('上年同期（同比基数）') },
    { required: true, title: COMPLAINT_FIGURES[name], columns: 3 },
  );

function periodProblem(period: { quarter?: number; month?: number }): string | null {
  return (period.quarter === undefined) !== (period.month === undefined) ? null : '统计期间须填写季度或月份之一（不能都填，也不能都不填）';
}

const category = { name: string({ required: true, title: '类别' }), count: count('件数') };

export const complaintAnalysis = documentType('complaintAnalysis', {
  fields: {
    ...disclosureMetadata(false),
    period: object(
      {
        year: number({ required: true, title: '年份', integer: true, min: 1990, max: 2100 }),
        quarter: number({ title: '季度', integer: true, min: 1, max: 4, listed: true }),
        month: number({ title: '月份', integer: true, min: 1, max: 12 }),
      },
      {
        required: true,
        description: '季度报告填写季度，月度报告填写月份，二者只填其一',
        group: 'content',
        columns: 3,
        check: periodProblem,
      },
    ),
    figures: object(
      { consultations: figure('consultations'), complaints: figure('complaints'), reports: figure('reports') },
      { required: true, group: 'content' },
    ),
    complaintCategories: list(
      item(
        'complaintCategory',
        { kind: enumOf(COMPLAINT_KINDS, { required: true, title: '商品/服务' }), ...category },
        { title: 'name', subtitle: 'count' },
      ),
      { group: 'content' },
    ),
    reportCategories: list(item('reportCategory', category, { title: 'name', subtitle: 'count' }), { group: 'content' }),
    recoveredLoss: number({ group: 'content', min: 0, message: '不能为负数' }),
    completionRate: number({ group: 'content', min: 0, max: 100, message: '应在 0–100 之间' }),
  },
  preview: { title: 'title', subtitle: 'formedAt' },
});
