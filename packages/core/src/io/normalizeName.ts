/**
 * A column or property name in the form the usual-name lists use: lower case, with every run of
 * other characters than ASCII letters and digits turned into one `_`, none at either end.
 *
 * @param name - a header field or property name as written in the file
 * @returns the normalised name
 * @throws never
 * @example
 * ```ts
 * normalizeName(' Primary Type '); // 'primary_type'
 * normalizeName('Lat (WGS 84)'); // 'lat_wgs_84'
 * ```
 */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
