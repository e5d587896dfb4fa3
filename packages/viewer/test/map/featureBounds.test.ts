import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureBounds } from '../../src/map/featureBounds.js';
import { zoneLabelPoints } from '../../src/map/zoneLabelPoints.js';

/** A unit square cell with its lower-left corner at (x, y). */
function square(x: number, y: number): Feature<Polygon, null> {
  return {
    type: 'Feature',
    properties: null,
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
    const cells = [square(0, 0), square(1, 0), square(2, 0), square(9, 9)];
    expect(zoneLabelPoints(cells, [0, 0, 0, -1], 1)).toEqual([[1.5, 0.5]]);
  });

  it('places each zone by its place in the list, none for a zone without cells', () => {
    const cells = [square(0, 0), square(5, 5), square(6, 5), square(9, 9)];
    expect(zoneLabelPoints(cells, [2, 0, 0, Number.NaN], 3)).toEqual([
      [5.5, 5.5],
      undefined,
      [0.5, 0.5],
    ]);
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
    ].map(([x, y]) => square(x, y));
    const point = zoneLabelPoints(u, new Int32Array(u.length), 1)[0]!;
    const inside = u.some((c) => {
      const [x, y] = c.geometry.coordinates[0][0];
      return point[0] > x && point[0] < x + 1 && point[1] > y && point[1] < y + 1;
    });
    expect(inside).toBe(true);
  });
});
