/** `v` limited to `[lo, hi]`. */
export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** `v` rounded to one decimal, as the ACS publishes percentages. */
export const round1 = (v: number): number => Math.round(v * 10) / 10;

/** The logistic function, mapping any score to a share in (0, 1). */
export const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/** An unnormalised Gaussian bump: 1 at its centre, falling off with standard deviation `sigma`. */
export const gaussian = (dx: number, dy: number, sigma: number): number =>
  Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
