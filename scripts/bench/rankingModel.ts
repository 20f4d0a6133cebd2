/**
 * The engine's ranking, in memory and with its parameters free: every page of a built site read
 * with the indexer's own `pageRecord` and counted with the index's own terms (title and 发文字号
 * apart from the body), every query split as `searchSite` splits it, and each document scored by
 * the same BM25F with impacts quantised as the index stores them (a byte; a character's in steps)
 * and, with `heads`, only the postings heads a query reads.
 *
 * What it is for: choosing k1, b, the heading weight and the proximity boost by cross-validation
 * (scripts/bench/tuneRanking.ts) without building the site once per candidate. The chosen values
 * go into the indexer's and the query's defaults, and bench:search measures the real engine.
 */
import { readFileSync } from 'node:fs';
import { CHARACTER_HEAD, CHARACTER_IMPACT_STEP, HEAD_SIZE, MAX_BODY_TF, MAX_HEADING_TF } from '../../core/search/index/buildIndex.ts';
import { CitationCounter, citationBoost, stillStands } from '../../core/search/index/citations.ts';
import { storedImpact } from '../../core/search/index/encodeTerms.ts';
import { htmlFiles, urlOf } from '../../core/search/index/sitePages.ts';
import { idf, splitDocumentText } from '../../core/search/format/indexFormat.ts';
import { pageRecord } from '../../core/search/index/pageRecord.ts';
import { passageEvidence, proximityEvidence, queryBigramPairs } from './proximity.ts';
import { meaningfulQuery, splitPhrases } from '../../core/search/text/queryText.ts';
import { normalizeQuery, RESULT_THRESHOLD } from '../../core/search/query/searchSite.ts';
import { isCharacterTerm, termsOf, unigramsOf } from '../../core/search/text/terms.ts';
import { wantedTerms } from '../../core/search/text/wantedTerms.ts';

export interface RankingParameters {
  k1: number;
  b: number;
  headingWeight: number;
  headingB: number;
  /** Score added per unit of bigram-proximity evidence (0: none): see proximity.ts. */
  proximity: number;
  /** How many of the best BM25 documents the proximity evidence may reorder. */
  proximityWindow: number;
  /** Read the evidence from the whole text, or from the title and the start the index stores first. */
  proximityText: 'full' | 'start' | 'passage';
  /** Apply the table of government words (equivalents.ts). */
  equivalents: boolean;
  /**
   * Coordination: the score is multiplied by the page's share of the query (the weight of the
   * query terms it holds over that of all of them) to this power (0: none). Tried: CV chose 0.
   */
  coverage: number;
  /**
   * What each Han character of the query weighs as a term of its own (its unigram: terms.ts
   * unigramsOf), as a share of its idf weight (0: bigrams only).
   */
  unigram: number;
  /** Read only each term's postings head, as the engine does (HEAD_SIZE, CHARACTER_HEAD), not every posting. */
  heads: boolean;
  /** BM25+'s floor on a term a page has (ranking.ts floor; 0: plain BM25). */
  floor: number;
  /** How much the pages citing a document lift it (citations.ts; 0: not at all). */
  citation: number;
}

interface ModelDocument {
  url: string;
  title: string;
  /** Title, then the visible text (what the proximity evidence reads). */
  text: string;
  start: string;
  date: string;
  headingLength: number;
  bodyLength: number;
  /** Pages of the site that cite it by title (citations.ts). */
  citingPages: number;
}

interface Posting {
  doc: number;
  heading: number;
  body: number;
}

interface ParsedQuery {
  cleaned: string;
  phrases: string[];
  terms: { term: string; required: boolean; unigram: boolean; weight: number; postings: Posting[] }[];
  missingRequired: boolean;
}

export class RankingModel {
  readonly docs: ModelDocument[] = [];
  private readonly postings = new Map<string, Posting[]>();
  private readonly parsed = new Map<string, ParsedQuery>();
  private readonly avgBody: number;
  private readonly avgHeading: number;

  private readonly mostCited: number;

