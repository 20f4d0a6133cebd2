/**
 * What a careful reader notices on the document pages of the built sample site: the metadata table
 * names the bureau as 发布机构 and the office that wrote the document as 起草科室, shows 信息来源 and
 * 责任编辑, prints a policy's date as 成文日期; each 事项清单 links to the 结果公告 done under it; a
 * 12315 analysis writes percentages with one decimal and quarters in words.
 */
import { describe, expect, it } from 'vitest';
import { BUREAU } from '../../core/bureau/identity.ts';
import { DEFAULT_DATASET, readDataset } from '../../core/content/dataset.ts';
import { isPublicDocument, type StoredDocument } from '../../core/model/datasetRules.ts';
import { documentUrl } from '../../core/sections.ts';
import { siteFile } from '../helpers/site.ts';

interface Doc extends StoredDocument {
  title: string;
  slug: { current: string };
  publisher: { _ref: string };
  drafter?: { _ref: string };
  plan?: { _ref: string };
  source?: string;
  responsibleEditor?: string;
  formedAt: string;
}

const { documents: stored } = await readDataset(DEFAULT_DATASET);
const documents = stored.filter(isPublicDocument) as Doc[];
const departments = new Map(stored.filter((d) => d._type === 'department').map((d) => [d._id, String(d.name)]));

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();

const pageOf = (doc: Doc) => siteFile(`${documentUrl(doc).slice(1)}index.html`);

/** The rows of a page's metadata table, label → value. */
async function metadata(doc: Doc): Promise<Map<string, string>> {
  const table = /<table class="metadata">([\s\S]*?)<\/table>/.exec(await pageOf(doc))?.[1] ?? '';
  return new Map(
    [...table.matchAll(/<th scope="row"[^>]*>([\s\S]*?)<\/th><td>([\s\S]*?)<\/td>/g)].map((m) => [textOf(m[1]!), textOf(m[2]!)]),
  );
}

describe('document pages', () => {
  it('name the bureau as 发布机构 and the office that wrote the document as 起草科室, with 信息来源 and 责任编辑', async () => {
    const kinds = new Set<string>();
    // The types whose pages this covers; the 政府信息公开 section's pages have their own tests.
    const types = ['policy', 'interpretation', 'complaintAnalysis', 'inspectionPlan', 'inspectionResult', 'trademarkNews'];
    for (const doc of documents.filter((d) => types.includes(d._type))) {
      const rows = await metadata(doc);
      expect(rows.get('发布机构'), doc._id).toBe(BUREAU.name);
      expect(rows.get('起草科室'), doc._id).toBe(departments.get((doc.drafter ?? doc.publisher)._ref));
      if (doc.source) expect(rows.get('信息来源'), doc._id).toBe(doc.source);
      if (doc.responsibleEditor) expect(rows.get('责任编辑'), doc._id).toBe(doc.responsibleEditor);
      kinds.add(doc._type);
    }
    expect(kinds.size).toBeGreaterThanOrEqual(6);
    expect(documents.some((doc) => doc.source && doc.responsibleEditor)).toBe(true);
  });

  it('a policy prints its 生成日期 as 成文日期; its interpretation keeps 生成日期', async () => {
    const policy = documents.find((doc) => doc._type === 'policy')!;
    const rows = await metadata(policy);
    const [year, month, day] = policy.formedAt.split('-').map(Number);
    expect(rows.get('成文日期')).toBe(`${year}年${month}月${day}日`);
    expect(rows.has('生成日期')).toBe(false);
    const interpretation = documents.find((doc) => doc._type === 'interpretation')!;
    expect((await metadata(interpretation)).has('生成日期')).toBe(true);
  });

  it('each 事项清单 links to the 结果公告 of the inspections done under it', async () => {
    const plans = documents.filter((doc) => doc._type === 'inspectionPlan');
    let linked = 0;
    for (const plan of plans) {
      const html = await pageOf(plan);
      const section = /<section class="related" aria-labelledby="plan-results-heading"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      expect(section, plan._id).toContain('依据本清单开展抽查的结果公告');
      const results = documents.filter((doc) => doc._type === 'inspectionResult' && doc.plan?._ref === plan._id);
      const hrefs = [...section.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]);
      expect(hrefs.sort(), plan._id).toEqual(results.map((result) => documentUrl(result)).sort());
      linked += results.length;
    }
    expect(linked, 'result notices linked from their plans').toBeGreaterThan(0);
  });

  it('a 12315 analysis writes every percentage with one decimal and its quarters in words', async () => {
    for (const doc of documents.filter((d) => d._type === 'complaintAnalysis')) {
      const text = textOf(await pageOf(doc));
      const percentages = text.match(/[+-]?\d+(\.\d+)?%/g) ?? [];
      expect(percentages.length, doc._id).toBeGreaterThan(0);
      for (const percent of percentages) expect(percent, doc._id).toMatch(/^[+-]?\d+\.\d%$/);
      expect(text, doc._id).not.toMatch(/\d{2}Q[1-4]|第[1-4]季度/);
    }
  });
});
