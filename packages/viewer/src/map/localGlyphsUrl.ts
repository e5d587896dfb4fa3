/** The protocol of the viewer's own glyphs (see `installLocalGlyphs`). */
export const LOCAL_GLYPHS_PROTOCOL = 'hexreach-glyphs';

/**
 * The `glyphs` URL of every style the viewer shows: answered in the page by `installLocalGlyphs`,
 * never on the network.
 */
export const LOCAL_GLYPHS_URL = `${LOCAL_GLYPHS_PROTOCOL}://{fontstack}/{range}`;
