import type { Geometry, Position } from 'geojson';
import { expect } from 'vitest';

/** Twice the signed area of a closed lng/lat ring (shoelace): positive when counter-clockwise. */
export function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++)
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

/** Decimal places of a number as JSON writes it. */
export function decimalsOf(value: number): number {
  const text = JSON.stringify(value);
  expect(text, `${text} is written without an exponent`).not.toMatch(/e/i);
  return text.split('.')[1]?.length ?? 0;
}

/**
 * Asserts what RFC 7946 asks of a (Multi)Polygon: closed rings of ≥ 4 positions (§3.1.6),
 * exterior rings counter-clockwise and holes clockwise (§3.1.6), `[lng, lat]` in range, no edge
 * crossing the antimeridian (§3.1.9: more than 180° of longitude between two positions), and
 * at most `precision` decimals; also no repeated consecutive positions.
 */
export function expectRfc7946Polygonal(geometry: Geometry, precision = 6): void {
  expect(['Polygon', 'MultiPolygon']).toContain(geometry.type);
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  for (const rings of polygons)
    for (const [r, ring] of rings.entries()) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[ring.length - 1]).toEqual(ring[0]);
      if (r === 0)
        expect(signedArea(ring), 'exterior ring is counter-clockwise').toBeGreaterThan(0);
      else expect(signedArea(ring), 'hole is clockwise').toBeLessThan(0);
      for (const [i, position] of ring.entries()) {
        expect(position.length).toBe(2);
        const [lng, lat] = position;
        expect(Math.abs(lng)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat)).toBeLessThanOrEqual(90);
        expect(decimalsOf(lng)).toBeLessThanOrEqual(precision);
        expect(decimalsOf(lat)).toBeLessThanOrEqual(precision);
        if (i > 0) expect(position).not.toEqual(ring[i - 1]);
        if (i > 0)
          expect(Math.abs(lng - ring[i - 1][0]), 'edge across ±180').toBeLessThanOrEqual(180);
      }
    }
}
