import { describe, expect, it } from 'vitest';
import { areNeighborCells, gridDisk } from '../../src/hex/h3.js';
import type { CellGrid, SpatialWeights } from '../../src/types.js';
import { kRingWeights } from '../../src/weights/kRingWeights.js';
import { weightsFromNeighbors } from '../../src/weights/weightsFromNeighbors.js';
import { thrownBy } from '../helpers/errors.js';
import { expectAllClose } from '../helpers/tolerance.js';

/** Row `i` of CSR weights as a plain array of neighbour indexes. */
function row(w: SpatialWeights, i: number): number[] {
  return Array.from(w.neighbors.subarray(w.offsets[i], w.offsets[i + 1]));
}

/** Row lengths of CSR weights. */
function rowLengths(w: SpatialWeights): number[] {
  return Array.from({ length: w.n }, (_, i) => w.offsets[i + 1] - w.offsets[i]);
}

/** Whether j is in row i exactly when i is in row j. */
function isSymmetric(w: SpatialWeights): boolean {
  for (let i = 0; i < w.n; i++) for (const j of row(w, i)) if (!row(w, j).includes(i)) return false;
  return true;
}

/** A grid of the cells within `radius` steps of `centre` (a full hexagonal disk). */
function diskGrid(centre: string, radius: number): CellGrid {
  const cells = gridDisk(centre, radius).sort();
  return { resolution: 8, cells, indexOf: new Map(cells.map((cell, i) => [cell, i])) };
}

/** Grid distances between all cells of a grid, by breadth-first search over shared edges. */
function gridDistances(grid: CellGrid): number[][] {
  const n = grid.cells.length;
  const adjacent = grid.cells.map((a, i) =>
    grid.cells.flatMap((b, j) => (i !== j && areNeighborCells(a, b) ? [j] : [])),
  );
  return grid.cells.map((_, source) => {
    const distance = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    distance[source] = 0;
    const queue = [source];
    for (let q = 0; q < queue.length; q++)
      for (const j of adjacent[queue[q]])
        if (distance[j] === Number.POSITIVE_INFINITY) {
          distance[j] = distance[queue[q]] + 1;
          queue.push(j);
        }
    return distance;
  });
}

// A resolution-8 cell in Chicago, far from any pentagon.
const CENTRE = '882664c1a9fffff';

describe('weightsFromNeighbors', () => {
  it('stores 0-based neighbour lists as CSR rows in ascending order', () => {
    const w = weightsFromNeighbors([[2, 1], [0], [0], []]);
    expect(w.n).toBe(4);
    expect(Array.from(w.offsets)).toEqual([0, 2, 3, 4, 4]);
    expect(Array.from(w.neighbors)).toEqual([1, 2, 0, 0]);
    expect(Array.from(w.weights)).toEqual([1, 1, 1, 1]);
    expect(w.selfIncluded).toBe(false);
    expect(w.style).toBe('binary');
  });

  it('adds each observation to its own row with selfIncluded, as spdep include.self', () => {
    const w = weightsFromNeighbors([[2, 1], [0], [0], []], { selfIncluded: true });
    expect(Array.from(w.offsets)).toEqual([0, 3, 5, 7, 8]);
    expect(Array.from(w.neighbors)).toEqual([0, 1, 2, 0, 1, 0, 2, 3]);
    expect(w.selfIncluded).toBe(true);
  });

  it('row-standardises: every link of a row weighs 1/|row|, as spdep style "W"', () => {
    const w = weightsFromNeighbors([[1], [0, 2], [1], []], { selfIncluded: false, style: 'row' });
    expectAllClose(w.weights, [1, 0.5, 0.5, 1], 0);
    const withSelf = weightsFromNeighbors([[1], [0, 2], [1]], { selfIncluded: true, style: 'row' });
    expectAllClose(withSelf.weights, [0.5, 0.5, 1 / 3, 1 / 3, 1 / 3, 0.5, 0.5], 0);
    expect(withSelf.style).toBe('row');
  });

  it('keeps asymmetric lists as given (e.g. k nearest neighbours)', () => {
    const w = weightsFromNeighbors([[1], [2], [1]]);
    expect([row(w, 0), row(w, 1), row(w, 2)]).toEqual([[1], [2], [1]]);
  });

  it('accepts no observations', () => {
    const w = weightsFromNeighbors([]);
    expect(Array.from(w.offsets)).toEqual([0]);
    expect(w.neighbors.length).toBe(0);
  });

  it('rejects an index out of range or not an integer, naming the list and the value', () => {
    for (const bad of [3, -1, 1.5, Number.NaN]) {
      const error = thrownBy(() => weightsFromNeighbors([[1], [0, bad], [1]]));
      expect(error.code).toBe('E_ARGUMENT');
      expect(error.value).toEqual({ list: 1, value: bad });
    }
  });

  it('rejects a repeated neighbour, naming the list and the value', () => {
    const error = thrownBy(() => weightsFromNeighbors([[1], [0, 2, 0], [1]]));
    expect(error.code).toBe('E_ARGUMENT');
    expect(error.value).toEqual({ list: 1, value: 0 });
  });

  it('rejects a list holding its own index, with or without selfIncluded', () => {
    for (const selfIncluded of [true, false]) {
      const error = thrownBy(() => weightsFromNeighbors([[1], [1, 0]], { selfIncluded }));
      expect(error.code).toBe('E_ARGUMENT');
      expect(error.value).toEqual({ list: 1, value: 1 });
    }
  });

  it('rejects an unknown style and a list that is not an array', () => {
    const style = 'inverse' as unknown as 'row';
    expect(thrownBy(() => weightsFromNeighbors([[1], [0]], { style })).code).toBe('E_ARGUMENT');
    const lists = [[1], 0] as unknown as number[][];
    expect(thrownBy(() => weightsFromNeighbors(lists)).code).toBe('E_ARGUMENT');
  });
});

