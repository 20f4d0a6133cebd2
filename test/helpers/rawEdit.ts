/**
 * A raw edit of a dataset file as an editor's tool makes it: one document changed in place, the
 * whole file renamed over the old one (what the publisher's watcher and the builds then read).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';

export async function rawEdit(dataset: string, id: string, change: (doc: Record<string, unknown>) => void): Promise<void> {
  const lines = (await readFile(dataset, 'utf8')).split('\n');
  const edited = lines.map((line) => {
    if (!line.includes(`"_id":"${id}"`)) return line;
    const doc = JSON.parse(line) as Record<string, unknown>;
    change(doc);
    return JSON.stringify(doc);
  });
  const next = `${dataset}.edit-${process.pid}`;
  await writeFile(next, edited.join('\n'));
  await rename(next, dataset);
}
