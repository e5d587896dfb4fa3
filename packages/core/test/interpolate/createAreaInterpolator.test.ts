import { describe, expect, it } from 'vitest';
import { createAreaInterpolator } from '../../src/interpolate/createAreaInterpolator.js';
import { studyAreaCover } from '../../src/interpolate/studyAreaCover.js';
import { boxCity } from '../helpers/boxCity.js';

const areas = boxCity();
const { grid, overlaps } = studyAreaCover(areas, 10);
const interpolator = createAreaInterpolator(grid, areas, overlaps);
const n = grid.cells.length;

/** Each cell's group's rate, to set beside `rate`'s per cell. */
function perCell(groupOf: Uint32Array, groupRates: Float64Array): Float64Array {
  return Float64Array.from(groupOf, (g) => groupRates[g]);
}

/** Rates with what a column may hold: NaN, −0, infinities, values whose products overflow. */
const values = [
  [0.12, 0.3, 0.3, 0.05, 0.12, 0.4, 0.22, 0.3, 0.18, 0.27],
  [0, 0.3, 0.3, 0.05, 0.12, 0.4, 0.22, 0.3, 0.18, 0.27],
  [0.12, Number.NaN, -0, 0.05, Number.POSITIVE_INFINITY, 0.4, -0, 0.3, Number.NaN, 1e308],
  [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
  [1, 2, 3],
];
const weights = [
  undefined,
  [4000, 3500, 0, 2000, 5200, 3100, 2900, Number.NaN, 1800, 900],
  // An infinite weight makes the mean NaN (Inf/Inf), not the tract's value: no group for it.
  [Number.POSITIVE_INFINITY, 3500, 1000, 2000, 5200, 3100, 2900, 1000, 1800, 900],
];

describe('createAreaInterpolator: rate groups', () => {
  it('gives each group the rate `rate` gives its cells, bit for bit', () => {
    for (const weightBy of weights) {
      const groups = interpolator.rateGroups(weightBy);
      for (const column of values) {
        expect(perCell(groups.groupOf, groups.rate(column))).toEqual(
          interpolator.rate(column, weightBy),
        );
      }
    }
  });

  it('puts the cells inside one tract in its group, and the cells of several in their own', () => {
    const groups = interpolator.rateGroups();
    const sizes = new Map<number, number>();
    for (const g of groups.groupOf) sizes.set(g, (sizes.get(g) ?? 0) + 1);
    // Every tract of the tiling has cells of its own; the tenth lies wholly on four of them.
    for (let p = 0; p < 9; p++) expect(sizes.get(p)).toBeGreaterThan(5);
    expect(sizes.get(9)).toBeUndefined();
    for (const [g, size] of sizes) if (g > areas.length) expect(size).toBe(1);
    expect(groups.count).toBeLessThan(n);
  });

  it('leaves a cell of one tract out of its group when its total weight is not finite', () => {
    const groups = interpolator.rateGroups(weights[2]);
    expect(groups.groupOf.filter((g) => g === 0).length).toBe(0);
    expect(groups.groupOf.filter((g) => g === 1).length).toBeGreaterThan(5);
  });

  it('groups the cells of a tract without weight (no residents) as cells without a rate', () => {
    const weightBy = [4000, 3500, 0, 2000, 5200, 3100, 2900, 1000, 1800, 900];
    const groups = interpolator.rateGroups(weightBy);
    const rates = groups.rate(values[0]);
    const none = groups.groupOf.filter((g) => g === areas.length).length;
    expect(none).toBeGreaterThan(0);
    expect(rates[areas.length]).toBeNaN();
    expect(groups.groupOf.filter((g) => g === 2).length).toBe(0);
  });

  it('keeps the weights it was made with when the caller changes them afterwards', () => {
    const weightBy = Float64Array.of(4000, 3500, 1000, 2000, 5200, 3100, 2900, 1000, 1800, 900);
    const groups = interpolator.rateGroups(weightBy);
    const before = interpolator.rate(values[0], weightBy);
    weightBy.fill(1);
    expect(perCell(groups.groupOf, groups.rate(values[0]))).toEqual(before);
  });

  it('writes to the array given', () => {
    const groups = interpolator.rateGroups();
    const out = new Float64Array(groups.count);
    expect(groups.rate(values[0], out)).toBe(out);
  });
});
