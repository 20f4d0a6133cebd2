/**
 * Distractor text for the search evaluation at scale: what the 10,000 generated pages say.
 *
 * Why not the corpus itself: the build benchmark's documents quote contiguous runs of corpus
 * paragraphs, so among 10,000 of them a question's answer passage appears word for word in
 * dozens of pages the relevance labels do not name — recall then measures the labels.
 *
 * Why not corpus sentences either (what this module did before): rebuilding every paragraph from
 * 1–4 corpus sentences drawn at random put each corpus sentence, verbatim, into about sixty short
 * pages (some into over a thousand). No real site repeats a passage that often, and such pages
 * reward ranking that ignores document length (a short page quoting the answer sentence beats the
 * long page that holds it), which is what failed on 599 real government pages.
 *
 * So each body paragraph is new text from a character-level Markov chain of order 2 trained on the
 * corpus sentences: the corpus's characters, bigrams and trigrams in about its proportions, and no
 * passage reproduced beyond a few characters, so a question's bigrams turn up sporadically, as on
 * real pages about other matters. A chain alone strews every word evenly over all pages, though
 * (scripts/bench/distractorOverlap.ts: a question bigram's document frequency is then what random
 * spreading gives), while words of real pages keep to the pages about their matter. So each page
 * keeps to the matter of the passage benchDataset.ts chose for it: a character that continues one
 * of that passage's bigrams is TOPIC_BOOST times likelier, which brings the clustering to that of
 * the corpus runs the benchmark quotes (median 0.62 of random spreading, against 0.63). A paragraph
 * occasionally (QUOTE_RATE) quotes one real sentence, as a bureau citing a rule would, no sentence
 * more than MAX_QUOTES times across all distractors. Each paragraph is as long as the one it
 * replaces (its last sentence cut there); headings and everything outside the body stay as
 * scripts/sample/benchDataset.ts made them. Deterministic for a given seed.
 */
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import type { PortableTextBlock } from '../../core/model/schemas.ts';
import { textBlock } from '../../core/portableText/fromPlainText.ts';
import { benchCorpus } from '../sample/benchCorpus.ts';
import { mulberry32, type Random } from '../sample/random.ts';

/** Characters of context: 2 keeps the corpus's trigrams and stops long verbatim runs. */
const MARKOV_ORDER = 2;
/** The share of paragraphs that quote one real corpus sentence. */
const QUOTE_RATE = 0.03;
/** The most times one corpus sentence is quoted across every distractor. */
export const MAX_QUOTES = 3;
/** How much likelier a character is when it continues a bigram of the page's own passage (calibrated: see above). */
const TOPIC_BOOST = 1000;

const START = '\u0002';
const END = '\u0003';
/** A generated sentence runs at most this long (an order-2 chain can wander). */
const MAX_SENTENCE = 160;

/** Every sentence (8 characters or more) of the corpus's paragraphs. */
export function corpusSentences(): string[] {
  const { govBlocks, regBlocks } = benchCorpus();
  const sentences: string[] = [];
  for (const block of [...govBlocks, ...regBlocks]) {
    const text = block.children.map((child) => child.text).join('');
    for (const sentence of text.split(/(?<=[。；！？])/)) if (sentence.trim().length >= 8) sentences.push(sentence.trim());
  }
  return sentences;
}

/** What may follow a context: each character once, with how often it followed in training. */
interface Followers {
  chars: string[];
  counts: number[];
  total: number;
}

/** Sentences from a character-level Markov chain trained on `sentences`. */
class SentenceChain {
  private readonly next = new Map<string, Followers>();
  private readonly order: number;

  constructor(sentences: readonly string[], order = MARKOV_ORDER) {
    this.order = order;
    for (const sentence of sentences) {
      const text = `${START.repeat(order)}${sentence}${END}`;
      for (let i = order; i < text.length; i++) {
        const context = text.slice(i - order, i);
        let followers = this.next.get(context);
        if (!followers) {
          followers = { chars: [], counts: [], total: 0 };
          this.next.set(context, followers);
        }
        const at = followers.chars.indexOf(text[i]!);
        if (at < 0) {
          followers.chars.push(text[i]!);
          followers.counts.push(1);
        } else followers.counts[at]!++;
        followers.total++;
      }
    }
  }

