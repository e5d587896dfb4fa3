import TinySDF from '@mapbox/tiny-sdf';
import { PbfWriter } from 'pbf';

/** A glyph as a glyph PBF holds it (the Mapbox/MapLibre `glyphs.proto`). */
export interface PbfGlyph {
  readonly id: number;
  /** Signed-distance values, `(width + 6) × (height + 6)` bytes (a 3-pixel border all round). */
  readonly bitmap: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
  readonly advance: number;
}

/** Draws one character's signed-distance field (tiny-sdf's shape), or throws. */
export type DrawGlyph = (char: string) => {
  data: Uint8ClampedArray;
  width: number;
  height: number;
  glyphWidth: number;
  glyphHeight: number;
  glyphTop: number;
  glyphLeft: number;
  glyphAdvance: number;
};

/** MapLibre's own placement of locally drawn glyphs (src/render/glyph_manager.ts), at 24 px. */
const TOP_ADJUSTMENT = 27.5;
const LEFT_ADJUSTMENT = 0.5;

/**
 * A tiny-sdf drawer at the size and spread of MapLibre's glyph PBFs: 24 px, a 3-pixel buffer,
 * radius 8, cutoff 0.25; bold, medium or italic when the font stack's name says so.
 *
 * @param fontstack - the style's font stack, e.g. `Noto Sans Regular`
 * @param fontFamily - the CSS family drawn with (a face the page has loaded)
 * @returns the drawer
 * @example
 * ```ts
 * const draw = sdfDrawer('Noto Sans Medium', '"Noto Sans", sans-serif');
 * draw('A').glyphAdvance; // ≈ 16
 * ```
 */
export function sdfDrawer(fontstack: string, fontFamily: string): DrawGlyph {
  const sdf = new TinySDF({
    fontSize: 24,
    buffer: 3,
    radius: 8,
    cutoff: 0.25,
    fontFamily,
    fontWeight: /bold/i.test(fontstack)
      ? '700'
      : /medium|semibold/i.test(fontstack)
        ? '500'
        : '400',
    fontStyle: /italic/i.test(fontstack) ? 'italic' : 'normal',
  });
  return (char) => sdf.draw(char);
}

/**
 * The glyph PBF of one range of 256 code points (`0-255`, `256-511`, …), drawn with `draw`:
 * what a style's `glyphs` URL answers, made in the page so that labels need no network.
 * Surrogates (U+D800–DFFF) and control characters are left out.
 *
 * @param fontstack - the font stack's name, written into the PBF
 * @param start - the range's first code point, a multiple of 256
 * @param draw - draws a character (`sdfDrawer`)
 * @returns the PBF's bytes
 * @example
 * ```ts
 * const bytes = glyphRangePbf('Noto Sans Regular', 0, sdfDrawer('Noto Sans Regular', 'sans-serif'));
 * ```
 */
export function glyphRangePbf(fontstack: string, start: number, draw: DrawGlyph): Uint8Array {
  const glyphs: PbfGlyph[] = [];
  for (let id = start; id < start + 256; id++) {
    if ((id >= 0xd800 && id <= 0xdfff) || id < 0x20 || (id >= 0x7f && id < 0xa0)) continue;
    const char = draw(String.fromCodePoint(id));
    glyphs.push({
      id,
      bitmap: Uint8Array.from(char.data),
      width: char.width - 6,
      height: char.height - 6,
      left: Math.round(char.glyphLeft + LEFT_ADJUSTMENT),
      top: Math.round(char.glyphTop - TOP_ADJUSTMENT),
      advance: Math.round(char.glyphAdvance),
    });
  }
  return encodeGlyphs(fontstack, `${start}-${start + 255}`, glyphs);
}

/**
 * Encodes glyphs as a glyph PBF (`glyphs { fontstack { name, range, glyph* } }`).
 *
 * @example
 * ```ts
 * encodeGlyphs('Noto Sans Regular', '0-255', []);
 * ```
 */
export function encodeGlyphs(name: string, range: string, glyphs: readonly PbfGlyph[]): Uint8Array {
  const pbf = new PbfWriter();
  pbf.writeMessage(1, writeStack, undefined);
  return pbf.finish();

  function writeStack(): void {
    pbf.writeStringField(1, name);
    pbf.writeStringField(2, range);
    for (const glyph of glyphs) {
      pbf.writeMessage(3, writeGlyph, glyph);
    }
  }

  function writeGlyph(glyph: PbfGlyph): void {
    pbf.writeVarintField(1, glyph.id);
    pbf.writeBytesField(2, glyph.bitmap);
    pbf.writeVarintField(3, glyph.width);
    pbf.writeVarintField(4, glyph.height);
    pbf.writeSVarintField(5, glyph.left);
    pbf.writeSVarintField(6, glyph.top);
    pbf.writeVarintField(7, glyph.advance);
  }
}
