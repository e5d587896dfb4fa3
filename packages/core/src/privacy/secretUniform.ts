/** Uniforms drawn per call of the platform's generator: one call serves many draws. */
const BATCH = 1024;

/**
 * A uniform generator on [0, 1) fed by the platform's cryptographic generator
 * (`crypto.getRandomValues`, in Node and browsers), 53 random bits per number: the source of
 * privacy noise. Unlike `mulberry32`, it has no seed: nothing published (not even the run's
 * `seed` in summary.json) lets anyone replay it and subtract the noise.
 *
 * @returns a function returning the next uniform number in [0, 1)
 * @example
 * ```ts
 * const noise = discreteLaplaceSampler({ epsilon: 1 }, secretUniform());
 * ```
 */
export function secretUniform(): () => number {
  const words = new Uint32Array(2 * BATCH);
  let next = words.length;
  return () => {
    if (next === words.length) {
      globalThis.crypto.getRandomValues(words);
      next = 0;
    }
    const high = words[next] >>> 5; // 27 bits
    const low = words[next + 1] >>> 6; // 26 bits
    next += 2;
    return (high * 67108864 + low) / 9007199254740992; // (high · 2^26 + low) / 2^53
  };
}
