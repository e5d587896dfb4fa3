import { describe, expect, it } from 'vitest';
import { trustFromAreas } from '../../src/indicators/trustFromAreas.js';
import type { AreaInterpolator } from '../../src/interpolate/createAreaInterpolator.js';
import { expectClose } from '../helpers/tolerance.js';

/** Each area is exactly one cell. */
function identity(n: number): AreaInterpolator {
  return {
    coverage: new Float64Array(n).fill(1),
    count: (values) => Float64Array.from(values),
    rate: (values) => Float64Array.from(values),
  };
}

describe('trustFromAreas', () => {
  // Area means 4 (100 answers), 2 (2 answers), unsurveyed; σ² = 1 assumed.
  const trust = trustFromAreas(identity(3), [4, 2, Number.NaN], [100, 2, 0], { minResponses: 5 });
  const m = 404 / 102;
  const spread = (4 - m) ** 2 + (2 - m) ** 2;
  const tau2 = Math.max(0, spread - (1 / 100 + 1 / 2) / 2);

  it('weights the city mean by respondents and estimates the between-area variance by moments', () => {
    expectClose(trust.cityMean, m, 1e-15);
    expectClose(trust.betweenVariance, tau2, 1e-12);
    expect(trust.withinVariance).toBe(1);
  });

  it('shrinks each area toward the city mean by (σ²/n)/(σ²/n + τ²): few answers, more shrinkage', () => {
    for (const [p, mean, n] of [
      [0, 4, 100],
      [1, 2, 2],
    ] as const) {
      const b = 1 / n / (1 / n + tau2);
      expectClose(trust.shrunk[p], m + (1 - b) * (mean - m), 1e-12, `area ${p}`);
    }
    expect(Math.abs(trust.shrunk[1] - 2)).toBeGreaterThan(Math.abs(trust.shrunk[0] - 4));
  });

  it('leaves unsurveyed areas unknown, counts answers and flags cells with few', () => {
    expect(Number.isNaN(trust.shrunk[2])).toBe(true);
    expect([...trust.responses]).toEqual([100, 2, 0]);
    expect([...trust.fewResponses]).toEqual([0, 1, 1]);
    expectClose(trust.deficit[0], 1 - (trust.shrunk[0] - 1) / 4, 1e-15);
  });

  it('rejects a variance that is not positive', () => {
    expect(() => trustFromAreas(identity(1), [3], [10], { answerVariance: 0 })).toThrow(
      expect.objectContaining({ code: 'E_ARGUMENT' }),
    );
  });
});
