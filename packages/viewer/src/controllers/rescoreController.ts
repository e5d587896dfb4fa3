import type { AnalysisClient } from '../data/analysisClient.js';
import { applyRescore } from '../data/applyRescore.js';
import type { LoadedResults } from '../data/results.js';
import type { LayerColoring } from '../map/layerColoring.js';
import { nextFrameFinished } from '../map/nextFrameFinished.js';
import { type ShownZones, sameZones, zonesOfResults } from '../state/shownZones.js';
import type { TestProbe } from '../testHooks.js';
import { describeResults } from '../ui/describeResults.js';
import { replaceContent } from '../ui/dom.js';
import { type WeightControls, weightControls } from '../ui/weightControls.js';
import type { ViewerContext } from './context.js';
import type { LegendController } from './legendController.js';
import type { MapController } from './mapController.js';
import type { SelectionController } from './selectionController.js';
import type { ZoneListController } from './zoneListController.js';
import type { ZoneMarkersController } from './zoneMarkersController.js';

/** The weight sliders and the re-scores they ask for (see {@link createRescoreController}). */
export interface RescoreController {
  /** Draws the weight sliders: shown only for an analysis run in this browser. */
  renderWeights(): void;
}

/** What a re-score redraws. */
export interface RescoreParts {
  readonly client: Pick<AnalysisClient, 'rescore'>;
  /** Reports a failed or cancelled job. */
  readonly failed: (error: unknown, what: string) => void;
  readonly mapView: Pick<MapController, 'recolorCells' | 'refresh' | 'outlineZones'>;
  readonly markers: Pick<ZoneMarkersController, 'place'>;
  readonly coloring: Pick<LayerColoring, 'forget'>;
  readonly legend: LegendController;
  readonly zones: ZoneListController;
  readonly selection: Pick<SelectionController, 'selectZone' | 'renderDetails'>;
  readonly renderPanels: () => void;
  readonly probe: Pick<TestProbe, 'countLoad' | 'timeRescore'>;
}

/**
 * Draws other zones: their outlines and labels (unless they are the zones already drawn, as
 * when a re-score's whole update follows its zones) and the ranked list.
 */
function showZones(ctx: ViewerContext, parts: RescoreParts, next: ShownZones | undefined): void {
  const before = ctx.store.get().shownZones;
  ctx.store.set({ shownZones: next });
  if (before === undefined || next === undefined || !sameZones(before, next)) {
    parts.mapView.outlineZones();
    parts.markers.place();
  }
  parts.zones.render();
}

/**
 * A re-score's first answer, its scores: the new score columns recolour the layers drawing them
 * (and their legends) at once; the cells' properties and panels follow with the whole update.
 */
function showScores(
  ctx: ViewerContext,
  parts: RescoreParts,
  scores: Readonly<Record<string, Float64Array>>,
): void {
  const { results } = ctx.store.get();
  if (results === undefined) return;
  ctx.store.set({ results: { ...results, columns: { ...results.columns, ...scores } } });
  parts.coloring.forget(Object.keys(scores));
  parts.mapView.recolorCells();
  parts.legend.render();
}

/** Puts re-scored results on the map without reloading the cells: changed columns recoloured. */
function mapRescored(
  ctx: ViewerContext,
  parts: RescoreParts,
  next: LoadedResults,
  changed: readonly string[],
): void {
  const { results: previous, selected } = ctx.store.get();
  const zoneGone =
    selected?.kind === 'zone' && !next.zones?.features.some((z) => z.properties.id === selected.id);
  ctx.store.set(zoneGone ? { results: next, selected: undefined } : { results: next });
  // Only the classifications of columns with new values are stale; the scores the page was
  // given first keep their arrays (see applyRescore).
  parts.coloring.forget(changed.filter((c) => previous?.columns[c] !== next.columns[c]));
  parts.mapView.refresh();
  // Usually the very zones drawn ahead: then their outlines and labels stay as they are.
  showZones(ctx, parts, zonesOfResults(next));
}

/** The weight sliders of `weights`: `shown` updated in place for the same components, else new ones. */
function weightPanelOf(
  container: HTMLElement,
  shown: WeightControls | undefined,
  weights: Readonly<Record<string, number>>,
  busy: boolean,
  change: (weights: Record<string, number>) => void,
): WeightControls {
  const names = Object.keys(weights);
  if (
    shown !== undefined &&
    container.contains(shown.element) &&
    shown.components.length === names.length &&
    shown.components.every((name, k) => name === names[k])
  ) {
    shown.update(weights, busy);
    return shown;
  }
  const panel = weightControls(weights, busy, change);
  replaceContent(container, panel.element);
  return panel;
}

