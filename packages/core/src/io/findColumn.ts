import { HexreachError } from '../errors.js';
import { normalizeName } from './normalizeName.js';

/** How a column is looked for: by the user's name, else by common names, else by patterns. */
export interface FindColumnOptions {
  /** The name the user gave; it must exist (exactly, else ignoring case and surrounding spaces). */
  readonly named?: string;
  /** Usual names in order of preference, lower case with `_` between words. */
  readonly candidates?: readonly string[];
  /** Tried on normalised names, in column order, when no candidate matched. */
  readonly pattern?: RegExp;
  /** What the column holds, for the error message (`latitude`, `date` …). */
  readonly role: string;
  /** The file or input, for the error message. */
  readonly source?: string;
}

/**
 * The index of a column among `names`: the one the user named, else the first usual name found
 * (in order of preference, compared after lower-casing and turning spaces and punctuation into
 * `_`, so `Primary Type` matches `primary_type`), else the first name matching the pattern.
 * Shared by the CSV and GeoJSON readers so both find the same columns.
 *
 * @param names - the header of a CSV, or the property names of GeoJSON features
 * @param options - the user's name, the usual names and a pattern, and words for messages
 * @returns the 0-based index in `names`, or −1 when nothing was named and nothing matched
 * @throws HexreachError `E_NOT_FOUND` when a named column is not among `names` (the message
 *   lists the names there are)
 * @example
 * ```ts
 * findColumn(['ID', 'Primary Type'], { candidates: ['primary_type'], role: 'category' }); // 1
 * findColumn(['a'], { named: 'b', role: 'date', source: 'x.csv' }); // throws E_NOT_FOUND
 * ```
 */
export function findColumn(names: readonly string[], options: FindColumnOptions): number {
  const { named, candidates = [], pattern, role, source } = options;
  if (named !== undefined) {
    const exact = names.indexOf(named);
    if (exact >= 0) return exact;
    const wanted = named.trim().toLowerCase();
    const loose = names.findIndex((name) => name.trim().toLowerCase() === wanted);
    if (loose >= 0) return loose;
    const prefix = source === undefined ? '' : `${source}: `;
    const available = names.length > 0 ? names.join(', ') : '(no columns)';
    throw new HexreachError(
      'E_NOT_FOUND',
      `${prefix}the ${role} column "${named}" does not exist; the file has: ${available}`,
      named,
    );
  }
  const normalized = names.map(normalizeName);
  for (const candidate of candidates) {
    const index = normalized.indexOf(candidate);
    if (index >= 0) return index;
  }
  return pattern === undefined ? -1 : normalized.findIndex((name) => pattern.test(name));
}
