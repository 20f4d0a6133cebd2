/**
 * Writes the index's files (gzip-compressed) and keeps what the manifest reports about them:
 * count, bytes, and a fingerprint of their contents that does not depend on the order they were
 * written in (several threads write them).
 */
import { createHash } from 'node:crypto';
import { linkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What a file adds to the count: its compressed size and the digest of its contents. */
export interface WrittenFile {
  bytes: number;
  digest: Buffer;
}

export class IndexFiles {
  readonly directory: string;
  bytes = 0;
  files = 0;
  readonly fingerprint = Buffer.alloc(32);

  constructor(directory: string) {
    this.directory = directory;
  }

  write(path: string, data: Uint8Array): WrittenFile {
    const compressed = gzipSync(data, { level: 6 });
    writeFileSync(join(this.directory, path), compressed);
    return this.count(compressed.length, data);
  }

  private count(bytes: number, data: Uint8Array): WrittenFile {
    const written = { bytes, digest: createHash('sha256').update(data).digest() };
    this.bytes += bytes;
    this.files++;
    this.combine(written.digest);
    return written;
  }

  /** Takes a file written or linked here back out of the count and fingerprint (the caller removes it). */
  forget(file: WrittenFile): void {
    this.bytes -= file.bytes;
    this.files--;
    // XOR: combining the same digest again undoes it.
    this.combine(file.digest);
  }

  /**
   * Puts at `path` the file `from` of an earlier build, which holds `data` compressed as write()
   * would: a hard link, no new file (creating files is what an incremental build spends most on).
   * Undefined, with nothing done, when `from` is not there.
   */
  link(path: string, data: Uint8Array, from: string): WrittenFile | undefined {
    try {
      linkSync(from, join(this.directory, path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return this.count(statSync(from).size, data);
  }

  /** Adds another writer's files (a worker's) to these. */
  add(other: { bytes: number; files: number; fingerprint: Uint8Array }): void {
    this.bytes += other.bytes;
    this.files += other.files;
    this.combine(other.fingerprint);
  }

  private combine(digest: Uint8Array): void {
    for (let i = 0; i < 32; i++) this.fingerprint[i]! ^= digest[i]!;
  }
}
