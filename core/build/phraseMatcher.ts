/**
 * Finds which of many fixed phrases occur in a text, in one pass over the text whatever the
 * number of phrases (Rabin–Karp with one anchor window per phrase), and one more pass for the
 * phrases shorter than the window (short titles: ShortMatcher below).
 *
 * Each phrase is indexed by the hash of one of its windows of `width` characters; a rolling
 * hash visits every window of the text once, a bitmap rejects almost every window at the cost
 * of one memory read, and a window whose hash is indexed is verified character by character.
 * Verification is exact, so hash collisions cost time, never a wrong answer.
 *
 * The anchor of a phrase is the window it shares with the fewest other phrases: phrases share
 * boilerplate (「株洲市市场监督管理局关于」), and an anchor inside boilerplate would be verified
 * at every place the public text repeats it.
 */

/** Anchor window; shorter phrases are matched by ShortMatcher. */
const MAX_WIDTH = 8;
const BASE = 0x01000193;
const FILTER_BITS = 22;

interface Anchor {
  phrase: number;
  /** Where the anchor window starts inside the phrase. */
  offset: number;
  text: string;
}

function windowHash(text: string, start: number, width: number): number {
  let hash = 0;
  for (let i = start; i < start + width; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

const filterSlot = (hash: number) => Math.imul(hash, 0x9e3779b1) >>> (32 - FILTER_BITS);

class WindowMatcher {
  /** Which phrase of the whole list each of `phrases` is. */
  private readonly numbers: readonly number[];
  private readonly width: number;
  /** BASE^(width-1): what the character leaving the window contributed. */
  private readonly leaving: number;
  private readonly filter = new Uint8Array(1 << (FILTER_BITS - 3));
  private readonly anchors = new Map<number, Anchor[]>();
  /** Empty phrases occur in every text. */
  private readonly empty: number[] = [];

  constructor(phrases: readonly string[], numbers: readonly number[]) {
    this.numbers = numbers;
    this.width = phrases.reduce((width, p) => (p.length > 0 ? Math.min(width, p.length) : width), MAX_WIDTH);
    let leaving = 1;
    for (let i = 1; i < this.width; i++) leaving = Math.imul(leaving, BASE);
    this.leaving = leaving;

    // How many phrases contain each window, to anchor each phrase on its rarest one.
    const shared = new Map<number, number>();
    const windowsOf = (text: string) => {
      const hashes: number[] = [];
      for (let offset = 0; offset + this.width <= text.length; offset++) hashes.push(windowHash(text, offset, this.width));
      return hashes;
    };
    for (const phrase of phrases) {
      for (const hash of new Set(windowsOf(phrase))) shared.set(hash, (shared.get(hash) ?? 0) + 1);
    }
    phrases.forEach((phrase, index) => {
      if (phrase.length === 0) {
        this.empty.push(index);
        return;
      }
      const hashes = windowsOf(phrase);
      let best = 0;
      for (let offset = 1; offset < hashes.length; offset++) {
        if (shared.get(hashes[offset]!)! < shared.get(hashes[best]!)!) best = offset;
      }
      const hash = hashes[best]!;
      const slot = filterSlot(hash);
      this.filter[slot >>> 3]! |= 1 << (slot & 7);
      const list = this.anchors.get(hash);
      const anchor = { phrase: numbers[index]!, offset: best, text: phrase };
      if (list) list.push(anchor);
      else this.anchors.set(hash, [anchor]);
    });
  }

  /**
   * Calls `found` with the index of each phrase that occurs in `text` (possibly more than once
   * per phrase). `skip(index)` may rule out phrases that no longer matter, before verification.
   */
  scan(text: string, found: (phrase: number) => void, skip?: (phrase: number) => boolean): void {
    for (const index of this.empty) found(this.numbers[index]!);
    const { width, leaving, filter, anchors } = this;
    if (anchors.size === 0 || text.length < width) return;
    let hash = windowHash(text, 0, width);
    for (let start = 0; ; start++) {
      const slot = filterSlot(hash);
      if ((filter[slot >>> 3]! & (1 << (slot & 7))) !== 0) {
        for (const anchor of anchors.get(hash) ?? []) {
          if (skip?.(anchor.phrase)) continue;
          const at = start - anchor.offset;
          if (at >= 0 && text.startsWith(anchor.text, at)) found(anchor.phrase);
        }
      }
      const next = start + width;
      if (next >= text.length) return;
      hash = (Math.imul(hash - Math.imul(text.charCodeAt(start), leaving), BASE) + text.charCodeAt(next)) | 0;
    }
  }
}

/**
 * Phrases shorter than the window (short titles such as 「密查计划乙」), all in one pass: each
 * is looked up by its first two characters (its only one, for a one-character phrase) where
 * the text has a character some short phrase starts with. A table read per character costs a
 * fraction of a rolling hash, so short titles add little to the scan whatever their lengths.
 */
class ShortMatcher {
  /** 1 for each UTF-16 unit some short phrase starts with. */
  private readonly starts = new Uint8Array(0x10000);
  private readonly single = new Map<number, number[]>();
  /** By first unit × 0x10000 + second unit. */
  private readonly pairs = new Map<number, { phrase: number; text: string }[]>();

  constructor(phrases: readonly string[], numbers: readonly number[]) {
    phrases.forEach((text, index) => {
      const first = text.charCodeAt(0);
      this.starts[first] = 1;
      if (text.length === 1) {
        const list = this.single.get(first);
        if (list) list.push(numbers[index]!);
        else this.single.set(first, [numbers[index]!]);
        return;
      }
      const key = first * 0x10000 + text.charCodeAt(1);
      const list = this.pairs.get(key);
      const entry = { phrase: numbers[index]!, text };
      if (list) list.push(entry);
      else this.pairs.set(key, [entry]);
    });
  }

  scan(text: string, found: (phrase: number) => void, skip?: (phrase: number) => boolean): void {
    const { starts, single, pairs } = this;
    const last = text.length - 1;
    for (let at = 0; at <= last; at++) {
      const unit = text.charCodeAt(at);
      if (starts[unit] === 0) continue;
      for (const phrase of single.get(unit) ?? []) if (!skip?.(phrase)) found(phrase);
      if (at === last) continue;
      for (const entry of pairs.get(unit * 0x10000 + text.charCodeAt(at + 1)) ?? []) {
        if (!skip?.(entry.phrase) && text.startsWith(entry.text, at)) found(entry.phrase);
      }
    }
  }
}

/**
 * Long phrases in a rolling-hash pass with windows of MAX_WIDTH, short ones (ShortMatcher) in
 * a second pass: one two-character title must not shrink every phrase's window to two
 * characters, which would verify the long phrases at almost every position of the text.
 */
export class PhraseMatcher {
  readonly phrases: readonly string[];
  private readonly groups: { scan: WindowMatcher['scan'] }[] = [];

  constructor(phrases: readonly string[]) {
    this.phrases = phrases;
    const long: number[] = [];
    const short: number[] = [];
    for (const [index, phrase] of phrases.entries()) (phrase.length > 0 && phrase.length < MAX_WIDTH ? short : long).push(index);
    if (long.length > 0)
      this.groups.push(
        new WindowMatcher(
          long.map((n) => phrases[n]!),
          long,
        ),
      );
    if (short.length > 0)
      this.groups.push(
        new ShortMatcher(
          short.map((n) => phrases[n]!),
          short,
        ),
      );
  }

  /**
   * Calls `found` with the index of each phrase that occurs in `text` (possibly more than once
   * per phrase). `skip(index)` may rule out phrases that no longer matter, before verification.
   */
  scan(text: string, found: (phrase: number) => void, skip?: (phrase: number) => boolean): void {
    for (const group of this.groups) group.scan(text, found, skip);
  }

  /** The indexes of the phrases that occur in `text`, ascending. */
  matches(text: string): number[] {
    const seen = new Set<number>();
    this.scan(text, (index) => seen.add(index));
    return [...seen].sort((a, b) => a - b);
  }
}
