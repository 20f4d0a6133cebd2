/**
 * The search benchmark's distractor text (scripts/bench/mixedText.ts): new text of the corpus's
 * vocabulary, each paragraph as long as the one it replaces, and a corpus sentence quoted only a
 * bounded number of times — so a question's answer sentence is not spread over a hundred pages.
 * Its text comes from the corpora (CORPUS_DIR): skipped without them.
 * @module-tag corpus
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import type { PortableTextBlock } from '../../core/model/schemas.ts';
import { corpusSentences, MAX_QUOTES, withMixedSentences } from '../../scripts/bench/mixedText.ts';
import { generateBenchDataset } from '../../scripts/sample/benchDataset.ts';

const blocksOf = (doc: StoredDocument) => (Array.isArray(doc.body) ? (doc.body as PortableTextBlock[]) : []);
const textOf = (block: PortableTextBlock) => block.children.map((child) => child.text).join('');
const isParagraph = (block: PortableTextBlock) => block.style === 'normal' || block.style === undefined;

let original: StoredDocument[];
let mixed: StoredDocument[];
beforeAll(() => {
  original = generateBenchDataset(2000);
  mixed = withMixedSentences(original);
});

describe('withMixedSentences over generateBenchDataset(2000)', () => {
  it('is the same for the same seed and differs for another', () => {
    const again = withMixedSentences(original);
    const other = withMixedSentences(original, 8);
    const bodies = (docs: StoredDocument[]) => docs.slice(0, 200).map((doc) => blocksOf(doc).map(textOf).join('\n'));
    expect(bodies(again)).toEqual(bodies(mixed));
    expect(bodies(other)).not.toEqual(bodies(mixed));
  });

  it('keeps every heading and every paragraph length (a quotation longer than its paragraph aside)', () => {
    const sentences = new Set(corpusSentences());
    let paragraphs = 0;
    let changed = 0;
    original.forEach((doc, d) => {
      const after = blocksOf(mixed[d]!);
      blocksOf(doc).forEach((block, i) => {
        const replaced = after[i]!;
        if (!isParagraph(block)) {
          expect(replaced).toBe(block);
          return;
        }
        paragraphs++;
        if (textOf(replaced) !== textOf(block)) changed++;
        const drift = textOf(replaced).length - textOf(block).length;
        // Cut at the length, a closing 。 at most beyond it; or one whole quoted sentence.
        if (drift !== 0 && drift !== 1)
          expect(sentences.has(textOf(replaced)), `${doc._id} block ${i}: ${drift} characters off`).toBe(true);
      });
    });
    expect(paragraphs).toBeGreaterThan(10_000);
    expect(changed / paragraphs).toBeGreaterThan(0.99);
  });

  it('keeps each page to the matter of the passage it replaces, in other words', () => {
    const bigrams = (text: string) => new Set(Array.from({ length: Math.max(0, text.length - 1) }, (_, i) => text.slice(i, i + 2)));
    const bodyOf = (doc: StoredDocument) => blocksOf(doc).filter(isParagraph).map(textOf).join('');
    const pairs = original.map((doc, d) => ({ before: bodyOf(doc), after: bodyOf(mixed[d]!) })).filter((p) => p.before.length > 500);
    let own = 0;
    let other = 0;
    let copied = 0;
    pairs.forEach(({ after }, i) => {
      const written = bigrams(after);
      const share = (passage: string) => {
        const topic = bigrams(passage);
        return [...written].filter((b) => topic.has(b)).length / written.size;
      };
      own += share(pairs[i]!.before);
      other += share(pairs[(i + 1) % pairs.length]!.before);
      // Not the passage itself: its opening survives only where it is boilerplate (以习近平新时代…为指导).
      if (after.includes(pairs[i]!.before.slice(0, 40))) copied++;
    });
    expect(pairs.length).toBeGreaterThan(500);
    expect(copied / pairs.length).toBeLessThan(0.01);
    expect(own / pairs.length).toBeGreaterThan(1.5 * (other / pairs.length));
  });

  it('quotes corpus sentences now and then, none of them more than MAX_QUOTES times', () => {
    const sentences = new Set(corpusSentences().filter((s) => s.length >= 20));
    const quotes = new Map<string, number>();
    let paragraphs = 0;
    for (const doc of mixed)
      for (const block of blocksOf(doc).filter(isParagraph)) {
        paragraphs++;
        for (const sentence of textOf(block).split(/(?<=[。；！？])/))
          if (sentences.has(sentence)) quotes.set(sentence, (quotes.get(sentence) ?? 0) + 1);
      }
    const quoted = [...quotes.values()].reduce((sum, n) => sum + n, 0);
    expect(quoted / paragraphs).toBeGreaterThan(0.005);
    expect(quoted / paragraphs).toBeLessThan(0.05);
    expect([...quotes].filter(([, n]) => n > MAX_QUOTES)).toEqual([]);
  });
});
