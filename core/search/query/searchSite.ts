/**
 * The one search module of the site: the browser's search page and the command line
 * (`npm run search`) both call `searchSite`, so tests measure what the public gets.
 *
 * A query is split by the same `forEachTerm` as the index (text/terms.ts), question words dropped
 * first. Documents are ranked by BM25 over the terms they contain: a document that contains
 * only some of the words still ranks, higher the more and the rarer its matched terms are.
 * Quoted phrases must all be present. The result set is every document scoring at least a
 * fraction of the best one, and facet counts are counted over that same set, so the counts
 * always add up to what a click on them shows.
 */
import { carrying, nearest } from './docNumberLookup.ts';
import { excerpt, markMatches, matchedCharacters } from './excerpt.ts';
import { FACET_NAMES, idf, SEARCH_FACETS, type Postings, type ResultFacts, type TermEntry } from '../format/indexFormat.ts';
import type { DocNumberEntry } from '../format/docNumberFiles.ts';
import { parseDocNumber, printDocNumber, type DocNumberParts } from '../text/docNumber.ts';
import { foldFullWidth } from '../text/fold.ts';
import { meaningfulQuery, splitPhrases } from '../text/queryText.ts';
import type { SearchIndex } from './searchIndex.ts';
import { wantedTerms } from '../text/wantedTerms.ts';

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export interface SearchRequest {
  query: string;
  /** Facet name → the values to keep (any of them). */
  filters?: Record<string, string[]>;
  sort?: SortOrder;
  limit?: number;
  /** Results to skip (the next page). */
  offset?: number;
}

export interface SearchHit extends ResultFacts {
  /** The title as HTML, matched words in `<mark>`. */
  titleHtml: string;
  /** The best passage as HTML, matched words in `<mark>`. */
  excerpt: string;
}

export interface SearchResponse {
  query: string;
  total: number;
  hits: SearchHit[];
  /** Facet name → value → count, for the current query and filters. */
  facets: Record<string, Record<string, number>>;
  /** Quoted phrases no page contains word for word: the results match their words instead. */
  inexactPhrases?: string[];
  /** The query is a 发文字号 that no document carries (printed as documents print it)… */
  noSuchDocNumber?: string;
  /** …and these are the issuer's nearest numbers, whose documents are the hits. */
  nearestDocNumbers?: string[];
  /** Equivalent government words searched as well (text/equivalents.ts), shown as 「也搜索了：…」. */
  alsoSearched?: string[];
}

/** A result scores at least this fraction of the best one (the rest is noise from one common term). */
export const RESULT_THRESHOLD = 0.2;

