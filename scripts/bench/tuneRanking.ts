/**
 * Chooses the ranking parameters by cross-validation on the tuning half of the team's
 * evaluation (scripts/eval/evalSplit.ts), and reports them on the test half and the
 * independent set, which took no part in the choice.
 *
 *   npm run bench:tune -- [--site <built corpus site>] [--distractors <site with 10,000 more>]
 *                         [--guard <site with 10,000 more> [--guard-corpus]
 *                          --baseline k1,b,heading,unigram,floor,citation (default: ranking.ts's)]
 *                         [--k1 1.2,2,… --b 0,0.05,… --heading 1,3,6 --proximity 0,0.5,2 --coverage 0,0.5,1
 *                          --unigram 0,0.5,1 --floor 0,1,2 --citation 0,0.3]
 *                         [--proximity-text start|full|passage]
 *
 * Procedure: the tuning half's questions and known items are dealt into 5 folds by hash; for
 * each fold the grid's best candidate on the other 4 is found and scored on the held-out fold
 * (what a grid search is worth on questions it did not see); the parameters kept are each
 * parameter's median over the 5 fold winners, so no single fold's luck decides. The objective
 * is, per query and summed over the conditions measured (the corpus alone; with --distractors
 * also among 10,000 generated pages), a question's reciprocal rank + recall@10 and a known
 * item's reciprocal rank. With --guard instead, the generated pages do not count in the objective
 * but hold it back: a candidate takes part in a fold only if it scores no worse among them, on
 * that fold's training queries, than --baseline (the parameters in use) — how ranking.ts's
 * parameters were chosen. With --guard-corpus the roles turn: both sites count and the corpus is
 * held to --baseline (how the floor and the citation weight were chosen). Every candidate is scored as the engine reads the index: postings heads
 * only (rankingModel.ts `heads`).
 *
 * The default grid holds textbook values (k1 1.2, b 0.75, heading weight 1) and leaves proximity,
 * coverage and unigrams at 0 (--unigram 0,0.25,0.5,1,2 offers each query character as a term of
 * its own, weighted by that share of its idf: server engines' CJK analysers index bigrams, IR work
 * on Chinese mixes in unigrams for the words a question spells differently from the page): the index stores no positions, so the real query cannot apply proximity, and
 * coverage (rankingModel.ts) is offered only when asked for (--coverage 0,1,2,4 chose 0 in every
 * fold). --distractors takes the site `npm run bench:search -- --docs 10000 --no-stock` builds:
 * .tmp/bench-search/site-10000.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { splitHalves } from '../eval/evalSplit.ts';
import { meanRecallAt, mrrAt, recallAt, reciprocalRankAt } from '../eval/metrics.ts';
import { type EvalQuery, loadIndependentQuestions, loadQuerySets } from '../eval/querySets.ts';
import { RANKING } from '../../core/search/index/ranking.ts';
import { RankingModel, type RankingParameters } from './rankingModel.ts';
import { table } from './table.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const BEFORE: RankingParameters = {
  k1: 24,
  b: 0.05,
  headingWeight: 3,
  headingB: 0.5,
  proximity: 0,
  proximityWindow: 10,
  proximityText: 'start',
  equivalents: false,
  coverage: 0,
  unigram: 0,
  heads: true,
  floor: 0,
  citation: 0,
};
export const TEXTBOOK: RankingParameters = {
  k1: 1.2,
  b: 0.75,
  headingWeight: 1,
  headingB: 0.75,
  proximity: 0,
  proximityWindow: 10,
  proximityText: 'start',
  equivalents: false,
  coverage: 0,
  unigram: 0,
  heads: true,
  floor: 0,
  citation: 0,
};

interface Figures {
  recall: number;
  mrr: number;
}

function figures(model: RankingModel, items: readonly EvalQuery[], p: RankingParameters): Figures {
  const runs = items.map((item) => ({ ranked: model.rank(item.query, p), relevant: item.relevant }));
  return { recall: meanRecallAt(10, runs), mrr: mrrAt(10, runs) };
}

/** Each query's contribution to the objective (questions: RR + recall; known items: RR). */
function perQuery(models: readonly RankingModel[], items: readonly (EvalQuery & { known: boolean })[], p: RankingParameters): Float64Array {
  const out = new Float64Array(items.length);
  for (const model of models) {
    items.forEach((item, i) => {
      const ranked = model.rank(item.query, p);
      out[i]! += reciprocalRankAt(10, ranked, item.relevant) + (item.known ? 0 : recallAt(10, ranked, item.relevant));
    });
  }
  return out;
}

