import { percentileRank } from './percentileRank.js';

/** How a component is put on a common scale before weighting. */
export type Normalization = 'percentile' | 'minmax' | 'zscore';

/**
 * Puts a column on a common scale: `percentile` rank (0–1, ties share the lowest rank; robust to
 * outliers, the default), `minmax` ((x − min)/(max − min), 0–1), or `zscore` ((x − mean)/sd,
 * population sd). NaN stays NaN; a constant column gives 0 everywhere it is defined.
 *
 * @param values - one value per cell
 * @param method - the normalisation
 * @returns the normalised column
 * @example
 * ```ts
 * normalize([1, 2, 3, 5], 'minmax'); // [0, 0.25, 0.5, 1]
 * ```
 */
export function normalize(values: ArrayLike<number>, method: Normalization): Float64Array {
  if (method === 'percentile') return percentileRank(values);
  const n = values.length;
  const out = new Float64Array(n).fill(Number.NaN);
  let count = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (count === 0) return out;
  if (method === 'minmax') {
    const range = max - min;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (Number.isFinite(v)) out[i] = range > 0 ? (v - min) / range : 0;
    }
    return out;
  }
  const mean = sum / count;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isFinite(v)) ss += (v - mean) * (v - mean);
  }
  const sd = Math.sqrt(ss / count);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isFinite(v)) out[i] = sd > 0 ? (v - mean) / sd : 0;
  }
  return out;
}
