import { describe, expect, it } from 'vitest';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { gridDisk } from '../../src/hex/h3.js';
import type { CellGrid } from '../../src/types.js';
import { mulberry32 } from '../../src/util/random.js';
import { kRingWeights } from '../../src/weights/kRingWeights.js';
import type { ZoneGroups } from '../../src/zones/groupContiguousCells.js';
import { selectZonesByBudget } from '../../src/zones/selectZonesByBudget.js';
import { summarizeZones } from '../../src/zones/summarizeZones.js';
import { codeOf } from '../helpers/errors.js';

const CENTER = '882664c1a9fffff';

/** The cells exactly `k` steps from `cell`, sorted. */
function ringAt(cell: string, k: number): string[] {
  const inner = new Set(gridDisk(cell, k - 1));
  return gridDisk(cell, k)
    .filter((c) => !inner.has(c))
    .sort();
}

/** Whether the cells form one edge-connected piece (breadth-first search within the zone). */
function isContiguous(grid: CellGrid, cells: Uint32Array): boolean {
  const inZone = new Set(Array.from(cells, (i) => grid.cells[i]));
  const seen = new Set([grid.cells[cells[0]]]);
  const queue = [grid.cells[cells[0]]];
  while (queue.length > 0) {
    const cell = queue.shift()!;
    for (const next of gridDisk(cell, 1)) {
      if (!inZone.has(next) || seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen.size === inZone.size;
}

function zoneCells(grid: CellGrid, groups: ZoneGroups): string[][] {
  return groups.zones.map((z) => Array.from(z.cells, (i) => grid.cells[i]).sort());
}

describe('selectZonesByBudget', () => {
  it('grows the zone from the best cell by its best neighbours (hand-made scores)', () => {
    const grid = gridFromCells(gridDisk(CENTER, 2));
    const ring1 = ringAt(CENTER, 1);
    const score = new Float64Array(grid.cells.length).fill(0.1);
    score[grid.indexOf.get(CENTER)!] = 1;
    ring1.forEach((c, k) => {
      score[grid.indexOf.get(c)!] = 0.9 - 0.1 * k;
    });
    const groups = selectZonesByBudget(grid, score, { maxZones: 1, maxCells: 3 });
    expect(zoneCells(grid, groups)).toEqual([[CENTER, ring1[0], ring1[1]].sort()]);
    expect(groups.droppedCells).toBe(0);
    for (let i = 0; i < grid.cells.length; i++)
      expect(groups.zoneOfCell[i]).toBe(groups.zones[0].cells.includes(i) ? 0 : -1);
  });

  it('picks the highest-value region first, and weights by need when given', () => {
    const grid = gridFromCells(gridDisk(CENTER, 8));
    const a = ringAt(CENTER, 5)[0];
    const b = ringAt(CENTER, 5).find((c) => !gridDisk(a, 4).includes(c))!;
    const score = new Float64Array(grid.cells.length).fill(0.05);
    const need = new Float64Array(grid.cells.length).fill(0.5);
    for (const c of gridDisk(a, 1)) score[grid.indexOf.get(c)!] = 0.9;
    for (const c of gridDisk(b, 1)) {
      score[grid.indexOf.get(c)!] = 0.95;
      need[grid.indexOf.get(c)!] = 0.2;
    }
    const byScore = selectZonesByBudget(grid, score, { maxZones: 1, maxCells: 7 });
    expect(zoneCells(grid, byScore)).toEqual([gridDisk(b, 1).sort()]);
    const byNeed = selectZonesByBudget(grid, score, { maxZones: 1, maxCells: 7, need });
    expect(zoneCells(grid, byNeed)).toEqual([gridDisk(a, 1).sort()]);
    const both = selectZonesByBudget(grid, score, { maxZones: 2, maxCells: 7, need });
    expect(zoneCells(grid, both).sort()).toEqual(
      [gridDisk(a, 1).sort(), gridDisk(b, 1).sort()].sort(),
    );
  });

  it('passes over a neighbour too populous for the zone and takes the next best that fits', () => {
    const grid = gridFromCells(gridDisk(CENTER, 2));
    const ring1 = ringAt(CENTER, 1);
    const score = new Float64Array(grid.cells.length).fill(0.1);
    const population = new Float64Array(grid.cells.length).fill(100);
    score[grid.indexOf.get(CENTER)!] = 1;
    score[grid.indexOf.get(ring1[0])!] = 0.9;
    score[grid.indexOf.get(ring1[1])!] = 0.8;
    population[grid.indexOf.get(ring1[0])!] = 5000;
    const groups = selectZonesByBudget(grid, score, {
      maxZones: 1,
      maxCells: 2,
      maxPopulation: 1000,
      population,
    });
    expect(zoneCells(grid, groups)).toEqual([[CENTER, ring1[1]].sort()]);
  });

  it('keeps every zone contiguous, within its caps, disjoint, at most K, seeded greedily (random scores)', () => {
    const grid = gridFromCells(gridDisk(CENTER, 10));
    const n = grid.cells.length;
    for (const seed of [1, 2, 3, 4]) {
      const random = mulberry32(seed);
      const score = Float64Array.from({ length: n }, () =>
        random() < 0.05 ? Number.NaN : random(),
      );
      const need = Float64Array.from({ length: n }, () =>
        random() < 0.05 ? Number.NaN : random(),
      );
      const population = Float64Array.from({ length: n }, () =>
        random() < 0.05 ? Number.NaN : Math.floor(random() * 3000),
      );
      const options = {
        maxZones: 2 + seed,
        maxCells: 3 + 3 * seed,
        maxPopulation: 6000 + 4000 * seed,
        population,
        need,
        minScore: seed === 4 ? 0.4 : undefined,
      };
      const groups = selectZonesByBudget(grid, score, options);
      // The grid's edge neighbours given (as an analysis passes them) select the same zones.
      const neighbors = kRingWeights(grid, { k: 1, selfIncluded: false });
      expect(selectZonesByBudget(grid, score, { ...options, neighbors })).toEqual(groups);
      const value = (i: number) => {
        const v = score[i] * need[i];
        return Number.isNaN(v) ? 0 : v;
      };
      expect(groups.zones.length).toBe(options.maxZones);
      const owner = new Int32Array(n).fill(-1);
      groups.zones.forEach((zone, z) => {
        expect(isContiguous(grid, zone.cells)).toBe(true);
        expect(zone.cells.length).toBeLessThanOrEqual(options.maxCells);
        let residents = 0;
        for (const i of zone.cells) {
          expect(owner[i]).toBe(-1);
          owner[i] = z;
          expect(value(i)).toBeGreaterThan(0);
          if (options.minScore !== undefined)
            expect(score[i]).toBeGreaterThanOrEqual(options.minScore);
          residents += Number.isNaN(population[i]) ? 0 : population[i];
        }
        expect(residents).toBeLessThanOrEqual(options.maxPopulation);
      });
      expect([...groups.zoneOfCell]).toEqual([...owner]);
      // Zones in creation order (by their best cell): each best cell is the best one left.
      const better = (i: number, j: number) =>
        value(i) > value(j) || (value(i) === value(j) && i < j);
      const best = groups.zones.map((zone) => zone.cells.reduce((m, i) => (better(i, m) ? i : m)));
      const order = best.map((_, z) => z).sort((y, z) => (better(best[y], best[z]) ? -1 : 1));
      const taken = new Set<number>();
      for (const z of order) {
        let expected = -1;
        for (let i = 0; i < n; i++) {
          const eligible =
            value(i) > 0 &&
            !taken.has(i) &&
            (options.minScore === undefined || score[i] >= options.minScore);
          if (eligible && (expected === -1 || better(i, expected))) expected = i;
        }
        expect(best[z]).toBe(expected);
        for (const i of groups.zones[z].cells) taken.add(i);
      }
      expect(selectZonesByBudget(grid, score, options)).toEqual(groups);
    }
  });

  it('breaks ties by cell index and orders zones by their smallest cell', () => {
    const grid = gridFromCells(gridDisk(CENTER, 4));
    const score = new Float64Array(grid.cells.length).fill(0.5);
    const groups = selectZonesByBudget(grid, score, { maxZones: 3, maxCells: 4 });
    expect(groups.zones[0].cells[0]).toBe(0);
    const firsts = groups.zones.map((z) => z.cells[0]);
    expect(firsts).toEqual([...firsts].sort((x, y) => x - y));
    for (const zone of groups.zones) {
      expect(zone.cells.length).toBe(4);
      expect([...zone.cells]).toEqual([...zone.cells].sort((x, y) => x - y));
    }
  });

  it('never takes cells without a score or value, nor cells that alone exceed the population cap', () => {
    const grid = gridFromCells(gridDisk(CENTER, 1));
    const center = grid.indexOf.get(CENTER)!;
    const score = new Float64Array(7).fill(Number.NaN);
    const population = new Float64Array(7).fill(10);
    score[center] = 1;
    population[center] = 500;
    expect(
      selectZonesByBudget(grid, score, { maxZones: 3, maxPopulation: 100, population }).zones,
    ).toEqual([]);
    score.fill(0);
    score[center] = 1;
    const need = new Float64Array(7).fill(1);
    need[center] = Number.NaN;
    expect(selectZonesByBudget(grid, score, { maxZones: 3, maxCells: 7, need }).zones).toEqual([]);
    expect(selectZonesByBudget(grid, score, { maxZones: 0, maxCells: 7 }).zones).toEqual([]);
  });

  it('gives zones summarizeZones accepts unchanged', () => {
    const grid = gridFromCells(gridDisk(CENTER, 3));
    const random = mulberry32(9);
    const score = Float64Array.from(grid.cells, () => random());
    const groups = selectZonesByBudget(grid, score, { maxZones: 3, maxCells: 5 });
    const summaries = summarizeZones(grid, groups, { score });
    expect(summaries.map((s) => s.cellCount).reduce((a, b) => a + b, 0)).toBe(
      groups.zones.reduce((a, z) => a + z.cells.length, 0),
    );
    expect(summaries[0].id).toBe('Z01');
  });

  it('rejects a missing cap, a population cap without population, bad lengths and bad numbers with E_ARGUMENT', () => {
    const grid = gridFromCells(gridDisk(CENTER, 1));
    const score = new Float64Array(7).fill(0.5);
    expect(codeOf(() => selectZonesByBudget(grid, score, { maxZones: 1 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => selectZonesByBudget(grid, score, { maxZones: 1, maxPopulation: 10 }))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => selectZonesByBudget(grid, [0.5], { maxZones: 1, maxCells: 2 }))).toBe(
      'E_ARGUMENT',
    );
    expect(
      codeOf(() => selectZonesByBudget(grid, score, { maxZones: 1, maxCells: 2, need: [1] })),
    ).toBe('E_ARGUMENT');
    expect(codeOf(() => selectZonesByBudget(grid, score, { maxZones: -1, maxCells: 2 }))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => selectZonesByBudget(grid, score, { maxZones: 1, maxCells: 0 }))).toBe(
      'E_ARGUMENT',
    );
    expect(
      codeOf(() =>
        selectZonesByBudget(grid, score, { maxZones: 1, maxCells: 2, minScore: Number.NaN }),
      ),
    ).toBe('E_ARGUMENT');
    const withSelf = kRingWeights(grid, { selfIncluded: true });
    expect(
      codeOf(() =>
        selectZonesByBudget(grid, score, { maxZones: 1, maxCells: 2, neighbors: withSelf }),
      ),
    ).toBe('E_ARGUMENT');
  });
});
