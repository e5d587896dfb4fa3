import type { Rejection, RejectionSink } from '../types.js';

/** Where a reader puts its rejected records; see {@link collectRejections}. */
export interface RejectionCollector {
  /** Takes one rejected record: into `list`, or to the sink when there is one. */
  push(rejection: Rejection): void;
  /** The records taken, in order; stays empty when a sink receives them. */
  readonly list: readonly Rejection[];
  /** How many records were taken, listed or not. */
  readonly count: number;
}

/**
 * The one place where readers and `pointsToCells` decide whether a rejected record is kept: in a
 * list (the default, what library users and the viewer read), or only passed to `sink`, so that
 * memory does not grow with the number of broken records.
 *
 * @param sink - called once per rejected record, in order; when given, nothing is kept
 * @returns a collector to push rejections into, with the list and the count
 * @example
 * ```ts
 * const rejected = collectRejections();
 * rejected.push({ source: 'a.csv', recordKind: 'row', record: 3, reason: 'invalid-date', message: 'date "x"' });
 * rejected.list.length; // 1
 * const streamed = collectRejections((r) => console.log(r.record));
 * streamed.push(rejection); // logs 3; streamed.list.length 0, streamed.count 1
 * ```
 */
export function collectRejections(sink?: RejectionSink): RejectionCollector {
  const list: Rejection[] = [];
  let count = 0;
  const push =
    sink === undefined
      ? (rejection: Rejection) => {
          list.push(rejection);
          count++;
        }
      : (rejection: Rejection) => {
          sink(rejection);
          count++;
        };
  return {
    push,
    list,
    get count() {
      return count;
    },
  };
}
