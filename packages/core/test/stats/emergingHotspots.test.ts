import { describe, expect, it } from 'vitest';
import { confidenceBins } from '../../src/stats/confidenceBins.js';
import { emergingHotspots } from '../../src/stats/emergingHotspots.js';
import { EMERGING_PATTERNS, emergingPattern } from '../../src/stats/emergingPattern.js';
import { mannKendall } from '../../src/stats/mannKendall.js';
import { spaceTimeGiStar } from '../../src/stats/spaceTimeGiStar.js';
import { mulberry32 } from '../../src/util/random.js';
import { weightsFromNeighbors } from '../../src/weights/weightsFromNeighbors.js';
import { codeOf } from '../helpers/errors.js';

/** Cells on a line, each linked to the two cells on either side. */
function lineWeights(n: number) {
  return weightsFromNeighbors(
    Array.from({ length: n }, (_, i) =>
      [i - 2, i - 1, i + 1, i + 2].filter((j) => j >= 0 && j < n),
    ),
  );
}

/** A seeded cube: background 4–6 per cell and step; `cluster` cells add `extra(t)`. */
function cube(
  seed: number,
  n: number,
  steps: number,
  cluster: number[],
  extra: (t: number) => number,
) {
  const random = mulberry32(seed);
  const counts = new Float64Array(n * steps);
  for (let t = 0; t < steps; t++)
    for (let c = 0; c < n; c++)
      counts[t * n + c] = 4 + Math.floor(random() * 3) + (cluster.includes(c) ? extra(t) : 0);
  return { counts, steps };
}

describe('emergingHotspots', () => {
  const n = 40;
  const weights = lineWeights(n);
  const cluster = [15, 16, 17, 18, 19];

  it('classifies each cell from its per-step significance and the trend of its Gi* z-scores', () => {
    const data = cube(5, n, 24, cluster, (t) => 40 + 2 * t);
    for (const fdr of [true, false]) {
      const result = emergingHotspots(data, weights, { fdr, alpha: 0.05 });
      const gi = spaceTimeGiStar(data, weights);
      expect(result.z).toEqual(gi.z);
      expect(result.pFdr).toEqual(gi.pFdr);
      for (let c = 0; c < n; c++) {
        const z = Array.from({ length: 24 }, (_, t) => gi.z[t * n + c]);
        const status = z.map((v, t) => {
          const b = t * n + c;
          const significant = fdr ? gi.pFdr[b] <= 0.05 : gi.p[b] < 0.05;
          return significant ? Math.sign(v) : 0;
        });
        expect(Array.from({ length: 24 }, (_, t) => result.status[t * n + c])).toEqual(status);
        expect(result.hotSteps[c]).toBe(status.filter((s) => s > 0).length);
        expect(result.coldSteps[c]).toBe(status.filter((s) => s < 0).length);
        const trend = mannKendall(z);
        expect(result.trendZ[c]).toBe(trend.z);
        expect(result.trendP[c]).toBe(trend.p);
        expect(result.trendTau[c]).toBe(trend.tau);
        expect(result.category[c]).toBe(emergingPattern(status, trend));
      }
      for (let t = 0; t < 24; t++) {
        const slice = [t * n, (t + 1) * n] as const;
        expect(result.bin.subarray(...slice)).toEqual(
          confidenceBins(gi.z.subarray(...slice), gi.p.subarray(...slice), { fdr }),
        );
      }
    }
  });

  it('finds the cells of a cluster whose counts rise steadily as intensifying hot spots (property)', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const result = emergingHotspots(
        cube(seed, n, 24, cluster, (t) => 40 + 2 * t),
        weights,
      );
      // The cluster's core is hot throughout with a rising Gi*.
      for (const c of [16, 17, 18]) {
        expect(result.category[c], `seed ${seed}, cell ${c}`).toBe('Intensifying Hot Spot');
        expect(result.trendZ[c]).toBeGreaterThan(0);
      }
      // A cluster that grows from nothing becomes hot late: consecutive (or new) hot spots.
      const late = emergingHotspots(
        cube(seed, n, 24, cluster, (t) => 2 * t),
        weights,
      );
      for (const c of cluster) {
        expect(['Consecutive Hot Spot', 'New Hot Spot', 'Intensifying Hot Spot']).toContain(
          late.category[c],
        );
        expect(late.trendP[c]).toBeLessThan(0.05);
      }
      // Background cells away from the cluster show no pattern.
      for (const c of [0, 1, 38, 39]) expect(result.category[c]).toBe('No Pattern Detected');
    }
  });

  it('finds a cluster fading away as diminishing or historical hot spots', () => {
    const result = emergingHotspots(
      cube(9, n, 24, cluster, (t) => 90 - 2 * t),
      weights,
    );
    for (const c of [16, 17, 18])
      expect(['Diminishing Hot Spot', 'Historical Hot Spot']).toContain(result.category[c]);
    expect(result.trendZ[17]).toBeLessThan(0);
  });

  it('returns only the seventeen patterns, and the z-score map of each step', () => {
    const data = cube(3, n, 12, cluster, (t) => (t % 3 === 0 ? 30 : 0));
    const result = emergingHotspots(data, weights, { timeSteps: 2 });
    expect(result.cells).toBe(n);
    expect(result.steps).toBe(12);
    expect(result.category).toHaveLength(n);
    for (const category of result.category) expect(EMERGING_PATTERNS).toContain(category);
    expect(result.z).toEqual(spaceTimeGiStar(data, weights, { timeSteps: 2 }).z);
  });

  it('rejects out-of-range options with E_ARGUMENT', () => {
    const data = cube(1, n, 3, [], () => 0);
    expect(codeOf(() => emergingHotspots(data, weights, { alpha: 0 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => emergingHotspots(data, weights, { trendAlpha: 1 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => emergingHotspots(data, weights, { timeSteps: -1 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => emergingHotspots({ counts: data.counts, steps: 4 }, weights))).toBe(
      'E_ARGUMENT',
    );
  });
});
