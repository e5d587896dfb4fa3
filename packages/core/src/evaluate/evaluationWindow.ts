import { assertArgument } from '../errors.js';

/** The before and after periods of one start: whole months of the cube. */
export interface EvaluationWindow {
  /** First month of the before period (index into the cube's months). */
  readonly beforeFrom: number;
  /** First month of the after period; the before period is `[beforeFrom, afterFrom − gap)`. */
  readonly afterFrom: number;
  /** Months in each period (equal). */
  readonly months: number;
  /** 1 when the start falls inside a month, which is then in neither period; else 0. */
  readonly gap: number;
  /** Days in the before and the after period. */
  readonly beforeDays: number;
  readonly afterDays: number;
}

const DAY_MS = 86_400_000;

/**
 * The equal before and after periods of an intervention starting at `start`, in whole months
 * of the cube: the after period opens with the first month starting on or after `start` (a month
 * the start falls inside is a transition month, in neither period), the before period closes with
 * the last month ending on or before `start`. Without `months`, each period is as long as the
 * data allow on both sides, at most 12 months; an `end` shortens the after period and the before
 * period with it.
 *
 * @param monthStarts - the start of each month of the cube, ms, ascending and contiguous
 * @param cubeEnd - the end of the cube's last month (exclusive), ms
 * @param start - the intervention's start, ms
 * @param options - `months` per period, `end` of the intervention (ms)
 * @returns the two periods
 * @throws HexreachError `E_ARGUMENT` when no whole month lies before or after the start, or the
 *   data hold fewer months than `months` on one side
 * @example
 * ```ts
 * // Months Jan 2017 … Dec 2019, start 15 June 2018:
 * const w = evaluationWindow(starts, end, Date.UTC(2018, 5, 15));
 * w.months; // 12: June 2017 – May 2018 before, July 2018 – June 2019 after
 * ```
 */
export function evaluationWindow(
  monthStarts: ArrayLike<number>,
  cubeEnd: number,
  start: number,
  options: { readonly months?: number; readonly end?: number } = {},
): EvaluationWindow {
  const fn = 'evaluationWindow';
  const t = monthStarts.length;
  const endOf = (i: number) => (i + 1 < t ? monthStarts[i + 1] : cubeEnd);
  let afterFrom = 0;
  while (afterFrom < t && monthStarts[afterFrom] < start) afterFrom++;
  let beforeTo = afterFrom;
  while (beforeTo > 0 && endOf(beforeTo - 1) > start) beforeTo--;
  const gap = afterFrom - beforeTo;
  let afterAvailable = t - afterFrom;
  if (options.end !== undefined) {
    let k = 0;
    while (k < afterAvailable && endOf(afterFrom + k) <= options.end) k++;
    afterAvailable = k;
  }
  const date = new Date(start).toISOString().slice(0, 10);
  assertArgument(
    beforeTo > 0 && afterAvailable > 0,
    fn,
    `the data hold ${beforeTo} whole month(s) before ${date} and ${afterAvailable} after it: an evaluation needs at least one on each side`,
    start,
  );
  const months = options.months ?? Math.min(12, beforeTo, afterAvailable);
  assertArgument(
    Number.isInteger(months) && months >= 1 && months <= beforeTo && months <= afterAvailable,
    fn,
    `a window of ${months} month(s) around ${date} needs that many whole months on each side; the data hold ${beforeTo} before and ${afterAvailable} after`,
    months,
  );
  const beforeFrom = beforeTo - months;
  const days = (from: number) =>
    Math.round((endOf(from + months - 1) - monthStarts[from]) / DAY_MS);
  return {
    beforeFrom,
    afterFrom,
    months,
    gap,
    beforeDays: days(beforeFrom),
    afterDays: days(afterFrom),
  };
}
