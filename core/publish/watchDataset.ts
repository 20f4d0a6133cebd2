/**
 * Tells when a local dataset file may have changed. The workflow and the local Content Lake
 * replace the file by renaming a new one over it, so the file's own watch would follow the old,
 * unlinked inode: the folder is watched instead, for the file's name. fs.watch can miss events
 * (network and some container file systems report none), so a light poll of the file's identity
 * (inode, size, modification time) backs it up. Both only say "look again"; whether anything
 * public changed is decided by the content's fingerprint.
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';

export function watchDataset(path: string, onChange: () => void, { pollMs = 2000 }: { pollMs?: number } = {}): () => void {
  const file = resolve(path);
  const name = basename(file);
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(file), { persistent: true }, (_event, changed) => {
      // Some platforms do not say which file; then any change in the folder counts.
      if (changed === null || changed === name) onChange();
    });
    watcher.on('error', () => undefined);
  } catch {
    // No watching here (too many watchers, an unusual file system): the poll alone serves.
  }
  let seen = '';
  const identity = () =>
    stat(file).then(
      (s) => `${s.ino}:${s.size}:${s.mtimeMs}`,
      () => 'missing',
    );
  void identity().then((id) => (seen = id));
  const poll = setInterval(() => {
    void identity().then((id) => {
      if (id !== seen) {
        seen = id;
        onChange();
      }
    });
  }, pollMs);
  return () => {
    clearInterval(poll);
    watcher?.close();
  };
}
