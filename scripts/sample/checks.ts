/**
 * Checks the sample must pass beyond the content model: what makes it read like a real
 * disclosure website (release deadlines, 索引号 order, consistent 12315 series, enough
 * varied inspection records). The build refuses to write a sample that fails them.
 */
import { isValidCreditCode } from '../../core/model/creditCode.ts';
import { isDraftId } from '../../core/model/documentTypes.ts';
import { parseIndexNumber } from '../../core/model/indexNumber.ts';
import { INSPECTION_RESULTS } from '../../core/model/vocabulary.ts';
import { workingDaysBetween } from './calendar.ts';
import type { Doc } from './documents.ts';
import { beijingDay } from '../../core/beijingTime.ts';

/** The day the sample is written for: nothing is formed or released after it. */
const TODAY = '2026-11-28';

interface InspectionRecord {
  enterpriseName: string;
  creditCode: string;
  result: string;
}

export function sampleProblems(docs: readonly Doc[]): string[] {
  const problems: string[] = [];
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  const lastSerial = new Map<number, [number, string]>();
  const indexNumbers = new Set<string>();
  const released = docs
    .filter((doc) => !isDraftId(doc._id) && typeof doc.publishedAt === 'string')
    .sort((a, b) => Date.parse(a.publishedAt as string) - Date.parse(b.publishedAt as string));

  for (const doc of released) {
    const published = beijingDay(doc.publishedAt as string);
    const formed = doc.formedAt as string;
    const days = workingDaysBetween(formed, published);
    if (published < formed || days > 20) problems.push(`${doc._id}: released ${published}, ${days} working days after ${formed}`);
    if (published > TODAY || formed > TODAY) problems.push(`${doc._id}: dated after ${TODAY}`);
    const index = parseIndexNumber(String(doc.indexNumber));
    if (!index || indexNumbers.has(String(doc.indexNumber))) problems.push(`${doc._id}: bad or repeated 索引号 ${String(doc.indexNumber)}`);
    indexNumbers.add(String(doc.indexNumber));
    if (index) {
      const last = lastSerial.get(index.year);
      if (last && last[0] >= index.serial) problems.push(`${doc._id}: 索引号 serial not after ${last[1]}`);
      lastSerial.set(index.year, [index.serial, doc._id]);
    }
  }

  for (const doc of docs) {
    const title = String(doc.title ?? doc.name ?? '');
    if (/示例|测试|lorem/i.test(title)) problems.push(`${doc._id}: title reads like test data`);
    if (typeof doc._createdAt === 'string' && typeof doc._updatedAt === 'string' && doc._createdAt > doc._updatedAt) {
      problems.push(`${doc._id}: _createdAt after _updatedAt`);
    }
    const body = doc.body as { _key: string }[] | undefined;
    if (body && new Set(body.map((b) => b._key)).size !== body.length) problems.push(`${doc._id}: repeated block keys`);
    if (doc._type === 'policy' && body && (body.length < 6 || body.length > 20)) problems.push(`${doc._id}: ${body.length} paragraphs`);
    if (doc._type === 'policy' && !isDraftId(doc._id)) {
      const partner = byId.get((doc.interpretation as { _ref: string })._ref);
      if (partner?.publishedAt !== doc.publishedAt) problems.push(`${doc._id}: released apart from its interpretation`);
    }
  }

  const analyses = docs.filter((doc) => doc._type === 'complaintAnalysis' && (doc.period as { quarter?: number }).quarter);
  const counts = new Map(
    analyses.map((doc) => {
      const { year, quarter } = doc.period as { year: number; quarter: number };
      return [year * 4 + quarter - 1, doc.figures as Record<string, { count: number; previous: number; lastYear: number }>] as const;
    }),
  );
  for (const [slot, figures] of counts) {
    for (const [name, figure] of Object.entries(figures)) {
      const previous = counts.get(slot - 1)?.[name];
      const lastYear = counts.get(slot - 4)?.[name];
      if (previous && previous.count !== figure.previous) problems.push(`12315 ${slot}: ${name}.previous inconsistent`);
      if (lastYear && lastYear.count !== figure.lastYear) problems.push(`12315 ${slot}: ${name}.lastYear inconsistent`);
    }
  }

  const publicRecords = docs
    .filter((doc) => doc._type === 'inspectionResult' && (doc.disclosure as { mode: string }).mode === 'proactive')
    .flatMap((doc) => doc.records as InspectionRecord[]);
  const allRecords = docs.filter((doc) => doc._type === 'inspectionResult').flatMap((doc) => doc.records as InspectionRecord[]);
  if (publicRecords.length < 220) problems.push(`only ${publicRecords.length} public inspection records`);
  for (const code of Object.keys(INSPECTION_RESULTS)) {
    if (!publicRecords.some((r) => r.result === code)) problems.push(`no public inspection record with result ${code}`);
  }
  if (new Set(allRecords.map((r) => r.enterpriseName)).size !== allRecords.length) problems.push('repeated enterprise names');
  if (new Set(allRecords.map((r) => r.creditCode)).size !== allRecords.length) problems.push('repeated credit codes');
  for (const record of allRecords) if (!isValidCreditCode(record.creditCode)) problems.push(`bad credit code ${record.creditCode}`);

  const slugs = new Set<string>();
  for (const doc of docs) {
    if (isDraftId(doc._id) || !doc.slug) continue;
    const key = `${doc._type}/${(doc.slug as { current: string }).current}`;
    if (slugs.has(key)) problems.push(`${doc._id}: repeated slug ${key}`);
    slugs.add(key);
  }
  return problems;
}
