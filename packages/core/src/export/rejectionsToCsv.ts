import type { Rejection } from '../types.js';
import { toCsv } from './toCsv.js';

/**
 * Writes rejected (or warned) input records as CSV so that users can find and fix them in their
 * files, with the header `source,record_kind,record,reason,message`. `record` is a 1-based data
 * row for `row` records and a 0-based feature index for `feature` records, as in
 * {@link Rejection}. Fields are quoted and guarded against formula injection as by `toCsv`.
 *
 * @param rejections - records that could not be used, with their reasons
 * @returns the CSV text, header included, lines ending in `\n`
 * @throws never; every Rejection has the five fields
 * @example
 * ```ts
 * rejectionsToCsv(result.rejections);
 * // 'source,record_kind,record,reason,message\nincidents.csv,row,12,invalid-date,…\n'
 * ```
 */
export function rejectionsToCsv(rejections: readonly Rejection[]): string {
  return toCsv(
    ['source', 'record_kind', 'record', 'reason', 'message'],
    rejections.map((r) => [r.source, r.recordKind, r.record, r.reason, r.message]),
  );
}
