import { cssColorToHex } from './cssColorToHex.js';

/**
 * The colour of every cell as RGBA bytes, for {@link cellLayer}: the colour of cell i, a CSS
 * colour as the d3 scales and palettes give it (`#rrggbb`, `#rgb`, `rgb(…)`), opaque, in bytes
 * 4i…4i + 3. Each distinct colour is parsed once, so 50,000 cells take a few milliseconds.
 *
 * @param count - number of cells
 * @param colorOf - the colour of a cell, by index
 * @returns 4 × `count` bytes
 * @throws RangeError when a colour is not `#rrggbb`, `#rgb` or `rgb(r, g, b)`
 * @example
 * ```ts
 * const colors = cellColors(values.length, (i) => (Number.isNaN(values[i]) ? scale.unknown() : scale(values[i])));
 * layer.setColors(colors);
 * ```
 */
export function cellColors(count: number, colorOf: (cell: number) => string): Uint8Array {
  const bytes = new Uint8Array(count * 4);
  // Colours packed as 0xrrggbb, by the text the scale gave.
  const parsed = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const color = colorOf(i);
    let rgb = parsed.get(color);
    if (rgb === undefined) {
      rgb = Number.parseInt(cssColorToHex(color).slice(1), 16);
      parsed.set(color, rgb);
    }
    bytes[4 * i] = rgb >> 16;
    bytes[4 * i + 1] = (rgb >> 8) & 0xff;
    bytes[4 * i + 2] = rgb & 0xff;
    bytes[4 * i + 3] = 255;
  }
  return bytes;
}