/**
 * Re-scoring on weight changes: the analysis shown (run in this browser) is re-scored in the
 * worker, one re-score at a time, the last weights asked for winning.
 *
 * @param ctx - map, store and page
 * @param parts - the worker and what a re-score redraws
 * @returns the controller
 * @example
 * ```ts
 * const rescore = createRescoreController(ctx, parts);
 * rescore.renderWeights();
 * ```
 */
export function createRescoreController(
  ctx: ViewerContext,
  parts: RescoreParts,
): RescoreController {
  const { map, store, ui } = ctx;
  // Weights asked for while a re-score ran: the last ones win.
  let pendingWeights: Record<string, number> | undefined;
  let weightPanel: WeightControls | undefined;

  const showRescored = (
    next: LoadedResults,
    changed: readonly string[],
    shares: Readonly<Record<string, number>>,
  ): void => {
    mapRescored(ctx, parts, next, changed);
    // The sliders show the weights as configured (not their shares), as after a full run, unless
    // the user has moved on to others, which are being re-scored next.
    store.set({
      weights: pendingWeights ?? { ...(next.summary?.parameters?.priority?.weights ?? shares) },
    });
    parts.probe.countLoad();
    parts.renderPanels();
    parts.selection.renderDetails();
    renderWeights();
    ui.status.textContent = describeResults(next);
    const wanted = store.get().selectWhenRescored;
    store.set({ selectWhenRescored: undefined });
    if (wanted !== undefined) parts.selection.selectZone(wanted);
  };

  // First the cells' colours, the zones' outlines, labels and ranked list from the new scores
  // and zones (the worker's first answer, drawn in one frame); once the map has drawn those,
  // the worker computes the rest (reasons, zone details, summary), which updates the panels.
  const rescore = (next: Record<string, number>, started: number): void => {
    const timer = parts.probe.timeRescore(started);
    parts.client
      .rescore(next, ({ scores, zones }) => {
        if (store.get().results === undefined) return;
        timer.mark('scored');
        showScores(ctx, parts, scores);
        timer.mark('colored');
        showZones(ctx, parts, { groups: zones.zoneOfCell, list: zones.zones, ahead: true });
        timer.mark('zonesShown');
        const drawn = nextFrameFinished(map).then((at) => timer.painted(at));
        map.triggerRepaint();
        return drawn;
      })
      .then((update) => {
        const { results } = store.get();
        if (results === undefined) return;
        timer.mark('worker');
        const applied = applyRescore(results, update);
        showRescored(applied.results, applied.changed, update.weights);
        timer.done();
      })
      .catch((error: unknown) => {
        // The zones drawn ahead belong to a re-score that failed: back to the results'.
        const { shownZones, results } = store.get();
        if (shownZones?.ahead === true) showZones(ctx, parts, zonesOfResults(results));
        store.set({ selectWhenRescored: undefined });
        parts.failed(error, 're-score');
      })
      .finally(() => {
        store.set({ busy: false });
        const queued = pendingWeights;
        pendingWeights = undefined;
        if (queued !== undefined) reweight(queued);
        else renderWeights();
      });
  };

  const reweight = (next: Record<string, number>): void => {
    const started = performance.now();
    const { view, busy } = store.get();
    // The view (and so the link) records the weights asked for.
    const asked = view === undefined ? undefined : { ...view, weights: next };
    if (busy) {
      pendingWeights = next;
      store.set({ weights: next, view: asked });
      renderWeights();
      return;
    }
    store.set({ weights: next, busy: true });
    rescore(next, started);
    // The worker is asked first: the link and the sliders (which now start from these weights,
    // so the next move keeps this one's value) are updated while it computes.
    store.set({ view: asked });
    renderWeights();
  };

  const renderWeights = (): void => {
    const { weights, busy } = store.get();
    ui.weightsPanel.hidden = weights === undefined;
    if (weights === undefined) return;
    weightPanel = weightPanelOf(ui.weights, weightPanel, weights, busy, reweight);
  };

  return { renderWeights };
}
