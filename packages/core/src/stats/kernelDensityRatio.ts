import { assertArgument } from '../errors.js';
import type { CellGrid } from '../types.js';
import { type KernelSource, kernelDensity } from './kernelDensity.js';

/** Options of {@link kernelDensityRatio}. */
export interface KernelDensityRatioOptions {
  /** Bandwidth of the numerator's kernel, and of the denominator's unless given apart. */
  readonly bandwidthMeters: number;
  /** Bandwidth of the denominator's kernel (sfhotspot allows two). Default `bandwidthMeters`. */
  readonly denominatorBandwidthMeters?: number;
  /**
   * Denominator densities (per km²) at or below this are treated as no denominator at all and
   * give NaN. Default: 1e−12 × the largest denominator density, i.e. numerically zero.
   */
  readonly minDenominatorDensity?: number;
  /** The kernel of both estimates; only `quartic`. Default `quartic`. */
  readonly kernel?: 'quartic';
}

/** The ratio of two kernel densities and the densities themselves, one entry per cell. */
export interface KernelDensityRatioResult {
  /** numerator density / denominator density; NaN where the denominator is ~0. */
  readonly ratio: Float64Array;
  /** The numerator's density per km² (`kernelDensity`). */
  readonly numerator: Float64Array;
  /** The denominator's density per km² (`kernelDensity`). */
  readonly denominator: Float64Array;
}

/** Where a denominator density counts as zero, relative to the largest one. */
const RELATIVE_ZERO = 1e-12;

/**
 * Dual kernel density: the ratio of two quartic kernel densities at each cell centre, e.g.
 * incidents per resident, a smoothed risk rather than a smoothed count (sfhotspot's
 * `hotspot_dual_kde(method = "ratio")`: d(x)/d(y)). Each density is `kernelDensity` of its own
 * source (points or per-cell counts). With one bandwidth the kernel constants cancel, so the
 * ratio is Σ_i w_i·K(d_i/h) / Σ_j v_j·K(d_j/h): a kernel-weighted local rate.
 *
 * Where the denominator density is ~0 (no denominator weight within the bandwidth, or only at
 * its very edge) the ratio is NaN rather than infinite or a huge number from a few points.
 *
 * @param grid - the analysis cells
 * @param numerator - points or per-cell counts for the numerator (e.g. incidents)
 * @param denominator - points or per-cell counts for the denominator (e.g. residents per cell)
 * @param options - `bandwidthMeters` (required), `denominatorBandwidthMeters`,
 *   `minDenominatorDensity` (per km²), `kernel`
 * @returns the ratio and both densities per cell
 * @throws HexreachError `E_ARGUMENT` as `kernelDensity` does for either source, or if
 *   `minDenominatorDensity` is negative or not finite
 * @example
 * ```ts
 * const risk = kernelDensityRatio(grid, incidents, residentsPerCell, { bandwidthMeters: 600 });
 * risk.ratio; // incidents per resident, smoothed; NaN where nobody lives within 600 m
 * ```
 */
export function kernelDensityRatio(
  grid: CellGrid,
  numerator: KernelSource,
  denominator: KernelSource,
  options: KernelDensityRatioOptions,
): KernelDensityRatioResult {
  const fn = 'kernelDensityRatio';
  const bandwidthMeters = options?.bandwidthMeters;
  const denominatorBandwidthMeters = options?.denominatorBandwidthMeters ?? bandwidthMeters;
  const minDenominatorDensity = options?.minDenominatorDensity;
  assertArgument(
    minDenominatorDensity === undefined ||
      (Number.isFinite(minDenominatorDensity) && minDenominatorDensity >= 0),
    fn,
    `minDenominatorDensity must be a finite number >= 0, got ${String(minDenominatorDensity)}`,
    minDenominatorDensity,
  );
  const kernel = options?.kernel;
  const top = kernelDensity(grid, numerator, { bandwidthMeters, kernel });
  const bottom = kernelDensity(grid, denominator, {
    bandwidthMeters: denominatorBandwidthMeters,
    kernel,
  });
  let largest = 0;
  for (let c = 0; c < bottom.length; c++) if (bottom[c] > largest) largest = bottom[c];
  const floor = minDenominatorDensity ?? RELATIVE_ZERO * largest;
  const ratio = new Float64Array(top.length);
  for (let c = 0; c < top.length; c++) {
    // sfhotspot hotspot_dual_kde, method "ratio": kde_x / kde_y
    ratio[c] = bottom[c] > floor ? top[c] / bottom[c] : Number.NaN;
  }
  return { ratio, numerator: top, denominator: bottom };
}
