const MAX_LENGTH = 60;

/**
 * A value from a user's file as it should appear in a message: strings quoted (so an empty or
 * blank value is visible), long values cut, structures as JSON.
 *
 * @param value - a CSV field, GeoJSON property or coordinate
 * @returns the value in words, at most about 60 characters
 * @throws never
 * @example
 * ```ts
 * formatValue('abc'); // '"abc"'
 * formatValue(undefined); // 'undefined'
 * ```
 */
export function formatValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value === undefined || typeof value === 'number' || typeof value === 'bigint') {
    text = String(value);
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
