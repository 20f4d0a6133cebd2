/**
 * Searches a built site from the command line with the site's own index and the same
 * query module as the browser.
 *
 *   npm run search -- --site dist --limit 10 --json "<query>"
 *   npm run search -- --site dist --filter section=政策文件 --sort newest "<query>"
 *   npm run search -- --site dist --json --details "<query>"
 *
 * `--json` prints the hits, [{url, title, section}] (what scripts read). `--details` prints the
 * whole answer instead: {query, total, hits, …} with what the page says above the results —
 * alsoSearched (equivalent words searched as well), noSuchDocNumber and nearestDocNumbers.
 * Without --json those notes are printed as the page words them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { INDEX_DIRECTORY, MANIFEST_FILE } from '../core/search/format/indexFormat.ts';
import { openSiteIndex } from '../core/search/query/openSiteIndex.ts';
import { searchSite, type SearchHit, type SortOrder } from '../core/search/query/searchSite.ts';
import { zh } from '../site/i18n/zh.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    site: { type: 'string', default: 'dist' },
    limit: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
    details: { type: 'boolean', default: false },
    sort: { type: 'string', default: 'relevance' },
    filter: { type: 'string', multiple: true, default: [] },
  },
});
const query = positionals.join(' ');
if (!query) {
  console.error(
    '用法：npm run search -- --site dist --limit 10 [--json [--details]] [--filter 栏目=值] [--sort relevance|newest|oldest] "<关键词>"',
  );
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
  filters[name] = [...(filters[name] ?? []), value];
}
const index = await openSiteIndex(values.site);
const response = await searchSite(index, { query, filters, sort: values.sort as SortOrder, limit: Number(values.limit) });
const hitFacts = ({ url, title, section, validity, replacedBy }: SearchHit) => ({
  url,
  title,
  section,
  ...(validity ? { validity } : {}),
  ...(replacedBy ? { replacedBy } : {}),
});
if (values.json && values.details) {
  const { facets: _facets, hits, ...answer } = response;
  console.log(JSON.stringify({ ...answer, hits: hits.map(hitFacts) }));
} else if (values.json) {
  console.log(JSON.stringify(response.hits.map(hitFacts)));
} else {
  if (response.noSuchDocNumber)
    console.log(
      zh.search.noSuchDocNumber(response.noSuchDocNumber) +
        (response.nearestDocNumbers?.length ? zh.search.nearestDocNumbers(response.nearestDocNumbers.join('、')) : ''),
    );
  else
    console.log(
      `“${response.query}”：${response.total} 条结果${response.alsoSearched ? ` ${zh.search.alsoSearched(response.alsoSearched.join('、'))}` : ''}`,
    );
  for (const hit of response.hits) {
    console.log(`${hit.title}${hit.validity ? ` 【${hit.validity}】` : ''}\n  ${hit.section} · ${hit.date ?? ''} · ${hit.url}`);
    if (hit.replacedBy) console.log(`  ${zh.search.replacedBy}：${hit.replacedBy.title} ${hit.replacedBy.url}`);
  }
}
