import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { rewindRfc7946 } from '../../src/export/rewindRfc7946.js';
import { cellsToMultiPolygonCoordinates, cellToRing, gridDisk } from '../../src/hex/h3.js';
import { signedArea } from './rfc7946Checks.js';

const CENTER = '882664c1a9fffff';
const ccwSquare = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];
const cwHole = [
  [0.25, 0.25],
  [0.25, 0.75],
  [0.75, 0.75],
  [0.75, 0.25],
  [0.25, 0.25],
];

describe('rewindRfc7946', () => {
  it('reverses a clockwise exterior ring and a counter-clockwise hole', () => {
    const wrong: Polygon = {
      type: 'Polygon',
      coordinates: [[...ccwSquare].reverse(), [...cwHole].reverse()],
    };
    expect(rewindRfc7946(wrong).coordinates).toEqual([ccwSquare, cwHole]);
  });

  it('leaves rings that are already oriented as they are', () => {
    const right: Polygon = { type: 'Polygon', coordinates: [ccwSquare, cwHole] };
    expect(rewindRfc7946(right)).toEqual(right);
  });

  it('orients every part of a MultiPolygon', () => {
    const shifted = ccwSquare.map(([x, y]) => [x - 87.7, y + 41.8]);
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[[...ccwSquare].reverse()], [shifted, [...cwHole].reverse()]],
    };
    expect(rewindRfc7946(multi).coordinates).toEqual([[ccwSquare], [shifted, cwHole]]);
  });

  it('does not modify its input', () => {
    const wrong: Polygon = { type: 'Polygon', coordinates: [[...ccwSquare].reverse()] };
    const copy = structuredClone(wrong);
    rewindRfc7946(wrong);
    expect(wrong).toEqual(copy);
  });

  it('keeps h3-js output as it is: h3 already gives CCW exteriors and CW holes', () => {
    expect(signedArea(cellToRing(CENTER))).toBeGreaterThan(0);
    const ringOfCells = gridDisk(CENTER, 1).filter((c) => c !== CENTER);
    const [rings] = cellsToMultiPolygonCoordinates(ringOfCells);
    expect(rings.length).toBe(2);
    expect(signedArea(rings[0])).toBeGreaterThan(0);
    expect(signedArea(rings[1])).toBeLessThan(0);
    const polygon: Polygon = { type: 'Polygon', coordinates: rings };
    expect(rewindRfc7946(polygon)).toEqual(polygon);
  });

  it('orients rings correctly far from the origin, where raw products are large', () => {
    const cell = cellToRing(CENTER);
    const reversed: Polygon = { type: 'Polygon', coordinates: [[...cell].reverse()] };
    expect(rewindRfc7946(reversed).coordinates[0]).toEqual(cell);
  });
});
