import { cssColorToHex } from './cssColorToHex.js';

/**
 * The colour of every cell as RGBA bytes, for {@link cellLayer}: cell i gets the colour of its
 * class, `palette[classOf(i)]` (a CSS colour as the d3 scales and palettes give it: `#rrggbb`,
 * `#rgb`, `rgb(…)`), opaque, in bytes 4i…4i + 3. The palette is parsed once, so 50,000 cells
 * take a millisecond or two.
 *
 * @param count - number of cells
 * @param classOf - the class of a cell, by index: a position in `palette`
 * @param palette - the colour of each class
 * @param into - bytes to write the colours in (4 × `count`), e.g. reused from one colouring to
 *   the next: fresh memory costs page faults, which made a recolouring of 50,000 cells several
 *   milliseconds slower; default new bytes
 * @returns 4 × `count` bytes (`into` when given)
 * @throws RangeError when a colour is not `#rrggbb`, `#rgb` or `rgb(r, g, b)`, a class is not a
 *   position in the palette, or `into` does not hold 4 × `count` bytes
 * @example
 * ```ts
 * const colors = cellColors(values.length, (i) => (Number.isNaN(values[i]) ? 3 : bisectRight(breaks, values[i])), [...scale.range(), scale.unknown()]);
 * layer.setColors(colors);
 * ```
 */
export function cellColors(
  count: number,
  classOf: (cell: number) => number,
  palette: readonly string[],
  into?: Uint8Array,
): Uint8Array {
  if (into !== undefined && into.length !== count * 4) {
    throw new RangeError(`cellColors: ${into.length} bytes to write ${count} colours in (4 each)`);
  }
  const rgb = palette.map((color) => Number.parseInt(cssColorToHex(color).slice(1), 16));
  const bytes = into ?? new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) {
    const color = rgb[classOf(i)];
    if (color === undefined) {
      throw new RangeError(`cellColors: cell ${i} has class ${classOf(i)}, not in the palette`);
    }
    bytes[4 * i] = color >> 16;
    bytes[4 * i + 1] = (color >> 8) & 0xff;
    bytes[4 * i + 2] = color & 0xff;
    bytes[4 * i + 3] = 255;
  }
  return bytes;
}
