/** The evaluation's metrics on small hand-made cases whose answers are worked out by hand. */
import { describe, expect, it } from 'vitest';
import { meanRecallAt, mrrAt, percentile, recallAt, reciprocalRankAt, zeroResultRate, type RankedRun } from '../../scripts/eval/metrics.ts';

describe('recall@k', () => {
  it('is the share of relevant URLs found in the first k results', () => {
    expect(recallAt(3, ['/a/', '/b/', '/c/'], ['/b/'])).toBe(1);
    expect(recallAt(3, ['/a/', '/b/', '/c/'], ['/b/', '/z/'])).toBe(0.5);
    expect(recallAt(3, ['/a/', '/b/', '/c/'], ['/z/'])).toBe(0);
  });

  it('ignores results past k', () => {
    expect(recallAt(2, ['/a/', '/b/', '/c/'], ['/c/'])).toBe(0);
    expect(recallAt(3, ['/a/', '/b/', '/c/'], ['/c/'])).toBe(1);
  });

  it('counts a URL repeated in the ranking once', () => {
    expect(recallAt(3, ['/a/', '/a/', '/b/'], ['/a/', '/c/'])).toBe(0.5);
  });

  it('is 0 for an empty ranking or no relevant URLs', () => {
    expect(recallAt(10, [], ['/a/'])).toBe(0);
    expect(recallAt(10, ['/a/'], [])).toBe(0);
  });

  it('averages over queries, each query weighing the same', () => {
    const runs: RankedRun[] = [
      { ranked: ['/a/'], relevant: ['/a/'] }, // 1
      { ranked: ['/x/', '/b/'], relevant: ['/b/', '/c/'] }, // 0.5
      { ranked: [], relevant: ['/d/'] }, // 0
      { ranked: ['/e/'], relevant: ['/f/'] }, // 0
    ];
    expect(meanRecallAt(10, runs)).toBe(0.375);
    expect(meanRecallAt(1, runs)).toBe(0.25);
    expect(meanRecallAt(10, [])).toBe(0);
  });
});

describe('MRR@k', () => {
  it('is 1 / rank of the first relevant result', () => {
    expect(reciprocalRankAt(10, ['/a/', '/b/', '/c/'], ['/a/'])).toBe(1);
    expect(reciprocalRankAt(10, ['/a/', '/b/', '/c/'], ['/c/'])).toBeCloseTo(1 / 3, 12);
    // Only the first relevant hit counts.
    expect(reciprocalRankAt(10, ['/a/', '/b/', '/c/'], ['/c/', '/b/'])).toBe(0.5);
  });

  it('is 0 when no relevant result is in the first k', () => {
    expect(reciprocalRankAt(2, ['/a/', '/b/', '/c/'], ['/c/'])).toBe(0);
    expect(reciprocalRankAt(10, [], ['/c/'])).toBe(0);
  });

  it('averages reciprocal ranks over queries', () => {
    const runs: RankedRun[] = [
      { ranked: ['/a/', '/b/'], relevant: ['/a/'] }, // 1
      { ranked: ['/x/', '/b/'], relevant: ['/b/'] }, // 1/2
      { ranked: ['/x/', '/y/', '/z/', '/c/'], relevant: ['/c/'] }, // 1/4
      { ranked: ['/x/'], relevant: ['/d/'] }, // 0
    ];
    expect(mrrAt(10, runs)).toBeCloseTo((1 + 0.5 + 0.25 + 0) / 4, 12);
    expect(mrrAt(3, runs)).toBeCloseTo((1 + 0.5) / 4, 12);
    expect(mrrAt(10, [])).toBe(0);
  });
});

describe('zero-result rate', () => {
  it('is the share of queries with no result at all', () => {
    expect(zeroResultRate([{ ranked: [] }, { ranked: ['/a/'] }, { ranked: [] }, { ranked: ['/b/', '/c/'] }])).toBe(0.5);
    expect(zeroResultRate([{ ranked: ['/a/'] }])).toBe(0);
    expect(zeroResultRate([])).toBe(0);
  });
});

describe('percentile', () => {
  it('interpolates linearly between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5); // order does not matter
    expect(percentile([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(percentile([10, 20, 30, 40, 50], 95)).toBe(48);
    expect(percentile([10, 20], 25)).toBe(12.5);
  });

  it('gives the extremes at 0 and 100, and the value itself for one value', () => {
    expect(percentile([7, 3, 9], 0)).toBe(3);
    expect(percentile([7, 3, 9], 100)).toBe(9);
    expect(percentile([42], 95)).toBe(42);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('is NaN for no values and refuses p outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });
});
