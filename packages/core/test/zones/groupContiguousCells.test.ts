import { describe, expect, it } from 'vitest';
import { areNeighborCells, gridDisk } from '../../src/hex/h3.js';
import type { CellGrid } from '../../src/types.js';
import { mulberry32 } from '../../src/util/random.js';
import { kRingWeights } from '../../src/weights/kRingWeights.js';
import { groupContiguousCells } from '../../src/zones/groupContiguousCells.js';
import { codeOf } from '../helpers/errors.js';

const CENTER = '882664c1a9fffff';

function gridOf(cells: readonly string[]): CellGrid {
  const sorted = [...cells].sort();
  return { resolution: 8, cells: sorted, indexOf: new Map(sorted.map((c, i) => [c, i])) };
}

function maskOf(grid: CellGrid, cells: readonly string[]): Uint8Array {
  const mask = new Uint8Array(grid.cells.length);
  for (const cell of cells) mask[grid.indexOf.get(cell)!] = 1;
  return mask;
}

/** The cells exactly `k` steps from CENTER, sorted. */
function ringAt(k: number): string[] {
  const inner = new Set(gridDisk(CENTER, k - 1));
  return gridDisk(CENTER, k)
    .filter((c) => !inner.has(c))
    .sort();
}

/** The first cell of `candidates` that shares no edge with any of `others` (and is not one). */
function apartFrom(candidates: readonly string[], others: readonly string[]): string {
  return candidates.find((c) => others.every((o) => o !== c && !areNeighborCells(c, o)))!;
}

