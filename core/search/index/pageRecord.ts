/**
 * What the search index learns from one built page: the text a reader sees inside the element
 * marked `data-pagefind-body` (the document's article), its title, its weighted parts and its
 * facts. Indexing the page's own HTML, not the content, means nothing reaches the index that
 * the page itself does not show.
 *
 * The markup is Pagefind's (`data-pagefind-body`, `-meta`, `-filter`, `-sort`, `-weight`,
 * `-ignore`), so the stock Pagefind indexer reads the same pages in the benchmark. The page is
 * read with htmlparser2 (a real, streaming HTML tokenizer: quoted `>`, entities, comments,
 * script and style content, void and implied end tags as HTML has them); the record is the
 * same whether the parser is given the whole page or only the article the renderer hands over.
 */
import { Parser } from 'htmlparser2';

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
/** Never shown to a reader, whatever they contain. */
const UNSEEN = new Set(['script', 'style', 'template']);
const FACTS = ['data-pagefind-filter', 'data-pagefind-meta', 'data-pagefind-sort'] as const;

function splitFact(value: string): [string, string] | undefined {
  const colon = value.indexOf(':');
  return colon > 0 ? [value.slice(0, colon), value.slice(colon + 1)] : undefined;
}

/** One open element inside the indexed body: what it does to the text inside it. */
interface Frame {
  tag: string;
  ignore: boolean;
  weight: number;
  title: boolean;
}

/** Collects the record from the parser's events; everything before the body element and after its end is passed over. */
class RecordReader {
  readonly filters: Record<string, string> = {};
  readonly meta: Record<string, string> = {};
  readonly parts: WeightedText[] = [];
  readonly lines: string[] = [];
  title = '';
  /** Set once the body element has opened (`entered`) and closed again (`done`). */
  entered = false;
  done = false;
  bodyTag = '';
  private readonly stack: Frame[] = [];
  private line = '';
  /** Text since the last tag: one run, however the tokenizer delivers it (entities come apart). */
  private pending = '';
  /** No block boundary since the last part: text of the same weight joins it. */
  private joinable = false;
  private readonly stop: () => void;
  constructor(stop: () => void) {
    this.stop = stop;
  }

  onopentag(tag: string, attributes: Record<string, string>): void {
    if (this.done) return;
    if (!this.entered) {
      if (!('data-pagefind-body' in attributes)) return;
      this.entered = true;
      this.bodyTag = tag;
    }
    this.flushText();
    const parent = this.stack[this.stack.length - 1];
    // Facts are read from every element, hidden ones included: that is where SearchFacts.astro puts them.
    for (const name of FACTS) {
      const value = attributes[name];
      const fact = value === undefined ? undefined : splitFact(value);
      if (!fact) continue;
      if (name === 'data-pagefind-filter') this.filters[fact[0]] = fact[1];
      else if (name === 'data-pagefind-meta') this.meta[fact[0]] = fact[1];
      else if (fact[0] === 'date') this.meta.date ??= fact[1];
    }
    // A block starts a new line as well as ending one: a cell's text never runs into a table nested in it.
    if (BLOCK.has(tag)) this.endLine();
    const weight = Number(attributes['data-pagefind-weight']);
    this.stack.push({
      tag,
      ignore: (parent?.ignore ?? false) || UNSEEN.has(tag) || 'data-pagefind-ignore' in attributes || 'hidden' in attributes,
      weight: Number.isFinite(weight) && weight > 0 ? weight : (parent?.weight ?? 1),
      title: (parent?.title ?? false) || attributes['data-pagefind-meta'] === 'title',
    });
  }

  ontext(text: string): void {
    if (this.entered && !this.done) this.pending += text;
  }

  // The parser closes every element it opened, void ones and those an end tag implies included.
  onclosetag(tag: string): void {
    if (!this.entered || this.done) return;
    this.flushText();
    this.stack.pop();
    if (BLOCK.has(tag)) this.endLine();
    if (this.stack.length === 0) {
      this.done = true;
      this.endLine();
      this.stop();
    }
  }

  private flushText(): void {
    if (!this.pending) return;
    const current = this.stack[this.stack.length - 1];
    const text = this.pending.replace(/\s+/g, ' ');
    this.pending = '';
    if (!current || current.ignore || !text.trim()) return;
    if (current.title) this.title += text;
    else this.line += text;
    // Inline markup does not break a word a reader sees whole (食<em>品</em>, a 发文字号 in a <span>):
    // the part goes on, so its bigrams and 文号 span the tag.
    const weight = current.title ? TITLE_WEIGHT : current.weight;
    const last = this.parts[this.parts.length - 1];
    if (this.joinable && last?.weight === weight) last.text += text;
    else this.parts.push({ text, weight });
    this.joinable = true;
  }

  private endLine(): void {
    if (this.line.trim()) this.lines.push(this.line.trim());
    this.line = '';
    this.joinable = false;
  }
}

/** The page's record, or undefined when it has no `data-pagefind-body` (lists, navigation). */
export function pageRecord(url: string, html: string): PageRecord | undefined {
  if (!html.includes('data-pagefind-body')) return undefined;
  let parser: Parser | undefined;
  // Past the body element the page is not read at all.
  const reader = new RecordReader(() => parser!.pause());
  parser = new Parser(reader, { decodeEntities: true });
  parser.write(html);
  // The string is only in an attribute value, a comment or a script: not an indexed page.
  if (!reader.entered) return undefined;
  // A page the indexer cannot read fails the build, naming it, instead of vanishing from search.
  if (!reader.done) throw new Error(`搜索索引无法读取 ${url}：data-pagefind-body 元素（<${reader.bodyTag}>）没有结束标签`);
  const { filters, meta, parts, lines } = reader;
  const title = reader.title.trim() || meta.title || '';
  if (!title) throw new Error(`搜索索引无法读取 ${url}：没有标题（data-pagefind-meta="title"）`);
  return { url, title, parts, text: lines.join('\n'), filters, meta, ...(meta.date ? { date: meta.date } : {}) };
}
