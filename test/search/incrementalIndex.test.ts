/**
 * The index of an incremental build (core/search/index/buildIndex.ts): the served build's indexed
 * pages are read ahead while the build reads its content, and count only once the build says they
 * were reused; pages rendered again, and pages no longer in the site, are taken back. Whatever was
 * read ahead, the index is file for file the one a full build writes, and a reused page's document
 * file is the served build's (a hard link, no new file).
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPreviousDocuments, SearchIndexBuilder } from '../../core/search/index/buildIndex.ts';
import { fileOf } from '../../core/search/index/sitePages.ts';
import { writeFixtureSite, type FixturePage } from './fixtureSite.ts';

const page = (n: number, title = `第${n}号公告 食品抽检`): FixturePage => ({
  url: `/policies/p${n}/`,
  title,
  date: `2024-0${n}-01`,
  docNumber: `株市监发〔2024〕${n}号`,
  publisher: n % 2 ? '办公室' : '食品科',
  // Each cites the one before: pages taken back must take their citations with them.
  paragraphs: [`食品抽检第${n}批次结果，依据《第${n - 1}号公告 食品抽检》执行。`, '检验项目包括重金属与微生物指标。'.repeat(n * 40)],
});

/** Every file of the site's index, by path, with its bytes. */
function indexFiles(site: string): Map<string, string> {
  const root = join(site, 'search-index');
  return new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [
        join(entry.parentPath, entry.name).slice(root.length),
        readFileSync(join(entry.parentPath, entry.name)).toString('base64'),
      ]),
  );
}

describe('the index of an incremental build', () => {
  it('is the full build’s index, whatever was read ahead, taken back or reused', async () => {
    const records = mkdtempSync(join(tmpdir(), 'index-records-'));
    const servedRecord = join(records, 'served.documents.json');
    const served = writeFixtureSite([1, 2, 3, 4, 5].map((n) => page(n)));
    const first = new SearchIndexBuilder(served, { recordDocuments: servedRecord });
    first.addRemaining();
    await first.write();

    // The next site: 1 and 3 unchanged, 2 edited, 4 and 5 withdrawn, 6 released.
    const nextPages = [page(1), page(2, '第2号公告 食品抽检（更正）'), page(3), page(6)];
    const full = writeFixtureSite(nextPages);
    const reference = new SearchIndexBuilder(full);
    reference.addRemaining();
    await reference.write();

    const next = writeFixtureSite(nextPages);
    const previous = readPreviousDocuments(served, servedRecord)!;
    expect([...previous.documents.keys()].sort()).toEqual([1, 2, 3, 4, 5].map((n) => `/policies/p${n}/`));
    const nextRecord = join(records, 'next.documents.json');
    const incremental = new SearchIndexBuilder(next, { previous, recordDocuments: nextRecord });
    // Read ahead: every page the served build indexed, before the build has said anything.
    for (const url of previous.documents.keys()) incremental.prefetchPage(fileOf(next, url), fileOf(served, url));
    for (const n of [1, 3]) incremental.addReusedPage(fileOf(next, `/policies/p${n}/`), fileOf(served, `/policies/p${n}/`));
    incremental.addPage(fileOf(next, '/policies/p2/'));
    incremental.addPage(fileOf(next, '/policies/p6/'));
    incremental.addRemaining();
    const summary = await incremental.write();

    expect(summary.documents).toBe(4);
    expect(indexFiles(next)).toEqual(indexFiles(full));
    // The reused pages' document files are the served build's own files; no other file is.
    const recorded = readPreviousDocuments(next, nextRecord)!.documents;
    const filesOf = (url: string) => {
      const { number, rest } = recorded.get(url)!;
      return rest ? [`${number}.sidx`, `${number}r.sidx`] : [`${number}.sidx`];
    };
    const linked = readdirSync(join(next, 'search-index', 'd')).filter((name) => statSync(join(next, 'search-index', 'd', name)).nlink > 1);
    expect(linked.sort()).toEqual([...filesOf('/policies/p1/'), ...filesOf('/policies/p3/')].sort());
  });

  it('without reading ahead, links the reused pages’ files and writes the same index', async () => {
    const records = mkdtempSync(join(tmpdir(), 'index-records-'));
    const servedRecord = join(records, 'served.documents.json');
    const served = writeFixtureSite([1, 2, 3].map((n) => page(n)));
    const first = new SearchIndexBuilder(served, { recordDocuments: servedRecord });
    first.addRemaining();
    await first.write();
    const pages = [page(1), page(2), page(3), page(4)];
    const full = writeFixtureSite(pages);
    const reference = new SearchIndexBuilder(full);
    reference.addRemaining();
    await reference.write();
    const next = writeFixtureSite(pages);
    const incremental = new SearchIndexBuilder(next, { previous: readPreviousDocuments(served, servedRecord)! });
    for (const n of [3, 1, 2]) incremental.addReusedPage(fileOf(next, `/policies/p${n}/`), fileOf(served, `/policies/p${n}/`));
    incremental.addRemaining();
    await incremental.write();
    expect(indexFiles(next)).toEqual(indexFiles(full));
  });
});
