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

/** How often the attack gives a small count exactly, against what the noise allows. */
export interface AttackRecovery {
  /** Cells with 1 to 4 incidents in truth. */
  readonly cells: number;
  /** Those whose true weighted count the attacker gets exactly (published or inferred). */
  readonly recovered: number;
  readonly rate: number;
  /**
   * The mechanism's own probability of zero noise on one entry of the cell-count table,
   * (1 − p)/(1 + p) with p = e^(−ε) for the table's ε: the rate a guess of the published value
   * is exact, which no attack on the noisy counts can beat by much.
   */
  readonly zeroNoise: number;
}

/**
 * The attack on a public export against the truth of the same data's private run: for every
 * cell with 1 to 4 incidents, the attacker takes the published weighted count, or the attack's
 * inference where it is written `"<k"`, and is right when that equals the true weighted count.
 *
 * @param privateCells - the private run's cells.geojson (the truth)
 * @param publicCells - the public run's cells.geojson
 * @param cellTableEpsilon - ε of the public run's per-cell table (summary.json privacy.tables)
 */
export function attackRecovery(
  privateCells: FeatureCollection,
  publicCells: FeatureCollection,
  cellTableEpsilon: number,
): AttackRecovery {
  const inferred = giStarAttack(publicCells);
  const published = new Map(
    publicCells.features.map((f) => [f.properties?.h3, f.properties?.weighted_incidents]),
  );
  let cells = 0;
  let recovered = 0;
  for (const f of privateCells.features) {
    const incidents = f.properties?.incidents;
    if (typeof incidents !== 'number' || incidents < 1 || incidents > 4) continue;
    cells++;
    const h3 = f.properties?.h3;
    const guess = inferred.get(h3) ?? published.get(h3);
    if (guess === f.properties?.weighted_incidents) recovered++;
  }
  const p = Math.exp(-cellTableEpsilon);
  return { cells, recovered, rate: recovered / cells, zeroNoise: (1 - p) / (1 + p) };
}
