import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localMoran } from '../../src/stats/localMoran.js';
import { moranGlobal } from '../../src/stats/moranGlobal.js';
import { weightsFromNeighbors } from '../../src/weights/weightsFromNeighbors.js';
import { expectAllClose, expectClose } from '../helpers/tolerance.js';

// R spdep 1.2-7 localmoran and moran.test on Columbus CRIME with queen contiguity (see
// ../shared/reference/README.md and make.R there). /work/main → /work/shared.
const REFERENCE = new URL('../../../../../shared/reference/columbus/', import.meta.url);

interface LocalMoranReference {
  readonly Ii: number[];
  readonly E_Ii: number[];
  readonly Var_Ii: number[];
  readonly Z_Ii: number[];
  readonly p_two_sided: number[];
}

interface MoranReference {
  readonly I: number;
  readonly expectation: number;
  readonly variance: number;
  readonly z: number;
  readonly p_greater: number;
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(name, REFERENCE)), 'utf8')) as T;
}

const neighbors = readJson<number[][]>('neighbors.json');
const expected = readJson<{
  crime: number[];
  localmoran_conditional: LocalMoranReference;
  localmoran_total: LocalMoranReference;
  localmoran_quadrant_mean: string[];
  localmoran_quadrant_pysal: string[];
  moran_W_randomisation: MoranReference;
  moran_W_normality: MoranReference;
  moran_B_randomisation: MoranReference;
}>('expected.json');

const rowStandardised = weightsFromNeighbors(neighbors, { style: 'row' });

describe('Columbus CRIME against R spdep localmoran (style W, mlvar = TRUE)', () => {
  const cases = [
    ['localmoran_conditional', 'conditional'],
    ['localmoran_total', 'total'],
  ] as const;
  for (const [key, moments] of cases) {
    it(`matches ${key}: Ii, E.Ii, Var.Ii, Z.Ii and the two-sided p to 1e-9`, () => {
      const reference = expected[key];
      const result = localMoran(expected.crime, rowStandardised, { moments, permutations: 0 });
      expectAllClose(result.I, reference.Ii, 1e-9, `${key} Ii`);
      expectAllClose(result.expected, reference.E_Ii, 1e-9, `${key} E.Ii`);
      expectAllClose(result.variance, reference.Var_Ii, 1e-9, `${key} Var.Ii`);
      expectAllClose(result.z, reference.Z_Ii, 1e-9, `${key} Z.Ii`);
      expectAllClose(result.p, reference.p_two_sided, 1e-9, `${key} p`);
    });
  }

  it("reproduces attr(, 'quadr')$mean with quadrantBy 'mean'", () => {
    const result = localMoran(expected.crime, rowStandardised, {
      permutations: 0,
      quadrantBy: 'mean',
    });
    expect(result.scatterQuadrant).toEqual(expected.localmoran_quadrant_mean);
  });

  it("reproduces attr(, 'quadr')$pysal with quadrantBy 'pysal' (the default)", () => {
    const result = localMoran(expected.crime, rowStandardised, { permutations: 0 });
    expect(result.scatterQuadrant).toEqual(expected.localmoran_quadrant_pysal);
  });
});

describe('Columbus CRIME against R spdep moran.test (p one-sided "greater")', () => {
  const cases = [
    ['moran_W_randomisation', 'row', 'randomisation'],
    ['moran_W_normality', 'row', 'normality'],
    ['moran_B_randomisation', 'binary', 'randomisation'],
  ] as const;
  for (const [key, style, assumption] of cases) {
    it(`matches ${key}: I, expectation, variance, z and p to 1e-9`, () => {
      const reference = expected[key];
      const result = moranGlobal(expected.crime, weightsFromNeighbors(neighbors, { style }), {
        assumption,
        alternative: 'greater',
      });
      expectClose(result.I, reference.I, 1e-9, `${key} I`);
      expectClose(result.expected, reference.expectation, 1e-9, `${key} expectation`);
      expectClose(result.variance, reference.variance, 1e-9, `${key} variance`);
      expectClose(result.z, reference.z, 1e-9, `${key} z`);
      expectClose(result.p, reference.p_greater, 1e-9, `${key} p`);
      // p is of order 1e-8…1e-10 here, where an absolute 1e-9 would say little.
      expect(Math.abs(result.p - reference.p_greater)).toBeLessThanOrEqual(
        1e-9 * reference.p_greater,
      );
    });
  }
});
