/**
 * The leak scan of the search index's document files, done by the indexer as it writes them
 * (leakScan.ts WrittenTextScanner) instead of reading 200,000 files back: what it finds is what a
 * scan of the written files finds, it reports only files that end up in the index, and the scan
 * after the build still reads every other index file — a file in the document folder that the
 * indexer did not write included.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scanForLeaks } from '../../core/build/leakScan.ts';
import { readPreviousDocuments, SearchIndexBuilder } from '../../core/search/index/buildIndex.ts';
import { fileOf } from '../../core/search/index/sitePages.ts';
import { startIndexer } from '../../core/search/index/startIndexer.ts';
import { INDEX_SCOPE, INDEX_SCOPE_AFTER_WRITE_SCAN } from '../../site/integrations/publicOutputChecks.ts';
import { type FixturePage, writeFixtureSite } from '../search/fixtureSite.ts';

const SECRET = '密查计划乙的抽查对象名单';
const page = (n: number, paragraph = `食品抽检第${n}批次结果。`): FixturePage => ({
  url: `/policies/p${n}/`,
  title: `第${n}号公告 食品抽检`,
  date: `2024-0${n}-01`,
  paragraphs: [paragraph],
});
const phrases = [{ id: 'plan-secret', text: SECRET }];

/** What a scan of the written index files finds: file → phrase number. */
async function scanOfFiles(site: string): Promise<string[]> {
  return (await scanForLeaks(site, phrases, INDEX_SCOPE)).leaks.map((leak) => leak.file).sort();
}

describe('the index document files scanned as they are written', () => {
  it('finds what a scan of the written files finds, with the page it came from, whether the phrases came before or after the pages', async () => {
    for (const phrasesFirst of [true, false]) {
      const site = writeFixtureSite([page(1), page(2, `其中包括${SECRET}。`), page(3)]);
      const builder = new SearchIndexBuilder(site, { scanText: true });
      if (phrasesFirst) builder.forbiddenPhrases([SECRET]);
      for (const n of [1, 2, 3]) builder.addPage(fileOf(site, `/policies/p${n}/`));
      if (!phrasesFirst) builder.forbiddenPhrases([SECRET]);
      builder.addRemaining();
      const { scanned } = await builder.write();
      expect(scanned!.leaks.map((leak) => leak.file).sort(), `phrases first: ${phrasesFirst}`).toEqual(await scanOfFiles(site));
      expect(scanned!.leaks).toEqual([expect.objectContaining({ url: '/policies/p2/', phrase: 0 })]);
    }
  });

  it('finds a phrase however the page spells it (markup, entities) — in normal form, as the file scan reads it', async () => {
    const site = writeFixtureSite([page(1, '密查计划乙的抽查&#23545;象名单')]);
    const builder = new SearchIndexBuilder(site, { scanText: true });
    builder.forbiddenPhrases([SECRET]);
    builder.addRemaining();
    const { scanned } = await builder.write();
    expect(scanned!.leaks.map((leak) => leak.url)).toEqual(['/policies/p1/']);
  });

  it('does not report a page read ahead from the served build and then withdrawn: its files are not in the index', async () => {
    const records = mkdtempSync(join(tmpdir(), 'scan-records-'));
    const record = join(records, 'served.documents.json');
    const served = writeFixtureSite([page(1), page(2, `其中包括${SECRET}。`)]);
    const first = new SearchIndexBuilder(served, { recordDocuments: record });
    first.addRemaining();
    await first.write();
    // The next build: page 2 withdrawn (its text no longer public, now forbidden).
    const next = writeFixtureSite([page(1)]);
    const incremental = new SearchIndexBuilder(next, { previous: readPreviousDocuments(served, record)!, scanText: true });
    incremental.forbiddenPhrases([SECRET]);
    for (const n of [1, 2]) incremental.prefetchPage(fileOf(next, `/policies/p${n}/`), fileOf(served, `/policies/p${n}/`));
    incremental.addReusedPage(fileOf(next, '/policies/p1/'), fileOf(served, '/policies/p1/'));
    incremental.addRemaining();
    const { scanned, documents } = await incremental.write();
    expect(documents).toBe(1);
    expect(scanned!.leaks).toEqual([]);
    expect(await scanOfFiles(next)).toEqual([]);
  });

  it('cannot report without the phrases: a build that never sent them fails instead of passing unchecked', async () => {
    const site = writeFixtureSite([page(1)]);
    const builder = new SearchIndexBuilder(site, { scanText: true });
    builder.addRemaining();
    await expect(builder.write()).rejects.toThrow('尚未收到非公开文本');
  });

  it('works through the indexer process beside the build', async () => {
    const site = writeFixtureSite([page(1), page(2, `其中包括${SECRET}。`)]);
    const indexer = startIndexer(site, { scan: true });
    indexer.forbiddenPhrases([SECRET]);
    const { summary } = await indexer.finish();
    expect(summary.scanned!.leaks.map((leak) => leak.url)).toEqual(['/policies/p2/']);
  });
});

describe('the index scan after the build', () => {
  it('skips only the document files the indexer wrote and scanned, and reads any other file in their folder', async () => {
    const site = writeFixtureSite([page(1), page(2)]);
    const builder = new SearchIndexBuilder(site, { scanText: true });
    builder.forbiddenPhrases([SECRET]);
    builder.addRemaining();
    await builder.write();
    const documentFiles = readdirSync(join(site, 'search-index', 'd'));
    // Written by something else, beside the indexer's files.
    writeFileSync(join(site, 'search-index', 'd', 'extra.sidx'), gzipSync(JSON.stringify({ title: SECRET })));
    writeFileSync(join(site, 'search-index', 'd', '7x.sidx'), gzipSync(JSON.stringify({ title: SECRET })));
    const after = await scanForLeaks(site, phrases, INDEX_SCOPE_AFTER_WRITE_SCAN);
    expect(after.skipped).toBe(documentFiles.length);
    expect(after.leaks.map((leak) => leak.file).sort()).toEqual(['search-index/d/7x.sidx', 'search-index/d/extra.sidx']);
  });
});
