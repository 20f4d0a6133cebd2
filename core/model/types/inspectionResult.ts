/** 抽查结果公告: what one inspection task found, enterprise by enterprise. */
import { creditCodeProblem } from '../creditCode.ts';
import { date, documentType, enumOf, item, list, reference, string } from '../fields.ts';
import { INSPECTION_RESULTS } from '../vocabulary.ts';
import { disclosureMetadata } from './disclosureMetadata.ts';

const inspectionRecord = item(
  'inspectionRecord',
  {
    enterpriseName: string({ required: true }),
    /** 统一社会信用代码 with its GB 32100-2015 check character verified. */
    creditCode: string({ required: true, description: '18 位，按 GB 32100-2015 核对校验码', check: creditCodeProblem }),
    result: enumOf(INSPECTION_RESULTS, { required: true }),
    note: string(),
  },
  { title: 'enterpriseName', subtitle: 'creditCode' },
);

export const inspectionResult = documentType('inspectionResult', {
  fields: {
    ...disclosureMetadata(false),
    plan: reference('inspectionPlan', { group: 'content' }),
    taskName: string({ required: true, group: 'content' }),
    inspectedFrom: date({ required: true, group: 'content' }),
    inspectedTo: date({
      required: true,
      group: 'content',
      documentCheck: (doc) =>
        typeof doc.inspectedFrom === 'string' && typeof doc.inspectedTo === 'string' && doc.inspectedTo < doc.inspectedFrom
          ? `检查结束日期 ${doc.inspectedTo} 早于开始日期 ${doc.inspectedFrom}`
          : null,
    }),
    records: list(inspectionRecord, { required: true, group: 'content', minItems: 1, message: '结果公告至少包含一条记录' }),
  },
  preview: { title: 'title', subtitle: 'taskName' },
});
