import { describe, expect, it } from 'vitest';
import { cellAreaKm2, gridDisk } from '../../src/hex/h3.js';
import type { CellGrid } from '../../src/types.js';
import type { ZoneGroups } from '../../src/zones/groupContiguousCells.js';
import { summarizeZones } from '../../src/zones/summarizeZones.js';
import { codeOf } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

const CENTER = '882664c1a9fffff';
const GRID: CellGrid = (() => {
  const cells = gridDisk(CENTER, 6).sort();
  return { resolution: 8, cells, indexOf: new Map(cells.map((c, i) => [c, i])) };
})();
const N = GRID.cells.length;

/** Zones given directly as lists of grid indexes (summaries do not depend on adjacency). */
function groupsOf(zones: number[][]): ZoneGroups {
  const zoneOfCell = new Int32Array(N).fill(-1);
  zones.forEach((cells, z) => {
    for (const i of cells) zoneOfCell[i] = z;
  });
  return {
    zoneOfCell,
    zones: zones.map((cells) => ({ cells: Uint32Array.from(cells) })),
    droppedCells: 0,
  };
}

/** A column of NaN with the given cells set. */
function column(values: Record<number, number>): Float64Array {
  const out = new Float64Array(N).fill(NaN);
  for (const [i, v] of Object.entries(values)) out[Number(i)] = v;
  return out;
}

describe('summarizeZones', () => {
  it('sums the cell areas it is given instead of measuring them', () => {
    const groups = groupsOf([[0, 1, 2]]);
    const score = column({ 0: 0.2, 1: 0.4, 2: 0.9 });
    const measured = summarizeZones(GRID, groups, { score })[0].areaKm2;
    const areaKm2 = Float64Array.from(GRID.cells, (cell) => cellAreaKm2(cell));
    expect(summarizeZones(GRID, groups, { score, areaKm2 })[0].areaKm2).toBe(measured);
    const unit = new Float64Array(N).fill(1);
    expect(summarizeZones(GRID, groups, { score, areaKm2: unit })[0].areaKm2).toBe(3);
    expect(codeOf(() => summarizeZones(GRID, groups, { score, areaKm2: unit.subarray(1) }))).toBe(
      'E_ARGUMENT',
    );
  });

  it('sums cells, population and incidents, and averages the score per zone', () => {
    const groups = groupsOf([
      [0, 1, 2],
      [10, 11],
    ]);
    const score = column({ 0: 0.2, 1: 0.4, 2: 0.9, 10: 0.5, 11: 0.7 });
    const population = column({ 0: 100, 1: 250, 2: 50, 10: 10, 11: 20 });
    const incidents = column({ 0: 1, 1: 2, 2: 3, 10: 4, 11: 0 });
    const [first, second] = summarizeZones(GRID, groups, { score, population, incidents });

    expect(first.group).toBe(1);
    expect(first.cells).toEqual([GRID.cells[10], GRID.cells[11]]);
    expect(first.cellCount).toBe(2);
    expectClose(first.meanScore, 0.6, 1e-12);
    expectClose(first.maxScore, 0.7, 1e-12);
    expect(first.population).toBe(30);
    expect(first.incidents).toBe(4);

    expect(second.group).toBe(0);
    expect(second.cellCount).toBe(3);
    expectClose(second.meanScore, 0.5, 1e-12);
    expectClose(second.maxScore, 0.9, 1e-12);
    expect(second.population).toBe(400);
    expect(second.incidents).toBe(6);
  });

  it('adds up the exact area of each cell', () => {
    const cells = [3, 4, 5, 6];
    const [zone] = summarizeZones(GRID, groupsOf([cells]), { score: column({ 3: 1 }) });
    const expected = cells.reduce((sum, i) => sum + cellAreaKm2(GRID.cells[i]), 0);
    expectClose(zone.areaKm2, expected, 1e-12);
    expect(zone.areaKm2).toBeGreaterThan(4 * 0.6);
  });

  it('lists the H3 indexes of each zone sorted, whatever order the group gives', () => {
    const [zone] = summarizeZones(GRID, groupsOf([[9, 2, 5]]), { score: column({}) });
    expect(zone.cells).toEqual([GRID.cells[2], GRID.cells[5], GRID.cells[9]]);
  });

  it('counts missing population and scores as absent, and gives NaN when all are missing', () => {
    const groups = groupsOf([[0, 1], [2, 3], [4]]);
    const score = column({ 0: 0.4, 1: NaN, 2: 0.1, 3: 0.3 });
    const population = column({ 0: 100, 1: NaN, 2: NaN, 3: NaN, 4: 0 });
    const zones = summarizeZones(GRID, groups, { score, population });
    const byGroup = new Map(zones.map((z) => [z.group, z]));
    expect(byGroup.get(0)!.population).toBe(100);
    expectClose(byGroup.get(0)!.meanScore, 0.4, 1e-12);
    expect(byGroup.get(1)!.population).toBeNaN();
    expect(byGroup.get(2)!.population).toBe(0);
    expect(byGroup.get(2)!.meanScore).toBeNaN();
    expect(byGroup.get(2)!.maxScore).toBeNaN();
  });

  it('gives NaN population and incidents and no categories when those columns are absent', () => {
    const [zone] = summarizeZones(GRID, groupsOf([[0]]), { score: column({ 0: 1 }) });
    expect(zone.population).toBeNaN();
    expect(zone.incidents).toBeNaN();
    expect(zone.topCategories).toEqual([]);
  });

  it('returns no summaries for no zones', () => {
    expect(summarizeZones(GRID, groupsOf([]), { score: column({}) })).toEqual([]);
  });
});

