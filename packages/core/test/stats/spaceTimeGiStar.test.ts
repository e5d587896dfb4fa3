import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/stats/benjaminiHochberg.js';
import { giStar } from '../../src/stats/giStar.js';
import { twoSidedP } from '../../src/stats/normal.js';
import { spaceTimeGiStar } from '../../src/stats/spaceTimeGiStar.js';
import { spaceTimeWeights } from '../../src/stats/spaceTimeWeights.js';
import { mulberry32 } from '../../src/util/random.js';
import { weightsFromNeighbors } from '../../src/weights/weightsFromNeighbors.js';
import { expectSameBits } from '../helpers/bits.js';
import { codeOf } from '../helpers/errors.js';
import { expectAllClose } from '../helpers/tolerance.js';

/**
 * Space-time Gi* from the definition: binary neighbourhood of bin (t, c) = {c} ∪ N(c) in steps
 * max(0, t − k) … t; x̄ and s² over the whole cube (Ord & Getis 1995, as ArcGIS applies it).
 */
function naiveSpaceTimeZ(x: number[], lists: number[][], steps: number, k: number): number[] {
  const n = lists.length;
  const N = n * steps;
  const mean = x.reduce((a, b) => a + b, 0) / N;
  const s2 = x.reduce((a, b) => a + (b - mean) ** 2, 0) / N;
  const z: number[] = [];
  for (let t = 0; t < steps; t++)
    for (let c = 0; c < n; c++) {
      let lag = 0;
      let W = 0;
      for (let s = Math.max(0, t - k); s <= t; s++)
        for (const j of [c, ...lists[c]]) {
          lag += x[s * n + j];
          W++;
        }
      z.push((lag - W * mean) / Math.sqrt((s2 * (N * W - W * W)) / (N - 1)));
    }
  return z;
}

describe('spaceTimeGiStar', () => {
  const lists = [
    [1, 3],
    [0, 2],
    [1, 5],
    [0, 4],
    [3, 5],
    [2, 4],
  ]; // a ring of six cells

  it('equals a naive space-time Gi* over the whole cube, p two-sided', () => {
    const random = mulberry32(12);
    for (const timeSteps of [0, 1, 2]) {
      const steps = 7;
      const counts = Array.from({ length: 6 * steps }, () => Math.floor(random() * 9));
      const result = spaceTimeGiStar({ counts, steps }, weightsFromNeighbors(lists), { timeSteps });
      const z = naiveSpaceTimeZ(counts, lists, steps, timeSteps);
      expectAllClose(result.z, z, 1e-12, `z (timeSteps ${timeSteps})`);
      expectAllClose(result.p, z.map(twoSidedP), 1e-12, 'p');
      expect(result.cells).toBe(6);
      expect(result.steps).toBe(steps);
    }
  });

  it('gives giStar on the built space-time weights to the bit, on sparse and signed cubes', () => {
    // The former method; the bins' lags are summed in the same order, zeros skipped.
    const random = mulberry32(2024);
    for (let trial = 0; trial < 30; trial++) {
      const n = 2 + Math.floor(random() * 14);
      // One-way links, rows out of order and rows without self, as any caller may pass them.
      const lists = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => j)
          .filter((j) => j !== i && random() < 0.3)
          .sort(() => random() - 0.5),
      );
      const spatial = weightsFromNeighbors(lists, { selfIncluded: random() < 0.5 });
      const steps = 1 + Math.floor(random() * 6);
      const timeSteps = Math.floor(random() * 4);
      const counts = Float64Array.from({ length: n * steps }, () => {
        const u = random();
        return u < 0.6 ? 0 : u < 0.7 ? -random() * 3 : random() / 7;
      });
      const result = spaceTimeGiStar({ counts, steps }, spatial, { timeSteps });
      const former = giStar(counts, spaceTimeWeights(spatial, steps, { timeSteps }));
      expectSameBits(result.z, former.z, `trial ${trial} z`);
      expectSameBits(result.p, former.p, `trial ${trial} p`);
    }
  });

  it('gives NaN z and p for a constant cube (no variance)', () => {
    const result = spaceTimeGiStar(
      { counts: new Float64Array(12).fill(3), steps: 2 },
      weightsFromNeighbors(lists),
    );
    expect(Array.from(result.z).every(Number.isNaN)).toBe(true);
    expect(Array.from(result.p).every(Number.isNaN)).toBe(true);
  });

  it('adjusts p by Benjamini–Hochberg within each step', () => {
    const random = mulberry32(99);
    const steps = 4;
    const counts = Array.from(
      { length: 6 * steps },
      (_, b) => (b % 6 < 2 ? 20 : 0) + Math.floor(random() * 5),
    );
    const result = spaceTimeGiStar({ counts, steps }, weightsFromNeighbors(lists));
    for (let t = 0; t < steps; t++) {
      const slice = result.p.subarray(t * 6, (t + 1) * 6);
      expectAllClose(
        result.pFdr.subarray(t * 6, (t + 1) * 6),
        benjaminiHochberg(slice),
        0,
        `step ${t}`,
      );
    }
  });

  it('rejects a cube whose length is not cells × steps with E_ARGUMENT', () => {
    const w = weightsFromNeighbors(lists);
    expect(codeOf(() => spaceTimeGiStar({ counts: new Float64Array(13), steps: 2 }, w))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => spaceTimeGiStar({ counts: new Float64Array(0), steps: 0 }, w))).toBe(
      'E_ARGUMENT',
    );
  });

  it('rejects a non-finite count, a neighbour listed twice and a one-bin cube with E_ARGUMENT', () => {
    const w = weightsFromNeighbors(lists);
    const counts = new Float64Array(12);
    counts[7] = Number.NaN;
    expect(codeOf(() => spaceTimeGiStar({ counts, steps: 2 }, w))).toBe('E_ARGUMENT');
    const twice = { ...w, neighbors: Uint32Array.from(w.neighbors, (j, l) => (l === 1 ? 1 : j)) };
    expect(codeOf(() => spaceTimeGiStar({ counts: new Float64Array(12), steps: 2 }, twice))).toBe(
      'E_ARGUMENT',
    );
    const one = weightsFromNeighbors([[]]);
    expect(codeOf(() => spaceTimeGiStar({ counts: [1], steps: 1 }, one))).toBe('E_ARGUMENT');
  });
});
