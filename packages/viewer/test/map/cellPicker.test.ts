import { cellToLngLat, gridDisk, lngLatToCell } from '@hexreach/core/grid';
import { describe, expect, it } from 'vitest';
import { cellPicker } from '../../src/map/cellPicker.js';

describe('cellPicker', () => {
  const centre = lngLatToCell(-87.6298, 41.8781, 9);
  const cells = gridDisk(centre, 2);

  it('finds the cell containing a position, by its index among the cells', () => {
    const cellAt = cellPicker(cells);
    cells.forEach((cell, i) => {
      const [lng, lat] = cellToLngLat(cell);
      expect(cellAt(lng, lat)).toBe(i);
    });
  });

  it('answers −1 outside every cell and for positions that are not numbers', () => {
    const cellAt = cellPicker(cells);
    const [lng, lat] = cellToLngLat(centre);
    expect(cellAt(lng + 1, lat)).toBe(-1);
    expect(cellAt(Number.NaN, lat)).toBe(-1);
    expect(cellPicker([])(lng, lat)).toBe(-1);
  });

  it('looks at every resolution the cells have', () => {
    const coarse = lngLatToCell(-87.5, 41.7, 7);
    const cellAt = cellPicker([centre, coarse]);
    const [lng, lat] = cellToLngLat(coarse);
    expect(cellAt(lng, lat)).toBe(1);
    const [cx, cy] = cellToLngLat(centre);
    expect(cellAt(cx, cy)).toBe(0);
  });
});
