import type { IncidentFilters } from '../data/analyzeRawInputs.js';
import type { ClassMethod } from '../map/classify.js';
import type { SchemeName } from '../map/colorSchemes.js';
import { isCellLayer, type LayerDefinition } from '../map/layerCatalog.js';

/** How one layer is shown. */
export interface LayerView {
  readonly visible: boolean;
  /** 0…1. */
  readonly opacity: number;
  readonly method: ClassMethod;
  /** Classes wanted, 3…9. */
  readonly classes: number;
  readonly scheme: SchemeName;
  /** The column drawn by the `column` layer. */
  readonly column?: string;
}

/** Map position. */
export interface Camera {
  readonly lng: number;
  readonly lat: number;
  readonly zoom: number;
}

/** Everything a shared link restores: the active layer, each layer's look, the order and camera. */
export interface ViewState {
  /** The layer whose classification the style controls edit. */
  readonly active: string;
  /** Layer ids, top of the map first. */
  readonly order: readonly string[];
  readonly layers: Readonly<Record<string, LayerView>>;
  /** Undefined until the map has a position worth keeping (then the data's extent is shown). */
  readonly camera: Camera | undefined;
  /** The time step shown by the space-time layer (0 = first); undefined without time steps. */
  readonly step: number | undefined;
  /**
   * Priority weights asked for (an analysis in this browser is re-scored with them); undefined
   * keeps the analysis's own.
   */
  readonly weights: Readonly<Record<string, number>> | undefined;
  /** Incident filters asked for (an analysis in this browser runs with them). */
  readonly filters: IncidentFilters | undefined;
}

/** Fewest and most classes offered. */
export const CLASS_RANGE = { min: 3, max: 9 } as const;

/**
 * The view of freshly loaded results: default visibility, opacity 0.85 (cells) or 1, quantiles
 * in 5 classes, each layer's own scheme, and the priority score active.
 *
 * @param layers - the layers available (see `availableLayers`)
 * @param firstOtherColumn - the column the `column` layer starts with
 * @param timeSteps - how many time steps the results have (the last one is shown first)
 * @returns the default view state
 * @example
 * ```ts
 * const state = defaultViewState(availableLayers(results), otherColumns(results.numericColumns)[0]);
 * ```
 */
export function defaultViewState(
  layers: readonly LayerDefinition[],
  firstOtherColumn?: string,
  timeSteps = 0,
): ViewState {
  const views: Record<string, LayerView> = {};
  for (const layer of layers) {
    const cellLayer = isCellLayer(layer);
    views[layer.id] = {
      visible: layer.visibleByDefault,
      opacity: cellLayer ? 0.85 : 1,
      method: 'quantile',
      classes: 5,
      scheme: layer.scheme ?? 'viridis',
      ...(layer.id === 'column' && firstOtherColumn !== undefined
        ? { column: firstOtherColumn }
        : {}),
    };
  }
  const cellLayers = layers.filter(isCellLayer);
  const active =
    cellLayers.find((l) => l.visibleByDefault)?.id ?? cellLayers[0]?.id ?? layers[0]?.id ?? '';
  return {
    active,
    order: layers.map((l) => l.id),
    layers: views,
    camera: undefined,
    step: timeSteps > 0 ? timeSteps - 1 : undefined,
    weights: undefined,
    filters: undefined,
  };
}
