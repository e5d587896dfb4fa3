import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { gridDisk } from '../../src/hex/h3.js';
import { giStar } from '../../src/stats/giStar.js';
import { localMoran } from '../../src/stats/localMoran.js';
import { conditionalPermutation } from '../../src/stats/permutation/conditionalPermutation.js';
import {
  esdaPValue,
  type PermutationPValue,
  permutationPValue,
} from '../../src/stats/permutation/permutationPValue.js';
import type { SpatialWeights } from '../../src/types.js';
import { mulberry32 } from '../../src/util/random.js';
import { distanceBandWeights } from '../../src/weights/distanceBandWeights.js';
import { kRingWeights } from '../../src/weights/kRingWeights.js';
import { withoutSelfRowStandardised } from '../../src/weights/withoutSelfRowStandardised.js';
import { codeOf } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

/** spdep 1.2-7 localmoran_perm / localG_perm on Columbus CRIME: draws and p-values (fixtures/reference/*.R). */
interface SpdepDraws {
  readonly runs: readonly {
    readonly fun: string;
    readonly nsim: number;
    readonly cells: readonly {
      readonly index: number;
      readonly observed: number;
      readonly draws: readonly number[];
      readonly p_two_sided_sim: number;
      readonly p_folded_sim: number;
    }[];
  }[];
}

const spdep: SpdepDraws = JSON.parse(
  readFileSync(
    new URL('../fixtures/reference/spdep_permutation_draws.json', import.meta.url),
    'utf8',
  ),
);

describe("permutationPValue on spdep's own draws (Columbus CRIME, localmoran_perm, localG_perm)", () => {
  for (const run of spdep.runs) {
    for (const cell of run.cells) {
      const title = `${run.fun}, nsim ${run.nsim}, cell ${cell.index}`;
      it(`${title}: 'spdep' is spdep's Pr(z != E(·)) Sim to 1e-12`, () => {
        expect(cell.draws).toHaveLength(run.nsim);
        expectClose(
          permutationPValue(cell.observed, cell.draws, 'spdep'),
          cell.p_two_sided_sim,
          1e-12,
        );
      });
      it(`${title}: 'esda' is spdep's Pr(folded) Sim (esda's directed p_sim) to 1e-12`, () => {
        expectClose(permutationPValue(cell.observed, cell.draws, 'esda'), cell.p_folded_sim, 1e-12);
      });
    }
  }
});

