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
 * A step it cannot read (another kind, a malformed date) is its start as given.
 *
 * @param step - `week`, `month` or `quarter` (spacetime.json's `step`)
 * @param start - the step's first day, `YYYY-MM-DD` (UTC)
 * @returns the label
 * @example
 * ```ts
 * stepLabel('month', '2018-02-01'); // 'Feb 2018 (1–28)'
 * ```
 */
export function stepLabel(step: string, start: string): string {
  const first = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(first.getTime()) || !['week', 'month', 'quarter'].includes(step)) return start;
  const last = lastDay(first, step);
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
