import type { IncidentTable } from '@hexreach/core';

/** The dates and categories of the incidents read. */
export interface IncidentFacts {
  /** Day of the first and of the last dated incident, `YYYY-MM-DD`; undefined without dates. */
  readonly first: string | undefined;
  readonly last: string | undefined;
  /** Each category with its number of incidents, most frequent first. */
  readonly categories: readonly { readonly name: string; readonly count: number }[];
}

/**
 * What the incidents read hold, for the filter controls: the first and last day and the
 * categories with their counts, over every incident read (before any filter).
 *
 * @param incidents - the incidents read
 * @returns the days and the categories, most frequent first
 * @example
 * ```ts
 * incidentFacts(parsed.incidents.data).categories[0]; // { name: 'THEFT', count: 12034 }
 * ```
 */
export function incidentFacts(incidents: IncidentTable): IncidentFacts {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const counts = new Array<number>(incidents.categories.length).fill(0);
  for (let i = 0; i < incidents.length; i++) {
    const time = incidents.time[i];
    if (time < first) first = time;
    if (time > last) last = time;
    counts[incidents.category[i]]++;
  }
  const day = (ms: number) =>
    Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : undefined;
  return {
    first: day(first),
    last: day(last),
    categories: incidents.categories
      .map((name, c) => ({ name, count: counts[c] }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}
