/**
 * Writes the index's files (gzip-compressed) and keeps what the manifest reports about them:
 * count, bytes, and a fingerprint of their contents that does not depend on the order they were
 * written in (several threads write them).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export class IndexFiles {
  readonly directory: string;
  bytes = 0;
  files = 0;
  readonly fingerprint = Buffer.alloc(32);

  constructor(directory: string) {
    this.directory = directory;
  }

  write(path: string, data: Uint8Array): void {
    const compressed = gzipSync(data, { level: 6 });
    writeFileSync(join(this.directory, path), compressed);
    this.bytes += compressed.length;
    this.files++;
    this.combine(createHash('sha256').update(data).digest());
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
