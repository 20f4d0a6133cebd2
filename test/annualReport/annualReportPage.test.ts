/**
 * The 2025 annual report on the built sample site: its page under 政府信息公开年报 shows sections 一, 五, 六
 * and every table with every cell the report holds; each table's CSV is exactly the table on the page; the
 * list page links it; the report is in the 主动公开目录 and the sitemap.
 */
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET, readDataset } from '../../core/content/dataset.ts';
import { reportContent, reportTables } from '../../core/disclosure/report/annualReport.ts';
import { SECTIONS } from '../../core/sections.ts';
import { siteFile } from '../helpers/site.ts';

const REPORT_PAGE = 'xxgk/annual-reports/2025/index.html';

const text = (html: string) =>
  decodeHTML(html.replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();

/** The cells of the page's table `id`, row by row, header first. */
function pageTable(html: string, id: string): string[][] {
  const table = html.match(new RegExp(`<table[^>]*data-table="${id}"[^>]*>([\\s\\S]*?)</table>`))?.[1];
  if (!table) throw new Error(`no table ${id} on the page`);
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => text(cell!)),
  );
}

/** A CSV as this site writes it: BOM, every cell quoted, CRLF. */
function csvRows(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map(([, cell]) => cell!.replaceAll('""', '"')));
}

describe('the 2025 annual report on the public site', async () => {
  const { documents } = await readDataset(DEFAULT_DATASET);
  const report = documents.find((doc) => doc._id === 'annualReport-2025')!;
  const tables = reportTables(reportContent(report));
  const html = await siteFile(REPORT_PAGE);

  it('shows every table with every cell of the report', () => {
    expect(tables.map((table) => table.id)).toEqual(['table-2', 'table-3', 'table-4']);
    for (const table of tables) expect(pageTable(html, table.id)).toEqual([table.header, ...table.rows]);
  });

  it('shows sections 一, 五 and 六 in the template order around the tables', () => {
    const page = text(html);
    const order = [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ];
    const body = page.slice(page.indexOf('一、总体情况', page.indexOf('四、政府信息公开行政复议')));
    let at = 0;
    for (const heading of order) {
      const found = body.indexOf(heading, at);
      expect(found, heading).toBeGreaterThanOrEqual(at);
      at = found;
    }
    expect(page).toContain('全年制发行政规范性文件2件');
    expect(page).toContain(String(report.problems).split('\n')[0]!.trim());
  });

  it('offers each table as CSV, equal to the table on the page', async () => {
    for (const table of tables) {
      expect(html).toContain(`href="/xxgk/annual-reports/2025/${table.id}.csv"`);
      const csv = await siteFile(`xxgk/annual-reports/2025/${table.id}.csv`);
      expect(csvRows(csv)).toEqual(pageTable(html, table.id));
    }
  });

  it('is listed under 政府信息公开年报, in the 主动公开目录 and in the sitemap', async () => {
    expect(SECTIONS.annualReport.path).toBe('/xxgk/annual-reports/');
    const list = await siteFile('xxgk/annual-reports/index.html');
    expect(list).toContain('href="/xxgk/annual-reports/2025/"');
    expect(text(list)).toContain(String(report.title));
    expect(await siteFile('catalog/index.html')).toContain('/xxgk/annual-reports/2025/');
    expect(await siteFile('sitemap-0.xml')).toContain('/xxgk/annual-reports/2025/');
  });
});
