/**
 * The benchmark dataset generator: valid, complete, the requested size, deterministic. Its text
 * comes from the corpora (CORPUS_DIR): skipped without them.
 * @module-tag corpus
 */
import { CONTENT_DECLARATIONS } from '../../core/model/types/index.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDataset } from '../../core/content/dataset.ts';
import { toNdjson } from '../../core/content/ndjson.ts';
import { isValidCreditCode } from '../../core/model/creditCode.ts';
import { isDraftId, PUBLIC_TYPES } from '../../core/model/documentTypes.ts';
import { parseIndexNumber } from '../../core/model/indexNumber.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { generateBenchDataset } from '../../scripts/sample/benchDataset.ts';

let documents: StoredDocument[];
let published: StoredDocument[];
let proactive: StoredDocument[];
let byId: Map<string, StoredDocument>;
// Generated before the tests, not on import: without the corpora the module is still loaded, and its tests skipped.
beforeAll(() => {
  documents = generateBenchDataset(300);
  published = documents.filter((doc) => !isDraftId(doc._id));
  proactive = published.filter((doc) => (doc.disclosure as { mode?: string } | undefined)?.mode === 'proactive');
  byId = new Map(documents.map((doc) => [doc._id, doc]));
});
const refOf = (doc: StoredDocument, field: string) => (doc[field] as { _ref: string } | undefined)?._ref;

