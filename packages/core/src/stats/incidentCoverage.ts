import { assertArgument } from '../errors.js';

const DAY_MS = 86_400_000;

/** The days a data set covers: `[from, to)`, ms since 1970 (UTC wall clock), whole days. */
export interface Coverage {
  /** 00:00 of the first day covered. */
  readonly from: number;
  /** 00:00 of the day after the last day covered (exclusive). */
  readonly to: number;
}

/**
 * The date range the incidents cover, in whole days: from 00:00 of the first incident's day to
 * 00:00 of the day after the last incident's day, counting only incidents with a cell and a time.
 * A configured window (`from`, `to`) replaces the inferred bound it gives: a city that publishes
 * a whole year covers the year even if 1 January was quiet.
 *
 * @param time - per incident, ms since 1970 (wall clock read as UTC); NaN when absent
 * @param cellOfIncident - per incident, its cell index or −1 (not counted)
 * @param window - the configured `from` (inclusive) and `to` (exclusive), ms, when given
 * @returns the coverage, or undefined when no incident has both a cell and a time and the
 *   window does not give both bounds
 * @throws HexreachError `E_ARGUMENT` if the lengths differ or the window ends before it starts
 * @example
 * ```ts
 * // Chicago 2018: incidents from 1 January to 8 August.
 * const coverage = incidentCoverage(incidents.time, binned.cellOfIncident);
 * new Date(coverage!.to).toISOString(); // '2018-08-09T00:00:00.000Z'
 * ```
 */
export function incidentCoverage(
  time: ArrayLike<number>,
  cellOfIncident: ArrayLike<number>,
  window: { readonly from?: number; readonly to?: number } = {},
): Coverage | undefined {
  const fn = 'incidentCoverage';
  assertArgument(
    time.length === cellOfIncident.length,
    fn,
    `time has ${time.length} entries but cellOfIncident has ${cellOfIncident.length}`,
    cellOfIncident.length,
  );
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < time.length; i++) {
    const t = time[i];
    if (cellOfIncident[i] < 0 || !Number.isFinite(t)) continue;
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const from = window.from ?? Math.floor(first / DAY_MS) * DAY_MS;
  const to = window.to ?? (Math.floor(last / DAY_MS) + 1) * DAY_MS;
  if (!(Number.isFinite(from) && Number.isFinite(to))) return undefined;
  assertArgument(from < to, fn, `the coverage [${from}, ${to}) is empty`, { from, to });
  return { from, to };
}