describe('kRingWeights', () => {
  const grid = diskGrid(CENTRE, 3); // 37 cells: 19 interior (rings 0–2) and 18 on the edge

  it('links interior cells to themselves and their 6 neighbours, edge cells to fewer', () => {
    const w = kRingWeights(grid);
    expect(grid.cells.length).toBe(37);
    const ring = new Map(gridDisk(CENTRE, 3).map((c) => [c, 0]));
    for (let r = 3; r >= 0; r--) for (const c of gridDisk(CENTRE, r)) ring.set(c, r);
    const lengths = rowLengths(w);
    for (let i = 0; i < w.n; i++) {
      if (ring.get(grid.cells[i])! < 3) expect(lengths[i], grid.cells[i]).toBe(7);
      else expect([4, 5], grid.cells[i]).toContain(lengths[i]); // corner 3 + self, side 4 + self
    }
    expect(lengths.filter((l) => l === 4).length).toBe(6);
    expect(lengths.filter((l) => l === 5).length).toBe(12);
    expect(w.offsets[w.n]).toBe(19 * 7 + 6 * 4 + 12 * 5);
  });

  it('links exactly the cells that share an edge, plus self, in ascending order', () => {
    const w = kRingWeights(grid);
    for (let i = 0; i < w.n; i++) {
      const expected = grid.cells.flatMap((c, j) =>
        j === i || areNeighborCells(grid.cells[i], c) ? [j] : [],
      );
      expect(row(w, i)).toEqual(expected);
    }
    expect(isSymmetric(w)).toBe(true);
    expect(w.selfIncluded).toBe(true);
    expect(w.style).toBe('binary');
    expect(Array.from(new Set(w.weights))).toEqual([1]);
  });

  it('leaves the cell itself out with selfIncluded: false', () => {
    const w = kRingWeights(grid, { selfIncluded: false });
    for (let i = 0; i < w.n; i++) expect(row(w, i)).not.toContain(i);
    const centre = grid.indexOf.get(CENTRE)!;
    expect(row(w, centre).length).toBe(6);
    expect(w.selfIncluded).toBe(false);
  });

  it('links the cells within k grid steps for k = 2 (brute force over grid distances)', () => {
    const w = kRingWeights(grid, { k: 2 });
    const distance = gridDistances(grid);
    for (let i = 0; i < w.n; i++) {
      const expected = grid.cells.flatMap((_, j) => (distance[i][j] <= 2 ? [j] : []));
      expect(row(w, i)).toEqual(expected);
    }
    expect(row(w, grid.indexOf.get(CENTRE)!).length).toBe(19);
  });

  it('gives every cell only itself for k = 0, and nothing without self', () => {
    expect(rowLengths(kRingWeights(grid, { k: 0 }))).toEqual(new Array(37).fill(1));
    expect(kRingWeights(grid, { k: 0, selfIncluded: false }).offsets[37]).toBe(0);
  });

  it('row-standardises so that every row sums to 1', () => {
    const w = kRingWeights(grid, { style: 'row' });
    for (let i = 0; i < w.n; i++) {
      const weights = Array.from(w.weights.subarray(w.offsets[i], w.offsets[i + 1]));
      const length = weights.length;
      expectAllClose(weights, new Array(length).fill(1 / length), 0, `row ${i}`);
    }
    expect(w.style).toBe('row');
  });

  it('ignores disk cells outside the grid, so a lone cell links only to itself', () => {
    const lone: CellGrid = { resolution: 8, cells: [CENTRE], indexOf: new Map([[CENTRE, 0]]) };
    const w = kRingWeights(lone, { k: 2 });
    expect(Array.from(w.offsets)).toEqual([0, 1]);
    expect(Array.from(w.neighbors)).toEqual([0]);
  });

  it('has the exact link count of a large disk (10 981 cells, k = 1)', () => {
    const radius = 60;
    const big = diskGrid(CENTRE, radius);
    const w = kRingWeights(big);
    const interior = 3 * (radius - 1) * radius + 1;
    expect(w.n).toBe(3 * radius * (radius + 1) + 1);
    expect(w.offsets[w.n]).toBe(interior * 7 + 6 * 4 + 6 * (radius - 1) * 5);
    expect(w.neighbors.length).toBe(w.offsets[w.n]);
    let unsortedRows = 0;
    for (let i = 0; i < w.n; i++)
      for (let l = w.offsets[i] + 1; l < w.offsets[i + 1]; l++)
        if (w.neighbors[l - 1] >= w.neighbors[l]) unsortedRows++;
    expect(unsortedRows).toBe(0);
  });

  it('rejects a negative or fractional k, an unknown style and an inconsistent indexOf', () => {
    for (const k of [-1, 1.5, Number.NaN]) {
      const error = thrownBy(() => kRingWeights(grid, { k }));
      expect(error.code).toBe('E_ARGUMENT');
      expect(error.value).toBe(k);
    }
    const style = 'idw' as unknown as 'row';
    expect(thrownBy(() => kRingWeights(grid, { style })).code).toBe('E_ARGUMENT');
    const shuffled: CellGrid = {
      ...grid,
      indexOf: new Map(grid.cells.map((c, i) => [c, (i + 1) % grid.cells.length])),
    };
    expect(thrownBy(() => kRingWeights(shuffled)).code).toBe('E_ARGUMENT');
  });
});
