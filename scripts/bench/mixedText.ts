/**
 * Distractor text for the search evaluation at scale. The build benchmark's documents quote
 * contiguous runs of corpus paragraphs (as a bureau forwarding a State Council document
 * would), so among 10,000 of them a question's answer passage appears, word for word, in
 * dozens of pages that the relevance labels do not name: the labels stop being true, and
 * recall measures the labels, not the search.
 *
 * Here every paragraph of a generated document is rebuilt from 1–4 sentences drawn at random
 * from the whole corpus instead: the same vocabulary, style and lengths, and any sentence may
 * recur, but no generated page reproduces a judged document's passage with its context.
 */
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import type { PortableTextBlock } from '../../core/model/schemas.ts';
import { textBlock } from '../../core/portableText/fromPlainText.ts';
import { mulberry32 } from '../sample/random.ts';
import { benchCorpus } from '../sample/benchCorpus.ts';

function corpusSentences(): string[] {
  const { govBlocks, regBlocks } = benchCorpus();
  const sentences: string[] = [];
  for (const block of [...govBlocks, ...regBlocks]) {
    const text = block.children.map((child) => child.text).join('');
    for (const sentence of text.split(/(?<=[。；！？])/)) if (sentence.trim().length >= 8) sentences.push(sentence.trim());
  }
  return sentences;
}

/** The documents with every body paragraph replaced by sentences drawn across the corpus. */
export function withMixedSentences(documents: readonly StoredDocument[], seed = 7): StoredDocument[] {
  const sentences = corpusSentences();
  const random = mulberry32(seed);
  const draw = () => sentences[Math.floor(random() * sentences.length)]!;
  return documents.map((doc) => {
    if (!Array.isArray(doc.body)) return doc;
    const body = (doc.body as PortableTextBlock[]).map((block, i) => {
      if (block.style !== 'normal' && block.style !== undefined) return block;
      const count = 1 + Math.floor(random() * 4);
      return textBlock(`m${i}`, Array.from({ length: count }, draw).join(''));
    });
    return { ...doc, body };
  });
}
