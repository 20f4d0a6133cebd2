/**
 * Runs the search indexer beside a build (core/search/index/indexerProcess.ts): `page(file)` hands
 * it each page as soon as it is written, `finish()` waits for the index. Pages it was not
 * told about are found by `finish()` all the same, so the hand-over only saves time.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { IndexSummary } from './buildIndex.ts';
import type { IndexerMessage, IndexerReply } from './indexerProcess.ts';

interface IndexerResult {
  summary: IndexSummary;
  /** HTML files read while the build was still writing, of all `pages`. */
  early: number;
  pages: number;
}

export interface Indexer {
  page(file: string): void;
  finish(): Promise<IndexerResult>;
  stop(): void;
}

export function startIndexer(site: string): Indexer {
  const child = fork(fileURLToPath(new URL('./indexerProcess.ts', import.meta.url)), [site], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let failure: string | undefined;
  const result = new Promise<IndexerResult>((resolve, reject) => {
    child.on('message', (reply: IndexerReply) => {
      if ('summary' in reply) return resolve(reply);
      failure = reply.error;
      reject(new Error(`搜索索引失败：${failure}`));
    });
    child.on('exit', (code, signal) =>
      reject(new Error(`搜索索引进程意外退出（${signal ?? `exit ${code}`}）${failure ? `：${failure}` : ''}`)),
    );
  });
  // A build that never asks for the index should not fail on its rejection.
  result.catch(() => {});
  const send = (message: IndexerMessage) => {
    if (child.connected) child.send(message);
  };
  return {
    page: (file) => send({ page: file }),
    finish() {
      send({ finish: true });
      return result;
    },
    stop: () => child.kill(),
  };
}
