import { offlineStyle } from '../map/layers.js';
import { basemapForm, saveBasemapUrl } from '../ui/basemapSetting.js';
import { replaceContent } from '../ui/dom.js';
import { clearMessage, showMessage } from '../ui/messages.js';
import type { ViewerContext } from './context.js';
import type { MapController } from './mapController.js';
import type { ZoneMarkersController } from './zoneMarkersController.js';

/** What a new basemap style redraws. */
export interface BasemapParts {
  readonly mapView: Pick<MapController, 'draw'>;
  readonly markers: Pick<ZoneMarkersController, 'removeAll'>;
}

/**
 * The basemap setting: offline by default; a user's style URL is remembered, and one that
 * cannot be loaded gives way to the offline map with a message.
 *
 * @param ctx - map, store and page
 * @param parts - the map's results and rank labels, drawn again on the new style
 * @example
 * ```ts
 * installBasemap(ctx, { mapView, markers });
 * ```
 */
export function installBasemap(ctx: ViewerContext, parts: BasemapParts): void {
  const { map, store, ui } = ctx;

  const setBasemap = (url: string | undefined): void => {
    store.set({ basemapUrl: url });
    saveBasemapUrl(url);
    map.setStyle(url ?? offlineStyle(), { diff: false });
    map.once('style.load', () => {
      parts.markers.removeAll();
      parts.mapView.draw();
    });
    renderForm();
  };

  const renderForm = (): void => {
    replaceContent(
      ui.basemapPanel,
      basemapForm(
        store.get().basemapUrl,
        (url) => {
          clearMessage(ui.messages);
          setBasemap(url);
        },
        (message) => showMessage(ui.messages, 'error', message),
      ),
    );
  };

  map.on('error', (event) => {
    const message = event.error instanceof Error ? event.error.message : String(event.error);
    if (store.get().basemapUrl !== undefined && !map.isStyleLoaded()) {
      showMessage(
        ui.messages,
        'error',
        `The basemap style could not be loaded (${message}); showing the offline map.`,
      );
      setBasemap(undefined);
    }
  });

  renderForm();
}
