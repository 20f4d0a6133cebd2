/** 科室/单位: who drafts, interprets and publishes; with its 职责, they are the 内设机构 of 机构职能. */
import { documentType, longText, number, string } from '../fields.ts';

export const department = documentType('department', {
  fields: {
    name: string({ required: true }),
    code: string({
      required: true,
      description: '科室代码，只用大写字母、数字和连字符，例如 ZCFG',
      pattern: /^[0-9A-Z-]{1,18}$/,
      message: '代码只能由数字、大写字母和连字符组成',
    }),
    functions: longText({ rows: 4, description: '对外公开的主要职责；填写后列入“机构职能”页的内设机构' }),
    order: number({ integer: true, min: 1, max: 99, description: '在内设机构中的排列顺序，1 在最前', message: '排序为 1–99 的整数' }),
  },
  preview: { title: 'name', subtitle: 'code' },
});
