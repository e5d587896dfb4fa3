import { describe, expect, it } from 'vitest';
import { CellLocator } from '../../src/hex/cellLocator.js';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import {
  cellToLngLat,
  cellToRing,
  gridDisk,
  lngLatToCell,
  polygonToCellsOverlapping,
} from '../../src/hex/h3.js';
import type { CellGrid } from '../../src/types.js';
import { mulberry32 } from '../../src/util/random.js';

/** What the locator must answer: h3's cell, if it is in the grid and the point is valid. */
function bruteForce(grid: CellGrid, lng: number, lat: number): number {
  if (!(Math.abs(lng) <= 180 && Math.abs(lat) <= 90)) return -1;
  return grid.indexOf.get(lngLatToCell(lng, lat, grid.resolution)) ?? -1;
}

/**
 * The points the locator places in another cell than the brute force does, as
 * `lng,lat: got → expected` (at most 5): one assertion per batch instead of one per point.
 */
function misplaced(locator: CellLocator, grid: CellGrid, points: Iterable<[number, number]>) {
  const wrong: string[] = [];
  for (const [lng, lat] of points) {
    const got = locator.locate(lng, lat);
    const expected = bruteForce(grid, lng, lat);
    if (got !== expected && wrong.length < 5) wrong.push(`${lng},${lat}: ${got} → ${expected}`);
  }
  return wrong;
}

/** Seeded points over the grid's cells and a ring of 2 cells around them. */
function randomPoints(grid: CellGrid, count: number, seed: number): [number, number][] {
  const random = mulberry32(seed);
  const around = [...new Set(grid.cells.flatMap((cell) => gridDisk(cell, 2)))];
  return Array.from({ length: count }, () => {
    const ring = cellToRing(around[Math.floor(random() * around.length)]);
    const [x, y] = ring[Math.floor(random() * 6)];
    const [cx, cy] = cellToLngLat(around[Math.floor(random() * around.length)]);
    // Half the points anywhere near a cell, half within 1% of a vertex or on the way to it.
    const t = random() < 0.5 ? random() : 0.99 + 0.02 * random();
    return random() < 0.5
      ? [cx + t * (x - cx), cy + t * (y - cy)]
      : [x + (random() - 0.5) * 1e-4, y];
  });
}

function chicagoGrid(resolution: number): CellGrid {
  // About 10 km across, narrowed at fine resolutions to keep the grid near 20,000 cells at most.
  const size = resolution <= 10 ? 1 : 7 ** ((10 - resolution) / 2);
  const [west, south] = [-87.72, 41.8];
  const [east, north] = [west + 0.12 * size, south + 0.1 * size];
  const square = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return gridFromCells(polygonToCellsOverlapping([square], resolution));
}

describe('CellLocator', () => {
  for (const resolution of [6, 8, 9, 10, 12, 13]) {
    it(`answers as lngLatToCell + grid lookup at resolution ${resolution} (brute force)`, () => {
      const grid = chicagoGrid(resolution);
      const locator = new CellLocator(grid, 4_000_000);
      expect(misplaced(locator, grid, randomPoints(grid, 100_000, resolution))).toEqual([]);
    });
  }

  it('answers as lngLatToCell for points within 10⁻¹⁰ to 10⁻⁵ degrees of an edge (res 9, 11)', () => {
    for (const resolution of [9, 11]) {
      const grid = chicagoGrid(resolution);
      const locator = new CellLocator(grid, 4_000_000);
      const random = mulberry32(resolution);
      const points = Array.from({ length: 50_000 }, (): [number, number] => {
        const ring = cellToRing(grid.cells[Math.floor(random() * grid.cells.length)]);
        const e = Math.floor(random() * 6);
        const t = random();
        const offset = 10 ** (-10 + 5 * random()) * (random() < 0.5 ? -1 : 1);
        const lng = ring[e][0] + t * (ring[e + 1][0] - ring[e][0]) + offset * random();
        const lat = ring[e][1] + t * (ring[e + 1][1] - ring[e][1]) + offset * random();
        return [lng, lat];
      });
      expect(misplaced(locator, grid, points)).toEqual([]);
    }
  });

  it('answers the same with a raster too small to use, and with none', () => {
    const grid = chicagoGrid(8);
    for (const maxPixels of [100, 0]) {
      const locator = new CellLocator(grid, maxPixels);
      expect(misplaced(locator, grid, randomPoints(grid, 5_000, 1))).toEqual([]);
    }
  });

  it('answers near the antimeridian, at a coarse resolution, and for an empty grid', () => {
    for (const grid of [
      gridFromCells(gridDisk(lngLatToCell(179.99, 10, 7), 3)),
      gridFromCells(gridDisk(lngLatToCell(-87.65, 41.85, 3), 2)),
    ]) {
      const locator = new CellLocator(grid, 1_000_000);
      expect(misplaced(locator, grid, randomPoints(grid, 5_000, 2))).toEqual([]);
    }
    const empty = new CellLocator({ resolution: 8, cells: [], indexOf: new Map() }, 1000);
    expect(empty.locate(-87.65, 41.85)).toBe(-1);
  });

  it('returns −1 for NaN and out-of-range coordinates', () => {
    const locator = new CellLocator(chicagoGrid(8), 1_000_000);
    expect(locator.locate(Number.NaN, 41.85)).toBe(-1);
    expect(locator.locate(-87.65, Number.NaN)).toBe(-1);
    expect(locator.locate(-87.65, 95)).toBe(-1);
    expect(locator.locate(-200, 41.85)).toBe(-1);
  });
});