describe('generateBenchDataset(300)', () => {
  it('passes the project loader (parseDataset): every document valid, references resolve, pairs linked', () => {
    const dataset = parseDataset(toNdjson(documents), 'bench-300');
    expect(dataset.documents).toHaveLength(documents.length);
  });

  it('has every public type published and proactive, and 10–30 departments', () => {
    for (const type of Object.keys(PUBLIC_TYPES)) {
      expect(
        proactive.some((doc) => doc._type === type),
        type,
      ).toBe(true);
    }
    const departments = documents.filter((doc) => doc._type === 'department').length;
    expect(departments).toBeGreaterThanOrEqual(10);
    expect(departments).toBeLessThanOrEqual(30);
  });

  it('is roughly the requested size, mixed like a bureau site', () => {
    const content = documents.filter((doc) => doc._type !== 'department');
    expect(content.length).toBeGreaterThanOrEqual(285);
    expect(content.length).toBeLessThanOrEqual(315);
    const share = (types: string[]) => content.filter((doc) => types.includes(doc._type)).length / content.length;
    expect(share(['policy', 'interpretation'])).toBeGreaterThan(0.35);
    expect(share(['policy', 'interpretation'])).toBeLessThan(0.45);
    expect(share(['complaintAnalysis'])).toBeGreaterThan(0.07);
    expect(share(['inspectionResult'])).toBeGreaterThan(0.07);
    expect(share(['trademarkNews'])).toBeGreaterThan(0.3);
  });

  it('links every released policy and interpretation both ways, 谁起草、谁解读', () => {
    const policies = published.filter((doc) => doc._type === 'policy');
    expect(policies.length).toBeGreaterThan(50);
    for (const policy of policies) {
      const interpretation = byId.get(refOf(policy, 'interpretation')!)!;
      expect(interpretation._type).toBe('interpretation');
      expect(refOf(interpretation, 'policy')).toBe(policy._id);
      expect(refOf(interpretation, 'publisher')).toBe(refOf(policy, 'drafter'));
      expect(interpretation.publishedAt).toBe(policy.publishedAt);
      expect(interpretation.disclosure).toEqual(policy.disclosure);
    }
  });

  it('gives inspection results 10–60 records with valid, unique credit codes and enterprise names', () => {
    const results = documents.filter((doc) => doc._type === 'inspectionResult');
    const records = results.flatMap((doc) => doc.records as { creditCode: string; enterpriseName: string }[]);
    for (const result of results) {
      const count = (result.records as unknown[]).length;
      expect(count).toBeGreaterThanOrEqual(10);
      expect(count).toBeLessThanOrEqual(60);
    }
    expect(records.every((record) => isValidCreditCode(record.creditCode))).toBe(true);
    expect(new Set(records.map((r) => r.creditCode)).size).toBe(records.length);
    expect(new Set(records.map((r) => r.enterpriseName)).size).toBe(records.length);
  });

  it('gives 12315 analyses complete figures from one series per unit (环比 = the previous quarter)', () => {
    const analyses = published.filter((doc) => doc._type === 'complaintAnalysis');
    const slots = new Map<string, Record<string, { count: number; previous: number; lastYear: number }>>();
    for (const doc of analyses) {
      const { year, quarter } = doc.period as { year: number; quarter?: number };
      expect(quarter).toBeDefined();
      slots.set(
        `${refOf(doc, 'publisher')}:${doc.title === undefined ? '' : String(doc.title).replace(/\d{4}年第.季度/, '')}:${year * 4 + quarter! - 1}`,
        doc.figures as never,
      );
    }
    let compared = 0;
    for (const [key, figures] of slots) {
      const [publisher, unit, slot] = key.split(':');
      const previous = slots.get(`${publisher}:${unit}:${Number(slot) - 1}`);
      if (!previous) continue;
      compared++;
      for (const channel of ['consultations', 'complaints', 'reports']) expect(figures[channel]!.previous).toBe(previous[channel]!.count);
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('has unique slugs per type, unique 索引号 within 1–99999 over many years, bodies of 5–30 paragraphs', () => {
    const slugs = published
      .filter((doc) => doc._type !== 'department')
      .map((doc) => `${doc._type}/${(doc.slug as { current: string } | undefined)?.current}`);
    expect(new Set(slugs).size).toBe(slugs.length);
    const indexNumbers = published.filter((doc) => doc._type !== 'department').map((doc) => String(doc.indexNumber));
    expect(new Set(indexNumbers).size).toBe(indexNumbers.length);
    const years = new Set<number>();
    for (const value of indexNumbers) {
      const parts = parseIndexNumber(value);
      expect(parts?.orgCode).toBe('MB1D50237');
      expect(parts!.serial).toBeGreaterThanOrEqual(1);
      expect(parts!.serial).toBeLessThanOrEqual(99999);
      years.add(parts!.year);
    }
    expect(years.size).toBeGreaterThanOrEqual(10);
    // Every type that has a body (the annual report's text is its sections 一, 五, 六 instead).
    const withBody = (type: string) =>
      type in CONTENT_DECLARATIONS && 'body' in CONTENT_DECLARATIONS[type as keyof typeof CONTENT_DECLARATIONS].fields;
    for (const doc of documents.filter((d) => withBody(d._type))) {
      const body = doc.body as { _key: string }[];
      expect(body.length).toBeGreaterThanOrEqual(5);
      expect(body.length).toBeLessThanOrEqual(30);
      expect(new Set(body.map((block) => block._key)).size).toBe(body.length);
    }
  });

  it('withholds about 1 % with a reason and has a few drafts', () => {
    const withheld = published.filter((doc) => (doc.disclosure as { mode?: string } | undefined)?.mode === 'withheld');
    expect(withheld.length).toBeGreaterThanOrEqual(1);
    expect(withheld.length).toBeLessThanOrEqual(10);
    for (const doc of withheld) expect(String((doc.disclosure as { reason?: string }).reason).length).toBeGreaterThan(10);
    const drafts = documents.filter((doc) => isDraftId(doc._id));
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    expect(drafts.length).toBeLessThanOrEqual(10);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const text = toNdjson(generateBenchDataset(300, 7));
    expect(toNdjson(generateBenchDataset(300, 7))).toBe(text);
    expect(toNdjson(generateBenchDataset(300, 8))).not.toBe(text);
    expect(toNdjson(generateBenchDataset(300))).toBe(toNdjson(documents));
  });
});