describe('summarizeZones ranking', () => {
  it('ranks by mean score, ties by max score, then by the smallest cell index', () => {
    const groups = groupsOf([
      [20, 21], // mean 0.5, max 0.5 — tied with the next, smaller first index
      [30, 31], // mean 0.5, max 0.5
      [40, 41], // mean 0.5, max 0.9
      [5, 6], // mean 0.8
      [50], // no score: last
    ]);
    const score = column({ 20: 0.5, 21: 0.5, 30: 0.5, 31: 0.5, 40: 0.1, 41: 0.9, 5: 0.8, 6: 0.8 });
    const zones = summarizeZones(GRID, groups, { score });
    expect(zones.map((z) => z.group)).toEqual([3, 2, 0, 1, 4]);
    expect(zones.map((z) => z.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(zones.map((z) => z.id)).toEqual(['Z01', 'Z02', 'Z03', 'Z04', 'Z05']);
  });

  it('breaks a full tie by the smallest cell index even when a group lists cells unsorted', () => {
    const groups = groupsOf([
      [25, 20],
      [22, 23],
    ]);
    const score = column({ 20: 1, 22: 1, 23: 1, 25: 1 });
    expect(summarizeZones(GRID, groups, { score }).map((z) => z.group)).toEqual([0, 1]);
  });

  it('pads ids to the number of digits of the zone count so they sort as text', () => {
    const groups = groupsOf(Array.from({ length: 100 }, (_, i) => [i]));
    const score = Float64Array.from({ length: N }, (_, i) => -i);
    const zones = summarizeZones(GRID, groups, { score });
    expect(zones[0].id).toBe('Z001');
    expect(zones[0].group).toBe(0);
    expect(zones[99].id).toBe('Z100');
    const ids = zones.map((z) => z.id);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('summarizeZones categories', () => {
  const categories = ['THEFT', 'BATTERY', 'ASSAULT', 'ARSON'];
  /** Cell-major counts: row i holds the counts of cell i. */
  function counts(rows: Record<number, number[]>): Uint32Array {
    const out = new Uint32Array(N * categories.length);
    for (const [i, row] of Object.entries(rows)) out.set(row, Number(i) * categories.length);
    return out;
  }

  it('lists the leading categories by incidents, ties by name, leaving out zeros', () => {
    const byCategory = {
      categories,
      counts: counts({ 0: [5, 1, 0, 0], 1: [2, 3, 5, 0], 2: [0, 3, 3, 0] }),
    };
    const [zone] = summarizeZones(
      GRID,
      groupsOf([[0, 1, 2]]),
      { score: column({}), byCategory },
      { topCategories: 10 },
    );
    expect(zone.topCategories).toEqual([
      { category: 'ASSAULT', incidents: 8 },
      { category: 'BATTERY', incidents: 7 },
      { category: 'THEFT', incidents: 7 },
    ]);
  });

  it('keeps three categories by default and as many as asked', () => {
    const byCategory = { categories, counts: counts({ 0: [4, 3, 2, 1] }) };
    const groups = groupsOf([[0]]);
    const score = column({ 0: 1 });
    const names = (topCategories?: number) =>
      summarizeZones(GRID, groups, { score, byCategory }, { topCategories })[0].topCategories.map(
        (c) => c.category,
      );
    expect(names()).toEqual(['THEFT', 'BATTERY', 'ASSAULT']);
    expect(names(1)).toEqual(['THEFT']);
    expect(names(0)).toEqual([]);
  });
});

describe('summarizeZones arguments', () => {
  const groups = groupsOf([[0]]);
  it('rejects columns without one entry per grid cell', () => {
    expect(codeOf(() => summarizeZones(GRID, groups, { score: [1] }))).toBe('E_ARGUMENT');
    expect(
      codeOf(() => summarizeZones(GRID, groups, { score: column({}), population: [1, 2] })),
    ).toBe('E_ARGUMENT');
    const byCategory = { categories: ['A', 'B'], counts: new Uint32Array(N) };
    expect(codeOf(() => summarizeZones(GRID, groups, { score: column({}), byCategory }))).toBe(
      'E_ARGUMENT',
    );
  });

  it('rejects a zone without cells', () => {
    expect(codeOf(() => summarizeZones(GRID, groupsOf([[]]), { score: column({}) }))).toBe(
      'E_ARGUMENT',
    );
  });

  it('rejects groups from a grid of another size and a bad topCategories', () => {
    const other = { zoneOfCell: new Int32Array(3), zones: [], droppedCells: 0 };
    expect(codeOf(() => summarizeZones(GRID, other, { score: column({}) }))).toBe('E_ARGUMENT');
    expect(
      codeOf(() => summarizeZones(GRID, groups, { score: column({}) }, { topCategories: -1 })),
    ).toBe('E_ARGUMENT');
  });
});
