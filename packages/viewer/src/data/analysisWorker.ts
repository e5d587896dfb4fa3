/// <reference lib="webworker" />
// The analysis worker: reads raw inputs and runs @hexreach/core's analyze (or, with zones,
// evaluate) off the main thread, so the page stays responsive; cancelling terminates the worker. The parsed inputs stay here
// so that incident filters re-run without reading the files again, and the analysis shown stays
// so that new priority weights only re-score it: the score columns and the zones' summaries
// first ('scored'); once the page has drawn those, the zones' outlines and reasons, the cells'
// reasons and the summary ('rescored'; see analysisProtocol.ts). The report of the analysis
// shown is written when the page asks for it ('report'), not with every run.
import type { AnalysisResult } from '@hexreach/core';
import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol.js';
import { type AnalysisOutputs, runParsedInputs } from './analyzeRawInputs.js';
import { evaluateRawInputs } from './evaluateRawInputs.js';
import { type ParsedInputs, readRawInputs } from './readRawInputs.js';
import { reportHtmlOf } from './reportHtmlOf.js';
import { rescoreUpdateOf, scoresAndZonesOf } from './rescoreInWorker.js';

declare const self: DedicatedWorkerGlobalScope;

let parsed: ParsedInputs | undefined;
/** The analysis last shown, re-scored in place of a new run when only the weights change. */
let shown: AnalysisResult | undefined;

function post(message: AnalysisResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/** The analysis shown and the inputs it was made from; `what` names the job that needs them. */
function analysisShown(what: string): { inputs: ParsedInputs; result: AnalysisResult } {
  if (parsed === undefined || shown === undefined)
    throw new Error(`no analysis to ${what}: analyse raw data first`);
  return { inputs: parsed, result: shown };
}

/** The buffers of the numeric columns, moved to the page instead of copied (each is new). */
function buffersOf(columns: Readonly<Record<string, unknown>>): ArrayBuffer[] {
  return Object.values(columns).flatMap((values) =>
    values instanceof Float64Array ? [values.buffer as ArrayBuffer] : [],
  );
}

/** The buffer of a run's cells.bin, moved to the page instead of copied (it is new). */
function bufferOf(outputs: AnalysisOutputs): ArrayBuffer {
  return outputs.cellsBinary.buffer as ArrayBuffer;
}

self.addEventListener('message', async (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  const progress = (label: string, fraction: number) =>
    post({ type: 'progress', id: request.id, label, fraction });
  try {
    if (request.type === 'analyze') {
      parsed = undefined;
      shown = undefined;
      const inputs = await readRawInputs(request.inputs, progress);
      parsed = inputs;
      const run = runParsedInputs(inputs, request.settings, progress);
      shown = run.result;
      post({ type: 'done', id: request.id, outputs: run.outputs }, [bufferOf(run.outputs)]);
      warmRescoring(shown);
    } else if (request.type === 'rerun') {
      if (parsed === undefined) throw new Error('no analysis to run again: analyse raw data first');
      const run = runParsedInputs(parsed, request.settings, progress);
      shown = run.result;
      post({ type: 'done', id: request.id, outputs: run.outputs }, [bufferOf(run.outputs)]);
      warmRescoring(shown);
    } else if (request.type === 'rescore') {
      // The score columns and the zones' summaries (milliseconds), for the map and the zone list.
      const first = scoresAndZonesOf(analysisShown('re-score').result, request.weights);
      post({ type: 'scored', id: request.id, first }, [
        ...buffersOf(first.scores),
        first.zones.zoneOfCell.buffer as ArrayBuffer,
      ]);
    } else if (request.type === 'rescoreDetails') {
      // The whole update, reasons and texts included: it becomes the analysis shown.
      const { inputs, result } = analysisShown('re-score');
      const rescored = rescoreUpdateOf(inputs, result, request.weights);
      shown = rescored.result;
      post(
        { type: 'rescored', id: request.id, update: rescored.update },
        buffersOf(rescored.update.cellValues),
      );
    } else if (request.type === 'evaluate') {
      // The analysis shown, if any, stays: an evaluation is shown beside it.
      const outputs = await evaluateRawInputs(request.inputs, progress);
      post({ type: 'evaluated', id: request.id, outputs });
    } else {
      const { inputs, result } = analysisShown('report');
      post({ type: 'reported', id: request.id, html: reportHtmlOf(inputs, result) });
    }
  } catch (error) {
    post({
      type: 'error',
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});

/**
 * Re-scores the analysis just posted a few times with its own weights, throwing the answers
 * away, while the page loads it: the JavaScript engine then has the re-score's code optimised
 * before the first slider move, which otherwise took half as long again as the next ones.
 */
function warmRescoring(result: AnalysisResult): void {
  try {
    for (let k = 0; k < 3; k++) scoresAndZonesOf(result, result.priority.weights);
  } catch {
    // Nothing is lost: the first slider move re-scores, and reports any error, as usual.
  }
}
