import { mulberry32 } from '../../packages/core/src/util/random.js';

/** A uniform draw in [0, 1) from a seeded stream. */
export type Random = () => number;

/** Stream `stream` of `seed`: each part of the city draws from its own, so parts stay apart. */
export function makeRandom(seed: number, stream: number): Random {
  // mulberry32 walks a Weyl sequence, so streams are the same cycle at scattered offsets.
  return mulberry32((seed + Math.imul(stream, 0x9e3779b9)) >>> 0);
}

/** A standard normal draw (two uniform draws). */
export function normal(random: Random): number {
  // Box & Muller (1958); 1 − u keeps the logarithm finite.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Running sums of `weights`, as {@link pickIndex} takes them. */
export function cumulate(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    out[i] = sum;
  }
  return out;
}

/** An index drawn with probability proportional to its weight (one uniform draw). */
export function pickIndex(cumulative: Float64Array, random: Random): number {
  const target = random() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Incident categories with their running weights, ready for {@link pickIndex}. */
export interface Mix {
  readonly names: readonly string[];
  readonly cumulative: Float64Array;
}

/** The {@link Mix} of relative category weights. */
export function toMix(shares: Readonly<Record<string, number>>): Mix {
  const names = Object.keys(shares);
  return { names, cumulative: cumulate(names.map((name) => shares[name])) };
}

/** Shuffles `items` in place (Fisher–Yates) and returns them. */
export function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
