import { describe, expect, it } from 'vitest';
import { LOCAL_GLYPHS_URL } from '../../src/map/localGlyphsUrl.js';
import { BASEMAP_SOURCE, pmtilesStyle } from '../../src/map/pmtilesStyle.js';

describe('pmtilesStyle', () => {
  it('styles a Protomaps extract with the Protomaps light basemap, glyphs from the page', () => {
    const style = pmtilesStyle('pmtiles://city.pmtiles', {
      vectorLayers: ['earth', 'roads', 'places'],
      attribution: '© OpenStreetMap',
    });
    expect(style.glyphs).toBe(LOCAL_GLYPHS_URL);
    expect(style.sprite).toBeUndefined();
    expect(style.sources[BASEMAP_SOURCE]).toEqual({
      type: 'vector',
      url: 'pmtiles://city.pmtiles',
      attribution: '© OpenStreetMap',
    });
    const ids = style.layers.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['earth', 'roads_major', 'roads_labels_major']));
    // Every data layer reads the archive's source; no layer names a remote one.
    for (const layer of style.layers)
      if ('source' in layer) expect(layer.source, layer.id).toBe(BASEMAP_SOURCE);
  });

  it('draws any other archive as grey fills, lines and points per vector layer', () => {
    const style = pmtilesStyle('pmtiles://parcels.pmtiles', { vectorLayers: ['parcels'] });
    expect(style.layers.map((l) => l.id)).toEqual([
      'background',
      'parcels-fill',
      'parcels-line',
      'parcels-point',
    ]);
  });
});
