import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { splitAntimeridian } from '../../src/export/splitAntimeridian.js';
import { cellToRing, lngLatToCell } from '../../src/hex/h3.js';
import { expectClose } from '../helpers/tolerance.js';
import { signedArea } from './rfc7946Checks.js';

const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });

/** Twice the planar area of the polygons (holes count negative), longitudes as they are. */
const areaOf = (geometry: Polygon | MultiPolygon) =>
  (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .flat()
    .reduce((sum, ring) => sum + signedArea(ring), 0);

describe('splitAntimeridian', () => {
  it('cuts a box from 179° to −179° into two parts meeting at 180 and −180 (RFC 7946 §3.1.9)', () => {
    const box = polygon([
      [179, 0],
      [-179, 0],
      [-179, 1],
      [179, 1],
      [179, 0],
    ]);
    expect(splitAntimeridian(box)).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [180, 0],
            [180, 1],
            [179, 1],
            [179, 0],
            [180, 0],
          ],
        ],
        [
          [
            [-180, 0],
            [-179, 0],
            [-179, 1],
            [-180, 1],
            [-180, 0],
          ],
        ],
      ],
    });
  });

  it('cuts the h3 cell on the antimeridian at lng 180 and at lng −180, keeping its area', () => {
    for (const lng of [180, -180]) {
      const ring = cellToRing(lngLatToCell(lng, 10, 8));
      const split = splitAntimeridian(polygon(ring));
      expect(split.type).toBe('MultiPolygon');
      const [west, east] = (split as MultiPolygon).coordinates;
      expect(Math.min(...west[0].map((p) => p[0]))).toBeGreaterThan(179.9);
      expect(Math.max(...west[0].map((p) => p[0]))).toBe(180);
      expect(Math.min(...east[0].map((p) => p[0]))).toBe(-180);
      expect(Math.max(...east[0].map((p) => p[0]))).toBeLessThan(-179.9);
      // The two parts hold the cell's area: the ring unwrapped past 180 has the same.
      const unwrapped = ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]);
      const west2 = west[0];
      const east2 = east[0].map(([x, y]) => [x + 360, y]);
      expectClose(signedArea(west2) + signedArea(east2), signedArea(unwrapped), 1e-15);
      expect(signedArea(west2)).toBeGreaterThan(0);
      expect(signedArea(east2)).toBeGreaterThan(0);
    }
  });

  it('cuts a hole with its polygon, and keeps each part with its own side', () => {
    const outer = [
      [178, -2],
      [-178, -2],
      [-178, 2],
      [178, 2],
      [178, -2],
    ];
    const hole = [
      [179, -1],
      [179, 1],
      [-179, 1],
      [-179, -1],
      [179, -1],
    ];
    const split = splitAntimeridian(polygon(outer, hole)) as MultiPolygon;
    expect(split.coordinates).toHaveLength(2);
    for (const rings of split.coordinates) expect(rings).toHaveLength(2);
    expectClose(areaOf(split), 2 * (16 - 4), 1e-12);
  });

  it('returns a geometry that does not cross as it is, and a ring around a pole untouched', () => {
    const chicago = polygon(cellToRing('882664c1a9fffff'));
    expect(splitAntimeridian(chicago)).toBe(chicago);
    const cap = polygon([
      [-180, 89],
      [-60, 89],
      [60, 89],
      [179, 89],
      [-180, 89],
    ]);
    const capCrossing = polygon([
      [170, 89],
      [-70, 89],
      [50, 89],
      [170, 89],
    ]);
    expect(splitAntimeridian(cap)).toEqual(cap);
    expect(splitAntimeridian(capCrossing)).toEqual(capCrossing);
  });
});
