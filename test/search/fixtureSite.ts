/**
 * Tiny built sites for the search tests: document pages with the same markup as
 * site/layouts/DocumentPage.astro (article with data-pagefind-body, hidden facts, title),
 * plus a list page that must never be indexed.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearchIndex, type IndexOptions } from '../../core/search/index/buildIndex.ts';
import { openSiteIndex } from '../../core/search/query/openSiteIndex.ts';
import type { SearchIndex } from '../../core/search/query/searchIndex.ts';
import { escapeHtml } from '../../core/text/escapeHtml.ts';

export interface FixturePage {
  url: string;
  title: string;
  section?: string;
  date?: string;
  docNumber?: string;
  publisher?: string;
  topic?: string;
  validity?: string;
  /** The policy that amended or repealed this one. */
  replacedBy?: { url: string; title: string };
  paragraphs: string[];
}

export function pageHtml(page: FixturePage): string {
  const facts: [string, string, string | undefined][] = [
    ['filter', 'section', page.section ?? '政策文件'],
    ['filter', 'year', page.date?.slice(0, 4)],
    ['filter', 'publisher', page.publisher],
    ['filter', 'topic', page.topic],
    ['filter', 'validity', page.validity],
    ['meta', 'section', page.section ?? '政策文件'],
    ['meta', 'date', page.date],
    ['meta', 'docNumber', page.docNumber],
    ['meta', 'validityMark', page.validity && page.validity !== '有效' ? page.validity : undefined],
    ['meta', 'replacedByUrl', page.replacedBy?.url],
    ['meta', 'replacedByTitle', page.replacedBy?.title],
    ['sort', 'date', page.date],
  ];
  const spans = facts
    .filter(([, , value]) => value)
    .map(([kind, name, value]) => `<span data-pagefind-${kind}="${escapeHtml(`${name}:${value}`)}"></span>`)
    .join('');
  return `<!DOCTYPE html><html lang="zh-CN"><head><title>${escapeHtml(page.title)}</title></head><body>
<header><nav><a href="/">首页</a> 导航栏文字</nav></header>
<main><article data-pagefind-body><div hidden>${spans}</div>
<h1 data-pagefind-meta="title">${escapeHtml(page.title)}</h1>
${page.docNumber ? `<p class="doc-number" data-pagefind-weight="5">${escapeHtml(page.docNumber)}</p>` : ''}
<table><tr><th scope="row" data-pagefind-ignore>发布机构</th><td>${escapeHtml(page.publisher ?? '株洲市市场监督管理局')}</td></tr></table>
${page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<aside data-pagefind-ignore>相关文件：不应被索引的侧栏文字</aside>
</article></main><footer>页脚版权信息</footer></body></html>`;
}

/** Writes the pages (and a list page without data-pagefind-body) into a new temporary folder. */
export function writeFixtureSite(pages: readonly FixturePage[]): string {
  const site = mkdtempSync(join(tmpdir(), 'search-fixture-'));
  for (const page of pages) {
    const folder = join(site, page.url);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), pageHtml(page));
  }
  mkdirSync(join(site, 'policies'), { recursive: true });
  writeFileSync(
    join(site, 'policies', 'index.html'),
    `<html><body><h1>政策文件</h1><ul>${pages.map((p) => `<li>${escapeHtml(p.title)}</li>`).join('')}</ul></body></html>`,
  );
  return site;
}

/** Writes the pages, builds their search index and opens it as the command line does. */
export async function indexedFixtureSite(
  pages: readonly FixturePage[],
  options?: IndexOptions,
): Promise<{ site: string; index: SearchIndex }> {
  const site = writeFixtureSite(pages);
  await buildSearchIndex(site, options);
  return { site, index: await openSiteIndex(site) };
}
