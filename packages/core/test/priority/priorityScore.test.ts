import { describe, expect, it } from 'vitest';
import { incidentRate } from '../../src/indicators/incidentRate.js';
import { normalize } from '../../src/priority/normalize.js';
import { priorityScore } from '../../src/priority/priorityScore.js';
import { codeOf } from '../helpers/errors.js';
import { expectAllClose } from '../helpers/tolerance.js';

describe('normalize', () => {
  it('min-max scales to 0–1 and keeps NaN', () => {
    expectAllClose(normalize([1, 2, Number.NaN, 5], 'minmax'), [0, 0.25, Number.NaN, 1], 1e-15);
  });
  it('z-scores with the population standard deviation', () => {
    expectAllClose(normalize([1, 3], 'zscore'), [-1, 1], 1e-15);
  });
  it('gives 0 for a constant column', () => {
    expectAllClose(normalize([4, 4], 'minmax'), [0, 0], 0);
    expectAllClose(normalize([4, 4], 'zscore'), [0, 0], 0);
  });
});

describe('priorityScore', () => {
  it('is the weighted sum of percentile-ranked components, weights rescaled to sum to 1', () => {
    const p = priorityScore([
      { name: 'hotspot', values: [0.5, 2.9, -1], weight: 2 },
      { name: 'need', values: [0.1, 0.8, 0.9], weight: 1 },
    ]);
    expectAllClose(p.score, [1 / 3, 5 / 6, 1 / 3], 1e-15);
    expect(p.weights).toEqual({ hotspot: 2 / 3, need: 1 / 3 });
  });

  it('keeps each contribution so that they sum to the score', () => {
    const p = priorityScore(
      [
        { name: 'a', values: [1, 2, 3, 4], weight: 1 },
        { name: 'b', values: [4, 1, 3, 2], weight: 3 },
      ],
      { normalization: 'minmax' },
    );
    for (let i = 0; i < 4; i++) {
      expect(p.contributions.a[i] + p.contributions.b[i]).toBeCloseTo(p.score[i], 15);
    }
    expectAllClose(p.contributions.b, [0.75, 0, 0.5, 0.25], 1e-15);
  });

  it('scores a cell missing a component on the components it has', () => {
    const p = priorityScore(
      [
        { name: 'a', values: [0, 1, 1], weight: 1 },
        { name: 'b', values: [0, 1, Number.NaN], weight: 1 },
      ],
      { normalization: 'minmax' },
    );
    expectAllClose(p.score, [0, 1, 1], 1e-15);
    expectAllClose(p.contributions.a, [0, 0.5, 1], 1e-15);
  });

  it('gives NaN to a cell with no component at all', () => {
    const p = priorityScore([{ name: 'a', values: [Number.NaN, 1], weight: 1 }]);
    expect(Number.isNaN(p.score[0])).toBe(true);
  });

  it('uses columns already normalised as they are, by reference', () => {
    const components = [
      { name: 'hotspot', values: [0.5, 2.9, -1], weight: 2 },
      { name: 'need', values: [0.1, 0.8, 0.9], weight: 1 },
    ];
    const fresh = priorityScore(components);
    const reused = priorityScore(components, { normalized: { need: fresh.normalized.need } });
    expect(reused.normalized.need).toBe(fresh.normalized.need);
    expect(reused.score).toEqual(fresh.score);
    expect(reused.contributions).toEqual(fresh.contributions);
    // The given column is taken as normalised: it is not ranked again.
    const given = Float64Array.of(1, 0, 0);
    expectAllClose(
      priorityScore(components, { normalized: { need: given } }).contributions.need,
      [1 / 3, 0, 0],
      1e-15,
    );
    expect(
      codeOf(() => priorityScore(components, { normalized: { need: Float64Array.of(1) } })),
    ).toBe('E_ARGUMENT');
  });

  it('rejects negative or all-zero weights', () => {
    expect(() => priorityScore([{ name: 'a', values: [1], weight: -1 }])).toThrow(
      expect.objectContaining({ code: 'E_ARGUMENT' }),
    );
    expect(() => priorityScore([{ name: 'a', values: [1], weight: 0 }])).toThrow(
      expect.objectContaining({ code: 'E_ARGUMENT' }),
    );
  });
});

describe('incidentRate', () => {
  it('is incidents per 1,000 residents, NaN below the minimum population', () => {
    expectAllClose(incidentRate([3, 40, 5], [12, 2000, 0]), [Number.NaN, 20, Number.NaN], 1e-12);
    expectAllClose(incidentRate([3], [12], { minPopulation: 10, per: 100 }), [25], 1e-12);
  });
});
