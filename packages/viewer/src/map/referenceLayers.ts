import type {
  CircleLayerSpecification,
  FilterSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';

/**
 * Reference layers' ids start with this rather than the results' prefix (`hexreach-`): loading
 * other results removes the results' layers and must leave these.
 */
export const REFERENCE_PREFIX = 'hexreach:reference-';

/**
 * The source id of the reference layer drawn `n`-th; its map layers' ids start with it.
 *
 * @param n - the layer's number
 * @returns the source id
 * @example
 * ```ts
 * referenceSourceId(0); // 'hexreach:reference-0'
 * ```
 */
export function referenceSourceId(n: number): string {
  return `${REFERENCE_PREFIX}${n}`;
}

/**
 * The map layers of a reference layer: its polygons' and lines' outlines (a dark line over a
 * white casing, readable over the cells' colours), its points as small rings, and each
 * feature's name from `nameProperty` in the viewer's own glyphs (at polygons' inner points),
 * shown or hidden together.
 *
 * @param n - the layer's number (its source is `referenceSourceId(n)`)
 * @param nameProperty - the property holding the names, if any (no labels without one)
 * @param visible - whether the layer is shown
 * @returns the layer specifications, bottom first
 * @example
 * ```ts
 * for (const spec of referenceLayerSpecs(0, 'ward_name', true)) map.addLayer(spec);
 * ```
 */
export function referenceLayerSpecs(
  n: number,
  nameProperty: string | undefined,
  visible: boolean,
): (LineLayerSpecification | CircleLayerSpecification | SymbolLayerSpecification)[] {
  const source = referenceSourceId(n);
  const visibility = visible ? 'visible' : 'none';
  const notPoint: FilterSpecification = ['!=', ['geometry-type'], 'Point'];
  const layers: (LineLayerSpecification | CircleLayerSpecification | SymbolLayerSpecification)[] = [
    {
      id: `${source}-casing`,
      type: 'line',
      source,
      filter: notPoint,
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 3, 'line-opacity': 0.8 },
    },
    {
      id: `${source}-line`,
      type: 'line',
      source,
      filter: notPoint,
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': '#3b3b6d', 'line-width': 1.3, 'line-dasharray': [3, 1.5] },
    },
    {
      id: `${source}-point`,
      type: 'circle',
      source,
      filter: ['==', ['geometry-type'], 'Point'],
      layout: { visibility },
      paint: {
        'circle-radius': 4,
        'circle-color': 'rgba(0, 0, 0, 0)',
        'circle-stroke-color': '#3b3b6d',
        'circle-stroke-width': 1.5,
      },
    },
  ];
  if (nameProperty === undefined) return layers;
  layers.push({
    id: `${source}-label`,
    type: 'symbol',
    source,
    layout: {
      visibility,
      'text-field': ['to-string', ['get', nameProperty]],
      'text-font': ['Noto Sans Regular'],
      'text-size': 12,
      'text-max-width': 8,
    },
    paint: {
      'text-color': '#2b2b55',
      'text-halo-color': '#ffffff',
      'text-halo-width': 1.5,
    },
  });
  return layers;
}
