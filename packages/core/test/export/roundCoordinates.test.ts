import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { roundCoordinates } from '../../src/export/roundCoordinates.js';
import { cellToRing } from '../../src/hex/h3.js';
import { codeOf } from '../helpers/errors.js';
import { decimalsOf } from './rfc7946Checks.js';

const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('roundCoordinates', () => {
  it('rounds positions to 6 decimals by default', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [cellToRing('882664c1a9fffff')] };
    const rounded = roundCoordinates(polygon);
    expect(rounded.coordinates[0].length).toBe(7);
    for (const [k, [lng, lat]] of rounded.coordinates[0].entries()) {
      expect(decimalsOf(lng)).toBeLessThanOrEqual(6);
      expect(decimalsOf(lat)).toBeLessThanOrEqual(6);
      expect(Math.abs(lng - polygon.coordinates[0][k][0])).toBeLessThanOrEqual(5e-7);
      expect(Math.abs(lat - polygon.coordinates[0][k][1])).toBeLessThanOrEqual(5e-7);
    }
  });

  it('rounds to the given precision, halves away from zero', () => {
    const polygon: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [-87.125, 41.125],
          [-87.5, 41.125],
          [-87.5, 41.5],
          [-87.125, 41.125],
        ],
      ],
    };
    expect(roundCoordinates(polygon, { precision: 2 }).coordinates[0]).toEqual([
      [-87.13, 41.13],
      [-87.5, 41.13],
      [-87.5, 41.5],
      [-87.13, 41.13],
    ]);
    expect(roundCoordinates(polygon, { precision: 0 }).coordinates[0]).toEqual([
      [-87, 41],
      [-88, 41],
      [-88, 42],
      [-87, 41],
    ]);
  });

  it('drops consecutive positions that become equal and keeps the ring closed', () => {
    const polygon: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1.0000001, 0.0000001],
          [1, 1],
          [0, 1],
          [0.0000001, 0.0000004],
          [0, 0],
        ],
      ],
    };
    expect(roundCoordinates(polygon).coordinates[0]).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it('drops a hole or a MultiPolygon part that collapses at the precision', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [square(0, 0, 10), square(2, 2, 0.0004)],
        [square(20, 20, 0.0004)],
        [square(30, 30, 1)],
      ],
    };
    const rounded = roundCoordinates(multi, { precision: 3 });
    expect(rounded.coordinates).toEqual([[square(0, 0, 10)], [square(30, 30, 1)]]);
  });

  it('throws when every exterior ring collapses', () => {
    const tiny: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 1e-9)] };
    expect(codeOf(() => roundCoordinates(tiny))).toBe('E_ARGUMENT');
  });

  it('rejects a precision that is not an integer 0…15', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 1)] };
    for (const precision of [-1, 16, 2.5, NaN])
      expect(codeOf(() => roundCoordinates(polygon, { precision }))).toBe('E_ARGUMENT');
  });

  it('does not modify its input and keeps other members', () => {
    const ring = square(0.12345678, 0, 1);
    const polygon: Polygon = { type: 'Polygon', coordinates: [ring], bbox: [0, 0, 1, 1] };
    const copy = structuredClone(polygon);
    const rounded = roundCoordinates(polygon);
    expect(polygon).toEqual(copy);
    expect(rounded.bbox).toEqual([0, 0, 1, 1]);
    expect(rounded.coordinates[0][0]).toEqual([0.123457, 0]);
  });
});
