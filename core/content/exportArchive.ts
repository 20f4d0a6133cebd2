/**
 * Reads the documents out of a `sanity dataset export` archive (`.tar.gz`), which holds
 * `<name>/data.ndjson` beside the asset folders.
 */
import { list } from 'tar';

export async function readExportArchive(file: string): Promise<string> {
  const chunks: Buffer[] = [];
  let found = false;
  await list({
    file,
    filter: (path) => /(^|\/)data\.ndjson$/.test(path),
    onReadEntry: (entry) => {
      found = true;
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
    },
  });
  if (!found) throw new Error(`${file}：导出包中没有 data.ndjson（不是 sanity dataset export 生成的文件？）`);
  return Buffer.concat(chunks).toString('utf8');
}
