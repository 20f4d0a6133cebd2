/**
 * The search indexer as a child process of the build, so pages are read on the second core
 * while Astro is still rendering the rest (scripts run `node core/search/index/indexerProcess.ts <site>`
 * through `startIndexer`). Messages in: `{ page: file, html }` for each document page as it is
 * rendered (its article; `{ page: file }` alone: read the file), `{ finish: true }` once the site
 * is written. Out: `{ summary, handed, read }` or `{ error }`, then the process exits.
 */
import { parseArgs } from 'node:util';
import { recordBeside } from '../../build/siteSwap.ts';
import { collectGarbage } from '../../content/collectGarbage.ts';
import { fileOf } from './sitePages.ts';
import type { TaskReply } from '../../build/forkedTask.ts';
import { readPreviousDocuments, SearchIndexBuilder } from './buildIndex.ts';
import type { IndexerResult } from './startIndexer.ts';

/**
 * A page: its article as rendered (`html`), or the file to read it from (`from`: the served build's
 * copy of a page an incremental build reuses), or neither: the file itself.
 * `read`: the files to read from disk at the end; without it, every HTML file of the site not handed.
 */
export type IndexerMessage =
  | { page: string; html?: string; from?: string }
  | { finish: true; read?: string[] }
  /** With `--scan`: the leak scan's forbidden phrases, once known (SearchIndexBuilder.forbiddenPhrases). */
  | { phrases: string[] };
export type IndexerReply = TaskReply<IndexerResult>;

// `--record`: keep a record of the document files beside the site's folder for the next build;
// `--previous <folder>`: the served build, whose recorded document files reused pages link;
// `--scan`: scan the document files for leaks as they are written (the phrases come as a message).
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { record: { type: 'boolean' }, previous: { type: 'string' }, scan: { type: 'boolean' } },
});
const site = positionals[0];
if (!site || !process.send) {
  console.error('usage: forked by startIndexer(site) with an IPC channel');
  process.exit(2);
}
const send = (reply: IndexerReply) => new Promise<void>((resolve) => process.send!(reply, () => resolve()));
async function fail(error: unknown): Promise<never> {
  await send({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
let builder: SearchIndexBuilder;
/** The served build's indexed pages, read ahead while the build reads its content (builder.prefetchPage). */
const ahead: { page: string; from: string }[] = [];
try {
  const previous = values.previous ? readPreviousDocuments(values.previous, recordBeside(values.previous, 'documents')) : undefined;
  builder = new SearchIndexBuilder(site, {
    ...(previous ? { previous } : {}),
    ...(values.record ? { recordDocuments: recordBeside(site, 'documents') } : {}),
    ...(values.scan ? { scanText: true } : {}),
  });
  if (previous) for (const url of previous.documents.keys()) ahead.push({ page: fileOf(site, url), from: fileOf(values.previous!, url) });
} catch (error) {
  await fail(error);
}
let nextAhead = 0;
const queue: { page: string; html?: string; from?: string }[] = [];
let finishing = false;
let readAtEnd: string[] | undefined;
let working = false;

async function work(): Promise<void> {
  if (working) return;
  working = true;
  try {
    // A few pages per turn, so messages keep arriving while pages are read; what the build
    // sends first, pages read ahead when it has sent nothing (never once it has finished).
    while (queue.length > 0 || (!finishing && nextAhead < ahead.length)) {
      if (queue.length > 0)
        for (let i = 0; i < 50 && queue.length > 0; i++) {
          const { page, html, from } = queue.shift()!;
          if (from !== undefined) builder.addReusedPage(page, from);
          else builder.addPage(page, html);
        }
      else
        for (let i = 0; i < 20 && nextAhead < ahead.length; i++) {
          const { page, from } = ahead[nextAhead++]!;
          builder.prefetchPage(page, from);
        }
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (finishing) {
      const handed = builder.pagesRead;
      if (readAtEnd) for (const file of readAtEnd) builder.addPage(file);
      else builder.addRemaining();
      // The pages handed over are garbage now: collected before the postings are packed and
      // encoded (a copy of half of them for the second thread), the heap those need is mostly theirs.
      collectGarbage(0, { compact: true });
      await send({ summary: await builder.write(), handed, read: builder.pagesRead - handed });
      process.exit(0);
    }
  } catch (error) {
    await fail(error);
  } finally {
    working = false;
  }
}

process.on('message', (message: IndexerMessage) => {
  if ('page' in message) queue.push(message);
  else if ('phrases' in message) {
    try {
      builder.forbiddenPhrases(message.phrases);
    } catch (error) {
      void fail(error);
    }
    return;
  } else {
    finishing = true;
    readAtEnd = message.read;
  }
  void work();
});
if (ahead.length > 0) void work();
// The build went away (it failed, or was stopped): nothing to finish.
process.on('disconnect', () => {
  if (!finishing) process.exit(0);
});
