/**
 * Deviations from the mean, z_i = x_i − x̄, with the mean refined by a second pass as R's `mean`
 * computes it, so that the local and global Moran statistics agree with spdep to rounding.
 *
 * @param x - the values
 * @returns a new array of x − x̄
 * @example
 * ```ts
 * centredValues([1, 2, 6]); // Float64Array [-2, -1, 3]
 * ```
 */
export function centredValues(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i];
  let mean = sum / n;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += x[i] - mean;
  mean += residual / n;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = x[i] - mean;
  return z;
}
