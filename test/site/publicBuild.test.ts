/**
 * The public build from the sample dataset (built once by test/globalSetup.ts): every page
 * type is there, and nothing that is not proactive public information is — checked here
 * independently of the build's own leak scan.
 */
import { describe, expect, it } from 'vitest';
import { readDataset, DEFAULT_DATASET } from '../../core/content/dataset.ts';
import { isPublic } from '../../core/build/leakScan.ts';
import { isPublicType } from '../../core/model/documentTypes.ts';
import { documentUrl, SECTIONS } from '../../core/sections.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { siteFile, siteFiles, TEST_SITE } from '../helpers/site.ts';

async function everyOutputText(): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of await siteFiles()) {
    const bytes = await readFile(join(TEST_SITE, file));
    texts.set(file, (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8'));
  }
  return texts;
}

/** The site path of every public document's page in the sample dataset. */
async function publicDocumentPages(): Promise<string[]> {
  const { documents } = await readDataset(DEFAULT_DATASET);
  // Where each type's pages are is the sections table's (core/sections.ts): every public type has a place there.
  return documents
    .filter((d) => isPublicType(d._type) && isPublic(d))
    .map((doc) => documentUrl({ _type: doc._type, slug: doc.slug as { current: string } }));
}

describe('the public build of the sample dataset', () => {
  it('renders every page type', async () => {
    const files = new Set(await siteFiles());
    for (const page of [
      'index.html',
      '404.html',
      'policies/index.html',
      'interpretations/index.html',
      '12315/index.html',
      'inspections/index.html',
      'trademarks/index.html',
      'catalog/index.html',
      'catalog/sort/title/index.html',
      'search/index.html',
      'sitemap-index.xml',
      'sitemap-0.xml',
      'robots.txt',
      'rss/policies.xml',
      'rss/interpretations.xml',
      'rss/12315.xml',
      'rss/inspections.xml',
      'rss/trademarks.xml',
      'search-index/index.sidx',
    ]) {
      expect(files.has(page), page).toBe(true);
    }
    for (const page of await publicDocumentPages()) expect(files.has(`${page.slice(1)}index.html`), page).toBe(true);
  });

  it('shows no title, summary or body paragraph of a draft or non-proactive document anywhere, search index included', async () => {
    const { documents } = await readDataset(DEFAULT_DATASET);
    const publicText = documents
      .filter((d) => isPublicType(d._type) && isPublic(d))
      .map((d) => JSON.stringify(d))
      .join('\n');
    const secrets = documents
      .filter((d) => isPublicType(d._type) && !isPublic(d))
      .flatMap((d) => [d.title as string, d.summary as string | undefined])
      .filter((text): text is string => typeof text === 'string' && !publicText.includes(text));
    expect(secrets.length).toBeGreaterThan(5);
    for (const [file, text] of await everyOutputText()) {
      for (const secret of secrets) expect(text.includes(secret), `${file} contains「${secret}」`).toBe(false);
    }
  });

  it('lists every public document in the sitemap and no draft-only one', async () => {
    expect(await siteFile('sitemap-index.xml')).toContain('<loc>http://localhost:4321/sitemap-0.xml</loc>');
    const sitemap = await siteFile('sitemap-0.xml');
    expect(sitemap).toContain('<loc>http://localhost:4321/policies/2024-prepaid-consumption/</loc>');
    expect(sitemap).not.toContain('changzhutan-consumer');
    expect(await siteFile('robots.txt')).toContain('Sitemap: http://localhost:4321/sitemap-index.xml');
    // Exactly the home page, the sections and the documents' pages: no list, filter or search page.
    const listed = [...sitemap.matchAll(/<loc>http:\/\/localhost:4321(\/[^<]*)<\/loc>/g)].map((m) => m[1]!);
    const sections = ['/', ...Object.values(SECTIONS).flatMap((section) => (section.sitemap ? [section.path] : []))];
    expect(listed.sort()).toEqual([...sections, ...(await publicDocumentPages())].sort());
  });

  it('publishes RSS feeds with the newest items of each section', async () => {
    const feed = await siteFile('rss/policies.xml');
    expect(feed).toMatch(/^<\?xml/);
    expect(feed).toContain('<language>zh-cn</language>');
    expect(feed).toContain('<title>株洲市预付式消费经营者行为规范</title>');
    expect(feed).not.toContain('重点案件线索内部督办分工方案');
  });

  it('offers the records of a result notice as CSV (UTF-8 with BOM) and JSON with the same rows', async () => {
    const files = await siteFiles();
    const csvPath = files.find((f) => f.endsWith('records.csv'))!;
    const csv = await siteFile(csvPath);
    const json = JSON.parse(await siteFile(csvPath.replace('.csv', '.json')));
    expect(csv.startsWith('\uFEFF"企业名称","统一社会信用代码","检查结果","备注"')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(json.records.length + 1);
    expect(csv).toContain(`"${json.records[0].creditCode}"`);
  });

  it('marks repealed policies on the policy page and on its interpretation page', async () => {
    const page = await siteFile('policies/2022-prepaid-consumption/index.html');
    expect(page).toContain('已废止：本文件已废止，仅供查阅。');
    const link = /<aside class="related"[\s\S]*?<a href="([^"]+)"/.exec(page)![1]!;
    expect(await siteFile(`${link.slice(1)}index.html`)).toContain('所解读的文件已废止');
  });

  it('declares Chinese on every page and indexes only document bodies for search', async () => {
    for (const file of (await siteFiles()).filter((f) => f.endsWith('.html'))) {
      expect(await siteFile(file), file).toContain('<html lang="zh-CN">');
    }
    const list = await siteFile('policies/index.html');
    expect(list).not.toContain('data-pagefind-body');
    expect(await siteFile('policies/2024-prepaid-consumption/index.html')).toContain('data-pagefind-body');
  });
});