/** The candidates: every combination of the listed values (comma-separated on the command line). */
export const GRID = {
  k1: '1.2,2,3,5,8,12,16,24',
  b: '0,0.05,0.15,0.3,0.45,0.6,0.75',
  heading: '1,3,6',
  proximity: '0',
  coverage: '0',
  unigram: '0',
  floor: '0',
  citation: '0',
};

/** The grid's parameters, outermost first (the order candidates are tried in, so ties go to the earlier). */
const GRID_PARAMETERS = [
  ['k1', 'k1'],
  ['b', 'b'],
  ['heading', 'headingWeight'],
  ['proximity', 'proximity'],
  ['coverage', 'coverage'],
  ['unigram', 'unigram'],
  ['floor', 'floor'],
  ['citation', 'citation'],
] as const satisfies readonly (readonly [keyof typeof GRID, keyof RankingParameters])[];

function grid(values: typeof GRID, proximityText: RankingParameters['proximityText'] = 'start'): RankingParameters[] {
  const fixed: RankingParameters = { ...TEXTBOOK, headingB: 0.5, proximityWindow: 10, proximityText, equivalents: false, heads: true };
  return GRID_PARAMETERS.reduce<RankingParameters[]>(
    (candidates, [option, field]) =>
      candidates.flatMap((candidate) => values[option].split(',').map((value) => ({ ...candidate, [field]: Number(value) }))),
    [fixed],
  );
}

const foldOf = (query: string, folds: number) => createHash('sha256').update(`fold:${query}`).digest()[0]! % folds;

