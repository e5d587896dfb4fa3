import type { AnalyzeInputs } from '../../src/pipeline/analysisResult.js';
import { mulberry32 } from '../../src/util/random.js';

/**
 * A 4 × 4 km square of two tracts (west poorer and more crowded) and 600 seeded incidents, a
 * third of them in a hot corner, over January to March: small enough to analyse in milliseconds.
 *
 * @example
 * ```ts
 * const result = analyze(squareCity(), { resolution: 9, population: 'population' });
 * ```
 */
export function squareCity(): AnalyzeInputs {
  const random = mulberry32(7);
  const west = [-87.7, 41.85, -87.676, 41.886];
  const east = [-87.676, 41.85, -87.652, 41.886];
  const box = ([x0, y0, x1, y1]: number[]) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  });
  const n = 600;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const time = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const hot = i % 3 === 0;
    lng[i] = hot ? -87.695 + random() * 0.006 : -87.699 + random() * 0.046;
    lat[i] = hot ? 41.852 + random() * 0.005 : 41.851 + random() * 0.034;
    time[i] = Date.UTC(2024, 0, 1) + Math.floor(random() * 91) * 86_400_000;
  }
  return {
    incidents: {
      source: 'incidents.csv',
      recordKind: 'row',
      length: n,
      lng,
      lat,
      time,
      category: new Uint16Array(n),
      categories: ['all'],
      weight: new Float64Array(n).fill(1),
      record: Uint32Array.from({ length: n }, (_, i) => i + 2),
    },
    areas: {
      source: 'tracts.geojson',
      length: 2,
      geometries: [box(west), box(east)],
      record: Uint32Array.of(0, 1),
      attributes: {
        population: Float64Array.of(6000, 3000),
        poverty: Float64Array.of(0.31, 0.08),
      },
      ids: ['west', 'east'],
    },
  };
}
