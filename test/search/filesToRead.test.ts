/**
 * What the indexer reads from disk at the end of a build (filesToRead in the search-index
 * integration): the pages of a document route that were not handed over, and every page of a route
 * that handed none but indexes (a template without IndexedArticle.astro) — never a page of a list or
 * navigation route beyond its first, so a large site is not read twice, and no indexed page is lost.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesToRead } from '../../site/integrations/searchIndexIntegration.ts';

const directory = mkdtempSync(join(tmpdir(), 'files-to-read-'));
function page(name: string, indexed: boolean): string {
  const file = join(directory, name);
  writeFileSync(
    file,
    indexed
      ? '<main><article data-pagefind-body><h1 data-pagefind-meta="title">标题</h1></article></main>'
      : '<main><ul><li>列表</li></ul></main>',
  );
  return file;
}

describe('the pages read from disk at the end of a build', () => {
  const policyA = page('policy-a.html', true);
  const policyB = page('policy-b.html', true);
  const list1 = page('list-1.html', false);
  const list2 = page('list-2.html', false);
  const other1 = page('other-1.html', true);
  const other2 = page('other-2.html', true);
  const assets = new Map([
    ['/policies/[slug]', [policyA, policyB].map((file) => pathToFileURL(file))],
    ['/policies/[...list]', [list1, list2].map((file) => pathToFileURL(file))],
    ['/other/[slug]', [other1, other2].map((file) => pathToFileURL(file))],
    ['/feeds/[section].xml', [pathToFileURL(join(directory, 'feed.xml'))]],
  ]);

  it('reads a document route’s pages that were not handed over, and no list page', () => {
    const read = filesToRead(assets, new Set(['/policies/[slug]']), new Set([policyA]));
    expect(read).toContain(policyB);
    expect(read).not.toContain(policyA);
    expect(read).not.toContain(list1);
    expect(read).not.toContain(list2);
  });

  it('reads every page of a route that indexes without handing its pages over', () => {
    const read = filesToRead(assets, new Set(['/policies/[slug]']), new Set([policyA, policyB]));
    expect(read.sort()).toEqual([other1, other2].sort());
  });
});
