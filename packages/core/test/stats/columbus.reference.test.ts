import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { giStar } from '../../src/stats/giStar.js';
import { weightsFromNeighbors } from '../../src/weights/weightsFromNeighbors.js';
import { expectAllClose } from '../helpers/tolerance.js';

// R spdep 1.2-7 localG on Columbus CRIME with queen contiguity (see ../shared/reference/README.md
// and make.R there). The directory sits beside the repository: /work/main → /work/shared.
const REFERENCE = new URL('../../../../../shared/reference/columbus/', import.meta.url);

interface LocalGReference {
  readonly z: number[];
  readonly G: number[];
  readonly EG: number[];
  readonly VG: number[];
  readonly p_two_sided: number[];
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(name, REFERENCE)), 'utf8')) as T;
}

const neighbors = readJson<number[][]>('neighbors.json');
const expected = readJson<{
  meta: { n: number; queen_links: number };
  crime: number[];
  cardinality: number[];
  gistar_B: LocalGReference;
  gistar_W: LocalGReference;
  gi_B: LocalGReference;
  gi_W: LocalGReference;
}>('expected.json');

/** Asserts |actual − expected| ≤ relative·|expected| element-wise. */
function expectAllRelative(
  actual: ArrayLike<number>,
  wanted: number[],
  relative: number,
  label: string,
) {
  expect(actual.length, `${label} length`).toBe(wanted.length);
  for (let i = 0; i < wanted.length; i++) {
    const ok = Math.abs(actual[i] - wanted[i]) <= relative * Math.abs(wanted[i]);
    expect(ok, `${label}[${i}] expected ${wanted[i]}, got ${actual[i]}`).toBe(true);
  }
}

describe('Columbus CRIME against R spdep localG', () => {
  it('reads the reference directory beside the repository', () => {
    expect(fileURLToPath(REFERENCE)).toMatch(/[/\\]shared[/\\]reference[/\\]columbus[/\\]$/);
    expect(neighbors.length).toBe(expected.meta.n);
  });

  it('builds the queen-contiguity weights of poly2nb (236 links, same cardinalities)', () => {
    const w = weightsFromNeighbors(neighbors);
    expect(w.offsets[w.n]).toBe(expected.meta.queen_links);
    expect(Array.from({ length: w.n }, (_, i) => w.offsets[i + 1] - w.offsets[i])).toEqual(
      expected.cardinality,
    );
  });

  const cases = [
    ['gistar_B', true, 'binary'],
    ['gistar_W', true, 'row'],
    ['gi_B', false, 'binary'],
    ['gi_W', false, 'row'],
  ] as const;
  for (const [key, selfIncluded, style] of cases) {
    it(`matches ${key}: z, G, EG and p to 1e-9, VG to 1e-9 relative`, () => {
      const reference = expected[key];
      const result = giStar(
        expected.crime,
        weightsFromNeighbors(neighbors, { selfIncluded, style }),
      );
      expectAllClose(result.z, reference.z, 1e-9, `${key} z`);
      expectAllClose(result.G, reference.G, 1e-9, `${key} G`);
      expectAllClose(result.expected, reference.EG, 1e-9, `${key} EG`);
      // VG is of order 1e-5 on G's scale, where an absolute 1e-9 would hide a 1e-4 relative error.
      expectAllRelative(result.variance, reference.VG, 1e-9, `${key} VG`);
      expectAllClose(result.p, reference.p_two_sided, 1e-9, `${key} p`);
      expectAllRelative(result.p, reference.p_two_sided, 1e-12, `${key} p (relative)`);
    });
  }
});