describe('permutationPValue on hand-counted draws', () => {
  // R = 9 draws, mean 22.5/9 = 2.5; ties at 1 and 3.
  const draws = [0.5, 1, 1, 2, 3, 3, 3, 4, 5];
  const expected: [number, PermutationPValue, number][] = [
    // esda/significance.py _permutation_significance, 'directed' (esda's default p_sim):
    // larger = #{d ≥ s}; if R − larger < larger, larger = R − larger; p = (larger + 1)/(R + 1).
    [4.5, 'esda', 2 / 10], // larger = 1 (5)
    [3, 'esda', 5 / 10], // larger = 5 (3, 3, 3, 4, 5); R − 5 = 4 < 5, so 4
    [1, 'esda', 2 / 10], // larger = 8; R − 8 = 1 (0.5)
    [0.5, 'esda', 1 / 10], // larger = 9; R − 9 = 0
    // spdep probs_lut: k = as.integer(rank(c(draws, s))[R + 1]), p = 2·min(k, R + 2 − k)/(R + 1).
    [4.5, 'spdep', 4 / 10], // k = 9: 2·min(9, 2)/10
    [3, 'spdep', 1], // 4 below, 3 tied: ranks 5 … 8 average 6.5, k = 6: 2·min(6, 5)/10
    [1, 'spdep', 6 / 10], // 1 below, 2 tied: ranks 2 … 4 average 3, k = 3: 2·min(3, 8)/10
    // esda 'folded': M = #{|d − 2.5| ≥ |s − 2.5|}.
    [4.5, 'folded', 3 / 10], // |d − 2.5| ≥ 2: 0.5 and 5
    [3, 'folded', 1], // every |d − 2.5| ≥ 0.5
    // esda 'two-sided': min(1, 2·(min(#{d ≥ s}, #{d ≤ s}) + 1)/(R + 1)).
    [4.5, 'two-sided', 4 / 10], // min(1, 8) = 1
    [1, 'two-sided', 8 / 10], // min(8, 3) = 3
    [3, 'two-sided', 1], // min(5, 7) = 5: 12/10, capped
    [4.5, 'greater', 2 / 10],
    [4.5, 'less', 9 / 10],
  ];
  for (const [observed, method, p] of expected) {
    it(`${method} of ${observed} among [${draws.join(', ')}] is ${p}`, () => {
      expectClose(permutationPValue(observed, draws, method), p, 1e-15);
    });
  }

  it("'spdep' exceeds 1 at the middle rank of an even R, as spdep's look-up table does", () => {
    // nsim = 4: ts = 2·min(gr, rev(gr)) = [0.4, 0.8, 1.2, 0.8, 0.4]; 2.5 has rank 3.
    expectClose(permutationPValue(2.5, [1, 2, 3, 4], 'spdep'), 1.2, 1e-15);
  });

  it('counts draws within the tolerance as ties', () => {
    const near = 3 + 1e-12;
    expect(permutationPValue(near, draws, 'esda')).toBe(3 / 10); // without: 2 draws ≥ near
    expect(permutationPValue(near, draws, 'esda', 1e-10)).toBe(5 / 10);
    expect(permutationPValue(near, draws, 'spdep', 1e-10)).toBe(1);
  });

  it('gives NaN for a NaN observed value or draw', () => {
    for (const method of ['esda', 'spdep', 'folded', 'two-sided', 'greater', 'less'] as const) {
      expect(permutationPValue(Number.NaN, draws, method)).toBeNaN();
      expect(permutationPValue(1, [1, Number.NaN], method)).toBeNaN();
    }
  });

  it('rejects empty draws, an unknown method and a bad tolerance with E_ARGUMENT', () => {
    expect(codeOf(() => permutationPValue(1, [], 'esda'))).toBe('E_ARGUMENT');
    expect(codeOf(() => permutationPValue(1, [1], 'directed' as never))).toBe('E_ARGUMENT');
    expect(codeOf(() => permutationPValue(1, [1], 'esda', -1))).toBe('E_ARGUMENT');
    expect(codeOf(() => permutationPValue(1, [1], 'esda', Number.NaN))).toBe('E_ARGUMENT');
  });
});

/** Integer counts on a hexagonal disk of 3k(k + 1) + 1 H3 cells, from a seeded generator. */
function diskCounts(k: number, seed: number) {
  const grid = gridFromCells(gridDisk('882664c1a9fffff', k));
  const random = mulberry32(seed);
  const counts = Array.from(grid.cells, () => Math.floor(random() * random() * 12));
  return { grid, counts };
}

