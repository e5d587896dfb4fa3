import { describe, expect, it } from 'vitest';
import { cellsToPlaces } from '../../src/hex/cellsToPlaces.js';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import {
  cellToLngLat,
  polygonToCellsByCenter,
  polygonToCellsOverlapping,
} from '../../src/hex/h3.js';
import type { PlaceTable } from '../../src/types.js';

const box = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

/** Two places side by side, west and east of −87.67, and a third overlapping the east one. */
const places: PlaceTable = {
  source: 'places',
  nameProperty: 'name',
  length: 3,
  names: ['West', 'East', 'Overlap'],
  geometries: [
    box(-87.7, 41.85, -87.67, 41.88),
    box(-87.67, 41.85, -87.64, 41.88),
    box(-87.67, 41.85, -87.64, 41.88),
  ],
  record: Uint32Array.of(0, 1, 2),
};

describe('cellsToPlaces', () => {
  const grid = gridFromCells(
    polygonToCellsOverlapping(box(-87.71, 41.84, -87.63, 41.89).coordinates, 8),
  );
  const placeOfCell = cellsToPlaces(grid, places);

  it('gives each cell the place holding its centre, −1 outside every place (brute force)', () => {
    grid.cells.forEach((cell, i) => {
      const [lng, lat] = cellToLngLat(cell);
      const inside = lat > 41.85 && lat < 41.88 && lng > -87.7 && lng < -87.64;
      const expected = !inside ? -1 : lng < -87.67 ? 0 : 1;
      expect(placeOfCell[i], cell).toBe(expected);
    });
  });

  it('gives a cell in overlapping places to the first in the file', () => {
    expect(placeOfCell.includes(2)).toBe(false);
    expect(placeOfCell.includes(1)).toBe(true);
  });

  it('agrees with H3 centre containment (polygonToCells) on the places and leaves holes out', () => {
    const holed: PlaceTable = {
      ...places,
      length: 1,
      names: ['Ring'],
      geometries: [
        {
          type: 'Polygon',
          coordinates: [
            box(-87.7, 41.85, -87.64, 41.88).coordinates[0],
            box(-87.68, 41.86, -87.66, 41.87).coordinates[0].slice().reverse(),
          ],
        },
      ],
    };
    const mine = cellsToPlaces(grid, holed);
    const h3 = new Set(polygonToCellsByCenter(holed.geometries[0].coordinates as number[][][], 8));
    grid.cells.forEach((cell, i) => {
      expect(mine[i] === 0, cell).toBe(h3.has(cell));
    });
  });

  it('gives every cell −1 without places', () => {
    expect([...cellsToPlaces(grid, { ...places, length: 0, names: [], geometries: [] })]).toEqual(
      new Array(grid.cells.length).fill(-1),
    );
  });
});
