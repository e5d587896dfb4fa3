import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parseConfig.js';
import { permutationSchemeFor } from '../../src/pipeline/stages/hotspotStage.js';
import { weightsFromNeighbors } from '../../src/weights/weightsFromNeighbors.js';

/** n cells, each linked to every other (a distance band wider than the city), self included. */
function everyCellLinked(n: number) {
  const lists = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => j).filter((j) => j !== i),
  );
  return weightsFromNeighbors(lists, { selfIncluded: true });
}

describe('permutationSchemeFor: the scheme the Gi* and Local Moran permutations run with', () => {
  const ring = weightsFromNeighbors([[1, 2], [0, 2], [0, 1], [2]], { selfIncluded: true });

  it('is the lookup table by default', () => {
    const notes: string[] = [];
    expect(permutationSchemeFor(parseConfig({}, 'test').hotspots, ring, notes)).toBe(
      'lookup-table',
    );
    expect(notes).toEqual([]);
  });

  it('is the configured scheme when one is named', () => {
    for (const scheme of ['conditional', 'spdep'] as const) {
      const config = parseConfig({ hotspots: { scheme } }, 'test');
      expect(permutationSchemeFor(config.hotspots, ring, [])).toBe(scheme);
    }
  });

  it('falls back to conditional with a note when the table would pass 2²⁵ entries', () => {
    // 99,999 permutations × 400 entries = 40 M entries.
    const config = parseConfig({ hotspots: { permutations: 99_999 } }, 'test');
    const notes: string[] = [];
    expect(permutationSchemeFor(config.hotspots, everyCellLinked(400), notes)).toBe('conditional');
    expect(notes).toEqual([
      "The permutations used the conditional scheme: a lookup table of 99,999 permutations × 400 cells would pass the 2²⁵ entries it may hold. Both draw each cell's neighbours the same way; the conditional scheme takes longer.",
    ]);
  });
});
