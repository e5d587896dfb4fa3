import { booleanPointInPolygon, polygon as turfPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { cellToLngLat, cellToRing, gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import { pointsToCells } from '../../src/hex/pointsToCells.js';
import type { IncidentTable } from '../../src/types.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';
import { expectAllClose, expectClose } from '../helpers/tolerance.js';

const CATEGORIES = ['THEFT', 'BATTERY', 'HOMICIDE'];
const JAN_1 = Date.UTC(2018, 0, 1);
const DAY = 86_400_000;

interface Point {
  lng: number;
  lat: number;
  time?: number;
  category?: number;
  weight?: number;
}

/** An incident table as a reader would build it, records numbered as CSV rows from 1. */
function incidentTable(points: readonly Point[]): IncidentTable {
  return {
    source: 'incidents.csv',
    recordKind: 'row',
    length: points.length,
    lng: Float64Array.from(points, (p) => p.lng),
    lat: Float64Array.from(points, (p) => p.lat),
    time: Float64Array.from(points, (p) => p.time ?? Number.NaN),
    category: Uint16Array.from(points, (p) => p.category ?? 0),
    categories: CATEGORIES,
    weight: Float64Array.from(points, (p) => p.weight ?? 1),
    record: Uint32Array.from(points, (_, i) => i + 1),
  };
}

// 37 resolution-8 cells around (−87.65, 41.85).
const grid = gridFromCells(gridDisk(lngLatToCell(-87.65, 41.85, 8), 3));

/** Seeded points over a box reaching past the grid on every side, with times over 90 days. */
function randomPoints(count: number, seed: number): Point[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => ({
    lng: -87.71 + random() * 0.12,
    lat: 41.805 + random() * 0.09,
    time: JAN_1 + Math.floor(random() * 90 * DAY),
    category: Math.floor(random() * CATEGORIES.length),
    weight: [0.5, 1, 2][Math.floor(random() * 3)],
  }));
}

describe('pointsToCells', () => {
  const points = randomPoints(5000, 3);
  const incidents = incidentTable(points);
  const binned = pointsToCells(incidents, grid);

  it('puts every accepted point in the cell that contains it', () => {
    expect(binned.accepted).toBeGreaterThan(1000);
    expect(binned.outside.length).toBeGreaterThan(1000);
    for (let i = 0; i < points.length; i++) {
      const c = binned.cellOfIncident[i];
      if (c < 0) continue;
      const { lng, lat } = points[i];
      expect(lngLatToCell(lng, lat, 8)).toBe(grid.cells[c]);
      expect(booleanPointInPolygon([lng, lat], turfPolygon([cellToRing(grid.cells[c])]))).toBe(
        true,
      );
    }
  });

  it('accepts exactly the points whose cell is in the grid; the others are outside', () => {
    for (let i = 0; i < points.length; i++) {
      const inGrid = grid.indexOf.has(lngLatToCell(points[i].lng, points[i].lat, 8));
      expect(binned.cellOfIncident[i] >= 0).toBe(inGrid);
    }
    expect(binned.rejections).toEqual([]);
    expect(binned.outside.every((r) => r.reason === 'outside-study-area')).toBe(true);
  });

  it('accounts for every incident once: accepted + outside + rejected = incidents', () => {
    expect(binned.accepted + binned.outside.length + binned.rejections.length).toBe(
      incidents.length,
    );
    const notCounted = [...binned.outside, ...binned.rejections].map((r) => r.record);
    const expected = [...binned.cellOfIncident.keys()]
      .filter((i) => binned.cellOfIncident[i] < 0)
      .map((i) => incidents.record[i]);
    expect(notCounted.sort((a, b) => a - b)).toEqual(expected);
  });

  it('keeps the weighted total: counts sum to the weights of the accepted incidents', () => {
    let total = 0;
    for (let i = 0; i < points.length; i++)
      if (binned.cellOfIncident[i] >= 0) total += incidents.weight[i];
    expectClose(
      binned.count.reduce((a, b) => a + b, 0),
      total,
      1e-9,
    );
  });

  it('agrees cell by cell with a brute-force count', () => {
    const count = new Float64Array(grid.cells.length);
    const perCell = new Float64Array(grid.cells.length);
    for (let i = 0; i < points.length; i++) {
      const c = grid.indexOf.get(lngLatToCell(points[i].lng, points[i].lat, 8));
      if (c === undefined) continue;
      count[c] += incidents.weight[i];
      perCell[c]++;
    }
    expectAllClose(binned.count, count, 1e-9, 'count');
    expectAllClose(binned.incidents, perCell, 0, 'incidents');
  });

  it('splits each cell by category, rows summing to the cell’s incidents', () => {
    const k = CATEGORIES.length;
    expect(binned.categories).toEqual(CATEGORIES);
    expect(binned.byCategory.length).toBe(grid.cells.length * k);
    for (let c = 0; c < grid.cells.length; c++) {
      let sum = 0;
      for (let j = 0; j < k; j++) sum += binned.byCategory[c * k + j];
      expect(sum).toBe(binned.incidents[c]);
    }
    const homicides = points.filter(
      (p, i) => p.category === 2 && binned.cellOfIncident[i] >= 0,
    ).length;
    let counted = 0;
    for (let c = 0; c < grid.cells.length; c++) counted += binned.byCategory[c * k + 2];
    expect(counted).toBe(homicides);
  });

  it('weighs each incident by its own weight times its category’s severity weight', () => {
    const [lng, lat] = cellToLngLat(grid.cells[5]);
    const table = incidentTable([
      { lng, lat, category: 0, weight: 1 },
      { lng, lat, category: 2, weight: 1 },
      { lng, lat, category: 1, weight: 2 },
    ]);
    const weighted = pointsToCells(table, grid, { categoryWeights: { HOMICIDE: 10 } });
    expect(weighted.count[5]).toBe(1 + 10 + 2);
    expect(weighted.incidents[5]).toBe(3);
    const halved = pointsToCells(table, grid, {
      categoryWeights: { HOMICIDE: 10 },
      defaultCategoryWeight: 0.5,
    });
    expect(halved.count[5]).toBe(0.5 + 10 + 1);
  });

  it('leaves excluded categories out altogether, reporting each incident as outside', () => {
    const [lng, lat] = cellToLngLat(grid.cells[5]);
    const table = incidentTable([
      { lng, lat, category: 0 },
      { lng, lat, category: 2 },
      { lng, lat, category: 1 },
      { lng, lat, category: 0 },
    ]);
    const kept = pointsToCells(table, grid, { excludeCategories: ['THEFT', 'ARSON'] });
    expect(kept.incidents[5]).toBe(2);
    expect(kept.count[5]).toBe(2);
    expect(kept.accepted).toBe(2);
    expect(kept.outside.map((o) => [o.record, o.reason, o.message])).toEqual([
      [1, 'excluded-category', 'category "THEFT" is left out of the analysis'],
      [4, 'excluded-category', 'category "THEFT" is left out of the analysis'],
    ]);
    expect(Array.from(kept.cellOfIncident)).toEqual([-1, 5, 5, -1]);
    // A weight of 0 instead keeps them in the incident counts.
    expect(pointsToCells(table, grid, { categoryWeights: { THEFT: 0 } }).incidents[5]).toBe(4);
  });

  it('accepts points just inside the outer edges of the border cells', () => {
    const edge: Point[] = [];
    const expected: number[] = [];
    grid.cells.forEach((cell, c) => {
      const [cx, cy] = cellToLngLat(cell);
      for (const [x, y] of cellToRing(cell).slice(0, 6)) {
        edge.push({ lng: cx + 0.99 * (x - cx), lat: cy + 0.99 * (y - cy) });
        expected.push(c);
      }
    });
    const result = pointsToCells(incidentTable(edge), grid);
    expect(result.accepted).toBe(edge.length);
    expect([...result.cellOfIncident]).toEqual(expected);
  });

  it('reports a point whose longitude and latitude are exchanged as swapped coordinates', () => {
    const table = incidentTable([
      { lng: -87.65, lat: 41.85 },
      { lng: 41.85, lat: -87.65 },
      { lng: -88.5, lat: 41.85 },
    ]);
    const result = pointsToCells(table, grid);
    expect(result.accepted).toBe(1);
    expect(result.rejections).toHaveLength(1);
    expect(result.rejections[0]).toMatchObject({
      source: 'incidents.csv',
      recordKind: 'row',
      record: 2,
      reason: 'swapped-coordinates',
    });
    expect(result.outside).toHaveLength(1);
    expect(result.outside[0]).toMatchObject({ record: 3, reason: 'outside-study-area' });
    expect(result.outside[0].message).toContain('-88.5');
    expect(result.outside[0].message).toContain('41.85');
    expect([...result.cellOfIncident]).toEqual([
      grid.indexOf.get(lngLatToCell(-87.65, 41.85, 8)),
      -1,
      -1,
    ]);
  });

  it('rejects missing and out-of-range coordinates instead of failing', () => {
    const table = incidentTable([
      { lng: Number.NaN, lat: 41.85 },
      { lng: -87.65, lat: 95 },
      { lng: -200, lat: 41.85 },
    ]);
    const result = pointsToCells(table, grid);
    expect(result.rejections.map((r) => r.reason)).toEqual([
      'invalid-coordinates',
      'out-of-range-coordinates',
      'out-of-range-coordinates',
    ]);
    expect(result.accepted + result.outside.length).toBe(0);
  });

  it('counts only incidents in the [from, to) window, reporting the others and undated ones', () => {
    const [lng, lat] = cellToLngLat(grid.cells[0]);
    const from = JAN_1 + 10 * DAY;
    const to = JAN_1 + 20 * DAY;
    const table = incidentTable([
      { lng, lat, time: from - 1 },
      { lng, lat, time: from },
      { lng, lat, time: to - 1 },
      { lng, lat, time: to },
      { lng, lat },
    ]);
    const result = pointsToCells(table, grid, { from, to });
    expect(result.accepted).toBe(2);
    expect([...result.cellOfIncident]).toEqual([-1, 0, 0, -1, -1]);
    expect(result.outside.map((r) => [r.record, r.reason])).toEqual([
      [1, 'outside-date-window'],
      [4, 'outside-date-window'],
      [5, 'outside-date-window'],
    ]);
    expect(result.outside[2].message).toContain('no date');
    expect(pointsToCells(table, grid, { from }).accepted).toBe(3);
    expect(pointsToCells(table, grid, { to }).accepted).toBe(3);
  });

  it('counts undated incidents when no window is set', () => {
    const [lng, lat] = cellToLngLat(grid.cells[0]);
    expect(pointsToCells(incidentTable([{ lng, lat }]), grid).accepted).toBe(1);
  });

  it('respects the window on random data', () => {
    const from = JAN_1 + 30 * DAY;
    const to = JAN_1 + 60 * DAY;
    const windowed = pointsToCells(incidents, grid, { from, to });
    for (let i = 0; i < points.length; i++) {
      const t = points[i].time ?? Number.NaN;
      const expected = t >= from && t < to ? binned.cellOfIncident[i] : -1;
      expect(windowed.cellOfIncident[i]).toBe(expected);
    }
    expect(windowed.accepted + windowed.outside.length + windowed.rejections.length).toBe(
      points.length,
    );
  });

  it('bins points on both sides of the antimeridian', () => {
    const across = gridFromCells(gridDisk(lngLatToCell(179.999, 0, 8), 2));
    const table = incidentTable([
      { lng: 179.999, lat: 0.001 },
      { lng: -179.999, lat: -0.001 },
    ]);
    const result = pointsToCells(table, across);
    expect(result.accepted).toBe(2);
    expect(across.cells[result.cellOfIncident[1]]).toBe(lngLatToCell(-179.999, -0.001, 8));
  });

  it('puts every point outside a grid with no cell', () => {
    const empty = { resolution: 8, cells: [], indexOf: new Map<string, number>() };
    const result = pointsToCells(incidentTable([{ lng: -87.65, lat: 41.85 }]), empty);
    expect(result.outside.map((r) => r.reason)).toEqual(['outside-study-area']);
  });

  it('rejects negative or non-finite category weights and an empty window with E_ARGUMENT', () => {
    const table = incidentTable([{ lng: -87.65, lat: 41.85 }]);
    expect(codeOf(() => pointsToCells(table, grid, { categoryWeights: { THEFT: -1 } }))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => pointsToCells(table, grid, { defaultCategoryWeight: Number.NaN }))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => pointsToCells(table, grid, { from: JAN_1, to: JAN_1 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => pointsToCells(table, grid, { from: Number.NaN }))).toBe('E_ARGUMENT');
  });
});