function median(values: number[]): number {
  const sorted = [...values].sort((a, c) => a - c);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A condition the choice may not make worse than `baseline` (e.g. the parameters in use among 10,000 distractors). */
export interface Guard {
  model: RankingModel;
  baseline: RankingParameters;
}

/**
 * Per fold, the candidate with the best summed `objective` over the other folds, and what it
 * scores per query on the held-out fold. With a guard, only candidates whose guarded scores over
 * those same folds are no lower than the baseline's take part: a choice that helps one condition
 * by harming another the issue also targets is not taken. Every array holds one value per query.
 */
export function foldWinners(
  objective: readonly Float64Array[],
  fold: readonly number[],
  folds: number,
  guard?: { scores: readonly Float64Array[]; baseline: Float64Array },
): { candidate: number; heldOut: number }[] {
  const winners: { candidate: number; heldOut: number }[] = [];
  for (let f = 0; f < folds; f++) {
    const training = (scores: Float64Array) => scores.reduce((sum, value, i) => (fold[i] !== f ? sum + value : sum), 0);
    const least = guard ? training(guard.baseline) : 0;
    let best = -1;
    let bestScore = -1;
    objective.forEach((scores, c) => {
      if (guard && training(guard.scores[c]!) < least - 1e-9) return;
      const score = training(scores);
      if (score > bestScore + 1e-9) {
        bestScore = score;
        best = c;
      }
    });
    if (best < 0)
      throw new Error(`fold ${f}: no candidate keeps the guarded condition at the baseline's level (offer the baseline itself)`);
    const held = objective[best]!.filter((_, i) => fold[i] === f);
    winners.push({ candidate: best, heldOut: held.reduce((s, v) => s + v, 0) / Math.max(1, held.length) });
  }
  return winners;
}

/**
 * 5-fold cross-validation over the tuning half, every condition in `models` (the corpus alone,
 * the corpus among distractors) counted, `guard`'s held to its baseline (foldWinners); the
 * parameters kept are each parameter's median over the fold winners.
 */
export function crossValidate(
  models: readonly RankingModel[],
  tuning: { questions: EvalQuery[]; knownItems: EvalQuery[] },
  candidates: RankingParameters[],
  folds = 5,
  guard?: Guard,
) {
  const items = [...tuning.questions.map((q) => ({ ...q, known: false })), ...tuning.knownItems.map((q) => ({ ...q, known: true }))];
  const fold = items.map((item) => foldOf(item.query, folds));
  const objective = candidates.map((c) => perQuery(models, items, c));
  const guarded = guard
    ? { scores: candidates.map((c) => perQuery([guard.model], items, c)), baseline: perQuery([guard.model], items, guard.baseline) }
    : undefined;
  const winners = foldWinners(objective, fold, folds, guarded).map(({ candidate, heldOut }) => ({
    params: candidates[candidate]!,
    heldOut,
  }));
  const chosen: RankingParameters = {
    ...winners[0]!.params,
    k1: median(winners.map((w) => w.params.k1)),
    b: median(winners.map((w) => w.params.b)),
    headingWeight: median(winners.map((w) => w.params.headingWeight)),
    proximity: median(winners.map((w) => w.params.proximity)),
    coverage: median(winners.map((w) => w.params.coverage)),
    unigram: median(winners.map((w) => w.params.unigram)),
    floor: median(winners.map((w) => w.params.floor)),
    citation: median(winners.map((w) => w.params.citation)),
  };
  return { winners, chosen };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: join(ROOT, '.tmp', 'search-eval-test', 'site') },
      distractors: { type: 'string' },
      /** A site (the 10,000 distractors) whose objective may not fall below --baseline's: it guards, it does not add to the objective. */
      guard: { type: 'string' },
      /**
       * The corpus guards instead, and the objective counts both sites (--guard's too): for signals
       * meant for a site among many pages (--floor, --citation), taken only where the real pages lose nothing.
       */
      'guard-corpus': { type: 'boolean', default: false },
      /** The parameters in use, as k1,b,heading,unigram[,floor,citation]: what the guarded condition is held to. */
      baseline: {
        type: 'string',
        default: [RANKING.k1, RANKING.b, RANKING.headingWeight, RANKING.unigram, RANKING.floor, RANKING.citation].join(','),
      },
      k1: { type: 'string', default: GRID.k1 },
      b: { type: 'string', default: GRID.b },
      heading: { type: 'string', default: GRID.heading },
      proximity: { type: 'string', default: GRID.proximity },
      coverage: { type: 'string', default: GRID.coverage },
      /** Each query character's own term, as a share of its idf weight (rankingModel.ts); 0 bigrams only. */
      unigram: { type: 'string', default: GRID.unigram },
      /** BM25+'s floor on a term a page has (rankingModel.ts); 0 plain BM25. */
      floor: { type: 'string', default: GRID.floor },
      /** How much the pages citing a document lift it (core/search/index/citations.ts); 0 not at all. */
      citation: { type: 'string', default: GRID.citation },
      /** Where proximity evidence is read: start (title and stored start), full (whole text), passage (best paragraph). */
      'proximity-text': { type: 'string', default: 'start' },
    },
  });
  const sets = loadQuerySets();
  const questions = splitHalves(sets.questions);
  const knownItems = splitHalves(sets.knownItems);
  const independent = loadIndependentQuestions();
  const tuning = { questions: questions.tuning, knownItems: knownItems.tuning };
  const model = new RankingModel(values.site!);
  const guardSite = values.guard;
  const distractorSite = values.distractors ?? guardSite;
  const big = distractorSite ? new RankingModel(distractorSite) : undefined;
  const [k1, b, headingWeight, unigram, floor, citation] = values.baseline!.split(',').map(Number);
  const baseline: RankingParameters = {
    ...TEXTBOOK,
    k1: k1!,
    b: b!,
    headingWeight: headingWeight!,
    headingB: 0.5,
    unigram: unigram ?? 0,
    floor: floor ?? 0,
    citation: citation ?? 0,
  };
  process.stderr.write(
    `[tune] ${model.docs.length} pages${big ? ` and ${big.docs.length} with distractors` : ''}; tuning ${tuning.questions.length} questions + ${tuning.knownItems.length} known items\n`,
  );
  const candidates = grid({
    k1: values.k1!,
    b: values.b!,
    heading: values.heading!,
    proximity: values.proximity!,
    coverage: values.coverage!,
    unigram: values.unigram!,
    floor: values.floor!,
    citation: values.citation!,
  });
  process.stderr.write(`[tune] ${candidates.length} candidates\n`);
  if (values['guard-corpus'] && !big) throw new Error('--guard-corpus: give the site with the generated pages as --guard or --distractors');
  const { winners, chosen } = values['guard-corpus']
    ? crossValidate([model, big!], tuning, candidates, 5, { model, baseline })
    : guardSite
      ? crossValidate([model], tuning, candidates, 5, { model: big!, baseline })
      : crossValidate(big ? [model, big] : [model], tuning, candidates);
  console.log(
    table(
      'Fold winners (grid best on 4/5 of the tuning half, scored on the 5th)',
      ['fold', 'k1', 'b', 'heading', 'proximity', 'coverage', 'unigram', 'floor', 'citation', 'held-out objective per query'],
      winners.map((w, f) => [
        f,
        w.params.k1,
        w.params.b,
        w.params.headingWeight,
        w.params.proximity,
        w.params.coverage,
        w.params.unigram,
        w.params.floor,
        w.params.citation,
        w.heldOut.toFixed(3),
      ]),
    ),
  );
  console.log(
    `chosen (median of the fold winners): k1 ${chosen.k1}, b ${chosen.b}, heading weight ${chosen.headingWeight}, proximity ${chosen.proximity}, coverage ${chosen.coverage}, unigram ${chosen.unigram}, floor ${chosen.floor}, citation ${chosen.citation}\n`,
  );
  const withWords = { ...chosen, equivalents: true };
  const rows = (model: RankingModel) =>
    (
      [
        ['before (k1 24, b 0.05, heading 3)', BEFORE],
        ...(guardSite ? [[`baseline (${values.baseline})`, baseline]] : []),
        ['textbook (k1 1.2, b 0.75)', TEXTBOOK],
        ['chosen', chosen],
        ...(chosen.coverage > 0 ? [['chosen, no coverage', { ...chosen, coverage: 0 }]] : []),
        ...(chosen.proximity > 0 ? [['chosen, no proximity', { ...chosen, proximity: 0 }]] : []),
        ...(chosen.unigram > 0 ? [['chosen, bigrams only', { ...chosen, unigram: 0 }]] : []),
        ...(chosen.citation > 0 ? [['chosen, no citations', { ...chosen, citation: 0 }]] : []),
        ...(chosen.floor > 0 ? [['chosen, no floor', { ...chosen, floor: 0 }]] : []),
        ['chosen + government words', withWords],
      ] as [string, RankingParameters][]
    ).map(([name, p]) => {
      const cell = (items: EvalQuery[]) => {
        const f = figures(model, items, p);
        return `${f.recall.toFixed(3)} / ${f.mrr.toFixed(3)}`;
      };
      return [name, cell(questions.tuning), cell(questions.test), cell(knownItems.tuning), cell(knownItems.test), cell(independent)];
    });
  const header = ['parameters', 'questions tuning', 'questions test', 'known tuning', 'known test', 'independent'];
  console.log(table('recall@10 / MRR@10 (ranking model)', header, rows(model)));
  if (big) {
    console.log(`\n${table(`Among distractors (${big.docs.length} pages)`, header, rows(big))}`);
  }
}

if (import.meta.main) await main();
