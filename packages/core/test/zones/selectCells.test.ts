import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/util/random.js';
import { selectCells } from '../../src/zones/selectCells.js';
import { codeOf } from '../helpers/errors.js';

describe('selectCells with a threshold', () => {
  it('selects every cell whose score is at least the threshold', () => {
    expect([...selectCells([0.2, 0.5, 0.49999, 0.9], { threshold: 0.5 })]).toEqual([0, 1, 0, 1]);
  });

  it('never selects a cell without a score (NaN), even with a threshold of -Infinity', () => {
    expect([...selectCells([NaN, -5, NaN], { threshold: -Infinity })]).toEqual([0, 1, 0]);
  });

  it('selects +Infinity scores and accepts typed arrays', () => {
    expect([...selectCells(new Float64Array([Infinity, 1]), { threshold: 2 })]).toEqual([1, 0]);
  });

  it('returns an empty mask for no cells', () => {
    expect(selectCells([], { threshold: 0 }).length).toBe(0);
  });
});

describe('selectCells with topN', () => {
  it('selects the N highest scores', () => {
    expect([...selectCells([3, 1, 4, 1, 5, 9, 2, 6], { topN: 3 })]).toEqual([
      0, 0, 0, 0, 1, 1, 0, 1,
    ]);
  });

  it('breaks ties at the cut by ascending cell index', () => {
    expect([...selectCells([1, 2, 2, 0, 2], { topN: 2 })]).toEqual([0, 1, 1, 0, 0]);
    expect([...selectCells([2, 2, 2, 2], { topN: 1 })]).toEqual([1, 0, 0, 0]);
  });

  it('never selects NaN, so fewer than N cells are selected when fewer have a score', () => {
    expect([...selectCells([NaN, 1, NaN, 0], { topN: 3 })]).toEqual([0, 1, 0, 1]);
  });

  it('ranks +Infinity first and -Infinity last', () => {
    expect([...selectCells([-Infinity, 0, Infinity], { topN: 2 })]).toEqual([0, 1, 1]);
  });

  it('selects nothing for topN 0', () => {
    expect([...selectCells([1, 2], { topN: 0 })]).toEqual([0, 0]);
  });

  it('gives the same cells as sorting all (score, index) pairs, on seeded random ties', () => {
    const random = mulberry32(7);
    // Few distinct values, so many ties straddle the cut; about one cell in ten has no score.
    const score = Array.from({ length: 500 }, () =>
      random() < 0.1 ? NaN : Math.floor(random() * 20),
    );
    const expected = score
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => !Number.isNaN(s))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, 123)
      .map(({ i }) => i)
      .sort((a, b) => a - b);
    const mask = selectCells(score, { topN: 123 });
    const selected = [...mask.keys()].filter((i) => mask[i] === 1);
    expect(selected).toEqual(expected);
  });
});

describe('selectCells arguments', () => {
  it('requires exactly one of threshold and topN', () => {
    expect(codeOf(() => selectCells([1], {}))).toBe('E_ARGUMENT');
    expect(codeOf(() => selectCells([1], { threshold: 0, topN: 1 }))).toBe('E_ARGUMENT');
  });

  it('rejects a NaN threshold and a topN that is not an integer >= 0', () => {
    expect(codeOf(() => selectCells([1], { threshold: NaN }))).toBe('E_ARGUMENT');
    expect(codeOf(() => selectCells([1], { topN: -1 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => selectCells([1], { topN: 1.5 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => selectCells([1], { topN: NaN }))).toBe('E_ARGUMENT');
  });
});
