/**
 * `text::query()`, which the Studio's search and document lists use (`[@, _id] match
 * text::query($q)`), has no implementation in groq-js. Before a query runs, each such match is
 * replaced by `_id in [<ids of the documents whose text contains every term>]`: a plain
 * substring search over all of a document's strings, which also suits Chinese (no word breaks).
 */
import type { LakeDocument } from './transaction.ts';

type Node = { type: string; [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && typeof (value as Node).type === 'string';
}

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, out);
  return out;
}

/** The terms of a text query; `*` and quotes only shape Sanity's own search, and are dropped. */
function termsOf(query: unknown): string[] {
  if (typeof query !== 'string') return [];
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((term) => term.replace(/[*"]/g, ''))
    .filter((term) => term && !term.startsWith('-'));
}

export function rewriteTextQueries<T>(tree: T, documents: readonly LakeDocument[]): T {
  const matches = new Map<string, string[]>();
  let texts: { id: string; text: string }[] | undefined;
  const idsMatching = (query: unknown): string[] => {
    const terms = termsOf(query);
    const key = terms.join('\u0000');
    let ids = matches.get(key);
    if (!ids) {
      texts ??= documents.map((doc) => ({ id: doc._id, text: strings(doc, []).join('\n').toLowerCase() }));
      ids = texts.filter(({ text }) => terms.every((term) => text.includes(term))).map(({ id }) => id);
      matches.set(key, ids);
    }
    return ids;
  };
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (!isNode(value)) return value;
    const right = value.right as Node | undefined;
    if (
      value.type === 'OpCall' &&
      value.op === 'match' &&
      right?.type === 'FuncCall' &&
      right.namespace === 'text' &&
      right.name === 'query'
    ) {
      const [argument] = right.args as Node[];
      const query = argument?.type === 'Value' ? argument.value : '';
      return {
        type: 'OpCall',
        op: 'in',
        left: { type: 'AccessAttribute', name: '_id' },
        right: { type: 'Value', value: idsMatching(query) },
      };
    }
    const copy: Node = { ...value };
    for (const [key, child] of Object.entries(value)) if (child && typeof child === 'object') copy[key] = visit(child);
    return copy;
  };
  return visit(tree) as T;
}
