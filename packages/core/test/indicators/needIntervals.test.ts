import { describe, expect, it } from 'vitest';
import {
  type AreaIndicator,
  type NeedIntervalsOptions,
  needIntervals,
} from '../../src/indicators/needIntervals.js';
import { vulnerabilityIndex } from '../../src/indicators/vulnerabilityIndex.js';
import {
  type AreaInterpolator,
  createAreaInterpolator,
} from '../../src/interpolate/createAreaInterpolator.js';
import { studyAreaCover } from '../../src/interpolate/studyAreaCover.js';
import { normalQuantile } from '../../src/stats/normal.js';
import { mulberry32 } from '../../src/util/random.js';
import { boxCity } from '../helpers/boxCity.js';

/** Each area is exactly one cell: values move unchanged. */
function identity(n: number): AreaInterpolator {
  return {
    coverage: new Float64Array(n).fill(1),
    count: (values) => Float64Array.from(values),
    rate: (values) => Float64Array.from(values),
  };
}

/**
 * needIntervals the straightforward way, as first written: each draw moved to every cell and
 * ranked there by `vulnerabilityIndex`, each cell's draws sorted for its quantiles.
 */
function needIntervalsByCell(
  interpolator: AreaInterpolator,
  indicators: readonly AreaIndicator[],
  options: NeedIntervalsOptions,
): { low: Float64Array; high: Float64Array } {
  const draws = options.draws ?? 100;
  const tail = (1 - (options.interval ?? 0.9)) / 2;
  const z = normalQuantile(1 - (1 - (options.confidence ?? 0.9)) / 2);
  const random = mulberry32(options.seed ?? 1);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const n = interpolator.coverage.length;
  const samples = new Float32Array(draws * n);
  for (let d = 0; d < draws; d++) {
    const drawn = indicators.map((indicator) => {
      const values =
        indicator.moe === undefined
          ? indicator.estimate
          : Float64Array.from(indicator.estimate, (value, p) => {
              const moe = indicator.moe?.[p];
              if (moe === undefined || !Number.isFinite(moe) || !Number.isFinite(value))
                return value;
              return Math.max(0, value + (moe / z) * normal());
            });
      return { ...indicator, values: interpolator.rate(values, options.weightBy) };
    });
    const index = vulnerabilityIndex(drawn, { include: options.include }).index;
    for (let c = 0; c < n; c++) samples[d * n + c] = index[c];
  }
  const low = new Float64Array(n);
  const high = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const column: number[] = [];
    for (let d = 0; d < draws; d++)
      if (!Number.isNaN(samples[d * n + c])) column.push(samples[d * n + c]);
    const sorted = Float64Array.from(column).sort();
    const quantile = (q: number) => {
      if (sorted.length === 0) return Number.NaN;
      const h = (sorted.length - 1) * q;
      const lo = Math.floor(h);
      const hi = Math.min(sorted.length - 1, lo + 1);
      return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    };
    low[c] = quantile(tail);
    high[c] = quantile(1 - tail);
  }
  return { low, high };
}

const poverty = [5, 10, 15, 20, 25, 30, 35, 40, 45, 50];
const income = [90, 85, 80, 70, 60, 55, 50, 40, 30, 20].map((k) => k * 1000);

