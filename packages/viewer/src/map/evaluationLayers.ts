import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { LoadedEvaluation } from '../data/evaluation.js';
import type { EvaluationChangeScale } from './evaluationChangeScale.js';

/**
 * Ids of the evaluation's source and layers. Not under the `hexreach-` prefix on purpose:
 * drawing a run's cells removes every `hexreach-` layer, and an evaluation stays until replaced.
 */
export const EVALUATION_IDS = {
  source: 'hexreach.evaluation',
  fill: 'hexreach.evaluation-fill',
  outline: 'hexreach.evaluation-outline',
  selected: 'hexreach.evaluation-selected',
} as const;

/** Opacity of the zones' fill: the basemap, when one is set, shows through a little. */
export const EVALUATION_FILL_OPACITY = 0.85;

/** Properties of a zone on the map: its id and the colour of its estimated change. */
export interface EvaluationMapProperties {
  readonly id: string;
  readonly color: string;
}

/**
 * The zones' outlines as the map's source data, each with the colour of its estimated change
 * (so the map and the legend read one scale, and the style needs no expression of its own).
 *
 * @param evaluation - the loaded evaluation
 * @param scale - the colour scale ({@link evaluationChangeScale})
 * @returns a FeatureCollection for a GeoJSON source
 * @example
 * ```ts
 * map.addSource(EVALUATION_IDS.source, { type: 'geojson', data: evaluationMapData(evaluation, scale) });
 * ```
 */
export function evaluationMapData(
  evaluation: Pick<LoadedEvaluation, 'zones' | 'outlines'>,
  scale: EvaluationChangeScale,
): FeatureCollection<Polygon | MultiPolygon, EvaluationMapProperties> {
  const changeOf = new Map(evaluation.zones.map((z) => [z.id, z.crime.change]));
  return {
    type: 'FeatureCollection',
    features: evaluation.outlines.features.map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        id: f.properties.id,
        color: scale(changeOf.get(f.properties.id) ?? Number.NaN),
      },
    })),
  };
}

/**
 * The layers that draw an evaluation, bottom first: the zones filled by their change, their
 * outlines, and a thicker outline of the selected zone (`selected` id; none with '').
 *
 * @param selected - the id of the selected zone, or ''
 * @returns the fill layer and the two line layers
 * @example
 * ```ts
 * for (const layer of evaluationLayers('Z01')) map.addLayer(layer);
 * ```
 */
export function evaluationLayers(
  selected: string,
): [FillLayerSpecification, LineLayerSpecification, LineLayerSpecification] {
  return [
    {
      id: EVALUATION_IDS.fill,
      type: 'fill',
      source: EVALUATION_IDS.source,
      paint: { 'fill-color': ['get', 'color'], 'fill-opacity': EVALUATION_FILL_OPACITY },
    },
    {
      id: EVALUATION_IDS.outline,
      type: 'line',
      source: EVALUATION_IDS.source,
      paint: { 'line-color': '#39424e', 'line-width': 1.5 },
    },
    {
      id: EVALUATION_IDS.selected,
      type: 'line',
      source: EVALUATION_IDS.source,
      filter: ['==', ['get', 'id'], selected],
      paint: { 'line-color': '#111111', 'line-width': 4 },
    },
  ];
}
