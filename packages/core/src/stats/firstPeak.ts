/** The scale an incremental spatial autocorrelation chose, and why. */
export interface PeakChoice {
  /** Position of the chosen scale in the series; −1 when no z-score is finite. */
  readonly index: number;
  /** `first-peak`: the first peak above the level; `max`: no such peak, the largest z instead. */
  readonly peak: 'first-peak' | 'max';
}

/**
 * The first peak of a series of z-scores, as ArcGIS's Incremental Spatial Autocorrelation finds
 * it (SSUtilities `returnPeakIndices` with `levelFilter = 1.65`): scanning left to right, once the
 * series has risen at least once, the first position whose z exceeds `level` and is followed by a
 * lower z. On a plateau that is its last position. Without such a peak (the series only rises,
 * only falls, or peaks below the level) the position of the largest finite z is chosen. NaN
 * entries are never chosen and break no rise or fall.
 *
 * @param z - z-scores in order of increasing scale
 * @param level - a peak's z must exceed this (ArcGIS: 1.65, significant at 0.10 two-sided)
 * @returns the chosen position and whether it is a peak or the maximum
 * @example
 * ```ts
 * firstPeak([2, 3, 5, 4, 6, 7], 1.65); // { index: 2, peak: 'first-peak' }
 * firstPeak([1, 2, 3], 1.65);          // { index: 2, peak: 'max' }
 * ```
 */
export function firstPeak(z: ArrayLike<number>, level: number): PeakChoice {
  let risen = false;
  let previous = -1;
  for (let i = 0; i < z.length; i++) {
    if (Number.isNaN(z[i])) continue;
    if (previous >= 0) {
      if (z[i] > z[previous]) risen = true;
      else if (z[i] < z[previous] && risen && z[previous] > level)
        return { index: previous, peak: 'first-peak' };
    }
    previous = i;
  }
  let best = -1;
  for (let i = 0; i < z.length; i++)
    if (!Number.isNaN(z[i]) && (best < 0 || z[i] > z[best])) best = i;
  return { index: best, peak: 'max' };
}
