import type { EngagementTable } from '../io/readEngagementCsv.js';

/** The engagement of one zone after its start. */
export interface ZoneEngagement {
  /** Activities in the zone (by place or by zone id) from the start to the end of the after period. */
  readonly events: number;
  /** People who took part (activities without attendance count 0). */
  readonly attendance: number;
  /** Attendance per 1,000 residents; NaN without a population. */
  readonly attendancePer1000: number;
  /** Distinct partner organizations. */
  readonly partners: readonly string[];
  /** Activities per kind, most frequent first. */
  readonly kinds: readonly { readonly kind: string; readonly events: number }[];
  /** Whole days from the start to the first activity; NaN when none. */
  readonly daysToFirstEvent: number;
}

/** Where each activity is: its cell (−1 if none in the grid) and the zone id it names. */
export interface EngagementPlaces {
  readonly cell: Int32Array;
}

const DAY_MS = 86_400_000;

/**
 * The activities of an engagement log that served a zone from its start until `until`: those
 * naming the zone's id, and those placed in one of its cells. Descriptive: activities are where
 * the work went, not a cause of any change.
 *
 * @param log - the engagement log
 * @param places - each activity's cell
 * @param zone - the zone: id, cells (as a membership mask), start, and the population it holds
 * @param until - end of the period counted (exclusive), ms
 * @returns events, attendance (also per 1,000 residents), partners, kinds and days to the first
 * @example
 * ```ts
 * const e = engagementByZone(log, { cell }, { id: 'Z01', inZone, start, population: 4200 }, until);
 * e.attendancePer1000; // e.g. 50
 * ```
 */
export function engagementByZone(
  log: EngagementTable,
  places: EngagementPlaces,
  zone: {
    readonly id: string;
    readonly inZone: Uint8Array;
    readonly start: number;
    readonly population: number;
  },
  until: number,
): ZoneEngagement {
  let events = 0;
  let attendance = 0;
  let first = Number.POSITIVE_INFINITY;
  const partners = new Set<string>();
  const kinds = new Map<string, number>();
  for (let i = 0; i < log.length; i++) {
    const t = log.time[i];
    if (t < zone.start || t >= until) continue;
    const c = places.cell[i];
    const here = log.zone[i] === zone.id || (c >= 0 && zone.inZone[c] === 1);
    if (!here) continue;
    events++;
    if (Number.isFinite(log.attendance[i])) attendance += log.attendance[i];
    if (log.partner[i] !== '') partners.add(log.partner[i]);
    kinds.set(log.kind[i], (kinds.get(log.kind[i]) ?? 0) + 1);
    if (t < first) first = t;
  }
  return {
    events,
    attendance,
    attendancePer1000: zone.population > 0 ? (attendance / zone.population) * 1000 : Number.NaN,
    partners: [...partners].sort(),
    kinds: [...kinds]
      .map(([kind, n]) => ({ kind, events: n }))
      .sort((a, b) => b.events - a.events || a.kind.localeCompare(b.kind)),
    daysToFirstEvent: Number.isFinite(first)
      ? Math.floor((first - zone.start) / DAY_MS)
      : Number.NaN,
  };
}
