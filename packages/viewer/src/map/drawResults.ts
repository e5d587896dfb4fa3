import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { LoadedResults } from '../data/results.js';
import type { LayerView, ViewState } from '../state/viewState.js';
import { type CellLayer, cellLayer } from './cellLayer.js';
import { type CellMesh, cellMesh } from './cellMesh.js';
import { cellsOutline } from './cellsOutline.js';
import { isCellLayer, type LayerDefinition } from './layerCatalog.js';
import {
  highlightLayers,
  mapLayerIds,
  organizationColors,
  organizationLayer,
  outlineLayers,
  PREFIX,
  SOURCES,
  ZONE_STROKES,
} from './layers.js';
import { type OutlineLayer, outlineLayer } from './outlineLayer.js';

/** What to draw: the layers and the view. */
export interface DrawPlan {
  readonly layers: readonly LayerDefinition[];
  readonly view: ViewState;
}

/** The cell layers on the map, by viewer layer id; their colours are set by the caller. */
export type CellLayers = ReadonlyMap<string, CellLayer>;

/** The layers drawn from the cells' mesh, which the caller colours and outlines. */
export interface MeshLayers {
  /** The cells' triangles, shared by the layers. */
  readonly mesh: CellMesh;
  readonly cells: CellLayers;
  /** The zones' outlines (see `groupOutlines`), when the results have zones. */
  readonly zones: OutlineLayer | undefined;
}

/**
 * Puts results on the map: removes what an earlier load added, then adds the sources (the
 * study-area outline, organizations, the hover and selection outlines), one {@link cellLayer}
 * per cell layer of the viewer and an {@link outlineLayer} for the zones (all drawn from one mesh
 * of the cells, built here) and the MapLibre layers of the others, in the view's order, with the
 * hover and selection outlines on top.
 *
 * @param map - a map whose style has loaded
 * @param results - the results
 * @param plan - layers and view
 * @returns the mesh and its layers, still without colours and zone outlines (give them with
 *   `setColors` and `setSegments`)
 * @example
 * ```ts
 * const drawn = drawResults(map, results, { layers, view });
 * drawn.cells.get('score')?.setColors(layerCellColors({ kind: 'scale', values, scale }));
 * drawn.zones?.setSegments(groupOutlines(drawn.mesh, results.columns.zone_rank));
 * ```
 */
export function drawResults(map: MapLibreMap, results: LoadedResults, plan: DrawPlan): MeshLayers {
  removeResults(map);
  map.addSource(SOURCES.highlight, {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
  });
  map.addSource(SOURCES.outline, {
    type: 'geojson',
    data: { type: 'Feature', properties: {}, geometry: cellsOutline(results.cells.features) },
  });
  if (results.organizations !== undefined) {
    map.addSource(SOURCES.organizations, { type: 'geojson', data: results.organizations });
  }
  const mesh = cellMesh(results.cells.features);
  const cellLayers = new Map<string, CellLayer>();
  let zones: OutlineLayer | undefined;
  const types = results.organizations?.features.map((f) => f.properties.type) ?? [];
  for (const layer of plan.layers) {
    const view = plan.view.layers[layer.id];
    if (isCellLayer(layer)) {
      const drawn = cellLayer(`${PREFIX}${layer.id}`, mesh, {
        opacity: view.opacity,
        visible: view.visible,
      });
      cellLayers.set(layer.id, drawn);
      map.addLayer(drawn);
      continue;
    }
    if (layer.kind === 'zones') {
      if (results.zones === undefined) continue;
      zones = outlineLayer(`${PREFIX}zones`, mesh.origin, ZONE_STROKES, {
        opacity: view.opacity,
        visible: view.visible,
      });
      map.addLayer(zones);
      continue;
    }
    for (const spec of layerSpecs(layer, view, types)) map.addLayer(spec);
  }
  for (const spec of highlightLayers()) map.addLayer(spec);
  orderLayers(map, plan);
  return { mesh, cells: cellLayers, zones };
}

/**
 * Removes every source and layer {@link drawResults} added (a basemap's stay).
 *
 * @example
 * ```ts
 * removeResults(map);
 * ```
 */
export function removeResults(map: MapLibreMap): void {
  // getLayersOrder, not getStyle: a style leaves custom layers (the cells) out.
  for (const id of map.getLayersOrder()) {
    if (id.startsWith(PREFIX)) map.removeLayer(id);
  }
  for (const id of Object.keys(map.getStyle().sources)) {
    if (id.startsWith(PREFIX)) map.removeSource(id);
  }
}

function layerSpecs(
  layer: LayerDefinition,
  view: LayerView,
  types: readonly string[],
): LayerSpecification[] {
  switch (layer.kind) {
    case 'outline':
      return outlineLayers(view);
    case 'organizations':
      return [organizationLayer(organizationColors(types), view)];
    default:
      return [];
  }
}

/**
 * Brings the map in line with the view: each layer's visibility and opacity, and the drawing
 * order. The data and the cells' colours stay as they are.
 *
 * @param map - the map {@link drawResults} drew on
 * @param plan - layers and view
 * @param drawn - what drawResults returned
 * @example
 * ```ts
 * applyView(map, { layers, view }, drawn);
 * ```
 */
export function applyView(map: MapLibreMap, plan: DrawPlan, drawn: MeshLayers): void {
  for (const layer of plan.layers) {
    const view = plan.view.layers[layer.id];
    const own = layer.kind === 'zones' ? drawn.zones : drawn.cells.get(layer.id);
    if (own !== undefined) {
      own.setVisible(view.visible);
      own.setOpacity(view.opacity);
      continue;
    }
    const visibility = view.visible ? 'visible' : 'none';
    for (const id of mapLayerIds(layer)) {
      if (map.getLayer(id) === undefined) continue;
      map.setLayoutProperty(id, 'visibility', visibility);
    }
    const [first] = mapLayerIds(layer);
    if (map.getLayer(first) === undefined) continue;
    if (layer.kind === 'outline') {
      map.setPaintProperty(`${PREFIX}outline-casing`, 'line-opacity', view.opacity * 0.7);
      map.setPaintProperty(`${PREFIX}outline`, 'line-opacity', view.opacity);
    } else if (layer.kind === 'organizations') {
      map.setPaintProperty(first, 'circle-opacity', view.opacity);
      map.setPaintProperty(first, 'circle-stroke-opacity', view.opacity);
    }
  }
  orderLayers(map, plan);
}

/** Moves our layers to the top of the style, bottom first, so the view's first layer ends on top. */
function orderLayers(map: MapLibreMap, plan: DrawPlan): void {
  const byId = new Map(plan.layers.map((l) => [l.id, l]));
  const ids: string[] = [];
  for (const id of [...plan.view.order].reverse()) {
    const layer = byId.get(id);
    if (layer !== undefined) ids.push(...mapLayerIds(layer));
  }
  // The hover and selection outlines stay above everything, whatever the order.
  ids.push(`${PREFIX}hover`, `${PREFIX}selected`);
  for (const id of ids) if (map.getLayer(id) !== undefined) map.moveLayer(id);
}
