/**
 * The deploy log: one line per attempt to put content live, beside the site it serves
 * (`dist` → `dist.deploys.ndjson`), so "is it online?" is answered by what actually happened
 * and not by a guess. It is written by the publisher only, outside the site's folder, so
 * nothing of it can reach public output; it is git-ignored.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { lakeSourceKey } from './lakeDeployRecords.ts';
import type { WorkflowEvent } from './publicContent.ts';

export interface DeployRecord {
  outcome: 'live' | 'failed';
  /** Which content: `file:<absolute dataset path>` or `sanity:<project>/<dataset>` (see contentSourceKey). */
  source: string;
  /** The public content's fingerprint (core/publish/publicContent.ts). */
  fingerprint: string;
  /** Every release/withdrawal up to this audit sequence number is in the build. */
  auditSeq: number;
  /** The latest transaction id among the public documents. */
  latestRev?: string;
  /** The releases and withdrawals that this deploy puts live first (newer than the live deploy before it). */
  includes: WorkflowEvent[];
  startedAt: string;
  /** When the new build was switched in (outcome `live`) or given up (outcome `failed`). */
  finishedAt: string;
  durationMs: number;
  /** The build folder now served (outcome `live`). */
  build?: string;
  /** Why it failed, in the build's own words (outcome `failed`). */
  error?: string;
  /** The publisher process, for telling two apart. */
  pid: number;
}

export function deployLogOf(site: string): string {
  return `${resolve(site)}.deploys.ndjson`;
}

/** The key deploy records carry for a content source, the same in the publisher and in `npm run workflow`. */
export function contentSourceKey(source: { kind: 'local'; path: string } | { kind: 'lake'; projectId: string; dataset: string }): string {
  return source.kind === 'local' ? `file:${resolve(source.path)}` : lakeSourceKey(source.projectId, source.dataset);
}

/** Every record of the log in the order written; a line cut short by a killed writer is passed over. */
export async function readDeployLog(site: string): Promise<DeployRecord[]> {
  let text: string;
  try {
    text = await readFile(deployLogOf(site), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: DeployRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line) as DeployRecord;
      if (record && (record.outcome === 'live' || record.outcome === 'failed') && typeof record.source === 'string') records.push(record);
    } catch {
      // A partial last line: its attempt never finished, and the next one records itself.
    }
  }
  return records;
}

/** Appends one record as one write (O_APPEND): lines of two writers never interleave. */
export async function appendDeployRecord(site: string, record: DeployRecord): Promise<void> {
  await appendFile(deployLogOf(site), `${JSON.stringify(record)}\n`, { encoding: 'utf8', mode: 0o644 });
}

/** The last deploy of `source` that went live, if any. */
export function lastLive(records: readonly DeployRecord[], source: string): DeployRecord | undefined {
  return records.findLast((r) => r.source === source && r.outcome === 'live');
}