describe('needIntervals', () => {
  it('collapses to the need index itself when the margins are zero', () => {
    const zero = poverty.map(() => 0);
    const { low, high } = needIntervals(
      identity(10),
      [
        { name: 'poverty', direction: 'higher', estimate: poverty, moe: zero },
        { name: 'income', direction: 'lower', estimate: income },
      ],
      { draws: 20 },
    );
    const index = vulnerabilityIndex([
      { name: 'poverty', direction: 'higher', values: poverty },
      { name: 'income', direction: 'lower', values: income },
    ]).index;
    for (let c = 0; c < 10; c++) {
      expect(low[c]).toBeCloseTo(index[c], 6);
      expect(high[c]).toBeCloseTo(index[c], 6);
    }
  });

  it('widens the interval with the margins, around the middle of the ranking', () => {
    const narrow = needIntervals(
      identity(10),
      [{ name: 'poverty', direction: 'higher', estimate: poverty, moe: poverty.map(() => 1) }],
      { draws: 200, seed: 3 },
    );
    const wide = needIntervals(
      identity(10),
      [{ name: 'poverty', direction: 'higher', estimate: poverty, moe: poverty.map(() => 20) }],
      { draws: 200, seed: 3 },
    );
    const width = (r: { low: Float64Array; high: Float64Array }) =>
      r.high.reduce((s, h, c) => s + h - r.low[c], 0);
    expect(width(wide)).toBeGreaterThan(2 * width(narrow));
    for (let c = 0; c < 10; c++) expect(wide.low[c]).toBeLessThanOrEqual(wide.high[c]);
    // Ranks 5 apart with a margin of 1 (sd ≈ 0.6) almost never swap: the ends stay put.
    expect(narrow.high[0]).toBe(0);
    expect(narrow.low[9]).toBe(1);
  });

  it('gives the same intervals for the same seed and others for another', () => {
    const run = (seed: number) =>
      needIntervals(
        identity(10),
        [{ name: 'p', direction: 'higher', estimate: poverty, moe: poverty.map(() => 10) }],
        {
          draws: 50,
          seed,
        },
      );
    expect(run(1).low).toEqual(run(1).low);
    expect(run(1).high).not.toEqual(run(2).high);
  });

  it('rejects too few draws and levels outside (0, 1)', () => {
    const one = [{ name: 'p', direction: 'higher' as const, estimate: poverty }];
    expect(() => needIntervals(identity(10), one, { draws: 1 })).toThrow(
      expect.objectContaining({ code: 'E_ARGUMENT' }),
    );
    expect(() => needIntervals(identity(10), one, { confidence: 1 })).toThrow(
      expect.objectContaining({ code: 'E_ARGUMENT' }),
    );
  });

  it('equals the straightforward per-cell method bit for bit on tracts with ties, gaps and a mask', () => {
    const areas = boxCity();
    const { grid, overlaps } = studyAreaCover(areas, 10);
    const interpolator = createAreaInterpolator(grid, areas, overlaps);
    // Tied estimates across tracts, a tract without an estimate, one without a margin, one
    // without residents and one whose draws often hit 0; the mask leaves out every seventh cell
    // too, splitting the cells of a tract.
    const population = [4000, 3500, 0, 2000, 5200, 3100, 2900, 1000, 1800, 900];
    const indicators: AreaIndicator[] = [
      {
        name: 'poverty',
        direction: 'higher',
        weight: 2,
        estimate: [0.12, 0.3, 0.3, 0.05, 0.12, Number.NaN, 0.22, 0.3, 0.01, 0.27],
        moe: [0.03, 0.05, 0.05, 0.02, 0.03, 0.04, Number.NaN, 0.05, 0.04, 0.06],
      },
      {
        name: 'income',
        direction: 'lower',
        estimate: [52e3, 31e3, 31e3, 88e3, 52e3, 40e3, 45e3, 31e3, 70e3, 39e3],
        moe: [6e3, 5e3, 5e3, 9e3, 6e3, 4e3, 5e3, 5e3, 8e3, 7e3],
      },
      {
        name: 'vehicles',
        direction: 'higher',
        theme: 'transport',
        estimate: [0.2, 0.2, 0.1, 0.4, 0.2, 0.3, 0.1, 0.2, 0.3, 0.2],
      },
    ];
    const include = interpolator.count(population).map((p, c) => (p > 0 && c % 7 !== 0 ? 1 : 0));
    for (const seed of [1, 2]) {
      const options = { weightBy: population, include, draws: 40, seed };
      expect(needIntervals(interpolator, indicators, options)).toEqual({
        ...needIntervalsByCell(interpolator, indicators, options),
        draws: 40,
      });
    }
  });

  it('equals the straightforward method bit for bit through an interpolator without rate groups', () => {
    // Seeded cells with many ties, each its own area, and a mask leaving some out.
    const random = mulberry32(9);
    const n = 300;
    const tied = (levels: number) => Array.from({ length: n }, () => Math.floor(random() * levels));
    const indicators: AreaIndicator[] = [
      { name: 'a', direction: 'higher', estimate: tied(12), moe: tied(4) },
      { name: 'b', direction: 'lower', weight: 0.5, estimate: tied(6) },
      { name: 'c', direction: 'higher', estimate: tied(30), moe: tied(3) },
    ];
    const include = tied(5).map((k) => (k === 0 ? 0 : 1));
    const options = { include, draws: 25, seed: 4, interval: 0.8 };
    expect(needIntervals(identity(n), indicators, options)).toEqual({
      ...needIntervalsByCell(identity(n), indicators, options),
      draws: 25,
    });
  });
});
