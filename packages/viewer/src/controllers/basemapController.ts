import type { StyleSpecification } from 'maplibre-gl';
import { offlineStyle } from '../map/layers.js';
import { fillMissingIcons, openPmtilesBasemap } from '../map/pmtilesBasemap.js';
import { basemapForm, saveBasemapUrl } from '../ui/basemapSetting.js';
import { replaceContent } from '../ui/dom.js';
import { clearMessage, showMessage } from '../ui/messages.js';
import type { ViewerContext } from './context.js';
import type { MapController } from './mapController.js';
import type { ZoneMarkersController } from './zoneMarkersController.js';

/** What a new basemap style redraws. */
export interface BasemapParts {
  readonly mapView: Pick<MapController, 'draw' | 'styleChanging'>;
  readonly markers: Pick<ZoneMarkersController, 'removeAll'>;
}

/**
 * The basemap setting: offline by default; a user's style URL is remembered, and one that
 * cannot be loaded gives way to the offline map with a message; or a local PMTiles archive
 * ("Open PMTiles…", dropped, or `?basemap=` from `hexreach view --basemap`), drawn with no
 * network at all.
 *
 * @param ctx - map, store and page
 * @param parts - the map's results and rank labels, drawn again on the new style
 * @returns the controller, to open a PMTiles basemap
 * @example
 * ```ts
 * const basemap = installBasemap(ctx, { mapView, markers });
 * ```
 */
export function installBasemap(ctx: ViewerContext, parts: BasemapParts): BasemapController {
  const { map, store, ui } = ctx;
  let pmtilesName: string | undefined;

  const showStyle = (style: string | StyleSpecification): void => {
    parts.mapView.styleChanging();
    map.setStyle(style, { diff: false });
    map.once('style.load', () => {
      parts.markers.removeAll();
      parts.mapView.draw();
    });
    renderForm();
  };

  const setBasemap = (url: string | undefined): void => {
    store.set({ basemapUrl: url });
    saveBasemapUrl(url);
    pmtilesName = undefined;
    showStyle(url ?? offlineStyle());
  };

  const openPmtiles = async (source: File | string): Promise<void> => {
    try {
      const { style, name } = await openPmtilesBasemap(source);
      clearMessage(ui.messages);
      pmtilesName = name;
      showStyle(style);
    } catch (error) {
      const name = typeof source === 'string' ? source : source.name;
      showMessage(
        ui.messages,
        'error',
        `The basemap ${name} could not be opened: ${error instanceof Error ? error.message : String(error)}`,
        ['The map keeps its basemap.'],
      );
    }
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
        (file) => void openPmtiles(file),
        pmtilesName,
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

  fillMissingIcons(map);
  renderForm();
  return { openPmtiles };
}

/** The basemap setting (see {@link installBasemap}). */
export interface BasemapController {
  /**
   * Shows a PMTiles archive (a file, or a URL of the page's server) as the basemap, offline; a
   * file that cannot be read is reported and the map keeps its basemap.
   */
  openPmtiles(source: File | string): Promise<void>;
}
