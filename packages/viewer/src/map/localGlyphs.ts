import '@fontsource/noto-sans/400.css';
import { addProtocol } from 'maplibre-gl';
import { glyphRangePbf, sdfDrawer } from './glyphRangePbf.js';
import { LOCAL_GLYPHS_PROTOCOL } from './localGlyphsUrl.js';

/** The face every font stack is drawn with: Noto Sans (OFL 1.1), bundled by `@fontsource/noto-sans`. */
const FONT_FAMILY = '"Noto Sans", sans-serif';

/**
 * Answers the styles' glyph requests in the page: each range of 256 code points is drawn as
 * signed-distance fields with tiny-sdf from Noto Sans, which the viewer bundles (its Latin,
 * Latin Extended, Greek, Cyrillic, Devanagari and Vietnamese faces, loaded by the browser as a range
 * needs them), and encoded as the glyph PBF a glyph server would send. So labels — reference
 * layers' names, a PMTiles basemap's streets — render with no network, in any font stack a
 * style names (bold, medium or italic stacks drawn so).
 *
 * @example
 * ```ts
 * installLocalGlyphs();
 * new Map({ container, style: offlineStyle() }); // its glyphs: LOCAL_GLYPHS_URL
 * ```
 */
export function installLocalGlyphs(): void {
  addProtocol(LOCAL_GLYPHS_PROTOCOL, async (params) => {
    const match = /^hexreach-glyphs:\/\/([^/]+)\/(\d+)-\d+(\.pbf)?$/.exec(params.url);
    if (match === null) throw new Error(`not a glyph range: ${params.url}`);
    const fontstack = decodeURIComponent(match[1]).split(',')[0].trim();
    const start = Number(match[2]);
    const text = Array.from({ length: 256 }, (_, i) => String.fromCodePoint(start + i))
      .filter((c) => c.trim() !== '' && !/[\uD800-\uDFFF]/.test(c))
      .join('');
    // The face is downloaded when text needs it; drawn before that, glyphs would be a fallback's.
    await document.fonts.load(`24px ${FONT_FAMILY}`, text).catch(() => []);
    const bytes = glyphRangePbf(fontstack, start, sdfDrawer(fontstack, FONT_FAMILY));
    return { data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
  });
}
