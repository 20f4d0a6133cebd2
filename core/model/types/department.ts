/** 科室/单位: who drafts, interprets and publishes. */
import { documentType, string } from '../fields.ts';

export const department = documentType('department', {
  fields: {
    name: string({ required: true }),
    code: string({
      required: true,
      description: '科室代码，只用大写字母、数字和连字符，例如 ZCFG',
      pattern: /^[0-9A-Z-]{1,18}$/,
      message: '代码只能由数字、大写字母和连字符组成',
    }),
  },
  preview: { title: 'name', subtitle: 'code' },
});
