/**
 * Jenks natural breaks: the thresholds that split `values` into `classes` groups with the least
 * total within-group sum of squared deviations (Jenks 1977, "Optimal data classification for
 * choropleth maps"). Solved exactly by dynamic programming over the sorted values, as in
 * Ckmeans.1d.dp (Wang & Song 2011, The R Journal 3(2)); each row of the table is filled by
 * divide and conquer, valid because the optimal split point never moves left as the class end
 * moves right (Grønlund et al. 2017, "Fast exact k-means, k-medians and Bregman divergence
 * clustering in 1D"), so 50,000 values take O(k n log n), not Jenks' original O(k n²).
 *
 * Non-finite values (NaN, ±Infinity) are ignored. A threshold is the smallest value of the class
 * it starts, so `x >= threshold` places x in the upper class — the rule of d3's `scaleThreshold`,
 * which colours the map's cells.
 *
 * @param values - the data; need not be sorted
 * @param classes - the number of classes wanted, an integer ≥ 1
 * @returns `min(classes, distinct values) − 1` strictly increasing thresholds (empty for no data)
 * @throws RangeError when `classes` is not an integer ≥ 1
 * @example
 * ```ts
 * jenksBreaks([1, 2, 2, 3, 10, 11, 12, 30, 31], 3); // [10, 30]
 * ```
 */
export function jenksBreaks(values: ArrayLike<number>, classes: number): number[] {
  if (!Number.isInteger(classes) || classes < 1) {
    throw new RangeError(`jenksBreaks: classes must be an integer >= 1, got ${classes}`);
  }
  const sorted = sortedFinite(values);
  const n = sorted.length;
  let distinct = n === 0 ? 0 : 1;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const k = Math.min(classes, distinct);
  if (k <= 1) return [];

  // Shifting by the median keeps the prefix sums small, so S2 − S1²/m loses few digits.
  const shift = sorted[n >> 1];
  const sum = new Float64Array(n + 1);
  const sumSquares = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const x = sorted[i] - shift;
    sum[i + 1] = sum[i] + x;
    sumSquares[i + 1] = sumSquares[i] + x * x;
  }
  // Sum of squared deviations of sorted[from..to] (inclusive) from their mean.
  const cost = (from: number, to: number): number => {
    const m = to - from + 1;
    const s = sum[to + 1] - sum[from];
    return Math.max(0, sumSquares[to + 1] - sumSquares[from] - (s * s) / m);
  };

  // best[c][j]: least cost of splitting sorted[0..j] into c + 1 classes; start[c][j]: where the
  // last of those classes begins.
  let previous = new Float64Array(n);
  for (let j = 0; j < n; j++) previous[j] = cost(0, j);
  const start: Int32Array[] = [new Int32Array(n)];
  for (let c = 1; c < k; c++) {
    const current = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const starts = new Int32Array(n);
    const fill = (jLow: number, jHigh: number, iLow: number, iHigh: number): void => {
      if (jLow > jHigh) return;
      const j = (jLow + jHigh) >> 1;
      let bestCost = Number.POSITIVE_INFINITY;
      let bestStart = Math.max(iLow, c);
      for (let i = Math.max(iLow, c); i <= Math.min(iHigh, j); i++) {
        const total = previous[i - 1] + cost(i, j);
        if (total < bestCost) {
          bestCost = total;
          bestStart = i;
        }
      }
      current[j] = bestCost;
      starts[j] = bestStart;
      fill(jLow, j - 1, iLow, bestStart);
      fill(j + 1, jHigh, bestStart, iHigh);
    };
    fill(c, n - 1, c, n - 1);
    start.push(starts);
    previous = current;
  }

  const thresholds: number[] = [];
  let end = n - 1;
  for (let c = k - 1; c >= 1; c--) {
    const first = start[c][end];
    thresholds.push(sorted[first]);
    end = first - 1;
  }
  thresholds.reverse();
  // Equal values split across two classes would repeat a threshold; a step needs strict increase.
  return thresholds.filter((t, i) => i === 0 || t > thresholds[i - 1]);
}

function sortedFinite(values: ArrayLike<number>): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) count++;
  const out = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[j++] = values[i];
  return out.sort();
}
