import type { AnalysisClient } from '../data/analysisClient.js';
import type {
  AnalysisOutputs,
  AnalysisSettings,
  IncidentFilters,
} from '../data/analyzeRawInputs.js';
import { replaceContent } from '../ui/dom.js';
import { filterControls } from '../ui/filterControls.js';
import { hideProgress, showProgress } from '../ui/progress.js';
import type { ViewerContext } from './context.js';

/** The incident filters (see {@link createFilterController}). */
export interface FilterController {
  /** Draws the filter panel: shown only for an analysis run in this browser. */
  render(): void;
}

/** What a run with other filters hands on to. */
export interface FilterParts {
  readonly client: Pick<AnalysisClient, 'rerun'>;
  /** Shows the outputs of the run, keeping the map where it is. */
  readonly loadOutputs: (outputs: AnalysisOutputs, keepCamera: boolean) => Promise<void>;
  /** Reports a failed or cancelled job. */
  readonly failed: (error: unknown, what: string) => void;
  /** Draws the weight sliders (busy while a run goes on). */
  readonly renderWeights: () => void;
}

/**
 * The incidents used: the filter panel of an analysis run in this browser, whose choice runs
 * the analysis again in the worker (one run at a time, the last settings asked for win).
 *
 * @param ctx - store and page
 * @param parts - the worker and what shows its outputs
 * @returns the controller
 * @example
 * ```ts
 * const filters = createFilterController(ctx, { client, loadOutputs, failed, renderWeights });
 * filters.render();
 * ```
 */
export function createFilterController(ctx: ViewerContext, parts: FilterParts): FilterController {
  const { store, ui } = ctx;
  let pendingSettings: AnalysisSettings | undefined;

  const render = (): void => {
    const { lastOutputs, busy } = store.get();
    ui.filtersPanel.hidden = lastOutputs === undefined;
    if (lastOutputs === undefined) return;
    replaceContent(
      ui.filters,
      filterControls(lastOutputs.incidents, lastOutputs.filters, busy, applyFilters),
    );
  };

  const applyFilters = (filters: IncidentFilters): void => {
    rerun({ weights: store.get().weights, filters }, 'Analysing the incidents chosen');
  };

  // The view (and so the link) records what was asked for.
  const rerun = (settings: AnalysisSettings, label: string): void => {
    const { view, busy } = store.get();
    if (view !== undefined)
      store.set({ view: { ...view, weights: settings.weights, filters: settings.filters } });
    if (busy) {
      pendingSettings = settings;
      parts.renderWeights();
      return;
    }
    store.set({ busy: true });
    parts.renderWeights();
    render();
    showProgress(ui, label, 0.5);
    parts.client
      .rerun(settings, (step, fraction) => showProgress(ui, step, fraction))
      .then((outputs) => parts.loadOutputs(outputs, true))
      .catch((error: unknown) => parts.failed(error, 'run the analysis again'))
      .finally(() => {
        store.set({ busy: false });
        hideProgress(ui);
        const queued = pendingSettings;
        pendingSettings = undefined;
        if (queued !== undefined) rerun(queued, label);
        else {
          parts.renderWeights();
          render();
        }
      });
  };

  return { render };
}
