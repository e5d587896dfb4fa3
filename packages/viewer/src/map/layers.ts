import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  LineLayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { LayerView } from '../state/viewState.js';
import { categoricalColors } from './colorSchemes.js';
import type { LayerDefinition } from './layerCatalog.js';
import { LOCAL_GLYPHS_URL } from './localGlyphsUrl.js';
import type { OutlineStroke } from './outlineLayer.js';

/** Every source and layer the viewer adds starts with this, so a basemap's never collide. */
export const PREFIX = 'hexreach-';

/** Source ids. */
export const SOURCES = {
  outline: `${PREFIX}outline`,
  organizations: `${PREFIX}organizations`,
  /** The hovered and the selected cell, each with `role: 'hover' | 'selected'`. */
  highlight: `${PREFIX}highlight`,
} as const;

/** The plain background of the offline map: a cool grey that the white "not significant" Gi* class stands out on. */
export const BACKGROUND_COLOR = '#dde1e6';

/**
 * The offline style: a background and nothing else — no tiles or sprites, and glyphs drawn in
 * the page (`LOCAL_GLYPHS_URL`), so the map draws with no network. The study-area outline added
 * with the data gives orientation.
 *
 * @example
 * ```ts
 * new Map({ container, style: offlineStyle() });
 * ```
 */
export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'hexreach offline',
    glyphs: LOCAL_GLYPHS_URL,
    sources: {},
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
    ],
  };
}

const visibility = (view: LayerView) => (view.visible ? 'visible' : 'none');

/**
 * The study-area boundary: a dark line over a light casing, readable on any fill.
 *
 * @example
 * ```ts
 * for (const layer of outlineLayers(view)) map.addLayer(layer);
 * ```
 */
export function outlineLayers(view: LayerView): LineLayerSpecification[] {
  return [
    {
      id: `${PREFIX}outline-casing`,
      type: 'line',
      source: SOURCES.outline,
      layout: { visibility: visibility(view), 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 3.5, 'line-opacity': view.opacity * 0.7 },
    },
    {
      id: `${PREFIX}outline`,
      type: 'line',
      source: SOURCES.outline,
      layout: { visibility: visibility(view), 'line-join': 'round' },
      paint: { 'line-color': '#39424e', 'line-width': 1.5, 'line-opacity': view.opacity },
    },
  ];
}

/** The zones' outline: a black line over a white casing, readable on any fill. */
export const ZONE_STROKES: readonly OutlineStroke[] = [
  { color: '#ffffff', width: 5 },
  { color: '#111111', width: 2.5 },
];

/**
 * A colour for each organization type, most frequent first, from the Okabe–Ito palette; types
 * beyond its eight colours share a grey.
 *
 * @param types - the type of every organization
 * @returns type → colour with the number of organizations, most frequent first, and the grey
 * @example
 * ```ts
 * organizationColors(['school', 'youth', 'school']); // [{ type: 'school', color: '#e69f00', count: 2 }, …]
 * ```
 */
export function organizationColors(types: readonly string[]): {
  entries: { type: string; color: string; count: number }[];
  other: string;
} {
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const other = '#8c8c8c';
  return {
    entries: sorted.map(([type, count], i) => ({
      type,
      count,
      color: categoricalColors[i] ?? other,
    })),
    other,
  };
}

/**
 * Organizations as circles coloured by type (the same mapping as their legend).
 *
 * @example
 * ```ts
 * map.addLayer(organizationLayer(organizationColors(types), view));
 * ```
 */
export function organizationLayer(
  colors: ReturnType<typeof organizationColors>,
  view: LayerView,
): CircleLayerSpecification {
  const [first, ...rest] = colors.entries;
  const color: ExpressionSpecification | string =
    first === undefined
      ? colors.other
      : [
          'match',
          ['get', 'type'],
          first.type,
          first.color,
          ...rest.flatMap((e) => [e.type, e.color]),
          colors.other,
        ];
  return {
    id: `${PREFIX}organizations`,
    type: 'circle',
    source: SOURCES.organizations,
    layout: { visibility: visibility(view) },
    paint: {
      'circle-color': color,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 3.5, 14, 7],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
      'circle-opacity': view.opacity,
      'circle-stroke-opacity': view.opacity,
    },
  };
}

/**
 * Outlines of the hovered and the selected cell, from the small `highlight` source holding just
 * those two cells, so that moving the pointer never touches the cell layers.
 *
 * @example
 * ```ts
 * map.getSource(SOURCES.highlight).setData({ type: 'FeatureCollection', features: [hovered] });
 * ```
 */
export function highlightLayers(): LineLayerSpecification[] {
  return [
    {
      id: `${PREFIX}hover`,
      type: 'line',
      source: SOURCES.highlight,
      filter: ['==', ['get', 'role'], 'hover'],
      paint: { 'line-color': '#000000', 'line-width': 2, 'line-opacity': 0.9 },
    },
    {
      id: `${PREFIX}selected`,
      type: 'line',
      source: SOURCES.highlight,
      filter: ['==', ['get', 'role'], 'selected'],
      paint: { 'line-color': '#ff00ff', 'line-width': 3, 'line-opacity': 1 },
    },
  ];
}

/**
 * The MapLibre layer ids drawing one viewer layer, bottom first.
 *
 * @example
 * ```ts
 * mapLayerIds({ id: 'zones', kind: 'zones', … }); // ['hexreach-zones']
 * ```
 */
export function mapLayerIds(layer: Pick<LayerDefinition, 'id' | 'kind'>): string[] {
  if (layer.kind === 'outline') return [`${PREFIX}outline-casing`, `${PREFIX}outline`];
  return [`${PREFIX}${layer.id}`];
}
