import type { SpatialWeights } from '../types.js';

/**
 * The cells within `k` edge steps of a zone, the zone's own cells left out: the buffer ring in
 * which displacement is looked for (k = 1: the cells touching the zone).
 *
 * @param contiguity - edge neighbours of the grid (CSR)
 * @param zone - the zone's cells
 * @param k - ring width in cells (0 gives an empty ring)
 * @returns the ring's cells, ascending
 * @example
 * ```ts
 * zoneRing(contiguity, Int32Array.of(12), 1).length; // 6 for an inner cell
 * ```
 */
export function zoneRing(
  contiguity: SpatialWeights,
  zone: ArrayLike<number>,
  k: number,
): Int32Array {
  const seen = new Set<number>();
  for (let i = 0; i < zone.length; i++) seen.add(zone[i]);
  const ring: number[] = [];
  let frontier = Array.from(zone);
  for (let step = 0; step < k; step++) {
    const next: number[] = [];
    for (const c of frontier) {
      for (let j = contiguity.offsets[c]; j < contiguity.offsets[c + 1]; j++) {
        const nb = contiguity.neighbors[j];
        if (seen.has(nb)) continue;
        seen.add(nb);
        ring.push(nb);
        next.push(nb);
      }
    }
    frontier = next;
  }
  return Int32Array.from(ring).sort();
}
