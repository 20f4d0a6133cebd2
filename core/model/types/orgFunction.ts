/**
 * 机构职能 (条例 第二十条第一项): the bureau's 主要职责. Its 内设机构 are the departments
 * (department.ts, each with its 职责); its address and phone are the bureau's settings.
 * The page shows the latest by `updatedOn`.
 */
import { date, documentType, portableText, string } from '../fields.ts';

export const orgFunction = documentType('orgFunction', {
  fields: {
    title: string({ required: true, description: '例如：株洲市市场监督管理局机构职能' }),
    updatedOn: date({ required: true, description: '职能依据（“三定”方案）最近一次变更的日期' }),
    duties: portableText({ required: true }),
  },
  preview: { title: 'title', subtitle: 'updatedOn' },
});
