import { describe, expect, it } from 'vitest';
import { gridCentroids } from '../../src/hex/gridCentroids.js';
import { cellToLngLat, gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import type { CellGrid } from '../../src/types.js';
import { thrownBy } from '../helpers/errors.js';

describe('gridCentroids', () => {
  it('gives each cell’s centre as lng and lat columns in the grid’s order, inside the cell', () => {
    const cells = gridDisk('892664c1a93ffff', 2).sort();
    const grid: CellGrid = { resolution: 9, cells, indexOf: new Map(cells.map((c, i) => [c, i])) };
    const { lng, lat } = gridCentroids(grid);
    expect(lng.length).toBe(19);
    for (let i = 0; i < cells.length; i++) {
      expect([lng[i], lat[i]]).toEqual(cellToLngLat(cells[i]));
      expect(lngLatToCell(lng[i], lat[i], 9)).toBe(cells[i]);
    }
  });

  it('measures a grid once and gives each caller its own copy of the columns', () => {
    const cells = gridDisk('892664c1a93ffff', 1).sort();
    const grid: CellGrid = { resolution: 9, cells, indexOf: new Map(cells.map((c, i) => [c, i])) };
    const first = gridCentroids(grid);
    const expected = { lng: first.lng.slice(), lat: first.lat.slice() };
    first.lng.fill(0);
    const second = gridCentroids(grid, 'partnerAccess');
    expect(second).toEqual(expected);
    expect(second.lng).not.toBe(first.lng);
  });

  it('rejects an invalid cell with E_ARGUMENT and the cell as the value', () => {
    const grid: CellGrid = { resolution: 9, cells: ['zzz'], indexOf: new Map([['zzz', 0]]) };
    const error = thrownBy(() => gridCentroids(grid, 'someFunction'));
    expect(error.code).toBe('E_ARGUMENT');
    expect(error.value).toBe('zzz');
  });
});
