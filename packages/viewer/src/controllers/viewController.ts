import { otherColumns } from '../map/layerCatalog.js';
import { layerById } from '../map/layerColoring.js';
import { hashToViewState } from '../state/hashState.js';
import { defaultViewState, type LayerView, type ViewState } from '../state/viewState.js';
import { h, replaceContent } from '../ui/dom.js';
import { columnLabel } from '../ui/format.js';
import { layerPanel } from '../ui/renderLayerPanel.js';
import { styleControls } from '../ui/renderStyleControls.js';
import type { ViewerContext } from './context.js';
import type { LegendController } from './legendController.js';
import type { MapController } from './mapController.js';
import type { ZoneListController } from './zoneListController.js';
import type { ZoneMarkersController } from './zoneMarkersController.js';

/** The view's panels and changes (see {@link createViewController}). */
export interface ViewController {
  /** Shows another view: on the map (unless `redraw` is false), in the link and the panels. */
  updateView(next: ViewState, redraw?: boolean): void;
  /** Draws the layer panel, the style controls, the legend, the zone list and the time panel. */
  renderPanels(): void;
}

/** What the view's panels also draw. */
export interface ViewParts {
  readonly mapView: Pick<MapController, 'refresh'>;
  readonly markers: Pick<ZoneMarkersController, 'updateVisibility'>;
  readonly legend: LegendController;
  readonly zones: ZoneListController;
  /** Draws the time panel. */
  readonly renderTime: () => void;
}

/**
 * The view: the layer panel (visibility, active layer, opacity, order), the active layer's
 * style controls, the map position, and a hash the user changes; otherwise the link follows
 * the view in the store (see mirrorViewInHash).
 *
 * @param ctx - map, store and page
 * @param parts - the map and the other panels a view change redraws
 * @returns the controller
 * @example
 * ```ts
 * const views = createViewController(ctx, { mapView, markers, legend, zones, renderTime });
 * views.renderPanels();
 * ```
 */
export function createViewController(ctx: ViewerContext, parts: ViewParts): ViewController {
  const { map, store, ui } = ctx;

  const updateView = (next: ViewState, redraw = true): void => {
    store.set({ view: next });
    if (redraw) parts.mapView.refresh();
    parts.markers.updateVisibility();
    renderPanels();
  };

  const patchLayer = (id: string, patch: Partial<LayerView>): void => {
    const { view } = store.get();
    if (view === undefined) return;
    updateView({ ...view, layers: { ...view.layers, [id]: { ...view.layers[id], ...patch } } });
  };

  const renderStyle = (): void => {
    const { results, view, layers } = store.get();
    if (view === undefined || results === undefined) return;
    const layer = layerById(layers, view.active);
    if (layer === undefined) {
      ui.styleLayerName.textContent = '';
      replaceContent(ui.styleControls, h('p', { className: 'hint' }, 'No cell layer.'));
      return;
    }
    const summary = results.summary;
    ui.styleLayerName.textContent = `· ${layer.title}`;
    replaceContent(
      ui.styleControls,
      styleControls(
        layer,
        view.layers[layer.id],
        otherColumns(results.numericColumns),
        (c) => columnLabel(c, summary),
        { change: (id, patch) => patchLayer(id, patch) },
      ),
    );
  };

  const renderPanels = (): void => {
    const { results, view: current, layers } = store.get();
    if (current === undefined || results === undefined) return;
    replaceContent(
      ui.layers,
      layerPanel(layers, current, {
        toggle: (id, visible) => patchLayer(id, { visible }),
        activate: (id) => updateView({ ...current, active: id }, false),
        opacity: (id, opacity) => {
          // Sliding must not rebuild the panel under the pointer: update the map and hash only.
          const { view } = store.get();
          if (view === undefined) return;
          store.set({
            view: { ...view, layers: { ...view.layers, [id]: { ...view.layers[id], opacity } } },
          });
          parts.mapView.refresh();
        },
        move: (id, delta) => {
          const order = [...current.order];
          const i = order.indexOf(id);
          const j = i + delta;
          if (i < 0 || j < 0 || j >= order.length) return;
          [order[i], order[j]] = [order[j], order[i]];
          updateView({ ...current, order });
        },
      }),
    );
    renderStyle();
    parts.legend.render();
    parts.zones.render();
    parts.renderTime();
  };

  map.on('moveend', () => {
    const { results, view } = store.get();
    if (view === undefined || results === undefined) return;
    const center = map.getCenter();
    store.set({
      view: { ...view, camera: { lng: center.lng, lat: center.lat, zoom: map.getZoom() } },
    });
  });

  window.addEventListener('hashchange', () => {
    const { results, view, layers } = store.get();
    if (results === undefined || view === undefined) return;
    const defaults = defaultViewState(layers, otherColumns(results.numericColumns)[0]);
    const next = hashToViewState(location.hash, defaults, results.numericColumns);
    updateView(next);
    if (next.camera !== undefined)
      map.jumpTo({ center: [next.camera.lng, next.camera.lat], zoom: next.camera.zoom });
  });

  return { updateView, renderPanels };
}
