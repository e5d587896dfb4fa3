import type { GeoJSONSource } from 'maplibre-gl';
import type { LoadedEvaluation } from '../data/evaluation.js';
import { loadEvaluation } from '../data/loadEvaluation.js';
import type { ResultSource } from '../data/ResultSource.js';
import { type EvaluationChangeScale, evaluationChangeScale } from '../map/evaluationChangeScale.js';
import { EVALUATION_IDS, evaluationLayers, evaluationMapData } from '../map/evaluationLayers.js';
import { featureBounds } from '../map/featureBounds.js';
import { errorMessage, statusOf } from '../ui/describeResults.js';
import { replaceContent } from '../ui/dom.js';
import { clearMessage, showMessage } from '../ui/messages.js';
import { evaluationLegend } from '../ui/renderEvaluationLegend.js';
import { evaluationPanel } from '../ui/renderEvaluationPanel.js';
import type { ViewerContext } from './context.js';
import type { MapController } from './mapController.js';

/** An evaluation on the map and in the outcomes panel (see {@link createEvaluationController}). */
export interface EvaluationController {
  /**
   * Opens the evaluation a source holds (evaluation.json and evaluation-zones.geojson); a broken
   * file is reported and the evaluation shown before stays.
   *
   * @returns false when the source holds no evaluation.json
   */
  open(source: ResultSource): Promise<boolean>;
  /** Selects a zone: its outline is drawn thicker and the panel shows its outcomes. */
  select(id: string): void;
}

interface Shown {
  readonly evaluation: LoadedEvaluation;
  readonly scale: EvaluationChangeScale;
  selected: string | undefined;
}

/**
 * Shows the results of `hexreach evaluate`: the zones coloured by their estimated change in
 * incidents on a diverging scale with its legend, and per zone its outcomes and before/after
 * chart in the outcomes panel; a click on a zone, on the map or in the list, selects it. The
 * layers are added again when a basemap replaces the style.
 *
 * @param ctx - map, store and page
 * @param parts - the map's padding and style readiness
 * @returns the controller
 * @example
 * ```ts
 * const evaluations = createEvaluationController(ctx, { mapView });
 * await evaluations.open(urlResultSource('results/'));
 * ```
 */
export function createEvaluationController(
  ctx: ViewerContext,
  parts: { readonly mapView: Pick<MapController, 'whenStyleReady' | 'padding'> },
): EvaluationController {
  const { map, ui } = ctx;
  let shown: Shown | undefined;

  const drawLayers = (): void => {
    if (shown === undefined) return;
    const data = evaluationMapData(shown.evaluation, shown.scale);
    const source = map.getSource<GeoJSONSource>(EVALUATION_IDS.source);
    if (source === undefined) {
      map.addSource(EVALUATION_IDS.source, { type: 'geojson', data });
      for (const layer of evaluationLayers(shown.selected ?? '')) map.addLayer(layer);
    } else {
      source.setData(data);
      map.setFilter(EVALUATION_IDS.selected, ['==', ['get', 'id'], shown.selected ?? '']);
    }
  };

  const render = (): void => {
    if (shown === undefined) return;
    const { evaluation, scale, selected } = shown;
    ui.evaluationPanel.hidden = false;
    replaceContent(ui.evaluation, evaluationPanel(evaluation, scale, selected, select));
    const missing = evaluation.zones.filter((z) => !Number.isFinite(z.crime.change)).length;
    ui.evaluationLegend.hidden = false;
    replaceContent(ui.evaluationLegend, evaluationLegend(scale, missing));
  };

  const select = (id: string): void => {
    if (shown === undefined) return;
    shown.selected = id;
    render();
    parts.mapView.whenStyleReady(drawLayers);
  };

  const show = (evaluation: LoadedEvaluation): void => {
    const scale = evaluationChangeScale(evaluation.zones.map((z) => z.crime.change));
    shown = { evaluation, scale, selected: evaluation.zones[0]?.id };
    ui.welcome.hidden = true;
    ui.status.textContent = `Evaluation of ${evaluation.zones.length} zones (${evaluation.months.from} – ${evaluation.months.to}) from ${evaluation.origin}`;
    render();
    parts.mapView.whenStyleReady(() => {
      drawLayers();
      const bounds = featureBounds(evaluation.outlines.features);
      if (bounds !== undefined)
        map.fitBounds(bounds, { padding: parts.mapView.padding(40), animate: false });
    });
    if (evaluation.notes.length > 0)
      showMessage(ui.messages, 'info', 'Evaluation loaded.', evaluation.notes);
    else clearMessage(ui.messages);
  };

  // A basemap chosen later replaces the style (setStyle without diff), and with it these layers.
  map.on('style.load', () => {
    if (shown !== undefined && map.getSource(EVALUATION_IDS.source) === undefined) drawLayers();
  });
  map.on('click', EVALUATION_IDS.fill, (event) => {
    const id = event.features?.[0]?.properties?.id;
    if (typeof id === 'string') select(id);
  });
  map.on('mouseenter', EVALUATION_IDS.fill, () => {
    map.getCanvas().style.cursor = 'pointer';
  });
  map.on('mouseleave', EVALUATION_IDS.fill, () => {
    map.getCanvas().style.cursor = '';
  });

  return {
    open: async (source) => {
      ui.status.textContent = `Loading from ${source.description}…`;
      let evaluation: LoadedEvaluation | undefined;
      try {
        evaluation = await loadEvaluation(source);
      } catch (error) {
        showMessage(
          ui.messages,
          'error',
          `Could not load the evaluation from ${source.description}: ${errorMessage(error)}`,
          shown === undefined ? [] : ['The map still shows the evaluation loaded before.'],
        );
        ui.status.textContent =
          shown === undefined
            ? statusOf(ctx.store.get().results)
            : `Evaluation from ${shown.evaluation.origin}`;
        return true;
      }
      if (evaluation === undefined) return false;
      show(evaluation);
      return true;
    },
    select,
  };
}
