import type { ExpressionSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { LoadedResults } from '../data/results.js';
import type { LayerView, ViewState } from '../state/viewState.js';
import { cellsOutline } from './cellsOutline.js';
import { isCellLayer, type LayerDefinition } from './layerCatalog.js';
import {
  cellFillLayer,
  highlightLayers,
  mapLayerIds,
  organizationColors,
  organizationLayer,
  outlineLayers,
  PREFIX,
  SOURCES,
  zoneLayers,
} from './layers.js';
import { slimCells } from './slimCells.js';

/** What to draw: the layers, the view, and the fill colour of each cell layer. */
export interface DrawPlan {
  readonly layers: readonly LayerDefinition[];
  readonly view: ViewState;
  /** The `fill-color` of a cell layer (from its classification's scale). */
  fillColor(layerId: string): ExpressionSpecification | string;
  /** The cell properties the layers read: the only ones the map's source gets. */
  readonly cellColumns: readonly string[];
}

/**
 * Puts results on the map: removes what an earlier load added, then adds the sources (cells
 * with their h3 index as feature id and only the columns the layers read, the study-area
 * outline, zones, organizations) and one set
 * of MapLibre layers per viewer layer, in the view's order, with the hover and selection
 * outlines on top.
 *
 * @param map - a map whose style has loaded
 * @param results - the results
 * @param plan - layers, view and fill colours
 * @example
 * ```ts
 * drawResults(map, results, { layers, view, fillColor: (id) => fillColorExpression(...) });
 * ```
 */
export function drawResults(map: MapLibreMap, results: LoadedResults, plan: DrawPlan): void {
  removeResults(map);
  map.addSource(SOURCES.cells, {
    type: 'geojson',
    data: slimCells(results.cells, plan.cellColumns),
    promoteId: 'h3',
  });
  map.addSource(SOURCES.highlight, {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
  });
  map.addSource(SOURCES.outline, {
    type: 'geojson',
    data: { type: 'Feature', properties: {}, geometry: cellsOutline(results.cells.features) },
  });
  if (results.zones !== undefined) {
    map.addSource(SOURCES.zones, { type: 'geojson', data: results.zones, promoteId: 'id' });
  }
  if (results.organizations !== undefined) {
    map.addSource(SOURCES.organizations, { type: 'geojson', data: results.organizations });
  }
  const types = results.organizations?.features.map((f) => f.properties.type) ?? [];
  for (const layer of plan.layers) {
    const view = plan.view.layers[layer.id];
    for (const spec of layerSpecs(layer, view, plan, types)) map.addLayer(spec);
  }
  for (const spec of highlightLayers()) map.addLayer(spec);
  orderLayers(map, plan);
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
  for (const layer of map.getStyle().layers) {
    if (layer.id.startsWith(PREFIX)) map.removeLayer(layer.id);
  }
  for (const id of Object.keys(map.getStyle().sources)) {
    if (id.startsWith(PREFIX)) map.removeSource(id);
  }
}

function layerSpecs(
  layer: LayerDefinition,
  view: LayerView,
  plan: DrawPlan,
  types: readonly string[],
): LayerSpecification[] {
  switch (layer.kind) {
    case 'numeric':
    case 'bins':
    case 'categories':
      return [cellFillLayer(layer.id, plan.fillColor(layer.id), view)];
    case 'outline':
      return outlineLayers(view);
    case 'zones':
      return zoneLayers(view);
    case 'organizations':
      return [organizationLayer(organizationColors(types), view)];
  }
}

/**
 * Brings the map in line with the view: each layer's visibility, opacity and fill colour, and
 * the drawing order. Only paint and layout properties change; the data stay where they are.
 *
 * @example
 * ```ts
 * applyView(map, { layers, view, fillColor });
 * ```
 */
export function applyView(map: MapLibreMap, plan: DrawPlan): void {
  for (const layer of plan.layers) {
    const view = plan.view.layers[layer.id];
    const visibility = view.visible ? 'visible' : 'none';
    for (const id of mapLayerIds(layer)) {
      if (map.getLayer(id) === undefined) continue;
      map.setLayoutProperty(id, 'visibility', visibility);
    }
    const [first] = mapLayerIds(layer);
    if (map.getLayer(first) === undefined) continue;
    if (isCellLayer(layer)) {
      map.setPaintProperty(first, 'fill-opacity', view.opacity);
      map.setPaintProperty(first, 'fill-color', plan.fillColor(layer.id));
    } else if (layer.kind === 'outline') {
      map.setPaintProperty(`${PREFIX}outline-casing`, 'line-opacity', view.opacity * 0.7);
      map.setPaintProperty(`${PREFIX}outline`, 'line-opacity', view.opacity);
    } else if (layer.kind === 'zones') {
      map.setPaintProperty(`${PREFIX}zones-casing`, 'line-opacity', view.opacity);
      map.setPaintProperty(`${PREFIX}zones`, 'line-opacity', view.opacity);
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
