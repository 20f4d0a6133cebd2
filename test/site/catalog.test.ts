/**
 * The 主动公开目录 as an inspector reads it, in the built sample site: the columns 索引号, 名称, 发文字号,
 * 发布机构, 生成日期, 发布日期, 有效性; every public document listed once with its own numbers; filtered
 * by 体裁, 主题分类 and 发布机构 on pages of their own (no JavaScript); dates short, one to a cell.
 */
import { describe, expect, it } from 'vitest';
import { BUREAU } from '../../core/bureau/identity.ts';
import { DEFAULT_DATASET, readDataset } from '../../core/content/dataset.ts';
import { isPublicDocument, type StoredDocument } from '../../core/model/datasetRules.ts';
import { siteFile, siteFiles } from '../helpers/site.ts';

interface Row {
  page: string;
  cells: string[];
  href: string;
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .trim();

async function table(page: string): Promise<{ headers: string[]; rows: Row[] }> {
  const html = await siteFile(page);
  const catalog = /<table class="catalog">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  const headers = [...catalog.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => text(m[1]!));
  const rows = [...catalog.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .filter((m) => m[1]!.includes('<td'))
    .map((m) => ({
      page,
      cells: [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => text(cell[1]!)),
      href: /<a href="([^"]+)"/.exec(m[1]!)?.[1] ?? '',
    }));
  return { headers, rows };
}

/** Every row of a listing: its first page and the pages after it. */
async function allRows(folder: string): Promise<Row[]> {
  const pages = (await siteFiles()).filter(
    (file) => file === `${folder}index.html` || new RegExp(`^${folder}page/\\d+/index\\.html$`).test(file),
  );
  return (await Promise.all(pages.map(async (page) => (await table(page)).rows))).flat();
}

const { documents: stored } = await readDataset(DEFAULT_DATASET);
interface Listed extends StoredDocument {
  title: string;
  indexNumber: string;
  docNumber?: string;
  topic: string;
  formedAt: string;
  publisher?: { _ref: string };
}
const documents = stored.filter(isPublicDocument) as Listed[];
const departments = new Map(stored.filter((d) => d._type === 'department').map((d) => [d._id, String(d.name)]));

describe('主动公开目录', () => {
  it('has the columns an inspector expects', async () => {
    const { headers } = await table('catalog/index.html');
    expect(headers.slice(0, 7)).toEqual(['索引号', '名称', '发文字号', '发布机构', '生成日期', '发布日期', '有效性']);
  });

  it('lists every public document once, with its own 索引号, 发文字号, dates and the bureau as 发布机构', async () => {
    const rows = await allRows('catalog/');
    expect(rows.length).toBe(documents.length);
    const byIndex = new Map(rows.map((row) => [row.cells[0], row]));
    for (const doc of documents) {
      const row = byIndex.get(doc.indexNumber);
      expect(row, `${doc._id} (${doc.indexNumber})`).toBeDefined();
      const [, name, docNumber, publisher, formed, published, validity] = row!.cells;
      expect(name).toContain(doc.title);
      expect(docNumber, doc._id).toBe(doc.docNumber ?? '—');
      expect(publisher, doc._id).toContain(BUREAU.name);
      expect(formed, doc._id).toBe(doc.formedAt);
      expect(published, doc._id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (doc._type === 'policy') expect(validity, doc._id).toMatch(/^(有效|已修改|已废止|已失效)$/);
    }
  });

  it('is filtered by 体裁, 主题分类 and 发布机构 on pages of their own, linked from the catalogue', async () => {
    const home = await siteFile('catalog/index.html');
    const filters = /<nav class="filters"[\s\S]*?<\/nav>/.exec(home)?.[0] ?? '';
    for (const dimension of ['体裁', '主题分类', '发布机构']) expect(filters).toContain(`<dt>${dimension}</dt>`);

    const policies = await allRows('catalog/genre/policy/');
    expect(policies.length).toBe(documents.filter((d) => d._type === 'policy').length);
    for (const row of policies) expect(row.href, row.page).toMatch(/^\/policies\//);
    expect(filters).toContain('href="/catalog/genre/policy/"');

    // Each 主题分类 and 发布机构 page lists exactly the documents of that topic or department.
    const files = await siteFiles();
    for (const key of ['topic', 'publisher']) {
      const folders = files
        .filter((file) => new RegExp(`^catalog/${key}/[^/]+/index\\.html$`).test(file))
        .map((file) => file.slice(0, -'index.html'.length));
      expect(folders.length, key).toBeGreaterThan(1);
      let listed = 0;
      for (const folder of folders) {
        const rows = await allRows(folder);
        const heading = /<h1>([\s\S]*?)<\/h1>/.exec(await siteFile(`${folder}index.html`))?.[1] ?? '';
        const value = /：(.+)）$/.exec(text(heading))?.[1] ?? '';
        const expected = documents.filter((d) =>
          key === 'topic' ? d.topic.split('\\').at(-1) === value : departments.get(d.publisher?._ref ?? '') === value,
        );
        expect(rows.length, `${folder} (${value})`).toBe(expected.length);
        listed += rows.length;
      }
      expect(listed, `every document in one ${key} page`).toBe(documents.length);
    }
  });

  it('writes dates short, in cells that do not wrap', async () => {
    const html = await siteFile('catalog/index.html');
    const dates = [...html.matchAll(/<td class="date">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
