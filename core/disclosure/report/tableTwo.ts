/**
 * 表二's 规章 and 行政规范性文件 rows, counted from the policies of the dataset for one calendar year:
 *
 * - only released policies count (their published version; a draft or a withdrawn policy does not);
 * - 本年制发: issued in the year — 制发日期 (`issuedAt`), or 生成日期 (`formedAt`) where none is given;
 * - 本年废止: 废止（失效）日期 (`repealedAt`) in the year — repealed and expired policies alike;
 * - 现行有效: issued by 31 December and not repealed or expired by then. An amended (已修改) policy is
 *   still in force, as amended, and counts.
 *
 * A repealed or expired 规章 or 行政规范性文件 without its repeal date cannot be counted and is refused,
 * naming it; a policy without a 文件类别 is counted in no row and reported, so the office can classify it.
 */
import type { StoredDocument } from '../../model/datasetRules.ts';
import { isPublishedId } from '../../model/documentTypes.ts';
import type { Problem } from '../../model/problems.ts';
import { COUNTED_POLICY_ROWS, type CountedPolicyRow, type TableTwoCounts } from './tables.ts';

export interface TableTwoResult {
  counts: TableTwoCounts;
  /** Released policies with no 文件类别, issued by the end of the year: counted in no row. */
  unclassified: string[];
  /** Policies that cannot be counted (a repeal date missing): the report is refused while there are any. */
  problems: Problem[];
}

const isCounted = (kind: unknown): kind is CountedPolicyRow => typeof kind === 'string' && Object.hasOwn(COUNTED_POLICY_ROWS, kind);

export function countTableTwo(documents: readonly StoredDocument[], year: number): TableTwoResult {
  const counts = { regulation: { issued: 0, repealed: 0, inForce: 0 }, normative: { issued: 0, repealed: 0, inForce: 0 } };
  const unclassified: string[] = [];
  const problems: Problem[] = [];
  const yearEnd = `${year}-12-31`;
  const inYear = (day: string) => day.startsWith(`${year}-`);
  for (const doc of documents) {
    if (doc._type !== 'policy' || !isPublishedId(doc._id)) continue;
    const issued = typeof doc.issuedAt === 'string' ? doc.issuedAt : typeof doc.formedAt === 'string' ? doc.formedAt : undefined;
    if (!issued || issued > yearEnd) continue;
    if (!isCounted(doc.kind)) {
      if (doc.kind === undefined) unclassified.push(doc._id);
      continue;
    }
    const ended = doc.validity === 'repealed' || doc.validity === 'expired';
    const repealed = typeof doc.repealedAt === 'string' ? doc.repealedAt : undefined;
    if (ended && !repealed) {
      problems.push({
        id: doc._id,
        type: 'policy',
        field: 'repealedAt',
        message: `${COUNTED_POLICY_ROWS[doc.kind]}《${String(doc.title ?? doc._id)}》已废止或失效，但没有废止（失效）日期，无法计入 ${year} 年度报告表二`,
      });
      continue;
    }
    const row = counts[doc.kind];
    if (inYear(issued)) row.issued++;
    if (repealed && inYear(repealed)) row.repealed++;
    if (!repealed || repealed > yearEnd) row.inForce++;
  }
  return { counts, unclassified, problems };
}
