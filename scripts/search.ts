/**
 * Searches a built site from the command line with the site's own index and the same
 * query module as the browser.
 *
 *   npm run search -- --site dist --limit 10 --json "<query>"
 *   npm run search -- --site dist --filter section=政策文件 --sort newest "<query>"
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { INDEX_DIRECTORY, MANIFEST_FILE } from '../core/search/indexFormat.ts';
import { openSiteIndex } from '../core/search/nodeSearch.ts';
import { searchSite, type SortOrder } from '../core/search/searchSite.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    site: { type: 'string', default: 'dist' },
    limit: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
    sort: { type: 'string', default: 'relevance' },
    filter: { type: 'string', multiple: true, default: [] },
  },
});
const query = positionals.join(' ');
if (!query) {
  console.error('用法：npm run search -- --site dist --limit 10 [--json] [--filter 栏目=值] [--sort relevance|newest|oldest] "<关键词>"');
  process.exit(2);
}
if (!existsSync(join(values.site, INDEX_DIRECTORY, MANIFEST_FILE))) {
  console.error(`${values.site} 中没有搜索索引：请先运行 npm run build`);
  process.exit(2);
}
const filters: Record<string, string[]> = {};
for (const entry of values.filter) {
  const [name, value] = entry.split('=');
  if (!name || !value) throw new Error(`--filter 应为 名称=值：${entry}`);
  (filters[name] ??= []).push(value);
}
const index = await openSiteIndex(values.site);
const response = await searchSite(index, { query, filters, sort: values.sort as SortOrder, limit: Number(values.limit) });
if (values.json) {
  console.log(JSON.stringify(response.hits.map(({ url, title, section }) => ({ url, title, section }))));
} else {
  console.log(`“${response.query}”：${response.total} 条结果`);
  for (const hit of response.hits) console.log(`${hit.title}\n  ${hit.section} · ${hit.date ?? ''} · ${hit.url}`);
}
