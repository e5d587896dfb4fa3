import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection } from 'geojson';
import { CORRIDORS } from '../data/demoCity/corridors.js';
import { toLngLat } from '../data/demoCity/degrees.js';
import { DISTRICTS } from '../data/demoCity/districts.js';
import { root } from './helpers.js';
import { type PmtilesTile, writePmtiles } from './pmtilesWriter.js';

/** The zooms the demo basemap holds: the city fills a screen at 11–12; MapLibre overzooms past 14. */
const MIN_ZOOM = 9;
const MAX_ZOOM = 14;

/**
 * The demo city's layers in the Protomaps basemap schema (the layers and `kind`s that
 * `@protomaps/basemaps` styles): its tracts as land (`earth`), every tenth tract as a park
 * (`landuse`), its three planted corridors as named major roads and a kilometre grid of minor
 * streets (`roads`), and its districts as neighbourhood labels (`places`).
 *
 * @example
 * ```ts
 * const layers = demoCityLayers(); // { earth, landuse, roads, places }
 * ```
 */
export function demoCityLayers(): Record<string, FeatureCollection> {
  const tracts = JSON.parse(
    readFileSync(join(root, 'data/demo/tracts.geojson'), 'utf8'),
  ) as FeatureCollection;
  const feature = (
    geometry: Feature['geometry'],
    properties: Record<string, unknown>,
  ): Feature => ({
    type: 'Feature',
    geometry,
    properties,
  });
  const roads: Feature[] = CORRIDORS.map((c) =>
    feature(
      { type: 'LineString', coordinates: [toLngLat(c.from), toLngLat(c.to)] },
      { kind: 'major_road', name: c.name, min_zoom: 9 },
    ),
  );
  for (let k = -7; k <= 7; k++) {
    roads.push(
      feature(
        { type: 'LineString', coordinates: [toLngLat([k, -7]), toLngLat([k, 7])] },
        { kind: 'minor_road', kind_detail: 'residential', name: `${k + 8}th Street`, min_zoom: 12 },
      ),
      feature(
        { type: 'LineString', coordinates: [toLngLat([-7, k]), toLngLat([7, k])] },
        {
          kind: 'minor_road',
          kind_detail: 'residential',
          name: `Avenue ${String.fromCharCode(72 + k)}`,
          min_zoom: 12,
        },
      ),
    );
  }
  return {
    earth: {
      type: 'FeatureCollection',
      features: tracts.features.map((t) => feature(t.geometry, { kind: 'earth' })),
    },
    landuse: {
      type: 'FeatureCollection',
      features: tracts.features
        .filter((_, i) => i % 10 === 0)
        .map((t) => feature(t.geometry, { kind: 'park' })),
    },
    roads: { type: 'FeatureCollection', features: roads },
    places: {
      type: 'FeatureCollection',
      features: DISTRICTS.map((d) =>
        feature(
          { type: 'Point', coordinates: toLngLat([d.x, d.y]) },
          { kind: 'neighbourhood', name: d.name, min_zoom: 10 },
        ),
      ),
    },
  };
}

/** The tile column and row of a point at a zoom (Web Mercator, as XYZ tiles count them). */
function tileOf(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const sin = Math.sin((lat * Math.PI) / 180);
  const x = Math.floor(((lng + 180) / 360) * n);
  const y = Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

/**
 * A PMTiles archive of the demo city's streets, land, parks and districts (`demoCityLayers`),
 * cut into vector tiles with geojson-vt and encoded with vt-pbf at zooms 9–14: a basemap a test
 * writes itself, as no tile server is reachable.
 *
 * @returns the archive's bytes (about 95 kB)
 * @example
 * ```ts
 * writeFileSync(join(dir, 'city.pmtiles'), demoCityPmtiles());
 * ```
 */
export function demoCityPmtiles(): Uint8Array {
  const layers = demoCityLayers();
  const indexes = Object.entries(layers).map(
    ([name, data]) =>
      [
        name,
        new GeoJSONVT(data, {
          maxZoom: MAX_ZOOM,
          indexMaxZoom: MAX_ZOOM,
          indexMaxPoints: 0,
          buffer: 64,
        }),
      ] as const,
  );
  const [west, south] = toLngLat([-8, -8]);
  const [east, north] = toLngLat([8, 8]);
  const tiles: PmtilesTile[] = [];
  for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
    const [x0, y0] = tileOf(west, north, z);
    const [x1, y1] = tileOf(east, south, z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const cut = Object.fromEntries(
          indexes.flatMap(([name, index]) => {
            const tile = index.getTile(z, x, y);
            return tile === null || tile.features.length === 0 ? [] : [[name, tile]];
          }),
        );
        if (Object.keys(cut).length === 0) continue;
        tiles.push({ z, x, y, data: fromGeojsonVt(cut, { version: 2, extent: 4096 }) });
      }
    }
  }
  return writePmtiles(tiles, {
    metadata: {
      name: 'hexreach demo city (synthetic)',
      attribution: 'hexreach demo city (synthetic)',
      vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} })),
    },
    bounds: [west, south, east, north],
    center: [(west + east) / 2, (south + north) / 2, 12],
  });
}
