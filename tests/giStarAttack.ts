import type { FeatureCollection } from 'geojson';
import { gridFromCells } from '../packages/core/src/hex/gridFromCells.js';
import { kRingWeights } from '../packages/core/src/weights/kRingWeights.js';

/**
 * The reconstruction attack of issue 13 on a public `cells.geojson`: recovers every weighted
 * count written as `"<k"` from the published k = 1 Gi* z-scores and the counts that are
 * published. Gi* (Getis & Ord 1992) gives, for every cell i with binary weights w (self included),
 * W_i = Σ_j w_ij and c_i = √((n·W_i − W_i²)/(n − 1)):
 *
 *     Σ_j w_ij x_j − W_i·x̄ − z_i·c_i·s = 0,
 *
 * linear in the unknown counts x_j and in the two unknown scalars x̄ (mean) and s (sd). With the
 * published counts moved to the right-hand side, least squares over all n equations gives the
 * suppressed counts (and x̄, s); rounding gives integers.
 *
 * @param cells - a public cells.geojson (h3, gi_z, weighted_incidents with `"<k"` strings)
 * @returns each suppressed cell's h3 index and the count the attack infers for it
 */
export function giStarAttack(cells: FeatureCollection): Map<string, number> {
  const props = cells.features.map((f) => f.properties as Record<string, unknown>);
  const grid = gridFromCells(props.map((p) => String(p.h3)));
  const weights = kRingWeights(grid, { k: 1 });
  const n = grid.cells.length;
  const at = (cell: string) => grid.indexOf.get(cell)!;
  const z = new Float64Array(n);
  const known = new Float64Array(n).fill(Number.NaN);
  for (const p of props) {
    z[at(String(p.h3))] = Number(p.gi_z);
    if (typeof p.weighted_incidents === 'number') known[at(String(p.h3))] = p.weighted_incidents;
  }
  const unknown = [...known.keys()].filter((i) => Number.isNaN(known[i]));
  const column = new Map(unknown.map((cell, j) => [cell, j]));
  const m = unknown.length + 2; // the suppressed counts, then x̄ and s
  // Normal equations MᵀM θ = Mᵀr, accumulated one sparse row of M at a time.
  const normal = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const W = weights.offsets[i + 1] - weights.offsets[i];
    const c = Math.sqrt((n * W - W * W) / (n - 1));
    const entries: [number, number][] = [
      [m - 2, -W],
      [m - 1, -z[i] * c],
    ];
    let r = 0;
    for (let e = weights.offsets[i]; e < weights.offsets[i + 1]; e++) {
      const j = weights.neighbors[e];
      const col = column.get(j);
      if (col === undefined) r -= known[j];
      else entries.push([col, 1]);
    }
    for (const [a, va] of entries) {
      rhs[a] += va * r;
      for (const [b, vb] of entries) normal[a * m + b] += va * vb;
    }
  }
  const theta = solve(normal, rhs, m);
  return new Map(unknown.map((cell, j) => [grid.cells[cell], Math.round(theta[j])]));
}

/** Solves the symmetric system A x = b by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const x = Float64Array.from(b);
  for (let k = 0; k < m; k++) {
    let pivot = k;
    for (let i = k + 1; i < m; i++)
      if (Math.abs(a[i * m + k]) > Math.abs(a[pivot * m + k])) pivot = i;
    if (pivot !== k) {
      for (let j = 0; j < m; j++) {
        const t = a[k * m + j];
        a[k * m + j] = a[pivot * m + j];
        a[pivot * m + j] = t;
      }
      [x[k], x[pivot]] = [x[pivot], x[k]];
    }
    for (let i = k + 1; i < m; i++) {
      const f = a[i * m + k] / a[k * m + k];
      if (f === 0) continue;
      for (let j = k; j < m; j++) a[i * m + j] -= f * a[k * m + j];
      x[i] -= f * x[k];
    }
  }
  for (let k = m - 1; k >= 0; k--) {
    let sum = x[k];
    for (let j = k + 1; j < m; j++) sum -= a[k * m + j] * x[j];
    x[k] = sum / a[k * m + k];
  }
  return x;
}
