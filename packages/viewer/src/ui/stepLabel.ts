const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/** The last day of a step starting at `start` (UTC): 6 days after for a week, else months. */
function lastDay(start: Date, step: string): Date {
  if (step === 'week') return new Date(start.getTime() + 6 * DAY_MS);
  const months = step === 'quarter' ? 3 : 1;
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 0));
}

/** "5 Aug", or "5 Aug 2018" with the year. */
function dayMonth(date: Date, withYear = false): string {
  const text = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return withYear ? `${text} ${date.getUTCFullYear()}` : text;
}

/**
 * A time step in words with the dates it spans: `Jan 2018 (1–31)` for a month,
 * `Q3 2018 (1 Jul–30 Sep)` for a quarter, `30 Jul–5 Aug 2018` for a week (Monday to Sunday).
 * A partial step kept per day (`temporal.partial: "rate"`) says which days the data cover: the
 * first ones of the last step, the last ones of the first: `Aug 2018 (1–8 of 31 days)`.
 * A step it cannot read (another kind, a malformed date) is its start as given.
 *
 * @param step - `week`, `month` or `quarter` (spacetime.json's `step`)
 * @param start - the step's first day, `YYYY-MM-DD` (UTC)
 * @param covered - the days the step is compared over, and whether it is the first step
 * @returns the label
 * @example
 * ```ts
 * stepLabel('month', '2018-02-01'); // 'Feb 2018 (1–28)'
 * stepLabel('month', '2018-08-01', { days: 8, first: false }); // 'Aug 2018 (1–8 of 31 days)'
 * ```
 */
export function stepLabel(
  step: string,
  start: string,
  covered?: { readonly days: number; readonly first: boolean },
): string {
  const first = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(first.getTime()) || !['week', 'month', 'quarter'].includes(step)) return start;
  const last = lastDay(first, step);
  const length = Math.round((last.getTime() - first.getTime()) / DAY_MS) + 1;
  if (covered !== undefined && covered.days < length)
    return partialLabel(first, last, step, covered);
  const year = first.getUTCFullYear();
  if (step === 'month') return `${MONTHS[first.getUTCMonth()]} ${year} (1–${last.getUTCDate()})`;
  if (step === 'quarter') {
    const q = Math.floor(first.getUTCMonth() / 3) + 1;
    return `Q${q} ${year} (${dayMonth(first)}–${dayMonth(last)})`;
  }
  const from =
    first.getUTCFullYear() !== last.getUTCFullYear()
      ? dayMonth(first, true)
      : first.getUTCMonth() !== last.getUTCMonth()
        ? dayMonth(first)
        : String(first.getUTCDate());
  return `${from}–${dayMonth(last, true)}`;
}

/** A partial step: the covered days at its end (the first step) or its start (the others). */
function partialLabel(
  first: Date,
  last: Date,
  step: string,
  covered: { readonly days: number; readonly first: boolean },
): string {
  const length = Math.round((last.getTime() - first.getTime()) / DAY_MS) + 1;
  const from = covered.first ? new Date(last.getTime() - (covered.days - 1) * DAY_MS) : first;
  const to = covered.first ? last : new Date(first.getTime() + (covered.days - 1) * DAY_MS);
  const name =
    step === 'month'
      ? `${MONTHS[first.getUTCMonth()]} ${first.getUTCFullYear()}`
      : step === 'quarter'
        ? `Q${Math.floor(first.getUTCMonth() / 3) + 1} ${first.getUTCFullYear()}`
        : `week of ${dayMonth(first, true)}`;
  const span =
    step === 'month'
      ? `${from.getUTCDate()}–${to.getUTCDate()}`
      : `${dayMonth(from)}–${dayMonth(to)}`;
  return `${name} (${span} of ${length} days)`;
}
