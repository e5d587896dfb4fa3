/**
 * A CSS colour as d3 writes it (`#rrggbb`, `#rgb` or `rgb(r, g, b)`) in lower-case `#rrggbb`
 * form, so legends, map expressions and tests compare colours as equal strings.
 *
 * @param color - the colour
 * @returns `#rrggbb`
 * @throws RangeError for any other syntax
 * @example
 * ```ts
 * cssColorToHex('rgb(68, 1, 84)'); // '#440154'
 * ```
 */
export function cssColorToHex(color: string): string {
  const text = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short !== null) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  const rgb = /^rgb\(\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*\)$/.exec(
    text,
  );
  if (rgb !== null) {
    const hex = rgb.slice(1, 4).map((c) =>
      Math.min(255, Math.round(Number(c)))
        .toString(16)
        .padStart(2, '0'),
    );
    return `#${hex.join('')}`;
  }
  throw new RangeError(`cssColorToHex: not a #rrggbb or rgb() colour: ${color}`);
}
