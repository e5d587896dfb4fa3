import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { offlineStyle } from './layers.js';

/**
 * The viewer's map: the user's basemap style or the offline one, the whole world in view, zoom
 * buttons and a metric scale.
 *
 * @param container - the element the map fills
 * @param basemapUrl - the style URL of the user's basemap; undefined for the offline map
 * @param testMode - keeps the drawing buffer readable and turns fading off, for end-to-end tests
 * @returns the map
 * @example
 * ```ts
 * const map = createMap(byId('map'), readBasemapUrl(), false);
 * ```
 */
export function createMap(
  container: HTMLElement,
  basemapUrl: string | undefined,
  testMode: boolean,
): MapLibreMap {
  // MapLibre looks for its worker beside its own module, which bundling moves; point it at the
  // copy Vite emits with the app (same origin, so it works offline and under a strict CSP).
  setWorkerUrl(workerUrl);
  const map = new MapLibreMap({
    container,
    style: basemapUrl ?? offlineStyle(),
    center: [0, 20],
    zoom: 1.5,
    attributionControl: { compact: true },
    canvasContextAttributes: { preserveDrawingBuffer: testMode },
    fadeDuration: testMode ? 0 : 300,
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  return map;
}
