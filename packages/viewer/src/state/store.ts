import type { AnalysisOutputs } from '../data/analyzeRawInputs.js';
import type { ReferenceLayer } from '../data/parseReferenceLayer.js';
import type { LoadedResults } from '../data/results.js';
import type { LayerDefinition } from '../map/layerCatalog.js';
import type { ShownZones } from './shownZones.js';
import type { ViewState } from './viewState.js';

/** Called after each change with the state as it is now and as it was just before. */
export type StoreListener<T> = (state: T, previous: T) => void;

/** A state kept in one place: read with `get`, changed with `set` or `update`, watched with `subscribe`. */
export interface Store<T extends object> {
  get(): T;
  /** Replaces the fields given, then tells every listener. */
  set(patch: Partial<T>): void;
  /** As `set`, with the fields computed from the current state. */
  update(change: (state: T) => Partial<T>): void;
  /** Adds a listener; the function returned removes it. */
  subscribe(listener: StoreListener<T>): () => void;
}

/**
 * A small typed store. Listeners run synchronously, in the order they subscribed, on every
 * change, and compare `state` with `previous` to see whether what they show changed.
 *
 * @param initial - the first state
 * @returns the store
 * @example
 * ```ts
 * const counter = createStore({ count: 0 });
 * counter.subscribe((s, before) => console.log(before.count, '→', s.count));
 * counter.update((s) => ({ count: s.count + 1 }));
 * ```
 */
export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<StoreListener<T>>();
  const set = (patch: Partial<T>): void => {
    const previous = state;
    state = { ...state, ...patch };
    for (const listener of [...listeners]) listener(state, previous);
  };
  return {
    get: () => state,
    set,
    update: (change) => set(change(state)),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What is selected: a cell (by H3 index) or a zone (by id). */
export type Selection =
  | { readonly kind: 'cell'; readonly h3: string }
  | { readonly kind: 'zone'; readonly id: string };

/** The cells of the results shown, looked up by H3 index or by position. */
export interface CellLookup {
  /** Position of each cell (by H3 index) among the features of cells.geojson. */
  readonly index: ReadonlyMap<string, number>;
  /** The index of the cell at a position, or −1 (see cellPicker). */
  readonly at: (lng: number, lat: number) => number;
}

/** The viewer's state: the results shown, their layers, the view, and what is selected. */
export interface ViewerState {
  readonly results: LoadedResults | undefined;
  readonly cells: CellLookup;
  readonly layers: readonly LayerDefinition[];
  readonly view: ViewState | undefined;
  readonly selected: Selection | undefined;
  /** The H3 index of the cell under the pointer. */
  readonly hovered: string | undefined;
  readonly shownZones: ShownZones | undefined;
  /** A zone chosen while the zones shown were ahead of the results: selected once they arrive. */
  readonly selectWhenRescored: string | undefined;
  /** The priority weights of the analysis shown, when it ran in this browser (else undefined). */
  readonly weights: Readonly<Record<string, number>> | undefined;
  /**
   * The incidents and filters of the analysis shown, when it ran in this browser (its cells,
   * once read into the results, are not kept twice).
   */
  readonly lastOutputs: Pick<AnalysisOutputs, 'incidents' | 'filters'> | undefined;
  /** True while the worker re-scores or runs the analysis again (one job at a time). */
  readonly busy: boolean;
  /** The style URL of the user's basemap; undefined for the offline map. */
  readonly basemapUrl: string | undefined;
  /** Reference layers (wards, beats, parks) in the order added, each shown or not. */
  readonly references: readonly ShownReferenceLayer[];
}

/** A reference layer with whether it is shown and its number on the map. */
export interface ShownReferenceLayer extends ReferenceLayer {
  /** Its number: its map source is `referenceSourceId(n)`. */
  readonly n: number;
  readonly visible: boolean;
}

/** The viewer's store. */
export type ViewerStore = Store<ViewerState>;

/**
 * The store of a viewer with nothing loaded yet.
 *
 * @param basemapUrl - the basemap remembered from an earlier visit
 * @returns the store
 * @example
 * ```ts
 * const store = createViewerStore(readBasemapUrl());
 * ```
 */
export function createViewerStore(basemapUrl: string | undefined): ViewerStore {
  return createStore<ViewerState>({
    results: undefined,
    cells: { index: new Map(), at: () => -1 },
    layers: [],
    view: undefined,
    selected: undefined,
    hovered: undefined,
    shownZones: undefined,
    selectWhenRescored: undefined,
    weights: undefined,
    lastOutputs: undefined,
    busy: false,
    basemapUrl,
    references: [],
  });
}
