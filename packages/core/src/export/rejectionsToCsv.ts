import type { Rejection } from '../types.js';
import { toCsv } from './toCsv.js';

const HEADER = ['source', 'record_kind', 'record', 'reason', 'message'];
const HEADER_LINE = `${HEADER.join(',')}\n`;

/** Options of {@link rejectionsToCsv}. */
export interface RejectionsToCsvOptions {
  /**
   * Whether to start with the header line (default true); false gives lines to append to a file
   * already begun, as the CLI does when it streams `rejected.csv` in batches.
   */
  readonly header?: boolean;
}

/**
 * Writes rejected (or warned) input records as CSV so that users can find and fix them in their
 * files, with the header `source,record_kind,record,reason,message`. `record` is a 1-based data
 * row for `row` records and a 0-based feature index for `feature` records, as in
 * {@link Rejection}. Fields are quoted and guarded against formula injection as by `toCsv`.
 *
 * @param rejections - records that could not be used, with their reasons
 * @param options - whether to write the header line
 * @returns the CSV text, header included unless `header: false`, lines ending in `\n`
 * @throws never; every Rejection has the five fields
 * @example
 * ```ts
 * rejectionsToCsv(result.rejections);
 * // 'source,record_kind,record,reason,message\nincidents.csv,row,12,invalid-date,…\n'
 * rejectionsToCsv(nextBatch, { header: false }); // 'incidents.csv,row,13,…\n'
 * ```
 */
export function rejectionsToCsv(
  rejections: readonly Rejection[],
  options: RejectionsToCsvOptions = {},
): string {
  const csv = toCsv(
    HEADER,
    rejections.map((r) => [r.source, r.recordKind, r.record, r.reason, r.message]),
  );
  return (options.header ?? true) ? csv : csv.slice(HEADER_LINE.length);
}
