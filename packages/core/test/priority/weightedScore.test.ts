import { describe, expect, it } from 'vitest';
import type { Normalization } from '../../src/priority/normalize.js';
import { priorityScore } from '../../src/priority/priorityScore.js';
import { weightedScore } from '../../src/priority/weightedScore.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';
import { expectAllClose } from '../helpers/tolerance.js';

describe('weightedScore', () => {
  it('is Σ wₖnₖ over the components a cell has, weights rescaled per cell', () => {
    const score = weightedScore(
      [
        [0.5, 1, Number.NaN],
        [1, Number.NaN, Number.NaN],
      ],
      [2, 1],
    );
    expectAllClose(score, [2 / 3, 1, Number.NaN], 1e-15);
  });

  it("reproduces priorityScore's score to the last bit from its normalised columns and weights", () => {
    const random = mulberry32(8);
    const n = 500;
    const column = (missing: number) =>
      Array.from({ length: n }, () => (random() < missing ? Number.NaN : random() * 10 - 3));
    const components = [
      { name: 'hotspot', values: column(0), weight: 0.4 },
      { name: 'crimeRate', values: column(0.2), weight: 0.2 },
      { name: 'need', values: column(0.1), weight: 0.4 },
    ];
    for (const normalization of ['percentile', 'minmax', 'zscore'] as Normalization[]) {
      const p = priorityScore(components, { normalization });
      const names = Object.keys(p.weights);
      const score = weightedScore(
        names.map((name) => p.normalized[name]),
        names.map((name) => p.weights[name]),
      );
      expect(score).toEqual(p.score);
    }
  });

  it('does not depend on the scale of the weights', () => {
    const columns = [
      [0.1, 0.9, 0.4],
      [0.7, Number.NaN, 0.2],
    ];
    expectAllClose(weightedScore(columns, [3, 1]), weightedScore(columns, [0.75, 0.25]), 1e-15);
  });

  it('writes into out when given', () => {
    const out = new Float64Array(2);
    expect(weightedScore([[0.2, 0.4]], [1], { out })).toBe(out);
    expectAllClose(out, [0.2, 0.4], 0);
  });

  it('rejects no columns, mismatched lengths and invalid weights', () => {
    expect(codeOf(() => weightedScore([], []))).toBe('E_ARGUMENT');
    expect(codeOf(() => weightedScore([[1], [1, 2]], [1, 1]))).toBe('E_ARGUMENT');
    expect(codeOf(() => weightedScore([[1]], [1, 1]))).toBe('E_ARGUMENT');
    expect(codeOf(() => weightedScore([[1]], [-1]))).toBe('E_ARGUMENT');
    expect(codeOf(() => weightedScore([[1]], [0]))).toBe('E_ARGUMENT');
    expect(codeOf(() => weightedScore([[1]], [Number.NaN]))).toBe('E_ARGUMENT');
    expect(codeOf(() => weightedScore([[1]], [1], { out: new Float64Array(2) }))).toBe(
      'E_ARGUMENT',
    );
  });
});
