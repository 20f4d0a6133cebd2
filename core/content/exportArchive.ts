/**
 * Reads the documents out of a `sanity dataset export` archive (`.tar.gz`), which holds
 * `<name>/data.ndjson` beside the asset folders.
 */
import { list } from 'tar';
import { LineSplitter, type LineHandler } from './ndjson.ts';

/** Calls `onLine` for each line of the archive's `data.ndjson`, as the archive is read. */
export async function readExportArchiveLines(file: string, onLine: LineHandler): Promise<void> {
  let splitter: LineSplitter | undefined;
  await list({
    file,
    filter: (path) => /(^|\/)data\.ndjson$/.test(path),
    onReadEntry: (entry) => {
      const lines = new LineSplitter(onLine);
      splitter = lines;
      entry.on('data', (chunk: Buffer) => lines.push(chunk));
    },
  });
  if (!splitter) throw new Error(`${file}：导出包中没有 data.ndjson（不是 sanity dataset export 生成的文件？）`);
  splitter.end();
}
