import { applyView, drawResults, type MeshLayers } from '../map/drawResults.js';
import { groupOutlines } from '../map/groupOutlines.js';
import { layerCellColors } from '../map/layerCellColors.js';
import type { LayerColoring } from '../map/layerColoring.js';
import type { ViewerContext } from './context.js';
import type { ZoneMarkersController } from './zoneMarkersController.js';

/** Padding around data fitted in view, in pixels. */
export interface MapPadding {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** Draws the results on the map and keeps them in line with the view (see {@link createMapController}). */
export interface MapController {
  /** The layers drawn from the cells' mesh: the cell layers and the zones' outlines. */
  drawn(): MeshLayers | undefined;
  /** Puts the results on the map: layers, colours, zone outlines and rank labels. */
  draw(): void;
  /** Gives each shown cell layer the colours of its current values and classes. */
  recolorCells(): void;
  /** Brings the map in line with the view and the results: layers, order, the cells' colours. */
  refresh(): void;
  /** Draws the outline of each zone shown along the edges of its cells. */
  outlineZones(): void;
  /** Runs `run` once the map's style has loaded (at once if it has). */
  whenStyleReady(run: () => void): void;
  /** Says a new style is about to be set: `whenStyleReady` waits for its `style.load` again. */
  styleChanging(): void;
  /** Padding for fitting data in view: clear of the legend when the map is wide enough to spare it. */
  padding(base: number): MapPadding;
}

/**
 * The map's drawing of the results: cell layers coloured from their classifications (only those
 * whose data or classes changed are coloured again), zone outlines and rank labels.
 *
 * @param ctx - map, store and page
 * @param coloring - the cell layers' classifications
 * @param markers - the zones' rank labels
 * @param raiseAbove - puts layers that stay above the results (the reference layers) back on top
 * @returns the controller
 * @example
 * ```ts
 * const mapView = createMapController(ctx, coloring, markers);
 * mapView.whenStyleReady(mapView.draw);
 * ```
 */
export function createMapController(
  ctx: ViewerContext,
  coloring: LayerColoring,
  markers: ZoneMarkersController,
  raiseAbove: () => void = () => {},
): MapController {
  const { map, store, ui } = ctx;
  // Whether the current style has fired `style.load`. `isStyleLoaded()` alone also waits for every
  // source's tiles, and a style that fired `style.load` while its tiles were loading (a PMTiles
  // basemap opened before the results arrived) fires it no more: the results were never drawn.
  let styleReady = map.isStyleLoaded();
  map.on('style.load', () => {
    styleReady = true;
  });
  let drawn: MeshLayers | undefined;
  // What each cell layer's colours were made from (values and classification, by identity), so
  // that a view change recolours only the layers whose data or classes changed.
  const painted = new Map<string, { values: unknown; scale: unknown }>();
  // The layer copies the colours: the same bytes serve every colouring (fresh memory is slow).
  let colorScratch = new Uint8Array(0);

  const recolorCells = (): void => {
    const state = store.get();
    const { view } = state;
    if (view === undefined) return;
    const cellCount = state.cells.index.size;
    for (const [id, layer] of drawn?.cells ?? []) {
      // A hidden layer is coloured when it is shown.
      if (view.layers[id]?.visible !== true) continue;
      const cellColoring = coloring.coloringOf(state, id);
      const values = cellColoring?.values;
      const scale =
        cellColoring?.kind === 'scale' ? cellColoring.scale : cellColoring?.classification;
      const last = painted.get(id);
      if (last !== undefined && last.values === values && last.scale === scale) continue;
      if (colorScratch.length !== 4 * cellCount) colorScratch = new Uint8Array(4 * cellCount);
      // Nothing to colour by (the column is gone): the layer draws nothing rather than old colours.
      layer.setColors(
        cellColoring === undefined
          ? colorScratch.fill(0)
          : layerCellColors(cellColoring, colorScratch),
      );
      painted.set(id, { values, scale });
    }
  };

  const outlineZones = (): void => {
    if (drawn?.zones === undefined) return;
    drawn.zones.setSegments(groupOutlines(drawn.mesh, store.get().shownZones?.groups ?? []));
  };

  const plan = () => {
    const { layers, view } = store.get();
    if (view === undefined) throw new Error('no view');
    return { layers, view };
  };

  return {
    drawn: () => drawn,
    draw: () => {
      const { results, view } = store.get();
      if (results === undefined || view === undefined) return;
      drawn = drawResults(map, results, plan());
      painted.clear();
      recolorCells();
      outlineZones();
      markers.place();
      raiseAbove();
    },
    recolorCells,
    refresh: () => {
      if (drawn === undefined) return;
      applyView(map, plan(), drawn);
      recolorCells();
      raiseAbove();
    },
    outlineZones,
    whenStyleReady: (run) => {
      if (styleReady || map.isStyleLoaded()) run();
      else map.once('style.load', run);
    },
    styleChanging: () => {
      styleReady = false;
    },
    padding: (base) => {
      const legendWidth = ui.legendBox.hidden ? 0 : ui.legendBox.offsetWidth;
      const mapWidth = map.getContainer().clientWidth;
      const left = legendWidth > 0 && mapWidth > legendWidth * 2.5 ? legendWidth + 20 : base;
      return { top: base, bottom: base, left, right: base };
    },
  };
}
