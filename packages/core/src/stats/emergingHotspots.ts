import { assertArgument } from '../errors.js';
import type { SpatialWeights } from '../types.js';
import { confidenceBins } from './confidenceBins.js';
import { type EmergingPattern, emergingPattern } from './emergingPattern.js';
import { mannKendall } from './mannKendall.js';
import { type SpaceTimeCube, spaceTimeGiStar } from './spaceTimeGiStar.js';

/** Options of {@link emergingHotspots}. */
export interface EmergingHotspotsOptions {
  /** Earlier steps in a bin's neighbourhood (ArcGIS Neighborhood Time Step); default 1. */
  readonly timeSteps?: number;
  /**
   * Decide significance on Benjamini–Hochberg adjusted p-values within each step, as ArcGIS Pro
   * does (its Gi* per bin uses an FDR correction). Default true.
   */
  readonly fdr?: boolean;
  /** Significance level of a bin: hot/cold when p < alpha (adjusted p ≤ alpha with FDR). Default 0.05. */
  readonly alpha?: number;
  /** Significance level of the Mann–Kendall trend (p < trendAlpha). Default `alpha`. */
  readonly trendAlpha?: number;
}

/** Emerging hot spots: per-cell patterns and trends, and per-bin Gi* (step-major, length n·T). */
export interface EmergingHotspotsResult {
  /** Number of cells n. */
  readonly cells: number;
  /** Number of time steps T. */
  readonly steps: number;
  /** Pattern of each cell (see `EMERGING_HOTSPOT_RULES`). */
  readonly category: readonly EmergingPattern[];
  /** Mann–Kendall z of each cell's Gi* z-score series (positive: rising); NaN when undefined. */
  readonly trendZ: Float64Array;
  /** Two-sided p-value of the trend; NaN with trendZ. */
  readonly trendP: Float64Array;
  /** Kendall's τ of the Gi* z-score series against time. */
  readonly trendTau: Float64Array;
  /** Number of steps in which each cell is a significant hot spot. */
  readonly hotSteps: Uint32Array;
  /** Number of steps in which each cell is a significant cold spot. */
  readonly coldSteps: Uint32Array;
  /** Space-time Gi* z-score of each bin; `z.subarray(t * cells, (t + 1) * cells)` is step t's map. */
  readonly z: Float64Array;
  /** Two-sided p-value of each bin. */
  readonly p: Float64Array;
  /** Benjamini–Hochberg adjusted p within each step. */
  readonly pFdr: Float64Array;
  /** Per bin: +1 significant hot spot, −1 significant cold spot, 0 neither (as used for `category`). */
  readonly status: Int8Array;
  /** Per bin: confidence bin −3…3 (ArcGIS `Gi_Bin`), computed within each step, FDR with `fdr`. */
  readonly bin: Int8Array;
}

/**
 * ArcGIS Pro's Emerging Hot Spot Analysis on a space-time cube of counts: the space-time Gi*
 * of every bin (`spaceTimeGiStar`: one Gi* over the whole cube, neighbours in the same and the
 * `timeSteps` previous steps), significance per step (FDR within each step by default), the
 * Mann–Kendall trend of each cell's Gi* z-score series, and one of the seventeen patterns per
 * cell (`emergingPattern`; the exact rules and their precedence are `EMERGING_HOTSPOT_RULES`).
 * All p-values are two-sided.
 *
 * @param cube - step-major counts and the number of steps (e.g. `spaceTimeBins(…)`)
 * @param spatial - spatial weights over the n cells (e.g. `kRingWeights(grid)`)
 * @param options - `timeSteps` (1), `fdr` (true), `alpha` (0.05), `trendAlpha` (alpha)
 * @returns per-cell pattern, trend and hot/cold step counts; per-bin z, p, pFdr, status and bin
 * @throws HexreachError `E_ARGUMENT` if an option is out of range, `cube.counts` does not hold
 *   n·T finite values, or the weights are invalid
 * @example
 * ```ts
 * const binned = pointsToCells(incidents, grid);
 * const cube = spaceTimeBins(incidents.time, binned.cellOfIncident, grid.cells.length, { step: 'month' });
 * const result = emergingHotspots(cube, kRingWeights(grid));
 * result.category[grid.indexOf.get('882664c1a9fffff')!]; // e.g. 'Intensifying Hot Spot'
 * ```
 */
export function emergingHotspots(
  cube: SpaceTimeCube,
  spatial: SpatialWeights,
  options: EmergingHotspotsOptions = {},
): EmergingHotspotsResult {
  const fn = 'emergingHotspots';
  const fdr = options.fdr ?? true;
  const alpha = options.alpha ?? 0.05;
  const trendAlpha = options.trendAlpha ?? alpha;
  assertArgument(typeof fdr === 'boolean', fn, `fdr must be a boolean, got ${String(fdr)}`, fdr);
  assertArgument(alpha > 0 && alpha < 1, fn, `alpha must be in (0, 1), got ${alpha}`, alpha);
  assertArgument(
    trendAlpha > 0 && trendAlpha < 1,
    fn,
    `trendAlpha must be in (0, 1), got ${trendAlpha}`,
    trendAlpha,
  );

  const {
    cells: n,
    steps,
    z,
    p,
    pFdr,
  } = spaceTimeGiStar(cube, spatial, {
    timeSteps: options.timeSteps,
  });
  const bins = n * steps;
  const status = new Int8Array(bins);
  for (let b = 0; b < bins; b++) {
    const significant = fdr ? pFdr[b] <= alpha : p[b] < alpha; // false for NaN
    if (significant) status[b] = z[b] > 0 ? 1 : z[b] < 0 ? -1 : 0;
  }
  const bin = new Int8Array(bins);
  for (let t = 0; t < steps; t++) {
    const slice = [t * n, (t + 1) * n] as const;
    bin.set(confidenceBins(z.subarray(...slice), p.subarray(...slice), { fdr }), t * n);
  }

  const category: EmergingPattern[] = new Array(n);
  const trendZ = new Float64Array(n);
  const trendP = new Float64Array(n);
  const trendTau = new Float64Array(n);
  const hotSteps = new Uint32Array(n);
  const coldSteps = new Uint32Array(n);
  const series = new Float64Array(steps);
  const cellStatus = new Int8Array(steps);
  for (let c = 0; c < n; c++) {
    let hot = 0;
    let cold = 0;
    for (let t = 0; t < steps; t++) {
      const b = t * n + c;
      series[t] = z[b];
      cellStatus[t] = status[b];
      if (status[b] > 0) hot++;
      else if (status[b] < 0) cold++;
    }
    const trend = mannKendall(series);
    trendZ[c] = trend.z;
    trendP[c] = trend.p;
    trendTau[c] = trend.tau;
    hotSteps[c] = hot;
    coldSteps[c] = cold;
    category[c] = emergingPattern(cellStatus, trend, { trendAlpha });
  }
  return {
    cells: n,
    steps,
    category,
    trendZ,
    trendP,
    trendTau,
    hotSteps,
    coldSteps,
    z,
    p,
    pFdr,
    status,
    bin,
  };
}
