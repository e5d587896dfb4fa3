import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol.js';
import type { AnalysisOutputs } from './analyzeRawInputs.js';
import type { AnalysisSettings } from './configWithSettings.js';
import type { EvaluationOutputs } from './evaluateRawInputs.js';
import type { ProgressListener, RawInputs } from './readRawInputs.js';
import type { RescoreUpdate, ScoresAndZones } from './rescoreInWorker.js';

/**
 * The listener to a re-score's first answer, its scores and zones (see
 * {@link AnalysisClient.rescore}). The worker computes the rest of the update once what it
 * returns settles (e.g. the map has drawn them), so that the longer work does not compete with
 * drawing for the processor.
 */
export type ScoresAndZonesListener = (first: ScoresAndZones) => void | Promise<void>;

/** The main thread's handle on the analysis worker. */
export interface AnalysisClient {
  /** Reads and analyses raw inputs in the worker, with weights or filters (e.g. from a link). */
  analyze(
    inputs: RawInputs,
    settings: AnalysisSettings,
    onProgress: ProgressListener,
  ): Promise<AnalysisOutputs>;
  /** Runs the last inputs again with other priority weights or incident filters. */
  rerun(settings: AnalysisSettings, onProgress: ProgressListener): Promise<AnalysisOutputs>;
  /**
   * Re-scores the analysis shown with other priority weights (milliseconds, not a new run), in
   * two steps: `onScored` gets the new score columns and zones as soon as the worker has them;
   * once what it returns settles, the worker computes the whole update (zones, reasons,
   * summary), whose scores and zones are the same, and the promise resolves with it. Nothing
   * comes when the weights are rejected: the promise rejects; a listener that throws (or whose
   * promise rejects) rejects it too.
   */
  rescore(
    weights: Readonly<Record<string, number>>,
    onScored?: ScoresAndZonesListener,
  ): Promise<RescoreUpdate>;
  /** The report.html of the analysis shown, written now. */
  report(): Promise<string>;
  /** Reads raw inputs with zones and evaluates them in the worker, as `hexreach evaluate`. */
  evaluate(inputs: RawInputs, onProgress: ProgressListener): Promise<EvaluationOutputs>;
  /** Stops the running job at once (the worker is terminated; its inputs are forgotten). */
  cancel(): void;
  /**
   * Starts the worker now if none runs, so that the first job does not wait for its code to
   * load (a few hundred milliseconds); jobs start it anyway.
   */
  prepare(): void;
  /** Is there an analysis to re-score? */
  canReweight(): boolean;
}

/** The error a cancelled job rejects with. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('The analysis was cancelled.');
    this.name = 'AnalysisCancelled';
  }
}

/**
 * Starts the analysis worker lazily and runs one job at a time in it; a new job or `cancel()`
 * while one runs terminates the worker (the running job rejects with {@link AnalysisCancelled}).
 *
 * @returns the client
 * @example
 * ```ts
 * const client = createAnalysisClient();
 * const outputs = await client.analyze({ incidents, areas }, (label, fraction) => showProgress(label, fraction));
 * ```
 */
export function createAnalysisClient(): AnalysisClient {
  let worker: Worker | undefined;
  let nextId = 1;
  let analysed = false;
  let running: { id: number; reject: (error: Error) => void } | undefined;

  const stop = () => {
    worker?.terminate();
    worker = undefined;
    analysed = false;
    const job = running;
    running = undefined;
    job?.reject(new AnalysisCancelled());
  };

  const start = (): Worker => {
    worker ??= new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module' });
    return worker;
  };

  const run = <
    T extends AnalysisOutputs | ScoresAndZones | RescoreUpdate | EvaluationOutputs | string,
  >(
    request: AnalysisRequest,
    onProgress: ProgressListener,
  ) => {
    if (running !== undefined) stop();
    const current = start();
    return new Promise<T>((resolve, reject) => {
      running = { id: request.id, reject };
      const onMessage = (event: MessageEvent<AnalysisResponse>) => {
        const message = event.data;
        if (message.id !== request.id) return;
        if (message.type === 'progress') {
          onProgress(message.label, message.fraction);
          return;
        }
        current.removeEventListener('message', onMessage);
        running = undefined;
        if (message.type === 'done') resolve(message.outputs as T);
        else if (message.type === 'scored') resolve(message.first as T);
        else if (message.type === 'rescored') resolve(message.update as T);
        else if (message.type === 'reported') resolve(message.html as T);
        else if (message.type === 'evaluated') resolve(message.outputs as T);
        else reject(new Error(message.message));
      };
      current.addEventListener('message', onMessage);
      current.addEventListener('error', (event) => {
        running = undefined;
        reject(new Error(`the analysis worker failed: ${event.message}`));
      });
      current.postMessage(request);
    });
  };

  return {
    analyze: async (inputs, settings, onProgress) => {
      const outputs = await run<AnalysisOutputs>(
        { type: 'analyze', id: nextId++, inputs, settings },
        onProgress,
      );
      analysed = true;
      return outputs;
    },
    rerun: (settings, onProgress) =>
      run<AnalysisOutputs>({ type: 'rerun', id: nextId++, settings }, onProgress),
    rescore: async (weights, onScored) => {
      const first = await run<ScoresAndZones>({ type: 'rescore', id: nextId++, weights }, () => {});
      await onScored?.(first);
      return run<RescoreUpdate>({ type: 'rescoreDetails', id: nextId++, weights }, () => {});
    },
    report: () => run<string>({ type: 'report', id: nextId++ }, () => {}),
    evaluate: (inputs, onProgress) =>
      run<EvaluationOutputs>({ type: 'evaluate', id: nextId++, inputs }, onProgress),
    cancel: stop,
    prepare: () => void start(),
    canReweight: () => analysed,
  };
}
