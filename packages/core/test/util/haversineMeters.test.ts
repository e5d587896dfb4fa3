import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_METERS, haversineMeters } from '../../src/util/haversineMeters.js';
import { mulberry32 } from '../../src/util/random.js';
import { expectClose } from '../helpers/tolerance.js';

describe('haversineMeters', () => {
  it('agrees with turf.distance (same formula and radius) on random pairs', () => {
    const random = mulberry32(11);
    for (let k = 0; k < 200; k++) {
      const a = [random() * 360 - 180, random() * 170 - 85];
      const b = [a[0] + (random() - 0.5) * 2, a[1] + (random() - 0.5) * 2];
      const expected = turf.distance(a, b, { units: 'meters' });
      expectClose(haversineMeters(a[0], a[1], b[0], b[1]), expected, 1e-6 * expected, `pair ${k}`);
    }
  });

  it('gives a quarter meridian, half the equator and antipodes from the sphere', () => {
    expectClose(haversineMeters(0, 0, 0, 90), (Math.PI / 2) * EARTH_RADIUS_METERS, 1e-6);
    expectClose(haversineMeters(-90, 0, 90, 0), Math.PI * EARTH_RADIUS_METERS, 1e-6);
    expectClose(haversineMeters(10, 20, -170, -20), Math.PI * EARTH_RADIUS_METERS, 1e-3);
  });

  it('measures short distances to the millimetre (one metre north is 1 m)', () => {
    const dLat = (1 / EARTH_RADIUS_METERS) * (180 / Math.PI);
    expectClose(haversineMeters(-87.6, 41.8, -87.6, 41.8 + dLat), 1, 1e-9);
    expect(haversineMeters(-87.6, 41.8, -87.6, 41.8)).toBe(0);
  });

  it('is symmetric bit for bit and ignores which side of the antimeridian a point is on', () => {
    const random = mulberry32(5);
    for (let k = 0; k < 500; k++) {
      const [x1, y1, x2, y2] = [
        random() * 360 - 180,
        random() * 180 - 90,
        random() * 360 - 180,
        random() * 180 - 90,
      ];
      expect(haversineMeters(x1, y1, x2, y2)).toBe(haversineMeters(x2, y2, x1, y1));
    }
    expectClose(
      haversineMeters(179.999, -16.8, -179.999, -16.8),
      haversineMeters(0, -16.8, 0.002, -16.8),
      1e-6,
    );
  });

  it('returns NaN for a NaN coordinate', () => {
    expect(haversineMeters(Number.NaN, 0, 0, 0)).toBeNaN();
  });
});
