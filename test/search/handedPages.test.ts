/**
 * The search index reads each document page as the renderer hands it over
 * (site/components/IndexedArticle.astro → core/search/index/pageChannel.ts), not from the
 * written file: over the whole sample site, every page the indexer would find on disk is handed
 * over, keyed by the file it is written to, and gives the same record as that file.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'astro';
import { describe, expect, it } from 'vitest';
import { listenForRenderedPages, type RenderedPage } from '../../core/search/index/pageChannel.ts';
import { pageRecord } from '../../core/search/index/pageRecord.ts';
import { fileOf, htmlFiles, urlOf } from '../../core/search/index/sitePages.ts';
import { ROOT } from '../helpers/run.ts';

describe('document pages handed to the indexer while the site is rendered', () => {
  it('are every indexed page of the built site, each with the record its written file gives', async () => {
    const out = mkdtempSync(join(tmpdir(), 'handed-pages-'));
    const handed: RenderedPage[] = [];
    const stop = listenForRenderedPages((page) => handed.push(page));
    const dataset = process.env.CONTENT_DATASET;
    process.env.CONTENT_DATASET = join(ROOT, 'content', 'dataset.ndjson');
    try {
      await build({ root: ROOT, outDir: out, logLevel: 'error' });
    } finally {
      stop();
      if (dataset === undefined) delete process.env.CONTENT_DATASET;
      else process.env.CONTENT_DATASET = dataset;
    }
    const onDisk = new Map<string, string>();
    for (const file of htmlFiles(out)) {
      const url = urlOf(out, file);
      if (pageRecord(url, readFileSync(file, 'utf8'))) onDisk.set(url, file);
    }
    expect(onDisk.size).toBeGreaterThan(50);
    expect(handed.map((page) => page.url).sort()).toEqual([...onDisk.keys()].sort());
    for (const { url, html } of handed) {
      const file = fileOf(out, url);
      expect(file).toBe(onDisk.get(url));
      expect(pageRecord(url, html), url).toEqual(pageRecord(url, readFileSync(file, 'utf8')));
    }
  });
});
