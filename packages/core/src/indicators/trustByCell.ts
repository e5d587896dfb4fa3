import { assertArgument } from '../errors.js';
import { lngLatToCell } from '../hex/h3.js';
import type { CellGrid, SurveyTable } from '../types.js';
import { getOwn } from '../util/getOwn.js';

/** Options of {@link trustByCell}. */
export interface TrustByCellOptions {
  /** Cells with fewer responses are flagged as too few to rely on (default 5). */
  readonly minResponses?: number;
  /** The answer scale (default 1 to 5). */
  readonly scale?: { readonly min: number; readonly max: number };
  /** `true` (default) when a higher answer means more trust (or feeling safer). */
  readonly higherIsMoreTrust?: boolean;
}

/** Trust (or perceived safety) per cell; every column has one entry per cell of the grid. */
export interface TrustResult {
  /** Answers in the cell. */
  readonly responses: Uint32Array;
  /** Mean answer in the cell; NaN without answers. */
  readonly mean: Float64Array;
  /** The mean shrunk toward the city mean by empirical Bayes; NaN without answers. */
  readonly shrunk: Float64Array;
  /** 1 where the cell has fewer than `minResponses` answers (none included). */
  readonly fewResponses: Uint8Array;
  /** Trust deficit 0–1 from the shrunk mean: 1 = lowest trust on the scale; NaN without answers. */
  readonly deficit: Float64Array;
  /** The mean of all answers in the grid. */
  readonly cityMean: number;
  /** Variance of answers within a cell (pooled): the noise a cell's mean carries. */
  readonly withinVariance: number;
  /** Variance of the true cell means around the city mean (≥ 0). */
  readonly betweenVariance: number;
  /** Answers given in no cell of the grid. */
  readonly outside: number;
}

/**
 * Community trust (or perceived safety) per cell from survey answers, with empirical-Bayes
 * shrinkage so that three answers do not outweigh three hundred: each cell's mean moves toward
 * the city mean by B = σ²/(σ² + n τ²), where σ² is the pooled within-cell variance and τ² the
 * between-cell variance (method-of-moments estimator of the unbalanced one-way random-effects
 * model, Searle, Casella & McCulloch 1992 §3.5; shrinkage as Morris 1983, "Parametric empirical
 * Bayes inference"). With τ² = 0 every cell gets the city mean. When no cell has two answers σ²
 * cannot be estimated apart from τ², and the variance of all answers is used (strong shrinkage).
 *
 * @param surveys - the responses
 * @param grid - the analysis cells
 * @param answer - the answer column to score
 * @param options - minimum responses, scale and direction
 * @returns per-cell counts, raw and shrunk means, flags, deficit, and the variance components
 * @throws HexreachError `E_ARGUMENT` when the answer column is missing or the scale is empty
 * @example
 * ```ts
 * const trust = trustByCell(surveys, grid, 'trust_police', { minResponses: 5 });
 * trust.deficit[i]; // 0 = highest trust on the scale, 1 = lowest
 * ```
 */
export function trustByCell(
  surveys: SurveyTable,
  grid: CellGrid,
  answer: string,
  options: TrustByCellOptions = {},
): TrustResult {
  const values = getOwn(surveys.answers, answer);
  assertArgument(
    values !== undefined,
    'trustByCell',
    `the surveys have no answer column "${answer}"`,
    answer,
  );
  const min = options.scale?.min ?? 1;
  const max = options.scale?.max ?? 5;
  assertArgument(min < max, 'trustByCell', `the scale must have min < max, got [${min}, ${max}]`);
  const minResponses = options.minResponses ?? 5;
  const n = grid.cells.length;
  const responses = new Uint32Array(n);
  const sum = new Float64Array(n);
  const cellOf = new Int32Array(surveys.length).fill(-1);
  let outside = 0;
  for (let r = 0; r < surveys.length; r++) {
    const v = values[r];
    if (Number.isNaN(v)) continue;
    const c = grid.indexOf.get(lngLatToCell(surveys.lng[r], surveys.lat[r], grid.resolution));
    if (c === undefined) {
      outside++;
      continue;
    }
    cellOf[r] = c;
    responses[c]++;
    sum[c] += v;
  }
  const mean = new Float64Array(n).fill(Number.NaN);
  let total = 0;
  let count = 0;
  let groups = 0;
  let sumSquaredSizes = 0;
  for (let c = 0; c < n; c++) {
    if (responses[c] === 0) continue;
    mean[c] = sum[c] / responses[c];
    total += sum[c];
    count += responses[c];
    groups++;
    sumSquaredSizes += responses[c] * responses[c];
  }
  const cityMean = count > 0 ? total / count : Number.NaN;
  let within = 0;
  let all = 0;
  for (let r = 0; r < surveys.length; r++) {
    const c = cellOf[r];
    if (c < 0) continue;
    within += (values[r] - mean[c]) ** 2;
    all += (values[r] - cityMean) ** 2;
  }
  let between = 0;
  for (let c = 0; c < n; c++)
    if (responses[c] > 0) between += responses[c] * (mean[c] - cityMean) ** 2;
  const withinVariance =
    count > groups ? within / (count - groups) : count > 1 ? all / (count - 1) : 0;
  const n0 = groups > 1 ? (count - sumSquaredSizes / count) / (groups - 1) : 0;
  const betweenVariance =
    groups > 1 && n0 > 0 ? Math.max(0, (between / (groups - 1) - withinVariance) / n0) : 0;

  const shrunk = new Float64Array(n).fill(Number.NaN);
  const deficit = new Float64Array(n).fill(Number.NaN);
  const fewResponses = new Uint8Array(n);
  const higher = options.higherIsMoreTrust ?? true;
  for (let c = 0; c < n; c++) {
    fewResponses[c] = responses[c] < minResponses ? 1 : 0;
    if (responses[c] === 0) continue;
    const noise = withinVariance;
    const signal = responses[c] * betweenVariance;
    const b = noise + signal > 0 ? noise / (noise + signal) : 1;
    shrunk[c] = cityMean + (1 - b) * (mean[c] - cityMean);
    const level = (shrunk[c] - min) / (max - min);
    deficit[c] = higher ? 1 - level : level;
  }
  return {
    responses,
    mean,
    shrunk,
    fewResponses,
    deficit,
    cityMean,
    withinVariance,
    betweenVariance,
    outside,
  };
}