/** Full-width letters, digits and spaces typed with a Chinese input method, folded to ASCII. */
export function normalizeQuery(query: string): string {
  return foldFullWidth(query)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

interface QueryTerm {
  term: string;
  entry: TermEntry;
  weight: number;
  required: boolean;
  /** Fetched as soon as the term's dictionary entry is known, not after every term's. */
  postings: Promise<Postings>;
}

/** The query's terms that occur in the index, each weighted by how rare it is. */
async function queryTerms(
  index: SearchIndex,
  query: string,
  strict: boolean,
): Promise<{ terms: QueryTerm[]; phrases: string[]; alsoSearched: string[] }> {
  const split = splitPhrases(query);
  const phrases = strict ? split.phrases : [];
  const rest = strict ? split.rest : `${split.rest} ${split.phrases.join(' ')}`.trim();
  const cleaned = meaningfulQuery(rest) || rest;
  const { unigram } = index.manifest;
  const { wanted, alsoSearched } = wantedTerms(cleaned, phrases, { unigrams: unigram > 0, equivalents: true });
  const terms: QueryTerm[] = [];
  await Promise.all(
    [...wanted].map(async ([term, { count, required, scale, unigram: character }]) => {
      const entry = await index.term(term);
      // A phrase with a term no document contains finds nothing at all.
      if (!entry && required)
        terms.push({
          term,
          entry: { df: 0, head: new Uint8Array() },
          weight: 0,
          required,
          postings: Promise.resolve({ docs: [], impacts: [], combinations: [] }),
        });
      if (entry)
        terms.push({
          term,
          entry,
          weight: idf(index.manifest.documents, entry.df) * Math.min(count, 2) * scale * (character ? unigram : 1),
          required,
          postings: index.postings(entry, required),
        });
    }),
  );
  // In a fixed order (they arrive in any): scores are summed the same way every time.
  terms.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return { terms, phrases, alsoSearched };
}

/**
 * Between results of similar score a valid document goes first: a repealed or expired one's
 * score is cut by a fifth, an amended one's by a tenth — enough to order near-ties, not enough
 * to hide a repealed document that is what the query names (its title, its 发文字号).
 */
const VALIDITY_DISCOUNT: Record<string, number> = { 已废止: 0.8, 已失效: 0.8, 已修改: 0.9 };

const discounts = new WeakMap<SearchIndex, Float64Array>();

/** Facet combination → the discount of its validity. */
function validityDiscounts(index: SearchIndex): Float64Array {
  let found = discounts.get(index);
  if (!found) {
    const { combinations, facets } = index.manifest;
    const f = FACET_NAMES.indexOf('validity');
    found = Float64Array.from(combinations, (combination) => VALIDITY_DISCOUNT[facets.validity[combination[f] ?? -1] ?? ''] ?? 1);
    discounts.set(index, found);
  }
  return found;
}

interface Scored {
  doc: number;
  score: number;
  combination: number;
}

async function score(index: SearchIndex, terms: readonly QueryTerm[], pinned: ReadonlySet<number>): Promise<Scored[]> {
  const { k1 } = index.manifest;
  const scores = new Map<number, Scored>();
  const required = terms.filter((t) => t.required).length;
  // Documents with every required term: counted per document only when there are such terms.
  const hits = new Map<number, number>();
  const lists = await Promise.all(terms.map((t) => t.postings));
  lists.forEach((postings, t) => {
    const term = terms[t]!;
    const scale = (term.weight * (k1 + 1)) / 255;
    for (let i = 0; i < postings.docs.length; i++) {
      const doc = postings.docs[i]!;
      let entry = scores.get(doc);
      if (!entry) {
        entry = { doc, score: 0, combination: postings.combinations[i]! };
        scores.set(doc, entry);
      }
      entry.score += scale * postings.impacts[i]!;
      if (term.required) hits.set(doc, (hits.get(doc) ?? 0) + 1);
    }
  });
  let best = 0;
  const ranked: Scored[] = [];
  const discount = validityDiscounts(index);
  for (const entry of scores.values()) {
    if (required > 0 && hits.get(entry.doc) !== required) continue;
    entry.score *= discount[entry.combination] ?? 1;
    ranked.push(entry);
    if (entry.score > best) best = entry.score;
  }
  return ranked.filter((s) => pinned.has(s.doc) || s.score >= best * RESULT_THRESHOLD);
}

/** Documents that share every facet value (a facet combination and a year), with those values. */
interface FacetGroup {
  values: Record<string, string | undefined>;
  docs: Scored[];
}

/** The found documents grouped by their facet values: facets are counted per group, not per document. */
function facetGroups(index: SearchIndex, found: readonly Scored[]): FacetGroup[] {
  const groups = new Map<string, FacetGroup>();
  for (const scored of found) {
    const year = index.year(scored.doc);
    const key = `${scored.combination} ${year}`;
    let group = groups.get(key);
    if (!group) {
      const combination = index.manifest.combinations[scored.combination] ?? [];
      const values: Record<string, string | undefined> = { year };
      FACET_NAMES.forEach((name, f) => {
        const value = combination[f] ?? -1;
        values[name] = value >= 0 ? index.manifest.facets[name][value] : undefined;
      });
      group = { values, docs: [] };
      groups.set(key, group);
    }
    group.docs.push(scored);
  }
  return [...groups.values()];
}

function passes(values: Record<string, string | undefined>, filters: [string, string[]][], except?: string): boolean {
  return filters.every(([name, wanted]) => name === except || (values[name] !== undefined && wanted.includes(values[name]!)));
}

export async function searchSite(index: SearchIndex, request: SearchRequest): Promise<SearchResponse> {
  const query = normalizeQuery(request.query);
  if (!query) return { query, total: 0, hits: [], facets: index.manifest.totals };
  const number = parseDocNumber(query);
  let pinned = new Set<number>();
  if (number) {
    const entries = await index.docNumbers(number);
    const exact = carrying(entries, number);
    if (exact.length === 0) return noSuchDocNumber(index, query, number, entries);
    // The document that carries the number comes first, however the number was typed.
    pinned = new Set(exact.map(([, , , doc]) => doc));
  }
  const exact = await answer(index, request, query, true, pinned);
  const { phrases } = splitPhrases(query);
  if (phrases.length === 0 || exact.total > 0) return exact;
  // People quote what they saw (店里贴着“最终解释权归本店所有”): when no page has those exact
  // words, pages with the words of the phrase are better than nothing, and the page says so.
  return { ...(await answer(index, request, query, false, pinned)), inexactPhrases: phrases };
}

/**
 * A 发文字号 no document carries: said plainly, and the issuer's nearest numbers offered instead
 * of pages that merely share a lone 5 and 号 with the query. The facets are empty: the hits are
 * offered by number, not found by the words, and no filter applies to them.
 */
async function noSuchDocNumber(
  index: SearchIndex,
  query: string,
  number: DocNumberParts,
  entries: readonly DocNumberEntry[],
): Promise<SearchResponse> {
  const close = nearest(entries, number);
  const found = await Promise.all(close.map(([, , , doc]) => documentHit(index, doc, [], new Map())));
  const hits = found.filter((hit): hit is SearchHit => hit !== undefined);
  return {
    query,
    total: hits.length,
    hits,
    facets: Object.fromEntries(SEARCH_FACETS.map((name) => [name, {}])),
    noSuchDocNumber: printDocNumber(number),
    nearestDocNumbers: [...new Set(close.map(([, , , , printed]) => printed))],
  };
}

async function answer(
  index: SearchIndex,
  request: SearchRequest,
  query: string,
  strict: boolean,
  pinned: ReadonlySet<number>,
): Promise<SearchResponse> {
  const { terms, phrases, alsoSearched } = await queryTerms(index, query, strict);
  const found = await score(index, terms, pinned);
  const filters = Object.entries(request.filters ?? {}).filter(([, values]) => values.length > 0);
  const groups = facetGroups(index, found);

  // Each facet's counts are those of the query filtered by the *other* facets: ticking a value
  // shows what it would add.
  const facets: Record<string, Record<string, number>> = {};
  for (const name of SEARCH_FACETS) {
    const counts: Record<string, number> = {};
    for (const { values, docs } of groups) {
      const value = values[name];
      if (value !== undefined && passes(values, filters, name)) counts[value] = (counts[value] ?? 0) + docs.length;
    }
    for (const [filtered, wanted] of filters) if (filtered === name) for (const value of wanted) counts[value] ??= 0;
    facets[name] = counts;
  }

  const results = groups.filter(({ values }) => passes(values, filters)).flatMap(({ docs }) => docs);
  if (request.sort === 'newest') results.sort((a, b) => a.doc - b.doc);
  else if (request.sort === 'oldest') results.sort((a, b) => b.doc - a.doc);
  else results.sort((a, b) => Number(pinned.has(b.doc)) - Number(pinned.has(a.doc)) || b.score - a.score || a.doc - b.doc);

  const weights = new Map(terms.filter((t) => t.weight > 0).map((t) => [t.term, t.weight]));
  const limit = request.limit ?? 10;
  const hits: SearchHit[] = [];
  let total = results.length;
  let next = request.offset ?? 0;
  while (hits.length < limit && next < results.length) {
    const batch = results.slice(next, next + limit - hits.length);
    next += batch.length;
    const found = await Promise.all(batch.map((scored) => documentHit(index, scored.doc, phrases, weights)));
    for (const hit of found) {
      // The index knows which terms a document contains, not where: a phrase is checked in the text.
      if (hit) hits.push(hit);
      else total--;
    }
  }
  if ((request.sort ?? 'relevance') === 'relevance' && (request.offset ?? 0) === 0) titleFirst(hits, query);
  return { query, total, hits, facets, ...(alsoSearched.length > 0 ? { alsoSearched } : {}) };
}

/** A law is cited without 中华人民共和国: 商标法 names 中华人民共和国商标法. */
const STATE_PREFIX = '中华人民共和国';
const bareTitle = (text: string) => squeeze(text).replace(/^《(.*)》$/, '$1');

/**
 * A query that is a document's whole title names that document: it goes first among the results
 * shown (商标法 before 商标法实施条例, whose title merely contains it).
 */
function titleFirst(hits: SearchHit[], query: string): void {
  const wanted = bareTitle(query);
  const named = (hit: SearchHit) => {
    const title = bareTitle(hit.title);
    return title === wanted || title === `${STATE_PREFIX}${wanted}`;
  };
  const first = hits.filter(named);
  if (first.length === 0 || first.length === hits.length) return;
  hits.splice(0, hits.length, ...first, ...hits.filter((hit) => !named(hit)));
}

const squeeze = (text: string) => normalizeQuery(text).replace(/\s+/g, '').toLowerCase();

const containsPhrases = (text: string, phrases: readonly string[]) => phrases.every((phrase) => squeeze(text).includes(squeeze(phrase)));

/**
 * A result as shown: the start of the document is read first; the rest only when a phrase is
 * not in the start, or no matched word is (to show the passage that matched). Undefined when
 * the document does not contain the phrases after all.
 */
async function documentHit(
  index: SearchIndex,
  doc: number,
  phrases: readonly string[],
  weights: ReadonlyMap<string, number>,
): Promise<SearchHit | undefined> {
  const stored = await index.document(doc);
  let text = stored.text;
  const needsRest =
    phrases.length > 0 ? !containsPhrases(`${stored.title}\n${text}`, phrases) : !matchedCharacters(text, weights).some((mark) => mark > 0);
  if (needsRest && stored.more) text = `${text}${await index.documentRest(doc)}`;
  if (phrases.length > 0 && !containsPhrases(`${stored.title}\n${text}`, phrases)) return undefined;
  return {
    url: stored.url,
    title: stored.title,
    titleHtml: markMatches(stored.title, weights),
    section: stored.section,
    ...(stored.date ? { date: stored.date } : {}),
    ...(stored.docNumber ? { docNumber: stored.docNumber } : {}),
    ...(stored.validity ? { validity: stored.validity } : {}),
    ...(stored.replacedBy ? { replacedBy: stored.replacedBy } : {}),
    excerpt: excerpt(text, weights),
  };
}
