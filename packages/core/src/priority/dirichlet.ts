import { assertArgument } from '../errors.js';

/**
 * One draw from a Dirichlet distribution: a vector of non-negative shares summing to 1 whose
 * mean is `alpha / Σ alpha` and whose spread shrinks as `Σ alpha` grows
 * (Var xₖ = aₖ(1 − aₖ)/(Σα + 1) with aₖ = αₖ/Σα). Each share is a Gamma(αₖ, 1) draw divided by
 * the sum of the draws; Gamma variates come from Marsaglia & Tsang (2000), "A simple method for
 * generating gamma variables", ACM TOMS 26(3), and the normals they need from Marsaglia's polar
 * method, all from the one uniform generator given, so a seeded generator gives the same draw on
 * every machine. An `alpha` of 0 gives that share 0 (the limit of the distribution as αₖ → 0),
 * which keeps a component with weight 0 out of every draw.
 *
 * Gammas are kept as logarithms until the end, so very small αₖ (whose Gamma draws underflow to
 * 0 as plain numbers) still give shares that sum to 1.
 *
 * @param alpha - the concentration parameters, each finite and ≥ 0, at least one > 0
 * @param random - a uniform generator on [0, 1), e.g. `mulberry32(seed)`
 * @returns one share per entry of `alpha`, summing to 1
 * @throws HexreachError `E_ARGUMENT` when `alpha` is empty, holds a negative, non-finite or NaN
 *   value, or is all zeros
 * @example
 * ```ts
 * const random = mulberry32(1);
 * dirichlet([8, 4, 8], random); // e.g. [0.43, 0.17, 0.40]; the mean over many draws is [0.4, 0.2, 0.4]
 * ```
 */
export function dirichlet(alpha: readonly number[], random: () => number): number[] {
  const fn = 'dirichlet';
  assertArgument(alpha.length > 0, fn, 'alpha must not be empty', alpha);
  let positive = 0;
  for (const a of alpha) {
    assertArgument(
      Number.isFinite(a) && a >= 0,
      fn,
      `every alpha must be finite and >= 0, got ${a}`,
      a,
    );
    if (a > 0) positive++;
  }
  assertArgument(positive > 0, fn, 'at least one alpha must be greater than 0', alpha);

  const logGamma = alpha.map((a) =>
    a > 0 ? logGammaVariate(a, random) : Number.NEGATIVE_INFINITY,
  );
  let max = Number.NEGATIVE_INFINITY;
  for (const g of logGamma) if (g > max) max = g;
  // Shares as exp(log gᵢ − max)/Σ: the largest term is 1, so nothing overflows or underflows to 0/0.
  const scaled = logGamma.map((g) => Math.exp(g - max));
  let sum = 0;
  for (const s of scaled) sum += s;
  return scaled.map((s) => s / sum);
}

/** log of a Gamma(shape, 1) variate, shape > 0 (Marsaglia & Tsang 2000). */
function logGammaVariate(shape: number, random: () => number): number {
  if (shape < 1) {
    // Shape boost for a < 1: G(a) = G(a + 1) · U^(1/a) (Marsaglia & Tsang 2000), taken in logs.
    return logGammaVariate(shape + 1, random) + Math.log(openUniform(random)) / shape;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = polarNormal(random);
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = openUniform(random);
    const x2 = x * x;
    // Squeeze first, then the exact log test (Marsaglia & Tsang 2000).
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
      return Math.log(d) + Math.log(v);
    }
  }
}

/** A standard normal by Marsaglia's polar method; the second variate is dropped so the function keeps no state. */
function polarNormal(random: () => number): number {
  for (;;) {
    const u = 2 * random() - 1;
    const v = 2 * random() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** A uniform on (0, 1]: mulberry32 can return 0, whose logarithm is −∞. */
function openUniform(random: () => number): number {
  return 1 - random();
}
