/**
 * gov.cn policy records (as crawled into ../shared/corpus/govcn-2019/policies.jsonl) to
 * dataset documents. Every field the record has is kept: 索引号, 发文字号, 主题分类, 发文机关,
 * 成文日期, 发布日期, the text and the source URL. The record has no interpretation, so each
 * policy gets a placeholder interpretation, clearly labelled, to keep the pair rule.
 */
import { z } from 'zod';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { INDEX_NUMBER_PATTERN } from '../../core/model/indexNumber.ts';
import type { Problem } from '../../core/model/problems.ts';
import { paragraphsToBlocks } from '../../core/portableText/fromPlainText.ts';
import { placeholderInterpretation } from './placeholderInterpretation.ts';
import { TOPICS } from '../../core/model/vocabulary.ts';

const chineseDate = z.string().regex(/^\d{4}年\d{2}月\d{2}日$/, '应为「YYYY年MM月DD日」');

const govcnRecord = z.object({
  id: z.number(),
  url: z.string().optional(),
  索引号: z.string().regex(INDEX_NUMBER_PATTERN, '索引号格式应为「机构代码/年份-五位流水号」'),
  主题分类: z.string().refine((topic) => Object.hasOwn(TOPICS, topic), '不在主题分类表中'),
  发文机关: z.string().min(1),
  成文日期: chineseDate,
  标题: z.string().min(1),
  发文字号: z.string().optional(),
  发布日期: chineseDate,
  正文: z.string().min(1),
});
type GovcnRecord = z.infer<typeof govcnRecord>;

/** The offices that issue and publish gov.cn documents. 国务院办公厅 runs gov.cn and publishes them. */
export const GOVCN_DEPARTMENTS: StoredDocument[] = [
  { _id: 'govcn-dept-gwy', _type: 'department', name: '国务院', code: 'GWY' },
  { _id: 'govcn-dept-gwyb', _type: 'department', name: '国务院办公厅', code: '000014349' },
];

function isoDate(chinese: string): string {
  return chinese.replace(/^(\d{4})年(\d{2})月(\d{2})日$/, '$1-$2-$3');
}

/** The drafting office: the first issuer (国务院办公厅、中央军委办公厅 → 国务院办公厅). */
function drafterOf(issuer: string): string {
  return issuer.startsWith('国务院办公厅') ? 'govcn-dept-gwyb' : 'govcn-dept-gwy';
}

const ref = (id: string) => ({ _type: 'reference', _ref: id });

function govcnToDocuments(record: GovcnRecord): StoredDocument[] {
  const [, , year, serial] = INDEX_NUMBER_PATTERN.exec(record.索引号)!;
  const key = `${year}-${serial}`;
  const policyId = `govcn-policy-${key}`;
  const interpretationId = `govcn-interpretation-${key}`;
  const drafter = drafterOf(record.发文机关);
  const publishedAt = `${isoDate(record.发布日期)}T00:00:00+08:00`;
  const shared = {
    topic: record.主题分类,
    formedAt: isoDate(record.成文日期),
    publishedAt,
    disclosure: { mode: 'proactive' },
    source: record.url ? `中国政府网 ${record.url}` : '中国政府网',
  };
  const policy: StoredDocument = {
    _id: policyId,
    _type: 'policy',
    title: record.标题,
    slug: { _type: 'slug', current: `govcn-${key}` },
    indexNumber: record.索引号,
    publisher: ref('govcn-dept-gwyb'),
    ...shared,
    body: paragraphsToBlocks(record.正文),
    ...(record.发文字号 ? { docNumber: record.发文字号 } : {}),
    issuer: record.发文机关,
    drafter: ref(drafter),
    validity: 'valid',
    interpretation: ref(interpretationId),
  };
  const interpretation = placeholderInterpretation({
    id: interpretationId,
    slug: `govcn-${key}-interpretation`,
    policyId,
    policyTitle: record.标题,
    reference: record.发文字号 ?? record.索引号,
    drafter,
    shared,
    summary: '导入时自动生成的占位解读：原始数据不含政策解读，须由起草单位撰写正式解读后替换。',
  });
  return [policy, interpretation];
}

export interface ImportResult {
  documents: StoredDocument[];
  problems: Problem[];
}

/** Parses JSON lines of gov.cn records; bad records are reported by line and field, never half-imported. */
export function importGovcnJsonl(text: string): ImportResult {
  const documents: StoredDocument[] = [...GOVCN_DEPARTMENTS];
  const problems: Problem[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push({ id: `<第 ${line} 行>`, field: '', line, message: `不是合法的 JSON：${(error as Error).message}` });
      return;
    }
    const parsed = govcnRecord.safeParse(value);
    if (!parsed.success) {
      const id = (value as { 索引号?: unknown })?.索引号;
      for (const issue of parsed.error.issues) {
        problems.push({ id: typeof id === 'string' ? id : `<第 ${line} 行>`, field: issue.path.join('.'), line, message: issue.message });
      }
      return;
    }
    documents.push(...govcnToDocuments(parsed.data));
  });
  return { documents, problems };
}