  /**
   * One sentence. With a topic (the bigrams of the passage the page replaces), a character that
   * makes one of its bigrams is `boost` times likelier again, so the page keeps to one matter.
   */
  sentence(random: Random, topic?: ReadonlySet<string>, boost = 0): string {
    let context = START.repeat(this.order);
    let out = '';
    while (out.length < MAX_SENTENCE) {
      const followers = this.next.get(context);
      if (!followers) break;
      const char = this.draw(followers, random, topic && boost > 0 && out.length > 0 ? { topic, last: out.at(-1)!, boost } : undefined);
      if (char === END) return out;
      out += char;
      context = (context + char).slice(-this.order);
    }
    return /[。；！？]$/.test(out) ? out : `${out}。`;
  }

  private draw(followers: Followers, random: Random, topic?: { topic: ReadonlySet<string>; last: string; boost: number }): string {
    const { chars, counts } = followers;
    const weight = (i: number) => counts[i]! * (topic?.topic.has(topic.last + chars[i]!) ? 1 + topic.boost : 1);
    let total = followers.total;
    if (topic) {
      total = 0;
      for (let i = 0; i < chars.length; i++) total += weight(i);
    }
    let r = random() * total;
    for (let i = 0; i < chars.length; i++) {
      r -= weight(i);
      if (r < 0) return chars[i]!;
    }
    return chars.at(-1)!;
  }
}

/**
 * The documents with every body paragraph replaced by generated text of the same length
 * (headings kept), an occasional paragraph quoting one corpus sentence.
 */
export function withMixedSentences(documents: readonly StoredDocument[], seed = 7, boost = TOPIC_BOOST): StoredDocument[] {
  const sentences = corpusSentences();
  const chain = new SentenceChain(sentences);
  const random = mulberry32(seed);
  const quoted = new Map<string, number>();
  /** A corpus sentence quoted fewer than MAX_QUOTES times so far (none after a few tries: the quotation is skipped). */
  const quotation = (): string | undefined => {
    for (let tries = 0; tries < 8; tries++) {
      const sentence = sentences[Math.floor(random() * sentences.length)]!;
      const times = quoted.get(sentence) ?? 0;
      if (times < MAX_QUOTES) {
        quoted.set(sentence, times + 1);
        return sentence;
      }
    }
    return undefined;
  };
  return documents.map((doc) => {
    if (!Array.isArray(doc.body)) return doc;
    const blocks = doc.body as PortableTextBlock[];
    const topic = new Set<string>();
    for (const block of blocks) {
      const text = block.children.map((child) => child.text).join('');
      for (let i = 0; i + 1 < text.length; i++) topic.add(text.slice(i, i + 2));
    }
    const body = blocks.map((block, i) => {
      if (block.style !== 'normal' && block.style !== undefined) return block;
      const length = block.children.reduce((sum, child) => sum + child.text.length, 0);
      const quote = random() < QUOTE_RATE ? quotation() : undefined;
      const wanted = length - (quote?.length ?? 0);
      const parts: string[] = [];
      let written = 0;
      while (written < wanted) {
        const sentence = chain.sentence(random, topic, boost);
        // The last sentence is cut where the paragraph it replaces ends, so every length stays as it was.
        const room = wanted - written;
        parts.push(sentence.length <= room ? sentence : `${sentence.slice(0, Math.max(1, room - 1))}。`);
        written += Math.min(sentence.length, Math.max(2, room));
      }
      if (quote) parts.splice(Math.floor(random() * (parts.length + 1)), 0, quote);
      return textBlock(`m${i}`, parts.join(''));
    });
    return { ...doc, body };
  });
}
