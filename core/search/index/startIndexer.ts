/**
 * Runs the search indexer beside a build (core/search/index/indexerProcess.ts): `page(file, html)`
 * hands it a document page's article as the page is rendered, `finish()` waits for the index.
 * Pages it was not handed are read from disk by `finish()` all the same, so the hand-over only
 * saves time: it overlaps reading with rendering and spares reading the file again.
 */
import { forkTask } from '../../build/forkedTask.ts';
import type { IndexSummary } from './buildIndex.ts';
import type { IndexerMessage } from './indexerProcess.ts';

export interface IndexerResult {
  summary: IndexSummary;
  /** Pages handed over while the build was rendering… */
  handed: number;
  /** …and HTML files read from disk at the end (the rest of the site, and any page not handed). */
  read: number;
}

export interface Indexer {
  /** The page written to `file`: its `data-pagefind-body` element as rendered, or without it, the file itself once written. */
  page(file: string, html?: string): void;
  /** A page an incremental build reuses: `file` in this build, read from `from` (the served build's copy), which is there already. */
  pageFrom(file: string, from: string): void;
  /** With `scan`: the leak scan's forbidden phrases, for the document files (SearchIndexBuilder.forbiddenPhrases). */
  forbiddenPhrases(phrases: string[]): void;
  /** `read`: the files to read from disk at the end (default: every HTML file of the site not handed). */
  finish(read?: string[]): Promise<IndexerResult>;
  stop(): void;
}

/**
 * `record`: keep a record of the document files for the next build; `previous`: the served build whose
 * recorded files reused pages link; `scan`: scan the document files for leaks as they are written.
 */
export function startIndexer(site: string, options: { record?: boolean; previous?: string; scan?: boolean } = {}): Indexer {
  const args = [
    site,
    ...(options.record ? ['--record'] : []),
    ...(options.previous ? ['--previous', options.previous] : []),
    ...(options.scan ? ['--scan'] : []),
  ];
  const task = forkTask<IndexerMessage, IndexerResult>(new URL('./indexerProcess.ts', import.meta.url), args, {
    what: '搜索索引',
    // Each handed page is a large short-lived string: young-generation room to let them die
    // young (scripts/build-site.ts says the same of rendering).
    execArgv: ['--max-semi-space-size=64'],
  });
  const send = (message: IndexerMessage) => task.send(message);
  return {
    page: (file, html) => send(html === undefined ? { page: file } : { page: file, html }),
    pageFrom: (file, from) => send({ page: file, from }),
    forbiddenPhrases: (phrases) => send({ phrases }),
    finish(read) {
      send(read ? { finish: true, read } : { finish: true });
      return task.result;
    },
    stop: task.stop,
  };
}
