import { defineField, defineType } from 'sanity';
import { SUPPORT_TYPES } from '../../core/model/documentTypes.ts';
import { FIELD_LABELS as L } from '../../core/model/labels.ts';

export const department = defineType({
  name: 'department',
  title: SUPPORT_TYPES.department,
  type: 'document',
  fields: [
    defineField({ name: 'name', title: L.name, type: 'string', validation: (rule) => rule.required() }),
    defineField({
      name: 'code',
      title: L.code,
      description: '科室代码，只用大写字母、数字和连字符，例如 ZCFG',
      type: 'string',
      validation: (rule) =>
        rule
          .required()
          .regex(/^[0-9A-Z-]{1,18}$/)
          .error('代码只能由数字、大写字母和连字符组成'),
    }),
  ],
  preview: { select: { title: 'name', subtitle: 'code' } },
});
