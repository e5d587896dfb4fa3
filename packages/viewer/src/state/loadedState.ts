import type { LoadedResults } from '../data/results.js';
import { cellPicker } from '../map/cellPicker.js';
import { availableLayers, otherColumns } from '../map/layerCatalog.js';
import { hashToViewState } from './hashState.js';
import { zonesOfResults } from './shownZones.js';
import type { ViewerState } from './store.js';
import { type Camera, defaultViewState } from './viewState.js';

/** Where the map of freshly loaded results is. */
export type LoadedCamera =
  /** The link's position (the first results): a link's map position belongs to them. */
  | { readonly fromLink: true }
  /** A position kept (re-scoring), or undefined to fit the data (later loads). */
  | { readonly fromLink: false; readonly camera: Camera | undefined };

/**
 * The state of freshly loaded results: their cells, layers, the view (the link's, over the
 * defaults) and nothing selected or hovered; the zones drawn are the results' own.
 *
 * @param loaded - the results
 * @param hash - the URL's hash (a shared link's view)
 * @param camera - where the map is
 * @returns the fields of the store to set
 * @example
 * ```ts
 * store.set(loadedState(loaded, location.hash, { fromLink: true }));
 * ```
 */
export function loadedState(
  loaded: LoadedResults,
  hash: string,
  camera: LoadedCamera,
): Pick<
  ViewerState,
  | 'results'
  | 'cells'
  | 'layers'
  | 'view'
  | 'selected'
  | 'hovered'
  | 'shownZones'
  | 'selectWhenRescored'
> {
  const layers = availableLayers(loaded);
  const defaults = defaultViewState(
    layers,
    otherColumns(loaded.numericColumns)[0],
    loaded.spaceTime?.stepStarts.length ?? 0,
  );
  const restored = hashToViewState(hash, defaults, loaded.numericColumns);
  const index = new Map(loaded.cellIds.map((h3, i) => [h3, i]));
  return {
    results: loaded,
    cells: { index, at: cellPicker(loaded.cellIds, index) },
    layers,
    view: camera.fromLink ? restored : { ...restored, camera: camera.camera },
    selected: undefined,
    hovered: undefined,
    shownZones: zonesOfResults(loaded),
    selectWhenRescored: undefined,
  };
}
