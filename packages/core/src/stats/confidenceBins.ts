import { assertArgument } from '../errors.js';

/** Options of {@link confidenceBins}. */
export interface ConfidenceBinsOptions {
  /** Apply the Benjamini–Hochberg false discovery rate correction to each level. Default false. */
  readonly fdr?: boolean;
}

/** Significance levels of bins 1, 2 and 3 (90, 95 and 99 % confidence). */
const ALPHAS = [0.1, 0.05, 0.01] as const;

/** Above every k·α/m of the FDR levels, however k·α/m rounds: larger p-values never pass. */
const CANDIDATE_P = 0.11;

/**
 * Confidence-level bins as ArcGIS Hot Spot Analysis reports them (`Gi_Bin`): ±3 for 99 %
 * confidence (p < 0.01), ±2 for 95 % (p < 0.05), ±1 for 90 % (p < 0.10), 0 for not
 * significant, signed by z (positive: hot spot, negative: cold spot).
 *
 * With `fdr: true` each level uses the Benjamini–Hochberg critical p-value instead, as ArcGIS's
 * FDR correction does: for α ∈ {0.10, 0.05, 0.01}, the critical value is the largest ranked
 * p_(k) with p_(k) ≤ k·α/m, and a cell is significant at that level when p ≤ that value
 * (Benjamini & Hochberg 1995, step-up procedure). m counts the cells with both z and p present.
 *
 * @param z - z-scores; NaN marks a cell without a test
 * @param p - two-sided p-values aligned with `z`, each in [0, 1] or NaN
 * @param options - `fdr` (default false)
 * @returns one bin in −3…3 per cell; 0 where z or p is NaN or z is 0
 * @throws HexreachError `E_ARGUMENT` if the lengths differ or a p-value is outside [0, 1]
 * @example
 * ```ts
 * confidenceBins([3.1, -2.2, 1.7, 0.4], [0.0019, 0.0278, 0.0891, 0.6892]); // Int8Array [3, -2, 1, 0]
 * ```
 */
export function confidenceBins(
  z: ArrayLike<number>,
  p: ArrayLike<number>,
  options: ConfidenceBinsOptions = {},
): Int8Array {
  const fdr = options.fdr ?? false;
  const n = z.length;
  assertArgument(
    p.length === n,
    'confidenceBins',
    `z has ${n} values but p has ${p.length}`,
    p.length,
  );
  assertArgument(
    typeof fdr === 'boolean',
    'confidenceBins',
    `fdr must be a boolean, got ${String(fdr)}`,
    fdr,
  );
  for (let i = 0; i < n; i++) {
    const value = p[i];
    // The message is built only on failure: this loop runs over every cell.
    if (!(Number.isNaN(value) || (value >= 0 && value <= 1))) {
      assertArgument(false, 'confidenceBins', `p[${i}] = ${value} is not a probability in [0, 1]`, {
        index: i,
        value,
      });
    }
  }

  const bins = new Int8Array(n);
  if (fdr) {
    const [at10, at5, at1] = fdrCriticalValues(z, p);
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(z[i]) || Number.isNaN(p[i])) continue;
      // The highest level whose critical value p reaches.
      const pi = p[i];
      const level = pi <= at1 ? 3 : pi <= at5 ? 2 : pi <= at10 ? 1 : 0;
      bins[i] = signed(level, z[i]);
    }
    return bins;
  }
  for (let i = 0; i < n; i++) bins[i] = confidenceBin(z[i], p[i]);
  return bins;
}

/**
 * The bin of one cell without correction, as {@link confidenceBins} gives it: ±3, ±2, ±1 for
 * p < 0.01, 0.05, 0.10 signed by z, 0 otherwise or where z or p is NaN. Shared with `giStar`,
 * which bins inside its own pass.
 *
 * @param z - the cell's z-score
 * @param p - its two-sided p-value
 * @returns the bin in −3…3
 * @example
 * ```ts
 * confidenceBin(-2.2, 0.0278); // -2
 * ```
 */
export function confidenceBin(z: number, p: number): number {
  // NaN fails every comparison: no level, and 0 for the sign.
  const level = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.1 ? 1 : 0;
  return signed(level, z);
}

/** The level carrying the sign of z (0 when z is 0). */
function signed(level: number, z: number): number {
  return z > 0 ? level : z < 0 ? -level : 0;
}

/**
 * For each α of {@link ALPHAS}, the largest ranked p_(k) with p_(k) ≤ k·α/m, or −1 when none
 * qualifies (so that no p-value passes).
 */
function fdrCriticalValues(z: ArrayLike<number>, p: ArrayLike<number>): Float64Array {
  // p_(k) ≤ k·α/m ≤ α (up to rounding): only the smallest p-values can qualify, and they keep
  // their ranks among all m when sorted alone.
  const tested = new Float64Array(p.length);
  let m = 0;
  let candidates = 0;
  for (let i = 0; i < p.length; i++) {
    if (Number.isNaN(z[i]) || Number.isNaN(p[i])) continue;
    m++;
    if (p[i] <= CANDIDATE_P) tested[candidates++] = p[i];
  }
  const sorted = tested.subarray(0, candidates).sort();
  const critical = new Float64Array(ALPHAS.length).fill(-1);
  for (let a = 0; a < ALPHAS.length; a++) {
    for (let k = candidates; k >= 1; k--) {
      if (sorted[k - 1] <= (k * ALPHAS[a]) / m) {
        critical[a] = sorted[k - 1];
        break;
      }
    }
  }
  return critical;
}
