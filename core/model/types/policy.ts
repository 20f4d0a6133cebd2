/** 政策文件: published together with its interpretation (谁起草、谁解读). */
import { documentType, enumOf, reference, string } from '../fields.ts';
import { VALIDITY } from '../vocabulary.ts';
import { disclosureMetadata } from './disclosureMetadata.ts';

export const policy = documentType('policy', {
  fields: {
    ...disclosureMetadata(true),
    docNumber: string({ description: '例如 株市监发〔2026〕3号', group: 'metadata' }),
    issuer: string({ required: true, group: 'metadata' }),
    drafter: reference('department', { required: true, description: '谁起草、谁解读：解读由起草科室发布', group: 'metadata' }),
    validity: enumOf(VALIDITY, { required: true, group: 'metadata', layout: 'radio', initialValue: 'valid' }),
    /** The policy that repealed or amended this one (被…替代/修改). */
    replacedBy: reference('policy', {
      description: '已修改、已废止或已失效的文件：修改或替代它的文件（公开页面和搜索结果链接到该文件）',
      // Weak: the replacing policy is withdrawn on its own (a strong reference would block its
      // 同步撤回, on the Content Lake as in the dataset rules); a public query drops the link then.
      weak: true,
      group: 'metadata',
      hidden: ({ document }) => document?.validity === 'valid',
    }),
    interpretation: reference('interpretation', {
      required: true,
      description: '政策文件与解读同步组织、同步审签、同步部署，两者必须互相引用',
      group: 'content',
      studioCheck: 'pairRule',
    }),
  },
  preview: { title: 'title', subtitle: 'docNumber' },
  orderings: [{ title: '发布日期（新→旧）', name: 'publishedAtDesc', by: [{ field: 'publishedAt', direction: 'desc' }] }],
});
