const CHAR_0 = 48;

/**
 * A decimal number written as text — `41.88`, `-87.6`, ` 1e3 `, `.5` — as `Number` reads it,
 * but NaN for the other notations `Number` also accepts: hexadecimal `0x10` (16), octal `0o17`
 * and binary `0b11` are not numbers in a CSV field or a GeoJSON property. Blank text is NaN, not
 * 0 as `Number('')` has it.
 *
 * @param text - the text of a field
 * @returns the number, or NaN when the text is not a decimal number
 * @throws never
 * @example
 * ```ts
 * parseDecimal('41.88'); // 41.88
 * parseDecimal('0x10'); // NaN (Number('0x10') is 16)
 * parseDecimal(''); // NaN (Number('') is 0)
 * ```
 */
export function parseDecimal(text: string): number {
  const value = Number(text);
  if (Number.isNaN(value)) return value;
  const trimmed = text.trim();
  if (trimmed === '') return Number.NaN;
  // 0x…, 0o…, 0b… (Number takes no sign before them, so a leading 0 is the only case).
  if (trimmed.charCodeAt(0) === CHAR_0) {
    const letter = trimmed.charCodeAt(1) | 0x20;
    if (letter === 0x78 || letter === 0x6f || letter === 0x62) return Number.NaN;
  }
  return value;
}
