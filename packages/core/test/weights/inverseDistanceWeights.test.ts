import { describe, expect, it } from 'vitest';
import { cellToLngLat, gridDisk } from '../../src/hex/h3.js';
import type { CellGrid, SpatialWeights } from '../../src/types.js';
import { haversineMeters } from '../../src/util/haversineMeters.js';
import { distanceBandWeights } from '../../src/weights/distanceBandWeights.js';
import { inverseDistanceWeights } from '../../src/weights/inverseDistanceWeights.js';
import { codeOf, thrownBy } from '../helpers/errors.js';
import { expectAllClose, expectClose } from '../helpers/tolerance.js';

/** A grid of the given cells, sorted. */
function gridOf(cells: string[], resolution: number): CellGrid {
  const sorted = [...cells].sort();
  return { resolution, cells: sorted, indexOf: new Map(sorted.map((c, i) => [c, i])) };
}

/** Row `i` as a map from neighbour index to weight. */
function rowWeights(w: SpatialWeights, i: number): Map<number, number> {
  const out = new Map<number, number>();
  for (let l = w.offsets[i]; l < w.offsets[i + 1]; l++) out.set(w.neighbors[l], w.weights[l]);
  return out;
}

const CHICAGO = '892664c1a93ffff'; // resolution 9
const grid = gridOf(gridDisk(CHICAGO, 8), 9); // 217 cells
const centres = grid.cells.map((c) => cellToLngLat(c));
const distance = (i: number, j: number) =>
  haversineMeters(centres[i][0], centres[i][1], centres[j][0], centres[j][1]);

describe('inverseDistanceWeights', () => {
  it('weighs each link 1/d and equals an O(n²) loop over all pairs within the threshold', () => {
    const w = inverseDistanceWeights(grid, { thresholdMeters: 1200 });
    expect(w.style).toBe('custom');
    expect(w.selfIncluded).toBe(false);
    for (let i = 0; i < w.n; i++) {
      const expected = new Map<number, number>();
      for (let j = 0; j < w.n; j++) {
        const d = distance(i, j);
        if (j !== i && d <= 1200) expected.set(j, 1 / d);
      }
      const actual = rowWeights(w, i);
      expect([...actual.keys()], `row ${i}`).toEqual([...expected.keys()]);
      for (const [j, x] of expected) expectClose(actual.get(j)!, x, 1e-18, `${i} → ${j}`);
    }
  });

  it('links the same cells as the distance band of the same threshold', () => {
    const idw = inverseDistanceWeights(grid, { thresholdMeters: 900, power: 2 });
    const band = distanceBandWeights(grid, { thresholdMeters: 900 });
    expect(idw.offsets).toEqual(band.offsets);
    expect(idw.neighbors).toEqual(band.neighbors);
  });

  it('uses 1/d² with power 2 and 1 (binary) with power 0', () => {
    const squared = inverseDistanceWeights(grid, { thresholdMeters: 800, power: 2 });
    const flat = inverseDistanceWeights(grid, { thresholdMeters: 800, power: 0 });
    for (let l = squared.offsets[0]; l < squared.offsets[1]; l++) {
      const d = distance(0, squared.neighbors[l]);
      expectClose(squared.weights[l], 1 / (d * d), 1e-20);
      expect(flat.weights[l]).toBe(1);
    }
  });

  it('is symmetric without row-standardisation: w_ij = w_ji exactly', () => {
    const w = inverseDistanceWeights(grid, { thresholdMeters: 1500, power: 1.5 });
    for (let i = 0; i < w.n; i++)
      for (const [j, x] of rowWeights(w, i)) expect(rowWeights(w, j).get(i), `${i}, ${j}`).toBe(x);
  });

  it('row-standardises so that every row sums to 1 and nearer cells weigh more', () => {
    const w = inverseDistanceWeights(grid, { thresholdMeters: 1200, style: 'row' });
    expect(w.style).toBe('row');
    for (let i = 0; i < w.n; i++) {
      const row = rowWeights(w, i);
      expectClose(
        [...row.values()].reduce((s, x) => s + x, 0),
        1,
        1e-14,
        `row ${i}`,
      );
      const byDistance = [...row.keys()].sort((a, b) => distance(i, a) - distance(i, b));
      for (let k = 1; k < byDistance.length; k++)
        expect(row.get(byDistance[k])!).toBeLessThanOrEqual(row.get(byDistance[k - 1])!);
    }
  });

  it('gives a cell its row’s largest weight for itself by default, or the selfWeight given', () => {
    const plain = inverseDistanceWeights(grid, { thresholdMeters: 800 });
    const withSelf = inverseDistanceWeights(grid, { thresholdMeters: 800, selfIncluded: true });
    const arcgis = inverseDistanceWeights(grid, {
      thresholdMeters: 800,
      selfIncluded: true,
      selfWeight: 1,
    });
    expect(withSelf.selfIncluded).toBe(true);
    for (let i = 0; i < grid.cells.length; i++) {
      const others = rowWeights(plain, i);
      const row = rowWeights(withSelf, i);
      expect(row.get(i)).toBe(Math.max(...others.values()));
      for (const [j, x] of others) expect(row.get(j)).toBe(x);
      expect(rowWeights(arcgis, i).get(i)).toBe(1);
    }
  });

  it('row-standardises with the self weight counted in the row sum', () => {
    const w = inverseDistanceWeights(grid, {
      thresholdMeters: 800,
      selfIncluded: true,
      style: 'row',
    });
    const i = grid.indexOf.get(CHICAGO)!;
    const row = rowWeights(w, i);
    const raw = [...row.keys()].map((j) => (j === i ? 0 : 1 / distance(i, j)));
    const largest = Math.max(...raw);
    const withSelf = raw.map((x) => (x === 0 ? largest : x));
    const sum = withSelf.reduce((s, x) => s + x, 0);
    expectAllClose(
      [...row.values()],
      withSelf.map((x) => x / sum),
      1e-15,
    );
  });

  it('gives a lone cell only itself, weighted 1', () => {
    const lone = gridOf([CHICAGO], 9);
    const w = inverseDistanceWeights(lone, { thresholdMeters: 500, selfIncluded: true });
    expect(Array.from(w.neighbors)).toEqual([0]);
    expect(Array.from(w.weights)).toEqual([1]);
  });

  it('rejects a missing threshold, a negative power, a bad self weight and an unknown style', () => {
    const missing = {} as { thresholdMeters: number };
    expect(codeOf(() => inverseDistanceWeights(grid, missing))).toBe('E_ARGUMENT');
    for (const power of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = thrownBy(() => inverseDistanceWeights(grid, { thresholdMeters: 500, power }));
      expect(error.code).toBe('E_ARGUMENT');
      expect(error.value).toBe(power);
    }
    for (const selfWeight of [0, -1, Number.NaN]) {
      const error = thrownBy(() =>
        inverseDistanceWeights(grid, { thresholdMeters: 500, selfIncluded: true, selfWeight }),
      );
      expect(error.value).toBe(selfWeight);
    }
    const style = 'binary' as unknown as 'row';
    expect(codeOf(() => inverseDistanceWeights(grid, { thresholdMeters: 500, style }))).toBe(
      'E_ARGUMENT',
    );
  });
});
