import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cellToParent, cellToRing, gridDisk } from '../../src/hex/h3.js';
import { zoneToPolygon } from '../../src/zones/zoneToPolygon.js';
import { codeOf } from '../helpers/errors.js';

const CENTER = '882664c1a9fffff';

function positionKeys(ring: Position[]): Set<string> {
  return new Set(ring.map(([lng, lat]) => `${lng.toFixed(9)},${lat.toFixed(9)}`));
}

describe('zoneToPolygon', () => {
  it("gives one cell's hexagon as a closed Polygon of [lng, lat] positions", () => {
    const polygon = zoneToPolygon([CENTER]) as Polygon;
    expect(polygon.type).toBe('Polygon');
    expect(polygon.coordinates.length).toBe(1);
    const ring = polygon.coordinates[0];
    expect(ring.length).toBe(7);
    expect(ring[0]).toEqual(ring[6]);
    expect(positionKeys(ring)).toEqual(positionKeys(cellToRing(CENTER)));
    // Chicago: longitude about −87.6, latitude about 41.9.
    expect(ring[0][0]).toBeLessThan(-87);
    expect(ring[0][1]).toBeGreaterThan(41);
  });

  it('dissolves contiguous cells into one outline without inner edges', () => {
    const polygon = zoneToPolygon(gridDisk(CENTER, 1)) as Polygon;
    expect(polygon.type).toBe('Polygon');
    expect(polygon.coordinates.length).toBe(1);
    // Seven hexagons dissolve into an outline of 18 vertices.
    expect(polygon.coordinates[0].length).toBe(19);
    for (const position of cellToRing(CENTER).slice(0, 6))
      expect(
        positionKeys(polygon.coordinates[0]).has(
          `${position[0].toFixed(9)},${position[1].toFixed(9)}`,
        ),
      ).toBe(false);
  });

  it('keeps the hole of a ring of cells around an unselected cell', () => {
    const ring = gridDisk(CENTER, 1).filter((c) => c !== CENTER);
    const polygon = zoneToPolygon(ring) as Polygon;
    expect(polygon.type).toBe('Polygon');
    expect(polygon.coordinates.length).toBe(2);
    expect(positionKeys(polygon.coordinates[1])).toEqual(positionKeys(cellToRing(CENTER)));
  });

  it('returns a MultiPolygon when the cells do not touch', () => {
    const far = gridDisk(CENTER, 3).filter((c) => !gridDisk(CENTER, 2).includes(c))[0];
    const shape = zoneToPolygon([CENTER, far]) as MultiPolygon;
    expect(shape.type).toBe('MultiPolygon');
    expect(shape.coordinates.length).toBe(2);
  });

  it('ignores duplicate cells', () => {
    expect(zoneToPolygon([CENTER, CENTER])).toEqual(zoneToPolygon([CENTER]));
  });

  it('rejects no cells, invalid cells and mixed resolutions', () => {
    expect(codeOf(() => zoneToPolygon([]))).toBe('E_ARGUMENT');
    expect(codeOf(() => zoneToPolygon(['not-a-cell']))).toBe('E_ARGUMENT');
    expect(codeOf(() => zoneToPolygon([CENTER, cellToParent(CENTER, 7)]))).toBe('E_ARGUMENT');
  });
});
