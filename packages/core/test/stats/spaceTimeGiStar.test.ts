import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/stats/benjaminiHochberg.js';
import { twoSidedP } from '../../src/stats/normal.js';
import { spaceTimeGiStar } from '../../src/stats/spaceTimeGiStar.js';
import { mulberry32 } from '../../src/util/random.js';
import { weightsFromNeighbors } from '../../src/weights/weightsFromNeighbors.js';
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
});
