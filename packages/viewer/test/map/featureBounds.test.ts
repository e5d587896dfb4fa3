import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureBounds } from '../../src/map/featureBounds.js';
import { zoneLabelPoints } from '../../src/map/zoneLabelPoints.js';

/** A unit square cell with its lower-left corner at (x, y). */
function square(
  x: number,
  y: number,
  zone: string | null = null,
): Feature<Polygon, { zone: string | null }> {
  return {
    type: 'Feature',
    properties: { zone },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + 1, y],
          [x + 1, y + 1],
          [x, y + 1],
          [x, y],
        ],
      ],
    },
  };
}

describe('featureBounds', () => {
  it('spans every outer ring', () => {
    expect(featureBounds([square(0, 0), square(3, -2)])).toEqual([0, -2, 4, 1]);
  });

  it('is undefined for nothing to bound', () => {
    expect(featureBounds([])).toBeUndefined();
  });
});

describe('zoneLabelPoints', () => {
  it('puts the label on a cell of the zone, the one nearest the zone’s middle', () => {
    const cells = [square(0, 0, 'Z01'), square(1, 0, 'Z01'), square(2, 0, 'Z01'), square(9, 9)];
    expect(zoneLabelPoints(cells)).toEqual(new Map([['Z01', [1.5, 0.5]]]));
  });

  it('keeps the label inside a crescent whose mean centre lies outside it', () => {
    // A U of cells: the mean of the centres is in the empty middle, at (1.5, 1.5).
    const u = [
      [0, 0],
      [1, 0],
      [2, 0],
      [0, 1],
      [2, 1],
      [0, 2],
      [2, 2],
    ].map(([x, y]) => square(x, y, 'Z02'));
    const point = zoneLabelPoints(u).get('Z02')!;
    const inside = u.some((c) => {
      const [x, y] = c.geometry.coordinates[0][0];
      return point[0] > x && point[0] < x + 1 && point[1] > y && point[1] < y + 1;
    });
    expect(inside).toBe(true);
  });
});