describe('the permutation engine routes every pSim through permutationPValue', () => {
  const { grid, counts } = diskCounts(6, 3);
  const w = kRingWeights(grid, { k: 1 });
  const R = 199;
  const run = (pValue: PermutationPValue, scheme: 'conditional' | 'spdep') =>
    conditionalPermutation(counts, w, {
      statistic: 'gistar',
      permutations: R,
      seed: 5,
      scheme,
      pValue,
    }).pSim;

  for (const scheme of ['conditional', 'spdep'] as const) {
    it(`${scheme} scheme: esda, spdep and two-sided follow from the ≥ and ≤ counts of the same draws`, () => {
      const greater = run('greater', scheme);
      const less = run('less', scheme);
      const esda = run('esda', scheme);
      const rank = run('spdep', scheme);
      const twoSided = run('two-sided', scheme);
      expect(
        conditionalPermutation(counts, w, { statistic: 'gistar', permutations: R, seed: 5, scheme })
          .pSim,
      ).toEqual(run('folded', scheme));
      let checked = 0;
      for (let i = 0; i < grid.cells.length; i++) {
        if (Number.isNaN(greater[i])) continue;
        const atLeast = Math.round(greater[i] * (R + 1)) - 1;
        const atMost = Math.round(less[i] * (R + 1)) - 1;
        const tied = atLeast + atMost - R;
        const k = R - atLeast + 1 + Math.floor(tied / 2);
        expectClose(esda[i], (Math.min(atLeast, R - atLeast) + 1) / (R + 1), 1e-15, `esda ${i}`);
        expectClose(rank[i], (2 * Math.min(k, R + 2 - k)) / (R + 1), 1e-15, `spdep ${i}`);
        expectClose(
          twoSided[i],
          Math.min((2 * (Math.min(atLeast, atMost) + 1)) / (R + 1), 1),
          1e-15,
          `two-sided ${i}`,
        );
        checked++;
      }
      expect(checked).toBeGreaterThan(100);
    });
  }

  it('rejects a pValue that contradicts a one-sided alternative', () => {
    const options = {
      statistic: 'gistar',
      permutations: 9,
      alternative: 'greater',
      pValue: 'esda',
    } as const;
    expect(codeOf(() => conditionalPermutation(counts, w, options))).toBe('E_ARGUMENT');
    expect(
      codeOf(() =>
        conditionalPermutation(counts, w, { statistic: 'gistar', pValue: 'p' as never }),
      ),
    ).toBe('E_ARGUMENT');
  });
});

describe('Gi* and Local Moran share their pseudo p under the conditional scheme', () => {
  // With binary Gi* weights and Local Moran on the same links without self, row-standardised (as
  // analyze builds them), both are affine in the sum S of the redrawn neighbours' values (Gi*:
  // (x_i + S)/Σx; I_i: z_i/(m₂k)·(S − k·x̄)) and draw the same cells from the same streams.
  const { grid, counts } = diskCounts(8, 11);
  const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
  const neighbourhoods = [
    ['k-ring 1', kRingWeights(grid, { k: 1 })],
    ['1500 m band', distanceBandWeights(grid, { thresholdMeters: 1500, selfIncluded: true })],
  ] as const;
  const options = { permutations: 499, seed: 2 } as const;
  const pSims = (w: SpatialWeights, pValue: PermutationPValue) => ({
    gi: giStar(counts, w, { ...options, pValue }).pSim!,
    lisa: localMoran(counts, withoutSelfRowStandardised(w), { ...options, pValue }).pSim!,
  });
  for (const [name, w] of neighbourhoods) {
    for (const pValue of ['folded', 'two-sided'] as const) {
      it(`${name}, ${pValue}: the same p in every cell (the p is symmetric in the sign of the slope)`, () => {
        const { gi, lisa } = pSims(w, pValue);
        for (let i = 0; i < gi.length; i++) expect(lisa[i], `cell ${i}`).toBe(gi[i]);
        expect(lisa.filter((p) => !Number.isNaN(p)).length).toBeGreaterThan(150);
      });
    }
    for (const pValue of ['esda', 'spdep'] as const) {
      it(`${name}, ${pValue}: the same p in every cell above the mean (below it, ties fall on the other side)`, () => {
        const { gi, lisa } = pSims(w, pValue);
        let above = 0;
        for (let i = 0; i < gi.length; i++) {
          if (counts[i] <= mean) continue;
          expect(lisa[i], `cell ${i}`).toBe(gi[i]);
          above++;
        }
        expect(above).toBeGreaterThan(50);
      });
    }
  }
});

describe('esdaPValue (the engine counts L while it forms the draws)', () => {
  it("equals permutationPValue's esda p for the same count", () => {
    const draws = [1, 2, 3, 4, 6, 7, 9, 9, 12];
    for (const observed of [0, 3, 5, 9, 13]) {
      const larger = draws.filter((d) => d >= observed).length;
      expect(esdaPValue(larger, draws.length)).toBe(permutationPValue(observed, draws, 'esda'));
    }
  });

  it('folds at the median: L = 1 and L = R − 1 of R = 5 both give 2/6', () => {
    expect(esdaPValue(1, 5)).toBe(2 / 6);
    expect(esdaPValue(4, 5)).toBe(2 / 6);
  });
});
