import { assertArgument } from '../errors.js';
import { getOwn } from '../util/getOwn.js';

/** Options of {@link reasonsFromPhrases}. */
export interface ReasonsFromPhrasesOptions {
  /** Most reasons per cell (an integer ≥ 0, default 3). */
  readonly max?: number;
}

/**
 * Each cell's reasons picked from phrases written beforehand (`cellReasonPhrases`): the
 * components with a phrase and a positive contribution, largest contribution first (equal
 * contributions keep the order of `contributions`), at most `max`. The picking step of
 * `cellReasons`, kept apart so that a new weighting (`createScorer(result).full`) picks from the same
 * phrases: one pass over the cells with a small insertion sort each, no string written.
 *
 * @param phrases - for each component, a phrase or undefined per cell
 * @param contributions - each component's share of the score per cell
 *   (`PriorityResult.contributions`); its key order breaks ties
 * @param options - `max` reasons per cell (an integer ≥ 0, default 3)
 * @returns for every cell its reasons, most important first
 * @throws HexreachError `E_ARGUMENT` when a component of `contributions` has no phrases, the
 *   columns differ in length, or `max` is not an integer ≥ 0
 * @example
 * ```ts
 * reasonsFromPhrases(
 *   { hotspot: ['significant hotspot (99 % confidence)'], need: ['top 5 % for need'] },
 *   { hotspot: [0.2], need: [0.5] },
 * ); // [['top 5 % for need', 'significant hotspot (99 % confidence)']]
 * ```
 */
export function reasonsFromPhrases(
  phrases: Readonly<Record<string, readonly (string | undefined)[]>>,
  contributions: Readonly<Record<string, ArrayLike<number>>>,
  options: ReasonsFromPhrasesOptions = {},
): string[][] {
  const fn = 'reasonsFromPhrases';
  const max = options.max ?? 3;
  assertArgument(
    Number.isInteger(max) && max >= 0,
    fn,
    `max must be an integer >= 0, got ${max}`,
    max,
  );
  const names = Object.keys(contributions);
  const n = names.length === 0 ? 0 : contributions[names[0]].length;
  for (const name of names) {
    assertArgument(
      getOwn(phrases, name) !== undefined,
      fn,
      `phrases has no column for the component "${name}"`,
      name,
    );
    for (const [what, column] of [
      ['contributions', contributions[name]],
      ['phrases', phrases[name]],
    ] as const) {
      assertArgument(
        column.length === n,
        fn,
        `${what}.${name} has ${column.length} values, expected ${n}`,
        name,
      );
    }
  }
  const shares = names.map((name) => contributions[name]);
  const words = names.map((name) => phrases[name]);
  const order = new Int32Array(names.length);
  const reasons: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let c = 0; c < names.length; c++) {
      const share = shares[c][i];
      // `> 0` is false for NaN: a component the cell lacks is no reason.
      if (words[c][i] === undefined || !(share > 0)) continue;
      // Insertion after every larger or equal share: descending, and stable on ties.
      let j = m++;
      while (j > 0 && shares[order[j - 1]][i] < share) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = c;
    }
    const take = Math.min(m, max);
    const list: string[] = new Array(take);
    for (let k = 0; k < take; k++) list[k] = words[order[k]][i] as string;
    reasons[i] = list;
  }
  return reasons;
}
