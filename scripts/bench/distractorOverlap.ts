/**
 * How hard the distractor pages are (mixedText.ts), measured before any build, beside the
 * benchmark dataset's own text (runs of corpus paragraphs quoted as they are): for each evaluation
 * question, how many of the 10,000 generated pages hold at least half of its distinct Han bigrams
 * (the evidence a bigram BM25 ranks by); how much the questions' bigrams keep to pages about their
 * matter; and how often corpus sentences recur word for word. Too many such pages and the
 * distractors quote the answers; none and they are trivially easy to rank below the answer.
 *
 *   npx node scripts/bench/distractorOverlap.ts [--docs 10000]
 */
import { parseArgs } from 'node:util';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import type { PortableTextBlock } from '../../core/model/schemas.ts';
import { normalizeQuery } from '../../core/search/query/searchSite.ts';
import { meaningfulQuery } from '../../core/search/text/queryText.ts';
import { isHan, termsOf } from '../../core/search/text/terms.ts';
import { percentile } from '../eval/metrics.ts';
import { loadQuerySets } from '../eval/querySets.ts';
import { generateBenchDataset } from '../sample/benchDataset.ts';
import { corpusSentences, withMixedSentences } from './mixedText.ts';
import { table } from './table.ts';

const isBigram = (term: string) => term.length === 2 && isHan(term.charCodeAt(0)) && isHan(term.charCodeAt(1));

function bodyText(doc: StoredDocument): string {
  if (!Array.isArray(doc.body)) return '';
  return (doc.body as PortableTextBlock[]).map((block) => block.children.map((child) => child.text).join('')).join('\n');
}

interface Closeness {
  /** Per question: pages holding at least half of its distinct bigrams. */
  halfMatches: number[];
  /** Per question bigram (5+ occurrences): its document frequency over that of the same occurrences spread at random. */
  clustering: number[];
  /** Per corpus sentence of 20+ characters: how many times it occurs word for word. */
  quotations: number[];
}

/**
 * How close `pages` come to the questions. Clustering is 1 when a word is strewn over pages as
 * if at random and lower when it keeps to the pages about its matter, as words of real pages do.
 */
function closeness(pages: readonly string[], questions: readonly string[][], sentences: readonly string[]): Closeness {
  const wanted = new Set(questions.flat());
  const counted = pages.map((text) => {
    const counts = new Map<string, number>();
    const terms = termsOf(text);
    for (const term of terms) if (wanted.has(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
    return { counts, length: terms.length };
  });
  const halfMatches = questions.map((bigrams) => {
    const half = Math.ceil(bigrams.length / 2);
    return counted.filter(({ counts }) => bigrams.filter((term) => counts.has(term)).length >= half).length;
  });
  const total = counted.reduce((sum, page) => sum + page.length, 0);
  const clustering: number[] = [];
  for (const term of wanted) {
    let occurrences = 0;
    let df = 0;
    for (const { counts } of counted) {
      occurrences += counts.get(term) ?? 0;
      if (counts.has(term)) df++;
    }
    if (occurrences < 5) continue;
    const atRandom = counted.reduce((sum, page) => sum + 1 - Math.exp((-occurrences * page.length) / total), 0);
    clustering.push(df / atRandom);
  }
  const all = pages.join('\n');
  const quotations = sentences.filter((s) => s.length >= 20).map((s) => all.split(s).length - 1);
  return { halfMatches, clustering, quotations };
}

function main(): void {
  const { values } = parseArgs({ options: { docs: { type: 'string', default: '10000' } } });
  const generated = generateBenchDataset(Number(values.docs));
  const pagesOf = (docs: readonly StoredDocument[]) =>
    docs.map((doc) => `${typeof doc.title === 'string' ? doc.title : ''}\n${bodyText(doc)}`).filter((text) => text.length > 1);
  const { questions, independent } = loadQuerySets();
  const bigrams = [...questions, ...independent].map((item) => [
    ...new Set(termsOf(meaningfulQuery(normalizeQuery(item.query))).filter(isBigram)),
  ]);
  const sentences = corpusSentences();
  const runs = closeness(pagesOf(generated), bigrams, sentences);
  const mixed = closeness(pagesOf(withMixedSentences(generated)), bigrams, sentences);
  const mean = (values: number[]) => (values.reduce((s, v) => s + v, 0) / Math.max(1, values.length)).toFixed(1);
  const spread = (values: number[], digits = 0) => [50, 90, 100].map((p) => percentile(values, p).toFixed(digits)).join(' / ');
  const row = (name: string, pick: (c: Closeness) => string) => [name, pick(runs), pick(mixed)];
  console.log(
    table(
      `${generated.length} generated documents against ${bigrams.length} questions (team's and independent)`,
      ['measure', 'corpus runs as quoted (benchDataset)', 'distractors (mixedText)'],
      [
        row('pages holding ≥ half of a question’s bigrams: mean', (c) => mean(c.halfMatches)),
        row('… median / p90 / max over questions', (c) => spread(c.halfMatches)),
        row('clustering of question bigrams: median (1 = strewn at random)', (c) => percentile(c.clustering, 50).toFixed(2)),
        row('corpus sentences (≥ 20 characters) occurring', (c) => `${c.quotations.filter((n) => n > 0).length} of ${c.quotations.length}`),
        row('occurrences of one such sentence: mean / max', (c) => `${mean(c.quotations)} / ${Math.max(...c.quotations)}`),
      ],
    ),
  );
}

if (import.meta.main) main();
