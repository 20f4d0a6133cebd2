/**
 * What the search index learns from one built page: the text a reader sees inside the element
 * marked `data-pagefind-body` (the document's article), its title, its weighted parts and its
 * facts. Indexing the built HTML, not the content, means nothing reaches the index that the
 * page itself does not show.
 *
 * The markup is Pagefind's (`data-pagefind-body`, `-meta`, `-filter`, `-sort`, `-weight`,
 * `-ignore`), so the stock Pagefind indexer reads the same pages in the benchmark.
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities';

interface WeightedText {
  text: string;
  weight: number;
}

export interface PageRecord {
  url: string;
  title: string;
  /** Everything indexed, with its weight (title and 发文字号 weigh more). */
  parts: WeightedText[];
  /** The visible text of the article below the title, paragraphs separated by newlines. */
  text: string;
  filters: Record<string, string>;
  meta: Record<string, string>;
  /** YYYY-MM-DD, what 'newest first' sorts by. */
  date?: string;
}

/** A title word counts as much as this many words of the body. */
const TITLE_WEIGHT = 6;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// Table cells too: a row's cells read as one run (「…经营部92430202MA7GR2X82R未发现问题」) otherwise.
const BLOCK = new Set([
  'p',
  'li',
  'ul',
  'ol',
  'dl',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'nav',
  'table',
  'caption',
  'dd',
  'dt',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'address',
  'details',
  'summary',
  'br',
]);
const attributePatterns = new Map<string, RegExp>();

function attribute(attributes: string, name: string): string | undefined {
  if (!attributes.includes(name)) return undefined;
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  if (!match) return undefined;
  return decodeHTMLAttribute(match[1] ?? match[2] ?? match[3] ?? '');
}

function splitFact(value: string): [string, string] | undefined {
  const colon = value.indexOf(':');
  return colon > 0 ? [value.slice(0, colon), value.slice(colon + 1)] : undefined;
}

// Attribute values may hold `>` (Astro escapes only `&` and `"` in them): a quoted value is read whole.
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;

/** The page's record, or undefined when it has no `data-pagefind-body` (lists, navigation). */
export function pageRecord(url: string, html: string): PageRecord | undefined {
  const bodyAt = html.indexOf('data-pagefind-body');
  if (bodyAt < 0) return undefined;
  const start = html.lastIndexOf('<', bodyAt);
  const filters: Record<string, string> = {};
  const meta: Record<string, string> = {};
  const parts: WeightedText[] = [];
  const lines: string[] = [];
  let line = '';
  let title = '';
  // One entry per open element: what it does to the text inside it.
  const stack: { tag: string; ignore: boolean; weight: number; title: boolean }[] = [];
  const top = () => stack[stack.length - 1];
  TAG.lastIndex = start;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const [whole, closing, rawTag, attributes = '', selfClosing, text] = match;
    if (whole.startsWith('<!--')) continue;
    if (text !== undefined) {
      const current = top();
      if (!current || current.ignore) continue;
      const decoded = decodeHTML(text).replace(/\s+/g, ' ');
      if (!decoded.trim()) continue;
      if (current.title) title += decoded;
      else line += decoded;
      parts.push({ text: decoded, weight: current.title ? TITLE_WEIGHT : current.weight });
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (closing) {
      // Close up to the matching element (HTML written by Astro is well formed).
      while (stack.length > 0 && stack.pop()!.tag !== tag);
      if (BLOCK.has(tag) && line.trim()) {
        lines.push(line.trim());
        line = '';
      }
      if (stack.length === 0) break;
      continue;
    }
    const parent = top();
    for (const name of ['data-pagefind-filter', 'data-pagefind-meta', 'data-pagefind-sort'] as const) {
      const value = attribute(attributes, name);
      const fact = value === undefined ? undefined : splitFact(value);
      if (!fact) continue;
      if (name === 'data-pagefind-filter') filters[fact[0]] = fact[1];
      else if (name === 'data-pagefind-meta') meta[fact[0]] = fact[1];
      else if (fact[0] === 'date') meta.date ??= fact[1];
    }
    if (tag === 'br' && line.trim()) {
      lines.push(line.trim());
      line = '';
    }
    if (VOID.has(tag) || selfClosing) continue;
    const weight = Number(attribute(attributes, 'data-pagefind-weight'));
    stack.push({
      tag,
      ignore:
        (parent?.ignore ?? false) ||
        attribute(attributes, 'data-pagefind-ignore') !== undefined ||
        attribute(attributes, 'hidden') !== undefined,
      weight: Number.isFinite(weight) && weight > 0 ? weight : (parent?.weight ?? 1),
      title: (parent?.title ?? false) || attribute(attributes, 'data-pagefind-meta') === 'title',
    });
  }
  if (line.trim()) lines.push(line.trim());
  // A page the indexer cannot read fails the build, naming it, instead of vanishing from search.
  if (stack.length > 0) throw new Error(`搜索索引无法读取 ${url}：data-pagefind-body 元素（<${stack[0]!.tag}>）没有结束标签`);
  title = title.trim() || meta.title || '';
  if (!title) throw new Error(`搜索索引无法读取 ${url}：没有标题（data-pagefind-meta="title"）`);
  return { url, title, parts, text: lines.join('\n'), filters, meta, ...(meta.date ? { date: meta.date } : {}) };
}
