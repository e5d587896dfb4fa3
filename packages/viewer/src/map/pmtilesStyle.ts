import { layers, namedFlavor } from '@protomaps/basemaps';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { LOCAL_GLYPHS_URL } from './localGlyphsUrl.js';

/** The source id of a PMTiles basemap in its style. */
export const BASEMAP_SOURCE = 'basemap';

/** What a PMTiles archive's metadata tells the style: its vector layers and attribution. */
export interface PmtilesFacts {
  /** The `vector_layers` ids of the archive's metadata. */
  readonly vectorLayers: readonly string[];
  readonly attribution?: string;
}

/**
 * The style of a PMTiles basemap: the Protomaps "light" basemap (`@protomaps/basemaps`, labels in
 * English where the tiles have them) when the archive is a Protomaps extract (it has `earth` or
 * `roads` layers, as `pmtiles extract` of a Protomaps build gives), else plain grey fills and
 * lines for each of its vector layers; glyphs from the page (`LOCAL_GLYPHS_URL`), no sprite.
 *
 * @param url - the archive's `pmtiles://` URL
 * @param facts - its vector layers and attribution
 * @returns the style
 * @example
 * ```ts
 * map.setStyle(pmtilesStyle('pmtiles://city.pmtiles', { vectorLayers: ['earth', 'roads'] }));
 * ```
 */
export function pmtilesStyle(url: string, facts: PmtilesFacts): StyleSpecification {
  const protomaps = facts.vectorLayers.includes('earth') || facts.vectorLayers.includes('roads');
  return {
    version: 8,
    name: 'hexreach PMTiles basemap',
    glyphs: LOCAL_GLYPHS_URL,
    sources: {
      [BASEMAP_SOURCE]: {
        type: 'vector',
        url,
        ...(facts.attribution === undefined ? {} : { attribution: facts.attribution }),
      },
    },
    layers: protomaps
      ? (layers(BASEMAP_SOURCE, namedFlavor('light'), { lang: 'en' }) as LayerSpecification[])
      : genericLayers(facts.vectorLayers),
  };
}

/** A light background, and each vector layer's polygons, lines and points in greys. */
function genericLayers(vectorLayers: readonly string[]): LayerSpecification[] {
  return [
    { id: 'background', type: 'background', paint: { 'background-color': '#eef0f2' } },
    ...vectorLayers.flatMap((layer): LayerSpecification[] => [
      {
        id: `${layer}-fill`,
        type: 'fill',
        source: BASEMAP_SOURCE,
        'source-layer': layer,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': '#dfe3e8', 'fill-outline-color': '#c5cbd3' },
      },
      {
        id: `${layer}-line`,
        type: 'line',
        source: BASEMAP_SOURCE,
        'source-layer': layer,
        filter: ['==', ['geometry-type'], 'LineString'],
        paint: { 'line-color': '#b9c0c9', 'line-width': 1 },
      },
      {
        id: `${layer}-point`,
        type: 'circle',
        source: BASEMAP_SOURCE,
        'source-layer': layer,
        filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-color': '#9aa3ad', 'circle-radius': 2 },
      },
    ]),
  ];
}
