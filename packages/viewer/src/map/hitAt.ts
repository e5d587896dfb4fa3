import type { MapGeoJSONFeature, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { ViewerState } from '../state/store.js';
import type { MeshLayers } from './drawResults.js';
import { PREFIX } from './layers.js';

/** What the pointer is on: an organization, else a cell of a shown cell layer, else a zone. */
export type Hit =
  | { readonly kind: 'organization'; readonly feature: MapGeoJSONFeature }
  | { readonly kind: 'cell'; readonly h3: string }
  | { readonly kind: 'zone'; readonly id: string };

/**
 * What the pointer is on, among the layers shown.
 *
 * @param map - the map
 * @param state - the results, view, cells and zones shown
 * @param drawn - the layers drawn from the cells' mesh
 * @param event - the pointer's event
 * @returns the hit, or undefined over nothing shown
 * @example
 * ```ts
 * map.on('click', (event) => console.log(hitAt(map, store.get(), drawn, event)));
 * ```
 */
export function hitAt(
  map: MapLibreMap,
  state: Pick<ViewerState, 'results' | 'view' | 'cells' | 'shownZones'>,
  drawn: MeshLayers | undefined,
  event: MapMouseEvent,
): Hit | undefined {
  const { results, view, shownZones } = state;
  if (view === undefined || results === undefined) return undefined;
  const visible = (id: string) => view.layers[id]?.visible === true;
  const organizations = `${PREFIX}organizations`;
  const organization =
    visible('organizations') && map.getLayer(organizations) !== undefined
      ? map.queryRenderedFeatures(event.point, { layers: [organizations] })[0]
      : undefined;
  if (organization !== undefined) return { kind: 'organization', feature: organization };
  // The cells are drawn by custom layers, which MapLibre cannot query: the H3 index finds them,
  // and a zone through its cells.
  const index = state.cells.at(event.lngLat.lng, event.lngLat.lat);
  if (index < 0) return undefined;
  const cell = results.cells.features[index].properties;
  if ([...(drawn?.cells.keys() ?? [])].some(visible)) return { kind: 'cell', h3: cell.h3 };
  // The zones drawn, which may be a re-score's ahead of the cells' properties.
  const zone = shownZones?.list[shownZones.groups[index]];
  return visible('zones') && zone !== undefined ? { kind: 'zone', id: zone.id } : undefined;
}
