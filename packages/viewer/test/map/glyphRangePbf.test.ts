import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { type DrawGlyph, glyphRangePbf } from '../../src/map/glyphRangePbf.js';

/** A drawer of 4 × 5-pixel glyphs (as tiny-sdf would give them, 3-pixel buffer). */
const draw: DrawGlyph = (char) => ({
  data: new Uint8ClampedArray(10 * 11).fill(char.codePointAt(0)! % 256),
  width: 10,
  height: 11,
  glyphWidth: 4,
  glyphHeight: 5,
  glyphTop: 17,
  glyphLeft: 1,
  glyphAdvance: 6.4,
});

/** Reads a glyph PBF back as MapLibre's parse_glyph_pbf.ts does. */
function readGlyphs(bytes: Uint8Array) {
  const glyphs: Record<string, number | Uint8Array>[] = [];
  const stack: { name?: string; range?: string } = {};
  new PbfReader(bytes).readFields((tag, _: unknown, pbf) => {
    if (tag !== 1) return;
    pbf.readMessage((t, s: typeof stack, p) => {
      if (t === 1) s.name = p.readString();
      else if (t === 2) s.range = p.readString();
      else if (t === 3) {
        const glyph: Record<string, number | Uint8Array> = {};
        p.readMessage((g, out: typeof glyph, q) => {
          const key = ['', 'id', 'bitmap', 'width', 'height', 'left', 'top', 'advance'][g];
          out[key] =
            g === 2 ? q.readBytes() : g === 5 || g === 6 ? q.readSVarint() : q.readVarint();
        }, glyph);
        glyphs.push(glyph);
      }
    }, stack);
  }, undefined);
  return { stack, glyphs };
}

describe('glyphRangePbf', () => {
  it('encodes a range as MapLibre reads it: bitmap (width + 6) × (height + 6), metrics at 24 px', () => {
    const { stack, glyphs } = readGlyphs(glyphRangePbf('Noto Sans Regular', 0, draw));
    expect(stack).toEqual({ name: 'Noto Sans Regular', range: '0-255' });
    // Control characters (0–31, 127–159) are left out: 256 − 65.
    expect(glyphs.length).toBe(191);
    const a = glyphs.find((g) => g.id === 65)!;
    expect(a.width).toBe(4);
    expect(a.height).toBe(5);
    expect((a.bitmap as Uint8Array).length).toBe((4 + 6) * (5 + 6));
    // MapLibre's own placement of locally drawn glyphs: top − 27.5, left + 0.5, rounded.
    expect(a.top).toBe(Math.round(17 - 27.5));
    expect(a.left).toBe(2);
    expect(a.advance).toBe(6);
  });

  it('leaves out the surrogates of the range U+D800–DFFF', () => {
    expect(readGlyphs(glyphRangePbf('Noto Sans Regular', 0xd800, draw)).glyphs).toEqual([]);
  });
});