  constructor(siteDir: string) {
    const docs: (Omit<ModelDocument, 'citingPages'> & { stands: boolean; heading: Map<string, number>; body: Map<string, number> })[] = [];
    for (const file of htmlFiles(siteDir)) {
      const url = urlOf(siteDir, file);
      const record = pageRecord(url, readFileSync(file, 'utf8'));
      if (!record) continue;
      const heading = new Map<string, number>();
      const body = new Map<string, number>();
      let headingLength = 0;
      let bodyLength = 0;
      for (const part of record.parts) {
        const isHeading = part.weight > 1;
        const count = (term: string, length: number) => {
          if (isHeading) {
            heading.set(term, Math.min(MAX_HEADING_TF, (heading.get(term) ?? 0) + 1));
            headingLength += length;
          } else {
            body.set(term, Math.min(MAX_BODY_TF, (body.get(term) ?? 0) + 1));
            bodyLength += length;
          }
        };
        for (const term of termsOf(part.text)) count(term, 1);
        // A page's length stays its count of index terms, so the bigram-only figures do not move.
        for (const term of unigramsOf(part.text)) count(term, 0);
      }
      docs.push({
        url,
        stands: stillStands(record.meta.validityMark),
        title: record.title,
        text: `${record.title}\n${record.text}`,
        start: `${record.title}\n${splitDocumentText(record.text)[0]}`,
        date: record.date ?? '',
        heading,
        body,
        headingLength,
        bodyLength,
      });
    }
    // The index numbers documents newest first; ties in score go to the lower number.
    docs.sort((a, c) => (a.date !== c.date ? (a.date === '' ? 1 : c.date === '' ? -1 : a.date < c.date ? 1 : -1) : a.url < c.url ? -1 : 1));
    // As the indexer counts them: each page's title and the text it shows below it.
    const citations = new CitationCounter();
    docs.forEach((doc, i) => {
      citations.add(i, doc.title, doc.text.slice(doc.title.length + 1), doc.stands);
    });
    const citing = citations.counts();
    this.mostCited = citing.reduce((most, count) => Math.max(most, count), 0);
    docs.forEach((doc, i) => {
      for (const term of new Set([...doc.heading.keys(), ...doc.body.keys()])) {
        let list = this.postings.get(term);
        if (!list) {
          list = [];
          this.postings.set(term, list);
        }
        list.push({ doc: i, heading: doc.heading.get(term) ?? 0, body: doc.body.get(term) ?? 0 });
      }
      this.docs.push({
        url: doc.url,
        title: doc.title,
        text: doc.text,
        start: doc.start,
        date: doc.date,
        headingLength: doc.headingLength,
        bodyLength: doc.bodyLength,
        citingPages: citing[i]!,
      });
    });
    this.avgBody = Math.max(1, this.docs.reduce((s, d) => s + d.bodyLength, 0) / this.docs.length);
    this.avgHeading = Math.max(1, this.docs.reduce((s, d) => s + d.headingLength, 0) / this.docs.length);
  }

  private idf(term: string): number {
    const list = this.postings.get(term);
    return list ? idf(this.docs.length, list.length) : 0;
  }

  private parse(query: string, equivalents: boolean): ParsedQuery {
    const key = `${equivalents ? 1 : 0}${query}`;
    const cached = this.parsed.get(key);
    if (cached) return cached;
    const normalized = normalizeQuery(query);
    const { phrases, rest } = splitPhrases(normalized);
    const cleaned = meaningfulQuery(rest) || rest;
    // As searchSite's query asks (wantedTerms); the unigram share is applied per candidate in rank().
    const { wanted } = wantedTerms(cleaned, phrases, { unigrams: true, equivalents });
    const missingRequired = [...wanted].some(([term, w]) => w.required && !this.postings.has(term));
    const terms = [...wanted]
      .filter(([term]) => this.postings.has(term))
      .map(([term, { count, required, scale, unigram }]) => ({
        term,
        required,
        unigram,
        weight: this.idf(term) * Math.min(count, 2) * scale,
        postings: this.postings.get(term)!,
      }));
    const parsed = { cleaned, phrases, terms, missingRequired };
    this.parsed.set(key, parsed);
    return parsed;
  }

  private readonly boostsByWeight = new Map<number, Float64Array>();

  /** Each document's citation boost at `weight`, computed once per weight (a candidate ranks hundreds of queries). */
  private boosts(weight: number): Float64Array {
    let boosts = this.boostsByWeight.get(weight);
    if (!boosts) {
      boosts = Float64Array.from(this.docs, (doc) => citationBoost(doc.citingPages, weight));
      this.boostsByWeight.set(weight, boosts);
    }
    return boosts;
  }

