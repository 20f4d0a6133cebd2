/**
 * The search evaluation's question sets, kept beside this module: the team's citizen questions
 * (questions.json) and known-item queries (knownItems.json), and the independent question set
 * (independentQuestions.json). `npm run bench:search`, the ranking tuner and the search-quality
 * test all read them here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EVAL_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface EvalQuery {
  id: string;
  query: string;
  /** Site URLs of the pages that answer the query (`/policies/samr-21/`). */
  relevant: string[];
  note?: string;
  /** Known items only: what the query names (title, title words, docNumber, indexNumber…). */
  kind?: string;
}

export interface QuerySets {
  questions: EvalQuery[];
  knownItems: EvalQuery[];
  /** The independent question set (see loadIndependentQuestions). */
  independent: EvalQuery[];
}

export function loadQuerySets(directory = EVAL_DIR): QuerySets {
  const read = (file: string) => JSON.parse(readFileSync(join(directory, file), 'utf8')) as EvalQuery[];
  return { questions: read('questions.json'), knownItems: read('knownItems.json'), independent: loadIndependentQuestions(directory) };
}

/**
 * The independent question set: questions a shop owner or consumer would ask, written apart from
 * the team's set and about other articles, each naming the one regulation of the corpora's
 * samr-regulations (read at run time, never copied here) whose article answers it. No parameter
 * is ever chosen on it.
 */
export function loadIndependentQuestions(directory = EVAL_DIR): EvalQuery[] {
  return JSON.parse(readFileSync(join(directory, 'independentQuestions.json'), 'utf8')) as EvalQuery[];
}

/** Labels that name no page of the corpus (a typo in questions.json would silently cost recall). */
export function unknownLabels(sets: QuerySets, policyUrls: ReadonlyMap<string, string>): string[] {
  return [...sets.questions, ...sets.knownItems, ...sets.independent].flatMap((item) =>
    item.relevant.filter((url) => !policyUrls.has(url)).map((url) => `${item.id} ${url}`),
  );
}
