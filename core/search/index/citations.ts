/**
 * How often the site's other pages cite a document: the site's own authority signal, as links
 * are on the web. Government documents cite each other by title in 《》 (GB/T 9704: 引用公文应当
 * 先引标题，后引发文字号) — a 政策解读 its policy, a local 实施意见 the State Council's 通知, a
 * news item the law it enforced — so the documents a bureau's pages cite most are the laws and
 * policies the rest of the site stands on, and those are what a citizen's question is usually
 * after. Among many short pages that share a question's words (news, notices), the cited law is
 * otherwise pushed down by its length.
 *
 * A page counts once per document it cites, however often it names it, and never for itself;
 * a title cited inside another (《关于印发〈X〉的通知》) counts for both. A repealed or expired
 * document is lifted by nothing: the site's pages that cite it stand on it no longer (and its
 * replacement usually cites it, 《X》同时废止), so it must not climb over what replaced it. A document's boost is
 * 1 + weight × ln(1 + citing pages): the first citations matter most, a thousand do not make a
 * page unbeatable. ranking.ts holds the weight and how it was chosen.
 */

import { VALIDITY } from '../../model/vocabulary.ts';

/** Whether a document with this validity mark (pageRecord meta validityMark) can still be lifted by citations. */
export function stillStands(validityMark: string | undefined): boolean {
  return validityMark !== VALIDITY.repealed && validityMark !== VALIDITY.expired;
}

/** 《…》 with nothing but inner 〈〉 inside (a cited title's own quotes are written 〈〉). */
const CITED = /《([^《》]{2,200})》/g;
const INNER = /〈([^〈〉]{2,200})〉/g;

/** A title as it is looked up: inner 〈〉 written 《》 as the document's own title writes them, spaces dropped. */
function titleKey(title: string): string {
  return title.replace(/〈/g, '《').replace(/〉/g, '》').replace(/\s+/g, '');
}

/** The titles a text cites, each once (titleKey form). */
export function citedTitles(text: string): Set<string> {
  const cited = new Set<string>();
  for (const match of text.matchAll(CITED)) {
    const inside = match[1]!;
    cited.add(titleKey(inside));
    for (const inner of inside.matchAll(INNER)) cited.add(titleKey(inner[1]!));
  }
  return cited;
}

/** What a document's term impacts are multiplied by, for `citingPages` pages that cite it. */
export function citationBoost(citingPages: number, weight: number): number {
  return 1 + weight * Math.log1p(citingPages);
}

/**
 * The citations among a set of documents, numbered as they are added. Each distinct title is
 * kept once, copied out of the page's text (a slice would keep the whole page alive), and pages
 * hold numbers: 100,000 pages cost a few megabytes.
 */
export class CitationCounter {
  private readonly keys = new Map<string, number>();
  /** Document → its title's number. */
  private readonly titles: number[] = [];
  /** Document → the numbers of the titles it cites (its own left out). */
  private readonly cites: Int32Array[] = [];

  private keyOf(title: string): number {
    let key = this.keys.get(title);
    if (key === undefined) {
      key = this.keys.size;
      this.keys.set(Buffer.from(title, 'utf8').toString('utf8'), key);
    }
    return key;
  }

  /**
   * Document `doc` (the next number) with its title and the text it shows: both are read for
   * citations (a title cites too: 关于贯彻《X》的通知), each on its own, not joined into a copy of
   * the page. `stands` false (stillStands) when it may cite but not be cited.
   */
  add(doc: number, title: string, text: string, stands = true): void {
    if (doc !== this.titles.length) throw new Error(`citations: document ${doc} added out of order (expected ${this.titles.length})`);
    const own = titleKey(title);
    this.titles.push(stands && own.length >= 2 ? this.keyOf(own) : -1);
    const cited = citedTitles(title);
    for (const inText of citedTitles(text)) cited.add(inText);
    cited.delete(own);
    this.cites.push(Int32Array.from(cited, (title) => this.keyOf(title)));
  }

  /** For each document, how many live documents other than itself cite it (`live(doc)`: still in the site). */
  counts(live: (doc: number) => boolean = () => true): Int32Array {
    const byTitle = new Map<number, number[]>();
    this.titles.forEach((title, doc) => {
      if (!live(doc) || title < 0) return;
      const docs = byTitle.get(title);
      if (docs) docs.push(doc);
      else byTitle.set(title, [doc]);
    });
    const counts = new Int32Array(this.titles.length);
    this.cites.forEach((cited, citing) => {
      if (!live(citing)) return;
      for (const title of cited) for (const doc of byTitle.get(title) ?? []) if (doc !== citing) counts[doc]!++;
    });
    return counts;
  }
}