  /** Result URLs, best first (at most `limit`). */
  rank(query: string, p: RankingParameters, limit = 10): string[] {
    const { cleaned, phrases, terms, missingRequired } = this.parse(query, p.equivalents);
    if (missingRequired) return [];
    const required = terms.filter((t) => t.required).length;
    const scores = new Map<number, { doc: number; score: number; hits: number; covered: number }>();
    const boosts = this.boosts(p.citation);
    const maxBoost = citationBoost(this.mostCited, p.citation);
    for (const t of terms) {
      if (t.unigram && p.unigram === 0) continue;
      const weight = t.unigram ? t.weight * p.unigram : t.weight;
      const character = isCharacterTerm(t.term);
      // As the index stores them (encodeTerms storedImpact): a character's impacts in coarser steps.
      const scale = { k1: p.k1, floor: p.floor, maxBoost, step: character ? CHARACTER_IMPACT_STEP : 1 };
      const impactOf = (posting: Posting) => {
        const doc = this.docs[posting.doc]!;
        const bodyNorm = 1 - p.b + (p.b * doc.bodyLength) / this.avgBody;
        const headingNorm = 1 - p.headingB + (p.headingB * doc.headingLength) / this.avgHeading;
        const tf = (p.headingWeight * posting.heading) / headingNorm + posting.body / bodyNorm;
        return storedImpact(tf, boosts[posting.doc]!, scale);
      };
      // What the query reads: a long list's head only, its best impacts (ties to the lower number).
      const head = p.heads ? (character ? CHARACTER_HEAD : HEAD_SIZE) : Infinity;
      const read =
        t.postings.length <= head
          ? t.postings.map((posting) => ({ posting, impact: impactOf(posting) }))
          : t.postings
              .map((posting) => ({ posting, impact: impactOf(posting) }))
              .sort((x, y) => y.impact - x.impact || x.posting.doc - y.posting.doc)
              .slice(0, head);
      for (const { posting, impact } of read) {
        let entry = scores.get(posting.doc);
        if (!entry) {
          entry = { doc: posting.doc, score: 0, hits: 0, covered: 0 };
          scores.set(posting.doc, entry);
        }
        entry.score += (weight * (p.k1 + 1) * impact) / 255;
        if (t.required) entry.hits++;
        entry.covered += weight;
      }
    }
    if (p.coverage > 0) {
      const whole = terms.reduce((sum, t) => sum + (t.unigram ? t.weight * p.unigram : t.weight), 0);
      for (const entry of scores.values()) entry.score *= (entry.covered / whole) ** p.coverage;
    }
    let scored = [...scores.values()].filter((s) => s.hits === required);
    if (phrases.length > 0) {
      const wanted = phrases.map((ph) => normalizeQuery(ph).replace(/\s+/g, '').toLowerCase());
      scored = scored.filter((s) => {
        const squeezed = this.docs[s.doc]!.text.replace(/\s+/g, '').toLowerCase();
        return wanted.every((ph) => squeezed.includes(ph));
      });
    }
    const best = scored.reduce((m, s) => Math.max(m, s.score), 0);
    const kept = scored.filter((s) => s.score >= best * RESULT_THRESHOLD).sort((a, c) => c.score - a.score || a.doc - c.doc);
    if (p.proximity > 0 && kept.length > 1) {
      const pairs = queryBigramPairs(cleaned, (term) => this.idf(term));
      const window = kept.slice(0, p.proximityWindow);
      for (const s of window) {
        const doc = this.docs[s.doc]!;
        s.score +=
          p.proximity *
          (p.proximityText === 'passage'
            ? passageEvidence(
                doc.text,
                pairs,
                terms.filter((t) => !t.unigram).map((t) => ({ term: t.term, weight: t.weight })),
              )
            : proximityEvidence(p.proximityText === 'full' ? doc.text : doc.start, pairs));
      }
      window.sort((a, c) => c.score - a.score || a.doc - c.doc);
      kept.splice(0, window.length, ...window);
    }
    return kept.slice(0, limit).map((s) => this.docs[s.doc]!.url);
  }
}
