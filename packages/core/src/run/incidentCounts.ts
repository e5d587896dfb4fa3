import type { BinnedIncidents } from '../hex/pointsToCells.js';
import type { Rejection } from '../types.js';

/** Counts of what happened to the records of one input. */
export interface RecordCounts {
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly outside: number;
}

/**
 * How the incident records were accounted for: read = accepted + rejected + outside, where
 * `rejected` counts records the reader could not use and those with swapped coordinates. Counts
 * come from `rejectedCount` and `outsideCount`, so results read with sinks are counted too.
 *
 * @example
 * ```ts
 * incidentCounts(read, result.binned); // { read: 50010, accepted: 49700, rejected: 10, outside: 300 }
 * ```
 */
export function incidentCounts(
  read: {
    readonly read: number;
    readonly rejections: readonly Rejection[];
    readonly rejectedCount?: number;
  },
  binned: BinnedIncidents,
): RecordCounts {
  return {
    read: read.read,
    accepted: binned.accepted,
    rejected: (read.rejectedCount ?? read.rejections.length) + binned.rejectedCount,
    outside: binned.outsideCount,
  };
}
