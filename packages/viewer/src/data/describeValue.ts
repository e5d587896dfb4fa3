/**
 * A short description of a value from a user's file for an error message: strings quoted and
 * cut to 40 characters, arrays and objects summarised. The result is only ever inserted as
 * text (textContent), never as HTML.
 *
 * @param value - any parsed JSON value
 * @returns e.g. `"high"`, `null`, `an array of 3`, `an object`
 * @example
 * ```ts
 * describeValue('Youth Center <img src=x>'); // '"Youth Center <img src=x>"'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (Array.isArray(value)) {
    return value.length <= 3 && value.every((v) => typeof v === 'number')
      ? `[${value.join(', ')}]`
      : `an array of ${value.length}`;
  }
  if (typeof value === 'object') return 'an object';
  return String(value);
}
