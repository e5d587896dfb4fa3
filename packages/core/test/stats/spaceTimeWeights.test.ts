import { describe, expect, it } from 'vitest';
import { spaceTimeWeights } from '../../src/stats/spaceTimeWeights.js';
import { mulberry32 } from '../../src/util/random.js';
import { weightsFromNeighbors } from '../../src/weights/weightsFromNeighbors.js';
import { codeOf } from '../helpers/errors.js';

/** Row `bin` of CSR weights as a plain array. */
function row(w: ReturnType<typeof spaceTimeWeights>, bin: number): number[] {
  return Array.from(w.neighbors.subarray(w.offsets[bin], w.offsets[bin + 1]));
}

describe('spaceTimeWeights', () => {
  const line = [[1], [0, 2], [1]]; // three cells on a line

  it('links a bin to its cell and spatial neighbours in the same and the previous step', () => {
    const w = spaceTimeWeights(weightsFromNeighbors(line), 3);
    expect(w.n).toBe(9);
    expect(w.selfIncluded).toBe(true);
    expect(w.style).toBe('binary');
    // Step 0 has no earlier step.
    expect(row(w, 0)).toEqual([0, 1]);
    expect(row(w, 1)).toEqual([0, 1, 2]);
    // Cell 1 in step 1 (bin 4): cells 0–2 in step 0 (bins 0–2) and step 1 (bins 3–5).
    expect(row(w, 4)).toEqual([0, 1, 2, 3, 4, 5]);
    // Cell 2 in step 2 (bin 8): cells 1, 2 in steps 1 and 2; nothing from step 0.
    expect(row(w, 8)).toEqual([4, 5, 7, 8]);
    expect(Array.from(w.weights).every((x) => x === 1)).toBe(true);
  });

  it('reaches back timeSteps steps; timeSteps 0 is the spatial neighbourhood alone', () => {
    const spatial = weightsFromNeighbors(line, { selfIncluded: true, style: 'row' });
    const two = spaceTimeWeights(spatial, 4, { timeSteps: 2 });
    expect(row(two, 3 * 3 + 0)).toEqual([3, 4, 6, 7, 9, 10]);
    const none = spaceTimeWeights(spatial, 2, { timeSteps: 0 });
    expect(row(none, 3 + 1)).toEqual([3, 4, 5]);
    // Row-standardised spatial weights still give binary space-time weights, self not repeated.
    expect(Array.from(none.weights).every((x) => x === 1)).toBe(true);
    expect(none.offsets[none.n]).toBe(2 * 7);
  });

  it('matches the definition on random graphs, steps and time lags (brute force)', () => {
    const random = mulberry32(3);
    for (let trial = 0; trial < 25; trial++) {
      const n = 1 + Math.floor(random() * 12);
      const lists = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => j).filter((j) => j !== i && random() < 0.3),
      );
      const steps = 1 + Math.floor(random() * 6);
      const timeSteps = Math.floor(random() * 4);
      const w = spaceTimeWeights(
        weightsFromNeighbors(lists, { selfIncluded: random() < 0.5 }),
        steps,
        {
          timeSteps,
        },
      );
      for (let t = 0; t < steps; t++)
        for (let c = 0; c < n; c++) {
          const expected: number[] = [];
          for (let s = Math.max(0, t - timeSteps); s <= t; s++)
            for (const j of [...lists[c], c].sort((a, b) => a - b)) expected.push(s * n + j);
          expect(row(w, t * n + c), `trial ${trial} bin (${t}, ${c})`).toEqual(expected);
        }
    }
  });

  it('rejects invalid steps, time lags and neighbour indexes with E_ARGUMENT', () => {
    const spatial = weightsFromNeighbors(line);
    expect(codeOf(() => spaceTimeWeights(spatial, 0))).toBe('E_ARGUMENT');
    expect(codeOf(() => spaceTimeWeights(spatial, 2, { timeSteps: -1 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => spaceTimeWeights(spatial, 2, { timeSteps: 1.5 }))).toBe('E_ARGUMENT');
    const broken = { ...spatial, neighbors: Uint32Array.of(1, 0, 7, 1) };
    expect(codeOf(() => spaceTimeWeights(broken, 2))).toBe('E_ARGUMENT');
  });
});
