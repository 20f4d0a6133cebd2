/**
 * Reads the documents out of a `sanity dataset export` archive (`.tar.gz`), which holds
 * `<name>/data.ndjson` beside the asset folders.
 */
import { PassThrough } from 'node:stream';
import { list } from 'tar';
import { readLines, type LineHandler } from './ndjson.ts';

/** Calls `onLine` for each line of the archive's `data.ndjson`, as the archive is read. */
export async function readExportArchiveLines(file: string, onLine: LineHandler): Promise<void> {
  let reading: Promise<void> | undefined;
  await list({
    file,
    filter: (path) => /(^|\/)data\.ndjson$/.test(path),
    onReadEntry: (entry) => {
      // tar's entries are minipass streams, drained as soon as this returns: pipe one now into a node stream for readline.
      reading = readLines(entry.pipe(new PassThrough()), onLine);
      // Awaited below, once the archive is read; until then a failure must not count as unhandled.
      reading.catch(() => undefined);
    },
  });
  if (!reading) throw new Error(`${file}：导出包中没有 data.ndjson（不是 sanity dataset export 生成的文件？）`);
  await reading;
}
