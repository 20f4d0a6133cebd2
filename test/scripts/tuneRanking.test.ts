import { describe, expect, it } from 'vitest';
import { foldWinners } from '../../scripts/bench/tuneRanking.ts';

// Four queries in two folds (0, 1, 0, 1); one array per candidate, one value per query.
const fold = [0, 1, 0, 1];
const scores = (...values: number[]) => Float64Array.from(values);

describe('choosing ranking parameters fold by fold (bench:tune)', () => {
  it('picks, per fold, the candidate best on the other folds and reports it on the held-out one', () => {
    const objective = [scores(1, 0, 1, 0), scores(0, 1, 0, 1)];
    // Fold 0 is chosen on fold 1's queries, where candidate 1 is better; and the reverse.
    expect(foldWinners(objective, fold, 2)).toEqual([
      { candidate: 1, heldOut: 0 },
      { candidate: 0, heldOut: 0 },
    ]);
  });

  it('never takes a candidate that makes the guarded condition worse than the baseline', () => {
    const objective = [scores(2, 2, 2, 2), scores(1, 1, 1, 1)];
    // Candidate 0 is better on the objective but loses among the distractors.
    const guard = { scores: [scores(0, 0, 0, 0), scores(1, 1, 1, 1)], baseline: scores(1, 1, 1, 1) };
    expect(foldWinners(objective, fold, 2, guard).map((w) => w.candidate)).toEqual([1, 1]);
    // Unguarded, the same data choose candidate 0.
    expect(foldWinners(objective, fold, 2).map((w) => w.candidate)).toEqual([0, 0]);
  });

  it('judges the guard on the training folds only, as the objective', () => {
    const objective = [scores(2, 2, 2, 2), scores(1, 1, 1, 1)];
    // Candidate 0 falls below the baseline on fold 0's queries only: allowed when fold 0 is held out.
    const guard = { scores: [scores(0, 1, 0, 1), scores(1, 1, 1, 1)], baseline: scores(1, 1, 1, 1) };
    expect(foldWinners(objective, fold, 2, guard).map((w) => w.candidate)).toEqual([0, 1]);
  });

  it('refuses, saying why, when no candidate keeps the guarded condition', () => {
    const guard = { scores: [scores(0, 0, 0, 0)], baseline: scores(1, 1, 1, 1) };
    expect(() => foldWinners([scores(1, 1, 1, 1)], fold, 2, guard)).toThrow(/no candidate keeps the guarded condition/);
  });
});
