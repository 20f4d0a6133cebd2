/**
 * Perspectives as the Content Lake applies them to queries: `raw` (every document as
 * stored), `published`, `drafts`/`previewDrafts` (each draft in place of its published
 * document), and a stack of release names ending in `drafts` or `published`, where the first
 * layer that has a version of a document wins. An overlaid document carries the published
 * `_id` and its stored id as `_originalId`.
 */
import { dataError } from './errors.ts';
import type { LakeDocument } from './transaction.ts';

const DRAFTS = 'drafts.';
const VERSIONS = 'versions.';

export type PerspectiveStack = 'raw' | string[];

/** Reads `?perspective=` (a name or a comma-separated stack) or a POST body's perspective. */
export function parsePerspective(value: unknown, apiVersion: string): PerspectiveStack {
  if (value === undefined || value === null || value === '') {
    // Before v2025-02-19 the default was raw; from then on it is published.
    return apiVersion !== 'X' && apiVersion < '2025-02-19' ? 'raw' : ['published'];
  }
  const layers = Array.isArray(value)
    ? value.map(String)
    : String(value)
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
  if (layers.length === 1 && layers[0] === 'raw') return 'raw';
  if (layers.includes('raw')) throw dataError(400, 'httpBadRequest', 'Perspective "raw" cannot be combined with other perspectives');
  return layers.map((layer) => (layer === 'previewDrafts' ? 'drafts' : layer));
}

function baseId(id: string): { base: string; layer: string } {
  if (id.startsWith(DRAFTS)) return { base: id.slice(DRAFTS.length), layer: 'drafts' };
  if (id.startsWith(VERSIONS)) {
    const rest = id.slice(VERSIONS.length);
    const dot = rest.indexOf('.');
    return { base: rest.slice(dot + 1), layer: rest.slice(0, dot) };
  }
  return { base: id, layer: 'published' };
}

export function applyPerspective(documents: readonly LakeDocument[], stack: PerspectiveStack): LakeDocument[] {
  if (stack === 'raw') return [...documents];
  const rank = new Map(stack.map((layer, index) => [layer, index]));
  // Every stack sees published documents below its layers.
  if (!rank.has('published')) rank.set('published', stack.length);
  const chosen = new Map<string, { doc: LakeDocument; rank: number; layer: string }>();
  for (const doc of documents) {
    const { base, layer } = baseId(doc._id);
    const position = rank.get(layer);
    if (position === undefined) continue;
    const current = chosen.get(base);
    if (!current || position < current.rank) chosen.set(base, { doc, rank: position, layer });
  }
  return [...chosen.entries()].map(([base, { doc, layer }]) => (layer === 'published' ? doc : { ...doc, _id: base, _originalId: doc._id }));
}
