/**
 * The corpus built into a site with the real build: what the search evaluation runs its queries
 * against (`npm run bench:search`, the search-quality test).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { INDEX_DIRECTORY, MANIFEST_FILE } from '../../core/search/format/indexFormat.ts';
import { writeNdjson } from '../bench/ndjsonFile.ts';
import { runNode } from '../support/runNode.ts';
import { corpusDataset, corpusPolicyUrls } from './corpusDataset.ts';

export interface CorpusSite {
  datasetPath: string;
  siteDir: string;
  /** Policy URL → title, every page a label may name. */
  policyUrls: Map<string, string>;
  documents: number;
  buildMs: number;
}

/**
 * Writes the corpus dataset to `<directory>/dataset.ndjson` and builds the public site from it
 * with the real `scripts/build-site.ts` into `<directory>/site` (log: `<directory>/build.log`).
 * With `reuse`, an existing site there is used as it is. With `extra`, the corpus stands among
 * that many more documents (`dataset-<count>.ndjson`, `site-<count>`).
 */
export async function buildCorpusSite(options: {
  directory: string;
  reuse?: boolean;
  extra?: { count: number; documents: () => readonly StoredDocument[] };
}): Promise<CorpusSite> {
  const { directory } = options;
  mkdirSync(directory, { recursive: true });
  const extra = options.extra?.count ?? 0;
  const datasetPath = join(directory, extra ? `dataset-${extra}.ndjson` : 'dataset.ndjson');
  const siteDir = join(directory, extra ? `site-${extra}` : 'site');
  const { text, dataset } = corpusDataset();
  const policyUrls = corpusPolicyUrls(dataset);
  if (options.reuse && existsSync(join(siteDir, INDEX_DIRECTORY, MANIFEST_FILE))) {
    return { datasetPath, siteDir, policyUrls, documents: dataset.documents.length + extra, buildMs: 0 };
  }
  if (options.extra && extra) writeNdjson(datasetPath, [...dataset.documents, ...options.extra.documents()]);
  else writeFileSync(datasetPath, text);
  const started = performance.now();
  // The public build (never the reviewers' preview), from the corpus dataset.
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'SITE_MODE')), CONTENT_DATASET: datasetPath };
  const build = await runNode(['scripts/build-site.ts', '--out', siteDir], env, join(directory, 'build.log'));
  if (build.code !== 0)
    throw new Error(`building the corpus site failed (exit ${build.code}):\n${build.output.split('\n').slice(-30).join('\n')}`);
  return { datasetPath, siteDir, policyUrls, documents: dataset.documents.length + extra, buildMs: performance.now() - started };
}
