/** 政策解读: the drafting department's reading of its policy. */
import { boolean, documentType, enumOf, reference, string } from '../fields.ts';
import { INTERPRETATION_FORMS } from '../vocabulary.ts';
import { disclosureMetadata } from './disclosureMetadata.ts';

export const interpretation = documentType('interpretation', {
  fields: {
    ...disclosureMetadata(true),
    policy: reference('policy', {
      required: true,
      description: '所解读的政策文件；发布机构须为该文件的起草科室（谁起草、谁解读）',
      group: 'content',
      studioCheck: 'pairRule',
    }),
    interpreter: string({ description: '姓名及职务', group: 'metadata' }),
    form: enumOf(INTERPRETATION_FORMS, { required: true, group: 'metadata', initialValue: 'text' }),
    /** Set by importers that had no interpretation to import: must be replaced before it can be trusted. */
    placeholder: boolean({
      description: '导入时自动生成、尚未由起草科室撰写的解读；请撰写正式解读后取消勾选',
      group: 'metadata',
      readOnly: ({ value }) => !value,
    }),
  },
  preview: { title: 'title', subtitle: 'interpreter' },
});
