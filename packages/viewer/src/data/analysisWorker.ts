/// <reference lib="webworker" />
// The analysis worker: reads raw inputs and runs @hexreach/core's analyze off the main thread,
// so the page stays responsive; cancelling terminates the worker. The parsed inputs stay here
// so that new priority weights or incident filters re-run without reading the files again.
import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol.js';
import { analyzeParsedInputs, type ParsedInputs, readRawInputs } from './analyzeRawInputs.js';

declare const self: DedicatedWorkerGlobalScope;

let parsed: ParsedInputs | undefined;

function post(message: AnalysisResponse): void {
  self.postMessage(message);
}

self.addEventListener('message', async (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  const progress = (label: string, fraction: number) =>
    post({ type: 'progress', id: request.id, label, fraction });
  try {
    if (request.type === 'analyze') {
      parsed = undefined;
      const inputs = await readRawInputs(request.inputs, progress);
      parsed = inputs;
      post({
        type: 'done',
        id: request.id,
        outputs: analyzeParsedInputs(inputs, request.settings, progress),
      });
    } else {
      if (parsed === undefined) throw new Error('no analysis to re-score: analyse raw data first');
      post({
        type: 'done',
        id: request.id,
        outputs: analyzeParsedInputs(parsed, request.settings, progress),
      });
    }
  } catch (error) {
    post({
      type: 'error',
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
