/**
 * Where the corpora are: the real documents (gov.cn State Council policies, SAMR laws and rules)
 * that the importer's test, the search evaluation and the benchmark dataset read. The repository
 * holds only what the project wrote, so they are found through ONE setting, CORPUS_DIR: a folder,
 * absolute or relative to the repository root; by default `../shared/corpus` beside the checkout.
 * Without them, the tests that read them are skipped (the `corpus` tag, vitest.config.ts).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SETTING = process.env.CORPUS_DIR || '../shared/corpus';

export const CORPUS_DIR = resolve(ROOT, SETTING);

/** A file or folder of the corpora, e.g. `corpusPath('govcn-2019', 'policies.jsonl')`. */
export function corpusPath(...parts: string[]): string {
  return join(CORPUS_DIR, ...parts);
}

/** Why what reads the corpora cannot run here, or null when their folder is there. */
export const corpusMissing: string | null = existsSync(CORPUS_DIR)
  ? null
  : `${SETTING} not found (set CORPUS_DIR to the corpus folder, absolute or relative to the repository root)`;
