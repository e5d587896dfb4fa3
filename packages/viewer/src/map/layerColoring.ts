import type { LoadedResults } from '../data/results.js';
import type { LayerView, ViewState } from '../state/viewState.js';
import { giBinShortLabels } from '../ui/format.js';
import { type Classification, classify, fixedClassification } from './classify.js';
import { type CategoryClassification, classifyCategories } from './classifyCategories.js';
import { giBinColors } from './colorSchemes.js';
import type { LayerDefinition } from './layerCatalog.js';
import type { CellColoring } from './layerCellColors.js';

/** What a layer's colours are computed from: the results, their layers and the view. */
export interface ColoringSource {
  readonly results: LoadedResults | undefined;
  readonly layers: readonly LayerDefinition[];
  readonly view: ViewState | undefined;
}

/**
 * The layer of an id.
 *
 * @example
 * ```ts
 * const layer = layerById(layers, view.active);
 * ```
 */
export function layerById(
  layers: readonly LayerDefinition[],
  id: string,
): LayerDefinition | undefined {
  return layers.find((l) => l.id === id);
}

/**
 * The column a layer draws: the one chosen for the `column` layer, else the layer's own.
 *
 * @example
 * ```ts
 * const column = columnOf(layer, view.layers[layer.id]);
 * ```
 */
export function columnOf(layer: LayerDefinition, layerView: LayerView): string | undefined {
  return layer.id === 'column' ? layerView.column : layer.column;
}

/**
 * The numbers a numeric or bins layer draws: its column, or for the time-step layer the Gi* bins
 * of the step shown.
 *
 * @example
 * ```ts
 * const values = numericValuesOf(store.get(), layer);
 * ```
 */
export function numericValuesOf(
  source: ColoringSource,
  layer: LayerDefinition,
): ArrayLike<number> | undefined {
  const { results, view } = source;
  if (results === undefined || view === undefined) return undefined;
  if (layer.id === 'gi_step')
    return view.step === undefined ? undefined : results.spaceTime?.bins[view.step];
  const column = columnOf(layer, view.layers[layer.id]);
  return column === undefined ? undefined : results.columns[column];
}

/** The classifications of the cell layers, made once per data and classes (see {@link createLayerColoring}). */
export interface LayerColoring {
  /** The d3 scale of a numeric or bins layer, which colours the map and draws the legend. */
  classificationOf(source: ColoringSource, layerId: string): Classification | undefined;
  /** The categories of a `categories` layer, counted in the data. */
  categoriesOf(source: ColoringSource, layer: LayerDefinition): CategoryClassification | undefined;
  /** What a cell layer is coloured by: its values and the classification its legend shows. */
  coloringOf(source: ColoringSource, layerId: string): CellColoring | undefined;
  /** Drops the classifications of columns whose values changed. */
  forget(columns: readonly string[]): void;
  /** Drops every classification (new results). */
  clear(): void;
}

/**
 * The cell layers' classifications, cached: by layer, column and classes (numeric layers), by
 * step (the time-step layer) and by layer (categories, counted once per load).
 *
 * @returns the classifications
 * @example
 * ```ts
 * const coloring = createLayerColoring();
 * layer.setColors(layerCellColors(coloring.coloringOf(store.get(), 'score')!, scratch));
 * ```
 */
export function createLayerColoring(): LayerColoring {
  const classifications = new Map<string, Classification>();
  const categories = new Map<string, CategoryClassification>();

  const classificationOf = (source: ColoringSource, layerId: string) => {
    const { results, view } = source;
    const layer = layerById(source.layers, layerId);
    if (results === undefined || view === undefined || layer === undefined) return undefined;
    const layerView = view.layers[layerId];
    const column = columnOf(layer, layerView);
    const values = numericValuesOf(source, layer);
    if (column === undefined || values === undefined) return undefined;
    const key =
      layer.kind === 'bins'
        ? `${layerId}|${column}|${layer.id === 'gi_step' ? view.step : ''}`
        : `${layerId}|${column}|${layerView.method}|${layerView.classes}|${layerView.scheme}`;
    let classification = classifications.get(key);
    if (classification === undefined) {
      classification =
        layer.kind === 'bins'
          ? fixedClassification(
              values,
              [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5],
              giBinColors,
              giBinShortLabels,
            )
          : classify(values, {
              method: layerView.method,
              classes: layerView.classes,
              scheme: layerView.scheme,
            });
      classifications.set(key, classification);
    }
    return classification;
  };

  const categoriesOf = (source: ColoringSource, layer: LayerDefinition) => {
    const values = layer.column === undefined ? undefined : source.results?.texts[layer.column];
    if (values === undefined || layer.categories === undefined) return undefined;
    let classification = categories.get(layer.id);
    if (classification === undefined) {
      classification = classifyCategories(values, layer.categories);
      categories.set(layer.id, classification);
    }
    return classification;
  };

  const coloringOf = (source: ColoringSource, layerId: string): CellColoring | undefined => {
    const { results } = source;
    const layer = layerById(source.layers, layerId);
    if (layer === undefined || results === undefined) return undefined;
    if (layer.kind === 'categories') {
      const classification = categoriesOf(source, layer);
      const values = layer.column === undefined ? undefined : results.texts[layer.column];
      return classification === undefined || values === undefined
        ? undefined
        : { kind: 'categories', values, classification };
    }
    const classification = classificationOf(source, layerId);
    const values = numericValuesOf(source, layer);
    return classification === undefined || values === undefined
      ? undefined
      : { kind: 'scale', values, scale: classification.scale };
  };

  return {
    classificationOf,
    categoriesOf,
    coloringOf,
    // Keys are layer|column|…: the column is the second part.
    forget: (columns) => {
      for (const key of [...classifications.keys()]) {
        if (columns.includes(key.split('|')[1])) classifications.delete(key);
      }
    },
    clear: () => {
      classifications.clear();
      categories.clear();
    },
  };
}
