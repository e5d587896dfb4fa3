import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../src/util/haversineMeters.js';
import { LngLatIndex } from '../../src/util/lngLatIndex.js';
import { mulberry32 } from '../../src/util/random.js';

/** `n` seeded random points in a box of longitudes and latitudes. */
function randomPoints(n: number, seed: number, box: [number, number, number, number]) {
  const [west, south, east, north] = box;
  const random = mulberry32(seed);
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lng[i] = west + random() * (east - west);
    lat[i] = south + random() * (north - south);
  }
  return { lng, lat };
}

/** Asserts that every point within `radius` of every query is among the index's candidates. */
function expectSuperset(
  points: { lng: Float64Array; lat: Float64Array },
  queries: { lng: Float64Array; lat: Float64Array },
  radius: number,
): number {
  const index = new LngLatIndex(points.lng, points.lat, queries.lat);
  const out: number[] = [];
  let inside = 0;
  for (let q = 0; q < queries.lng.length; q++) {
    const count = index.candidates(queries.lng[q], queries.lat[q], radius, out);
    const found = new Set(out.slice(0, count));
    for (let p = 0; p < points.lng.length; p++) {
      const d = haversineMeters(queries.lng[q], queries.lat[q], points.lng[p], points.lat[p]);
      if (d <= radius) {
        inside++;
        expect(found.has(p), `query ${q}, point ${p} at ${d} m`).toBe(true);
      }
    }
  }
  return inside;
}

describe('LngLatIndex', () => {
  it('returns every point within the radius over a tall band of latitudes (50°–70° N)', () => {
    // The reference latitude is ~60°: pairs near 70° are stretched apart by cos 60°/cos 70°.
    const points = randomPoints(3000, 1, [10, 50, 14, 70]);
    const queries = randomPoints(300, 2, [10, 50, 14, 70]);
    expect(expectSuperset(points, queries, 20_000)).toBeGreaterThan(1000);
  });

  it('returns every point within the radius across the antimeridian', () => {
    const points = randomPoints(2000, 3, [179.5, -17.5, 180.5, -16.5]);
    for (let i = 0; i < points.lng.length; i++) if (points.lng[i] > 180) points.lng[i] -= 360;
    const queries = randomPoints(200, 4, [179.8, -17.2, 180.2, -16.8]);
    for (let i = 0; i < queries.lng.length; i++) if (queries.lng[i] > 180) queries.lng[i] -= 360;
    expect(expectSuperset(points, queries, 5_000)).toBeGreaterThan(500);
  });

  it('does not return most of the points for a small radius (it is an index, not a scan)', () => {
    const points = randomPoints(5000, 5, [-88, 41.6, -87.5, 42.1]);
    const index = new LngLatIndex(points.lng, points.lat);
    const out: number[] = [];
    expect(index.candidates(-87.75, 41.85, 500, out)).toBeLessThan(50);
  });

  it('returns every point for a radius beyond its projection limit, and nothing when empty', () => {
    const points = randomPoints(100, 6, [0, 0, 40, 40]);
    const out: number[] = [];
    expect(new LngLatIndex(points.lng, points.lat).candidates(0, 0, 1e7, out)).toBe(100);
    expect(out.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(new LngLatIndex([], []).candidates(0, 0, 1000, out)).toBe(0);
  });
});