describe('groupContiguousCells', () => {
  it('makes two zones of two blobs that do not touch', () => {
    const grid = gridOf(gridDisk(CENTER, 6));
    const blobA = gridDisk(CENTER, 1);
    const blobB = gridDisk(ringAt(4)[0], 1);
    const groups = groupContiguousCells(grid, maskOf(grid, [...blobA, ...blobB]));
    expect(groups.zones.length).toBe(2);
    const zoneCells = groups.zones.map((z) => [...z.cells].map((i) => grid.cells[i]).sort());
    expect(zoneCells.sort((a, b) => (a[0] < b[0] ? -1 : 1))).toEqual(
      [blobA.sort(), blobB.sort()].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
    expect(groups.droppedCells).toBe(0);
  });

  it('makes one zone of a ring of cells around an unselected cell', () => {
    const grid = gridOf(gridDisk(CENTER, 3));
    const ring = gridDisk(CENTER, 1).filter((c) => c !== CENTER);
    const groups = groupContiguousCells(grid, maskOf(grid, ring));
    expect(groups.zones.length).toBe(1);
    expect(groups.zones[0].cells.length).toBe(6);
    expect(groups.zoneOfCell[grid.indexOf.get(CENTER)!]).toBe(-1);
  });

  it('orders zones by their smallest cell index and lists cells ascending', () => {
    const grid = gridOf(gridDisk(CENTER, 6));
    const blobB = gridDisk(ringAt(4)[0], 1);
    const blobs = [gridDisk(CENTER, 1), blobB, [apartFrom(ringAt(6), blobB)]];
    const groups = groupContiguousCells(grid, maskOf(grid, blobs.flat()));
    expect(groups.zones.length).toBe(3);
    const firsts = groups.zones.map((z) => z.cells[0]);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    for (const zone of groups.zones)
      expect([...zone.cells]).toEqual([...zone.cells].sort((a, b) => a - b));
  });

  it('drops groups smaller than minCells (here a single and a pair) and counts their cells', () => {
    const grid = gridOf(gridDisk(CENTER, 6));
    const big = gridDisk(CENTER, 1);
    const single = ringAt(4)[0];
    const pairStart = apartFrom(ringAt(6), [single]);
    const pair = [pairStart, ringAt(6).find((c) => areNeighborCells(c, pairStart))!];
    const lone = [single, ...pair];
    const groups = groupContiguousCells(grid, maskOf(grid, [...big, ...lone]), { minCells: 3 });
    expect(groups.zones.length).toBe(1);
    expect(groups.zones[0].cells.length).toBe(7);
    expect(groups.droppedCells).toBe(lone.length);
    for (const cell of lone) expect(groups.zoneOfCell[grid.indexOf.get(cell)!]).toBe(-1);
  });

  it('gives no zones for an empty selection', () => {
    const grid = gridOf(gridDisk(CENTER, 2));
    const groups = groupContiguousCells(grid, new Uint8Array(grid.cells.length));
    expect(groups.zones).toEqual([]);
    expect([...groups.zoneOfCell].every((z) => z === -1)).toBe(true);
  });

  it('connects only through cells of the grid: selected neighbours outside it do not exist', () => {
    const ring = gridDisk(CENTER, 1).filter((c) => c !== CENTER);
    // Two ring cells opposite each other touch only through CENTER, which is not in this grid.
    const a = ring[0];
    const b = ring.find((c) => !areNeighborCells(a, c) && c !== a && c !== CENTER)!;
    const grid = gridOf([a, b]);
    const groups = groupContiguousCells(grid, new Uint8Array([1, 1]));
    expect(groups.zones.length).toBe(2);
  });

  it('on seeded random selections: zones are connected, do not touch, and match brute force', () => {
    const grid = gridOf(gridDisk(CENTER, 6));
    const n = grid.cells.length;
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = mulberry32(seed);
      const selected = new Uint8Array(n).map(() => (random() < 0.45 ? 1 : 0));
      const groups = groupContiguousCells(grid, selected);
      // Below the site-percolation threshold (0.5) the selection splits into many zones.
      expect(groups.zones.length).toBeGreaterThan(3);

      // Every selected cell is in exactly one zone, and every zone cell is selected.
      for (let i = 0; i < n; i++) expect(groups.zoneOfCell[i] >= 0).toBe(selected[i] === 1);
      const total = groups.zones.reduce((sum, z) => sum + z.cells.length, 0);
      expect(total).toBe(selected.reduce((sum, s) => sum + s, 0));

      for (const [z, zone] of groups.zones.entries()) {
        const members = [...zone.cells];
        for (const i of members) expect(groups.zoneOfCell[i]).toBe(z);
        // BFS within the zone from its first cell reaches all its cells.
        const reached = new Set([members[0]]);
        const queue = [members[0]];
        while (queue.length > 0) {
          const i = queue.shift()!;
          for (const j of members)
            if (!reached.has(j) && areNeighborCells(grid.cells[i], grid.cells[j])) {
              reached.add(j);
              queue.push(j);
            }
        }
        expect(reached.size).toBe(members.length);
      }

      // No two cells of different zones share an edge (brute force over all pairs).
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++)
          if (groups.zoneOfCell[i] >= 0 && groups.zoneOfCell[j] >= 0)
            if (areNeighborCells(grid.cells[i], grid.cells[j]))
              expect(groups.zoneOfCell[i]).toBe(groups.zoneOfCell[j]);
    }
  });

  it("groups alike with the grid's edge neighbours given (as an analysis passes them)", () => {
    const grid = gridOf(gridDisk(CENTER, 6));
    const neighbors = kRingWeights(grid, { k: 1, selfIncluded: false });
    for (const seed of [1, 2, 3]) {
      const random = mulberry32(seed);
      const selected = new Uint8Array(grid.cells.length).map(() => (random() < 0.45 ? 1 : 0));
      expect(groupContiguousCells(grid, selected, { minCells: 2, neighbors })).toEqual(
        groupContiguousCells(grid, selected, { minCells: 2 }),
      );
    }
  });

  it('rejects neighbours of another grid, including each cell itself, or beyond the edges, with E_ARGUMENT', () => {
    const grid = gridOf(gridDisk(CENTER, 2));
    const selected = new Uint8Array(grid.cells.length).fill(1);
    const other = kRingWeights(gridOf(gridDisk(CENTER, 1)), { selfIncluded: false });
    const withSelf = kRingWeights(grid, { selfIncluded: true });
    expect(codeOf(() => groupContiguousCells(grid, selected, { neighbors: other }))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => groupContiguousCells(grid, selected, { neighbors: withSelf }))).toBe(
      'E_ARGUMENT',
    );
    const ring2 = kRingWeights(grid, { k: 2, selfIncluded: false });
    expect(codeOf(() => groupContiguousCells(grid, selected, { neighbors: ring2 }))).toBe(
      'E_ARGUMENT',
    );
  });
});

describe('groupContiguousCells arguments', () => {
  it('rejects a mask whose length differs from the grid', () => {
    const grid = gridOf(gridDisk(CENTER, 1));
    expect(codeOf(() => groupContiguousCells(grid, new Uint8Array(3)))).toBe('E_ARGUMENT');
  });

  it('rejects minCells that is not an integer >= 1', () => {
    const grid = gridOf(gridDisk(CENTER, 1));
    const mask = new Uint8Array(grid.cells.length);
    for (const minCells of [0, -1, 1.5, NaN])
      expect(codeOf(() => groupContiguousCells(grid, mask, { minCells }))).toBe('E_ARGUMENT');
  });
});
