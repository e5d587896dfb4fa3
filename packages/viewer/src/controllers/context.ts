import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ViewerStore } from '../state/store.js';
import type { PageElements } from '../ui/pageElements.js';

/** What every controller works with: the map, the viewer's store and the page's elements. */
export interface ViewerContext {
  readonly map: MapLibreMap;
  readonly store: ViewerStore;
  readonly ui: PageElements;
}
