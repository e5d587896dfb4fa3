import { describe, expect, it } from 'vitest';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import { codeOf } from '../helpers/errors.js';

const centre = lngLatToCell(-87.65, 41.85, 8);

describe('gridFromCells', () => {
  it('sorts the cells ascending and indexes each by its position', () => {
    const disk = gridDisk(centre, 2);
    const grid = gridFromCells([...disk].reverse());
    expect(grid.resolution).toBe(8);
    expect(grid.cells).toEqual([...disk].sort());
    grid.cells.forEach((cell, i) => {
      expect(grid.indexOf.get(cell)).toBe(i);
    });
    expect(grid.indexOf.size).toBe(disk.length);
  });

  it('gives the same grid whatever order and repetition the cells arrive in', () => {
    const disk = gridDisk(centre, 1);
    const a = gridFromCells(disk);
    const b = gridFromCells([...disk, ...[...disk].reverse(), disk[3]]);
    expect(b.cells).toEqual(a.cells);
    expect([...b.indexOf]).toEqual([...a.indexOf]);
  });

  it('accepts any iterable, such as a Set', () => {
    expect(gridFromCells(new Set(gridDisk(centre, 1))).cells.length).toBe(7);
  });

  it('rejects invalid cells, mixed resolutions and an empty set with E_ARGUMENT', () => {
    expect(codeOf(() => gridFromCells([centre, 'not-a-cell']))).toBe('E_ARGUMENT');
    expect(codeOf(() => gridFromCells([centre, lngLatToCell(-87.65, 41.85, 9)]))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => gridFromCells([]))).toBe('E_ARGUMENT');
  });
});
