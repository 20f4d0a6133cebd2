/** 政策文件: published together with its interpretation (谁起草、谁解读). */
import { date, documentType, enumOf, reference, string } from '../fields.ts';
import { POLICY_KINDS, VALIDITY } from '../vocabulary.ts';
import { disclosureMetadata } from './disclosureMetadata.ts';

/** A repeal date belongs to a repealed or expired policy, and comes after its issue. */
function repealDateProblem(doc: Record<string, unknown>): string | null {
  const repealedAt = doc.repealedAt;
  if (typeof repealedAt !== 'string') return null;
  if (doc.validity !== 'repealed' && doc.validity !== 'expired') return '只有已废止或已失效的文件才有废止（失效）日期';
  const issuedAt = typeof doc.issuedAt === 'string' ? doc.issuedAt : doc.formedAt;
  if (typeof issuedAt === 'string' && repealedAt < issuedAt) return `废止（失效）日期 ${repealedAt} 早于制发日期 ${issuedAt}`;
  return null;
}

export const policy = documentType('policy', {
  fields: {
    ...disclosureMetadata(true),
    docNumber: string({ description: '例如 株市监发〔2026〕3号', group: 'metadata' }),
    issuer: string({ required: true, group: 'metadata' }),
    drafter: reference('department', { required: true, description: '谁起草、谁解读：解读由起草科室发布', group: 'metadata' }),
    validity: enumOf(VALIDITY, { required: true, group: 'metadata', layout: 'radio', initialValue: 'valid' }),
    /** 表二 of the annual report counts 规章 and 行政规范性文件 by these three fields (core/disclosure/report/tableTwo.ts). */
    kind: enumOf(POLICY_KINDS, {
      title: '文件类别',
      description: '政府信息公开工作年度报告表二按此统计规章和行政规范性文件',
      group: 'metadata',
      layout: 'radio',
      studioCheck: 'requiredInStudio',
    }),
    issuedAt: date({
      title: '制发日期',
      description: '印发日期，与成文日期不同时填写；年度报告表二按此统计，不填时按成文日期（生成日期）',
      group: 'metadata',
    }),
    repealedAt: date({
      title: '废止（失效）日期',
      description: '文件废止或失效之日；年度报告表二的本年废止件数和现行有效件数按此统计',
      group: 'metadata',
      hidden: ({ document }) => document?.validity !== 'repealed' && document?.validity !== 'expired',
      documentCheck: repealDateProblem,
    }),
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
