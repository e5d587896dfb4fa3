import { describe, expect, it } from 'vitest';
import {
  EMERGING_HOTSPOT_RULES,
  EMERGING_PATTERNS,
  emergingPattern,
} from '../../src/stats/emergingPattern.js';
import { mannKendall } from '../../src/stats/mannKendall.js';
import { codeOf } from '../helpers/errors.js';

const UP = { z: 3.2, p: 0.0014 }; // a significant rising trend
const DOWN = { z: -3.2, p: 0.0014 };
const FLAT = { z: 0.4, p: 0.69 };

/** Ten steps, `hot` at the given step indexes (1) and `cold` at others (−1). */
function series(hot: number[], cold: number[] = [], steps = 10): number[] {
  const s = new Array<number>(steps).fill(0);
  for (const t of hot) s[t] = 1;
  for (const t of cold) s[t] = -1;
  return s;
}
const negate = (s: number[]) => s.map((v) => -v);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('emergingPattern', () => {
  // One hand-built series per ArcGIS pattern, 10 steps (90 % = 9 steps).
  const hotFixtures: [string, number[], { z: number; p: number }][] = [
    ['New Hot Spot', series([9]), FLAT],
    ['Consecutive Hot Spot', series([7, 8, 9]), UP],
    ['Intensifying Hot Spot', series(range(1, 10)), UP],
    ['Persistent Hot Spot', series(range(0, 10)), FLAT],
    ['Diminishing Hot Spot', series(range(0, 10)), DOWN],
    ['Sporadic Hot Spot', series([1, 4, 8, 9]), FLAT],
    ['Oscillating Hot Spot', series([8, 9], [1]), UP],
    ['Historical Hot Spot', series(range(0, 9)), DOWN],
  ];
  for (const [pattern, status, trend] of hotFixtures) {
    it(`classifies ${JSON.stringify(status)} as ${pattern}`, () => {
      expect(emergingPattern(status, trend)).toBe(pattern);
    });
    const cold = pattern.replace('Hot', 'Cold');
    const mirrored = { z: -trend.z, p: trend.p };
    it(`classifies the mirrored series ${JSON.stringify(negate(status))} as ${cold}`, () => {
      expect(emergingPattern(negate(status), mirrored)).toBe(cold);
    });
  }

  it('finds no pattern without a hot or cold final step and under 90 % of either', () => {
    expect(emergingPattern(series([]), FLAT)).toBe('No Pattern Detected');
    expect(emergingPattern(series([2, 3]), UP)).toBe('No Pattern Detected');
    expect(
      emergingPattern(
        series(range(0, 8), [9]).map((v, t) => (t === 9 ? 0 : v)),
        DOWN,
      ),
    ).toBe('No Pattern Detected');
  });

  it('applies the stated precedence where the published wording lets two patterns match', () => {
    // Hot only in the final step but cold before: oscillating, not new.
    expect(emergingPattern(series([9], [0]), FLAT)).toBe('Oscillating Hot Spot');
    // A final run of hot steps after a cold one: oscillating, not consecutive.
    expect(emergingPattern(series([7, 8, 9], [2]), UP)).toBe('Oscillating Hot Spot');
    // ≥ 90 % hot but the last step not: historical, whatever the trend.
    expect(emergingPattern(series(range(0, 9)), FLAT)).toBe('Historical Hot Spot');
    // A final run covering 90 % of the steps: intensifying/persistent, not consecutive.
    expect(emergingPattern(series(range(1, 10)), FLAT)).toBe('Persistent Hot Spot');
    // A final run covering 80 %: consecutive.
    expect(emergingPattern(series(range(2, 10)), UP)).toBe('Consecutive Hot Spot');
    // 90 % hot with one cold step, final hot: still by trend.
    expect(emergingPattern(series(range(1, 10), [0]), UP)).toBe('Intensifying Hot Spot');
    // A one-step series: persistent (no trend is defined).
    expect(emergingPattern([1], { z: Number.NaN, p: Number.NaN })).toBe('Persistent Hot Spot');
    expect(emergingPattern([-1], { z: Number.NaN, p: Number.NaN })).toBe('Persistent Cold Spot');
  });

  it('counts 90 % exactly: 18 of 20 steps qualify, 17 do not', () => {
    expect(emergingPattern(series(range(2, 20), [], 20), FLAT)).toBe('Persistent Hot Spot');
    expect(emergingPattern(series(range(3, 20), [], 20), FLAT)).toBe('Consecutive Hot Spot');
  });

  it('tests the trend at trendAlpha, strictly: p equal to it is not significant', () => {
    const all = series(range(0, 10));
    expect(emergingPattern(all, { z: 2, p: 0.05 })).toBe('Persistent Hot Spot');
    expect(emergingPattern(all, { z: 2, p: 0.07 }, { trendAlpha: 0.1 })).toBe(
      'Intensifying Hot Spot',
    );
  });

  it('classifies a pure rising trend as intensifying, consecutive or new (property)', () => {
    // From 5 steps on, a strictly rising series is a significant trend (T = 5: p = 0.027).
    for (let steps = 5; steps <= 60; steps++) {
      // Gi* z rising linearly; a step is hot once z passes the threshold.
      const z = Array.from({ length: steps }, (_, t) => -1 + (4 * t) / (steps - 1));
      const trend = mannKendall(z);
      expect(trend.p).toBeLessThan(0.05);
      for (const threshold of [-2, -0.5, 0.5, 1.5, 2.9]) {
        const status = z.map((v): number => (v > threshold ? 1 : 0));
        const hot = status.reduce((a, b) => a + b, 0);
        const expected =
          10 * hot >= 9 * steps
            ? 'Intensifying Hot Spot'
            : hot >= 2
              ? 'Consecutive Hot Spot'
              : 'New Hot Spot';
        expect(emergingPattern(status, trend), `T = ${steps}, threshold ${threshold}`).toBe(
          expected,
        );
        // And a pure falling trend of cold spots mirrors it.
        expect(emergingPattern(negate(status), mannKendall(z.map((v) => -v)))).toBe(
          expected.replace('Hot', 'Cold'),
        );
      }
    }
  });

  it('documents every pattern in the rules text', () => {
    expect(EMERGING_PATTERNS).toHaveLength(17);
    for (const pattern of EMERGING_PATTERNS)
      if (!pattern.includes('Cold')) expect(EMERGING_HOTSPOT_RULES).toContain(pattern);
    expect(EMERGING_HOTSPOT_RULES).toContain('Precedence');
  });

  it('rejects statuses other than −1, 0, 1, an empty series and a bad trendAlpha with E_ARGUMENT', () => {
    expect(codeOf(() => emergingPattern([0, 2], FLAT))).toBe('E_ARGUMENT');
    expect(codeOf(() => emergingPattern([], FLAT))).toBe('E_ARGUMENT');
    expect(codeOf(() => emergingPattern([1], FLAT, { trendAlpha: 0 }))).toBe('E_ARGUMENT');
  });
});
