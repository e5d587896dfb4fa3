import { assertArgument } from '../errors.js';

/** Options of {@link discreteLaplaceSampler} and {@link addDiscreteLaplaceNoise}. */
export interface DiscreteLaplaceOptions {
  /** The privacy budget ε spent on the table, > 0. */
  readonly epsilon: number;
  /** Δ: the most one record can change any one entry of the table (a count: 1), > 0. */
  readonly sensitivity?: number;
}

/**
 * A sampler of discrete Laplace (two-sided geometric) noise, the mechanism of Ghosh, Roughgarden
 * & Sundararajan 2009 behind the US Census Bureau's 2020 tables: P(k) = (1 − p)/(1 + p) · p^|k|
 * for every integer k, with p = exp(−ε/Δ). Added to a table whose entries one record changes by
 * at most Δ, it makes the table ε-differentially private. Mean 0, variance 2p/(1 − p)².
 *
 * Each draw is the difference of two geometric variables, G = ⌊ln U / ln p⌋ with U uniform on
 * (0, 1], whose difference has exactly this law. The noise is integer-valued, so it does not
 * leak through the low bits of floating-point numbers as continuous Laplace noise can (Mironov
 * 2012). The uniform source must be secret (see `secretUniform`): whoever can replay it can
 * subtract the noise.
 *
 * @param options - ε and Δ (default 1)
 * @param uniform - uniform numbers in [0, 1)
 * @returns a function returning the next noise value, an integer
 * @throws HexreachError `E_ARGUMENT` when ε or Δ is not a finite number > 0
 * @example
 * ```ts
 * const noise = discreteLaplaceSampler({ epsilon: 1 }, secretUniform());
 * const published = Math.max(0, trueCount + noise());
 * ```
 */
export function discreteLaplaceSampler(
  options: DiscreteLaplaceOptions,
  uniform: () => number,
): () => number {
  const logP = -options.epsilon / checkedSensitivity(options, 'discreteLaplaceSampler');
  // One minus a uniform on [0, 1) is a uniform on (0, 1]: its logarithm is finite.
  const geometric = () => Math.floor(Math.log(1 - uniform()) / logP);
  return () => geometric() - geometric();
}

/**
 * Adds independent discrete Laplace noise (see {@link discreteLaplaceSampler}) to every entry of
 * a table of integer counts. Negative results are kept: clamping them to 0 is post-processing,
 * for whoever publishes them, and unbiased sums need them.
 *
 * @param counts - the true table (integers)
 * @param options - ε and Δ (default 1) of the table
 * @param uniform - uniform numbers in [0, 1): `secretUniform()` for anything published
 * @returns a new table of the same length, each entry an integer
 * @throws HexreachError `E_ARGUMENT` when ε or Δ is not a finite number > 0, or an entry is not
 *   an integer
 * @example
 * ```ts
 * const noisy = addDiscreteLaplaceNoise(binned.incidents, { epsilon: 0.5 }, secretUniform());
 * ```
 */
export function addDiscreteLaplaceNoise(
  counts: ArrayLike<number>,
  options: DiscreteLaplaceOptions,
  uniform: () => number,
): Float64Array {
  checkedSensitivity(options, 'addDiscreteLaplaceNoise');
  const noise = discreteLaplaceSampler(options, uniform);
  const noisy = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i];
    assertArgument(
      Number.isInteger(count),
      'addDiscreteLaplaceNoise',
      `counts[${i}] must be an integer, got ${count}`,
      count,
    );
    noisy[i] = count + noise();
  }
  return noisy;
}

/**
 * The variance of discrete Laplace noise, 2p/(1 − p)² with p = exp(−ε/Δ): what a published
 * count's error is expected to be, and the sum of such variances for a sum of noisy counts.
 *
 * @param options - ε and Δ (default 1)
 * @returns the variance
 * @throws HexreachError `E_ARGUMENT` when ε or Δ is not a finite number > 0
 * @example
 * ```ts
 * discreteLaplaceVariance({ epsilon: 1 }); // 1.8407…: a standard deviation of 1.36 counts
 * ```
 */
export function discreteLaplaceVariance(options: DiscreteLaplaceOptions): number {
  const p = Math.exp(-options.epsilon / checkedSensitivity(options, 'discreteLaplaceVariance'));
  return (2 * p) / (1 - p) ** 2;
}

function checkedSensitivity(options: DiscreteLaplaceOptions, fn: string): number {
  const { epsilon } = options;
  const sensitivity = options.sensitivity ?? 1;
  assertArgument(
    Number.isFinite(epsilon) && epsilon > 0,
    fn,
    `epsilon must be a finite number > 0, got ${epsilon}`,
    epsilon,
  );
  assertArgument(
    Number.isFinite(sensitivity) && sensitivity > 0,
    fn,
    `sensitivity must be a finite number > 0, got ${sensitivity}`,
    sensitivity,
  );
  return sensitivity;
}
