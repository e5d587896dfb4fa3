import { AnalysisCancelled, type AnalysisClient } from '../data/analysisClient.js';
import type { AnalysisOutputs, RawInputs } from '../data/analyzeRawInputs.js';
import { assignInputRoles } from '../data/assignInputRoles.js';
import type { PickedFile } from '../data/fileResultSource.js';
import { memoryResultSource } from '../data/memoryResultSource.js';
import type { ResultSource } from '../data/ResultSource.js';
import type { ResultSummary } from '../data/results.js';
import { hashToSettings } from '../state/hashState.js';
import { errorMessage, statusOf } from '../ui/describeResults.js';
import { clearMessage, showMessage } from '../ui/messages.js';
import { hideProgress, showProgress } from '../ui/progress.js';
import type { ViewerContext } from './context.js';
import type { LoadResults } from './loadController.js';

/** Raw data analysed in the worker (see {@link createAnalysisController}). */
export interface AnalysisController {
  /** Analyses raw data files (incidents, areas …) in the worker and shows the results. */
  analyseRaw(files: readonly PickedFile[]): Promise<void>;
  /** Reports a failed or cancelled job; the map keeps what it showed. */
  failed(error: unknown, what: string): void;
  /** Shows the outputs of an analysis run in this browser, keeping the map where it is or not. */
  loadOutputs(outputs: AnalysisOutputs, keepCamera: boolean): Promise<void>;
}

/** What the analysis shows its results with. */
export interface AnalysisParts {
  readonly client: AnalysisClient;
  readonly load: LoadResults;
  /** Draws the weight sliders. */
  readonly renderWeights: () => void;
  /** Draws the incident filters. */
  readonly renderFilters: () => void;
  /** Opens the results of an evaluation (`hexreach evaluate`'s files). */
  readonly openEvaluation: (source: ResultSource) => Promise<boolean>;
}

/** The files of an analysis run in this browser, as a source of results named `origin`. */
function outputsSource(origin: string, outputs: AnalysisOutputs): ResultSource {
  return memoryResultSource(origin, {
    'cells.bin': outputs.cellsBinary,
    'zones.geojson': outputs.zonesText,
    'summary.json': outputs.summaryText,
    ...(outputs.organizationsText === undefined
      ? {}
      : { 'organizations.geojson': outputs.organizationsText }),
    ...(outputs.spaceTimeText === undefined ? {} : { 'spacetime.json': outputs.spaceTimeText }),
  });
}

/** The priority weights as configured (the sliders show them, not their shares). */
function configuredWeights(outputs: AnalysisOutputs): Readonly<Record<string, number>> | undefined {
  return (JSON.parse(outputs.summaryText) as ResultSummary).parameters?.priority?.weights;
}

/**
 * Raw data analysed by @hexreach/core in a worker, with a progress bar and a cancel button; its
 * outputs are loaded as results, which the weight sliders and incident filters then change.
 * Raw data with the zones of an evaluation (a configuration's `evaluation.zones`) are evaluated
 * instead, and the outcomes opened.
 *
 * @param ctx - store and page
 * @param parts - the worker, the loader, the weight sliders and the incident filters
 * @returns the controller
 * @example
 * ```ts
 * const analysis = createAnalysisController(ctx, { client, load, renderWeights, renderFilters });
 * await analysis.analyseRaw(files);
 * ```
 */
export function createAnalysisController(
  ctx: ViewerContext,
  parts: AnalysisParts,
): AnalysisController {
  const { store, ui } = ctx;
  const { client } = parts;
  let origin = '';

  const progress = (label: string, fraction: number): void => showProgress(ui, label, fraction);
  ui.progressCancel.addEventListener('click', () => client.cancel());

  const failed = (error: unknown, what: string): void => {
    const { results } = store.get();
    ui.status.textContent = statusOf(results);
    const before = results === undefined ? [] : ['The map still shows the results loaded before.'];
    if (error instanceof AnalysisCancelled) {
      showMessage(ui.messages, 'info', 'The analysis was cancelled.', before);
      store.set({ weights: client.canReweight() ? store.get().weights : undefined });
      parts.renderWeights();
    } else {
      showMessage(ui.messages, 'error', `Could not ${what}: ${errorMessage(error)}`, before);
    }
  };

  const loadOutputs = async (outputs: AnalysisOutputs, keepCamera: boolean): Promise<void> => {
    const source = outputsSource(origin, outputs);
    const weights = configuredWeights(outputs) ?? outputs.weights;
    store.set({ lastOutputs: { incidents: outputs.incidents, filters: outputs.filters } });
    await parts.load(source, { keepCamera, weights });
    parts.renderFilters();
  };

  // Zones with their start dates among the files: evaluated as `hexreach evaluate` does.
  const evaluateRaw = async (inputs: RawInputs): Promise<void> => {
    const names = [inputs.incidents, inputs.areas, inputs.surveys, inputs.zones, inputs.engagement]
      .filter((f) => f !== undefined)
      .map((f) => f.name);
    clearMessage(ui.messages);
    progress(`Starting the evaluation of ${names.join(', ')}`, 0);
    ui.status.textContent = 'Evaluating…';
    try {
      const outputs = await client.evaluate(inputs, progress);
      await parts.openEvaluation(
        memoryResultSource(`evaluation in this browser of ${names.join(', ')}`, {
          'evaluation.json': outputs.evaluationText,
          'evaluation-zones.geojson': outputs.zonesText,
        }),
      );
    } catch (error) {
      failed(error, 'evaluate the zones');
    } finally {
      hideProgress(ui);
    }
  };

  const analyseRaw = async (files: readonly PickedFile[]): Promise<void> => {
    let inputs: RawInputs;
    try {
      inputs = await assignInputRoles(files);
    } catch (error) {
      showMessage(ui.messages, 'error', `Could not analyse the files: ${errorMessage(error)}`);
      return;
    }
    if (inputs.zones !== undefined) {
      await evaluateRaw(inputs);
      return;
    }
    const names = [inputs.incidents, inputs.areas, inputs.organizations, inputs.surveys]
      .filter((f) => f !== undefined)
      .map((f) => f.name);
    origin = `analysis in this browser of ${names.join(', ')}`;
    clearMessage(ui.messages);
    progress(`Starting the analysis of ${names.join(', ')}`, 0);
    ui.status.textContent = 'Analysing…';
    try {
      // A shared link's weights and filters apply to the analysis of the same files.
      const outputs = await client.analyze(inputs, hashToSettings(location.hash), progress);
      await loadOutputs(outputs, false);
    } catch (error) {
      failed(error, 'analyse the files');
    } finally {
      hideProgress(ui);
    }
  };

  return { analyseRaw, failed, loadOutputs };
}
