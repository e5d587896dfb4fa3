import { describe, expect, it } from 'vitest';
import { cellAreaKm2, cellToLngLat, gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import { kernelDensity } from '../../src/stats/kernelDensity.js';
import type { CellGrid } from '../../src/types.js';
import { haversineMeters } from '../../src/util/haversineMeters.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf, thrownBy } from '../helpers/errors.js';
import { expectAllClose, expectClose } from '../helpers/tolerance.js';

/** The grid of cells within `k` steps of the cell containing (lng, lat). */
function diskGrid(lng: number, lat: number, resolution: number, k: number): CellGrid {
  const cells = gridDisk(lngLatToCell(lng, lat, resolution), k).sort();
  return { resolution, cells, indexOf: new Map(cells.map((c, i) => [c, i])) };
}

/** `n` seeded points scattered ±dx, ±dy degrees around (lng, lat), weights 1–4. */
function scatter(n: number, seed: number, lng: number, lat: number, dx: number, dy: number) {
  const random = mulberry32(seed);
  const out = { lng: new Float64Array(n), lat: new Float64Array(n), weight: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    out.lng[i] = lng + (random() - 0.5) * 2 * dx;
    out.lat[i] = lat + (random() - 0.5) * 2 * dy;
    out.weight[i] = 1 + 3 * random();
  }
  return out;
}

/** The definition, every cell against every point: Σ w·3/π·(1 − (d/h)²)²/h², per km². */
function bruteForce(
  grid: CellGrid,
  points: { lng: ArrayLike<number>; lat: ArrayLike<number>; weight?: ArrayLike<number> },
  h: number,
): number[] {
  return grid.cells.map((cell) => {
    const [x, y] = cellToLngLat(cell);
    let sum = 0;
    for (let i = 0; i < points.lng.length; i++) {
      const u = haversineMeters(x, y, points.lng[i], points.lat[i]) / h;
      if (u < 1) sum += (points.weight?.[i] ?? 1) * (3 / Math.PI) * (1 - u * u) ** 2;
    }
    return (sum / (h * h)) * 1e6;
  });
}

/** Σ density × exact cell area: the integral of the density over the grid. */
function integral(grid: CellGrid, density: Float64Array): number {
  return grid.cells.reduce((s, cell, c) => s + density[c] * cellAreaKm2(cell), 0);
}

const LNG = -87.65;
const LAT = 41.85;

describe('kernelDensity', () => {
  it('equals an O(n·m) loop over every cell and every weighted point', () => {
    const grid = diskGrid(LNG, LAT, 9, 12); // 469 cells
    const points = scatter(400, 1, LNG, LAT, 0.04, 0.03);
    for (const h of [250, 800, 2000]) {
      const density = kernelDensity(grid, points, { bandwidthMeters: h });
      const expected = bruteForce(grid, points, h);
      const top = Math.max(...expected);
      expectAllClose(density, expected, 1e-12 * top, `h = ${h}`);
      expect(
        density.some((x) => x === 0),
        `h = ${h}: some cells beyond reach`,
      ).toBe(h < 2000);
    }
  });

  it('weighs every point 1 when no weight is given (an IncidentTable without weights)', () => {
    const grid = diskGrid(LNG, LAT, 9, 6);
    const { lng, lat } = scatter(100, 2, LNG, LAT, 0.01, 0.01);
    const density = kernelDensity(grid, { lng, lat }, { bandwidthMeters: 600 });
    expectAllClose(density, bruteForce(grid, { lng, lat }, 600), 1e-9);
  });

  it('integrates to the total weight: Σ density × cell area ≈ Σ w (kernel integrates to 1)', () => {
    const points = scatter(50, 3, LNG, LAT, 0.003, 0.0025);
    const total = points.weight.reduce((s, w) => s + w, 0);
    // The grid reaches past every point's kernel; the sum over hexagons is a quadrature of a
    // smooth kernel, accurate to ~(spacing/h)² or better. Stated tolerances: 1e-4 of the total
    // with h/spacing ≈ 7.6 (resolution 10), 1e-3 with h/spacing ≈ 2.9 (resolution 9).
    const fine = diskGrid(LNG, LAT, 10, 16);
    const coarse = diskGrid(LNG, LAT, 9, 8);
    const h = 1000;
    expectClose(
      integral(fine, kernelDensity(fine, points, { bandwidthMeters: h })),
      total,
      1e-4 * total,
    );
    expectClose(
      integral(coarse, kernelDensity(coarse, points, { bandwidthMeters: h })),
      total,
      1e-3 * total,
    );
  });

  it('puts 3/(π h²) per unit weight at the point itself, per km², and 0 at distance h or more', () => {
    const grid = diskGrid(LNG, LAT, 9, 4);
    const [x, y] = cellToLngLat(grid.cells[0]);
    const h = 700;
    const density = kernelDensity(
      grid,
      { lng: [x], lat: [y], weight: [2] },
      { bandwidthMeters: h },
    );
    expectClose(density[0], (2 * 3 * 1e6) / (Math.PI * h * h), 1e-9);
    for (let c = 1; c < grid.cells.length; c++) {
      const [u, v] = cellToLngLat(grid.cells[c]);
      const t = haversineMeters(x, y, u, v) / h;
      expectClose(
        density[c],
        t < 1 ? (2 * 3 * 1e6 * (1 - t * t) ** 2) / (Math.PI * h * h) : 0,
        1e-9,
      );
    }
  });

  it('from per-cell counts equals the estimate from points at the cell centres', () => {
    const grid = diskGrid(LNG, LAT, 9, 8);
    const random = mulberry32(4);
    const counts = grid.cells.map(() => (random() < 0.3 ? Math.floor(random() * 6) : 0));
    const centres = grid.cells.map((c) => cellToLngLat(c));
    const asPoints = {
      lng: centres.map((p) => p[0]),
      lat: centres.map((p) => p[1]),
      weight: counts,
    };
    const fromCounts = kernelDensity(grid, Float64Array.from(counts), { bandwidthMeters: 900 });
    expectAllClose(fromCounts, bruteForce(grid, asPoints, 900), 1e-9);
  });

  it('from per-cell counts stays close to the point estimate when h spans several cells', () => {
    const grid = diskGrid(LNG, LAT, 10, 30);
    const points = scatter(300, 5, LNG, LAT, 0.01, 0.008);
    const counts = new Float64Array(grid.cells.length);
    for (let i = 0; i < points.lng.length; i++)
      counts[grid.indexOf.get(lngLatToCell(points.lng[i], points.lat[i], 10))!] += points.weight[i];
    const exact = kernelDensity(grid, points, { bandwidthMeters: 1500 });
    const binned = kernelDensity(grid, counts, { bandwidthMeters: 1500 });
    const top = Math.max(...exact);
    // Cell radius ≈ 76 m against h = 1500 m: (r/h)² ≈ 0.3%.
    for (let c = 0; c < grid.cells.length; c++)
      expectClose(binned[c], exact[c], 0.01 * top, `cell ${c}`);
  });

  it('is linear in the weights', () => {
    const grid = diskGrid(LNG, LAT, 9, 5);
    const points = scatter(60, 6, LNG, LAT, 0.01, 0.01);
    const tripled = { ...points, weight: points.weight.map((w) => 3 * w) };
    const once = kernelDensity(grid, points, { bandwidthMeters: 500 });
    expectAllClose(
      kernelDensity(grid, tripled, { bandwidthMeters: 500 }),
      once.map((x) => 3 * x),
      1e-9,
    );
  });

  it('gives zeros for no points', () => {
    const grid = diskGrid(LNG, LAT, 9, 2);
    expect(Array.from(kernelDensity(grid, { lng: [], lat: [] }, { bandwidthMeters: 500 }))).toEqual(
      new Array(19).fill(0),
    );
  });

  it('rejects a bad bandwidth or kernel, a negative weight, bad coordinates and wrong lengths', () => {
    const grid = diskGrid(LNG, LAT, 9, 1);
    const points = { lng: [LNG], lat: [LAT] };
    for (const bandwidthMeters of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = thrownBy(() => kernelDensity(grid, points, { bandwidthMeters }));
      expect(error.code).toBe('E_ARGUMENT');
      expect(error.value).toBe(bandwidthMeters);
    }
    const kernel = 'gaussian' as unknown as 'quartic';
    expect(codeOf(() => kernelDensity(grid, points, { bandwidthMeters: 500, kernel }))).toBe(
      'E_ARGUMENT',
    );
    const negative = thrownBy(() =>
      kernelDensity(grid, { ...points, weight: [-1] }, { bandwidthMeters: 500 }),
    );
    expect(negative.value).toEqual({ index: 0, value: -1 });
    const nan = thrownBy(() =>
      kernelDensity(grid, { lng: [Number.NaN], lat: [LAT] }, { bandwidthMeters: 500 }),
    );
    expect(nan.code).toBe('E_ARGUMENT');
    expect(
      codeOf(() => kernelDensity(grid, { lng: [LNG, LNG], lat: [LAT] }, { bandwidthMeters: 500 })),
    ).toBe('E_ARGUMENT');
    expect(
      codeOf(() => kernelDensity(grid, { ...points, weight: [1, 2] }, { bandwidthMeters: 500 })),
    ).toBe('E_ARGUMENT');
    expect(codeOf(() => kernelDensity(grid, [1, 2, 3], { bandwidthMeters: 500 }))).toBe(
      'E_ARGUMENT',
    );
  });
});
