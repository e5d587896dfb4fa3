import type { Rejection } from '../types.js';

/** Rejected records counted by reason, with the first few kept to show. */
export interface RejectionTally {
  /** How many records were rejected. */
  readonly total: number;
  /** How many for each reason code. */
  readonly byReason: Readonly<Record<string, number>>;
  /** The first records, in the order they came, at most as many as the tally keeps. */
  readonly first: readonly Rejection[];
}

/** A tally that records are added to; see {@link createRejectionTally}. */
export interface RejectionCounter extends RejectionTally {
  /** Counts a record, and keeps it while fewer than the first few are kept (a sink). */
  add(rejection: Rejection): void;
}

/**
 * A tally in bounded memory, whatever the number of records: the first `keep` records and a
 * count per reason. The CLI feeds one per input to the readers as their sink, for the summary
 * and the printout, while the records themselves go to rejected.csv.
 *
 * @param keep - how many records to keep (default 20, as many as the summary lists)
 * @returns an empty tally
 * @example
 * ```ts
 * const tally = createRejectionTally();
 * await readIncidentsCsv(stream, { source: 'incidents.csv', onRejection: tally.add });
 * tally.total; tally.byReason['invalid-date']; tally.first[0];
 * ```
 */
export function createRejectionTally(keep = 20): RejectionCounter {
  const byReason: Record<string, number> = {};
  const first: Rejection[] = [];
  let total = 0;
  return {
    add(rejection) {
      total++;
      byReason[rejection.reason] = (byReason[rejection.reason] ?? 0) + 1;
      if (first.length < keep) first.push(rejection);
    },
    get total() {
      return total;
    },
    byReason,
    first,
  };
}

/**
 * Tallies added up in the order given: totals and reasons summed, the first records of the
 * first tally, then of the next, up to `keep`.
 *
 * @example
 * ```ts
 * combineTallies([areas, incidents]).first; // the areas' rejections first
 * ```
 */
export function combineTallies(
  tallies: readonly (RejectionTally | undefined)[],
  keep = 20,
): RejectionTally {
  const byReason: Record<string, number> = {};
  const first: Rejection[] = [];
  let total = 0;
  for (const tally of tallies) {
    if (tally === undefined) continue;
    total += tally.total;
    for (const [reason, n] of Object.entries(tally.byReason))
      byReason[reason] = (byReason[reason] ?? 0) + n;
    first.push(...tally.first.slice(0, keep - first.length));
  }
  return { total, byReason, first };
}
