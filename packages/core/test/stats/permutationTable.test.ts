import { describe, expect, it } from 'vitest';
import {
  drawPermutationTable,
  lookupTableFits,
  lookupTableWidth,
  MAX_TABLE_ENTRIES,
} from '../../src/stats/permutation/permutationTable.js';
import { weightsFromNeighbors } from '../../src/weights/weightsFromNeighbors.js';
import { codeOf } from '../helpers/errors.js';

describe('drawPermutationTable', () => {
  for (const [n, width] of [
    [1000, 7],
    [12, 7],
    [7, 7],
  ] as const) {
    it(`draws ${width} distinct cells of ${n} per row, and lists where each cell occurs`, () => {
      const R = 500;
      const table = drawPermutationTable(n, R, width, 9);
      expect(table.width).toBe(width);
      expect(table.cells.length).toBe(R * width);
      for (let r = 0; r < R; r++) {
        const row = table.cells.subarray(r * width, (r + 1) * width);
        expect(new Set(row).size).toBe(width);
        for (const c of row) expect(c).toBeLessThan(n);
      }
      // The inverse lists every position once, under its cell, rows ascending.
      expect(table.hitOffsets[n]).toBe(R * width);
      for (let c = 0; c < n; c++) {
        let last = -1;
        for (let h = table.hitOffsets[c]; h < table.hitOffsets[c + 1]; h++) {
          expect(table.cells[table.hits[h]]).toBe(c);
          expect(table.hits[h]).toBeGreaterThan(last);
          last = table.hits[h];
        }
      }
    });
  }

  it('gives each cell each slot about equally often (χ², 12 cells, both fills)', () => {
    for (const width of [3, 9]) {
      const R = 12_000;
      const table = drawPermutationTable(12, R, width, 4);
      for (let t = 0; t < width; t++) {
        const counts = new Array<number>(12).fill(0);
        for (let r = 0; r < R; r++) counts[table.cells[r * width + t]]++;
        const expected = R / 12;
        const chi2 = counts.reduce((a, c) => a + (c - expected) ** 2 / expected, 0);
        // 11 degrees of freedom: P(χ² > 31.26) = 0.001.
        expect(chi2, `width ${width}, slot ${t}`).toBeLessThan(31.26);
      }
    }
  });

  it('is the same table for the same seed and another for another seed', () => {
    const a = drawPermutationTable(50, 99, 5, 1);
    expect(drawPermutationTable(50, 99, 5, 1).cells).toEqual(a.cells);
    expect(drawPermutationTable(50, 99, 5, 2).cells).not.toEqual(a.cells);
  });

  it('refuses a table of more than 2²⁵ entries with E_ARGUMENT', () => {
    expect(codeOf(() => drawPermutationTable(1000, MAX_TABLE_ENTRIES, 2, 1))).toBe('E_ARGUMENT');
  });
});

describe('lookupTableWidth and lookupTableFits', () => {
  // A star: cell 0 linked to cells 1–4 (and itself), the others to cell 0 only.
  const star = weightsFromNeighbors([[1, 2, 3, 4], [0], [0], [0], [0]], {
    selfIncluded: true,
  });

  it('is one more than the most links a cell has besides a self link', () => {
    expect(lookupTableWidth(star)).toBe(5);
    expect(lookupTableWidth(weightsFromNeighbors([[1], [0, 2], [1]]))).toBe(3);
  });

  it('fits while R × width stays within 2²⁵ entries', () => {
    expect(lookupTableFits(star, 999)).toBe(true);
    expect(lookupTableFits(star, Math.floor(MAX_TABLE_ENTRIES / 5))).toBe(true);
    expect(lookupTableFits(star, Math.floor(MAX_TABLE_ENTRIES / 5) + 1)).toBe(false);
  });
});
