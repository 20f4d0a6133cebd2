/**
 * The content a sign-off approves, as a hash. A revision id alone is not enough: in the local
 * dataset anyone who can write the file can change a signed draft and keep its `_rev`. The
 * 审签单 therefore binds each document's revision AND the sha256 of its content, and a release
 * publishes only when both still match.
 *
 * The hash covers what reaches the public and leaves out what is not the editor's content:
 * - system fields (`_id`, `_rev`, `_createdAt`, `_updatedAt`, and any other top-level `_…`
 *   the Content Lake adds), so the draft, its published copy and a store's read agree;
 * - what the release itself stamps (`publishedAt`, `indexNumber`) and the weak-reference
 *   markers it removes, so a released document still hashes as what was signed;
 * - `lastEditedBy`, a fact about who typed, which the Content Lake store fills in from the
 *   history on read.
 * Synchronous pure JS (@noble/hashes), so the same rules run in Node and in Studio's browser.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { StoredDocument } from '../model/datasetRules.ts';
import { strengthenReferences } from './plan.ts';

const NOT_CONTENT = new Set(['publishedAt', 'indexNumber', 'lastEditedBy']);

/** JSON with object keys sorted at every depth and `undefined` members dropped, as JSON does. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The signed part of a document: everything but system fields and what a release stamps. */
function signedContent(doc: StoredDocument): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(strengthenReferences(doc))) {
    if ((key.startsWith('_') && key !== '_type') || NOT_CONTENT.has(key)) continue;
    out[key] = value;
  }
  return out;
}

/** `sha256:` and the hex digest of the document's signed content. */
export function contentHash(doc: StoredDocument): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(signedContent(doc)))))}`;
}
