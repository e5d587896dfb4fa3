import { booleanIntersects, booleanPointInPolygon, polygon as turfPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cellToLngLat, cellToRing, gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import { studyAreaCells } from '../../src/hex/studyAreaCells.js';
import { mulberry32 } from '../../src/util/random.js';
import { areaTable } from '../helpers/areaTable.js';
import { codeOf } from '../helpers/errors.js';

/** A closed rectangle ring, counter-clockwise. */
function box(west: number, south: number, east: number, north: number): number[][] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

// Near Chicago's Near West Side: a square with a square hole, an L-shaped MultiPolygon of two
// rectangles, and a triangle.
const withHole: Polygon = {
  type: 'Polygon',
  coordinates: [box(-87.7, 41.84, -87.66, 41.87), box(-87.69, 41.847, -87.67, 41.863).reverse()],
};
const twoParts: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [[box(-87.64, 41.84, -87.62, 41.85)], [box(-87.64, 41.86, -87.635, 41.875)]],
};
const triangle: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [-87.61, 41.88],
      [-87.59, 41.88],
      [-87.6, 41.895],
      [-87.61, 41.88],
    ],
  ],
};
const areas = areaTable([withHole, twoParts, triangle]);

function polygonsOf(geometry: Polygon | MultiPolygon): number[][][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

describe('studyAreaCells', () => {
  const grid = studyAreaCells(areas, 9);

  it('returns unique cells at the resolution, sorted ascending, with their positions', () => {
    expect(grid.resolution).toBe(9);
    expect(new Set(grid.cells).size).toBe(grid.cells.length);
    expect([...grid.cells]).toEqual([...grid.cells].sort());
    grid.cells.forEach((cell, i) => {
      expect(grid.indexOf.get(cell)).toBe(i);
    });
  });

  it("covers the cell of every polygon vertex, holes' vertices included", () => {
    for (const geometry of areas.geometries)
      for (const rings of polygonsOf(geometry))
        for (const ring of rings)
          for (const [lng, lat] of ring)
            expect(grid.indexOf.has(lngLatToCell(lng, lat, 9))).toBe(true);
  });

  it('covers every point inside the polygons (seeded sample)', () => {
    const random = mulberry32(11);
    let inside = 0;
    for (let i = 0; i < 20_000; i++) {
      const lng = -87.71 + random() * 0.13;
      const lat = 41.835 + random() * 0.065;
      if (!areas.geometries.some((g) => booleanPointInPolygon([lng, lat], g))) continue;
      inside++;
      expect(grid.indexOf.has(lngLatToCell(lng, lat, 9))).toBe(true);
    }
    expect(inside).toBeGreaterThan(3000);
  });

  it('holds exactly the cells that touch a polygon: none missing around it, none extra', () => {
    const touches = (cell: string) => {
      const hexagon = turfPolygon([cellToRing(cell)]);
      return areas.geometries.some((g) => booleanIntersects(hexagon, g));
    };
    const candidates = new Set(grid.cells.flatMap((cell) => gridDisk(cell, 1)));
    for (const cell of candidates) expect(grid.indexOf.has(cell), cell).toBe(touches(cell));
  });

  it('leaves out the cells inside a hole', () => {
    const inHole = lngLatToCell(-87.68, 41.855, 9);
    expect(grid.indexOf.has(inHole)).toBe(false);
    expect(grid.indexOf.has(lngLatToCell(-87.695, 41.855, 9))).toBe(true);
  });

  it('includes cells whatever happens in them: a polygon inside one cell gives exactly that cell', () => {
    const cell = lngLatToCell(-87.65, 41.85, 8);
    const [cx, cy] = cellToLngLat(cell);
    const halfSize = cellToRing(cell).map(([x, y]) => [cx + 0.5 * (x - cx), cy + 0.5 * (y - cy)]);
    const single = studyAreaCells(areaTable([{ type: 'Polygon', coordinates: [halfSize] }]), 8);
    expect(single.cells).toEqual([cell]);
  });

  it('rejects a resolution that is not an integer from 0 to 15 with E_ARGUMENT', () => {
    for (const resolution of [-1, 16, 8.5, Number.NaN])
      expect(codeOf(() => studyAreaCells(areas, resolution))).toBe('E_ARGUMENT');
  });

  it('rejects areas that cover no cell with E_ARGUMENT', () => {
    expect(codeOf(() => studyAreaCells(areaTable([]), 8))).toBe('E_ARGUMENT');
  });
});
