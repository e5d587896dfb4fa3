import type { AnalysisOutputs } from './analyzeRawInputs.js';
import type { AnalysisSettings } from './configWithSettings.js';
import type { EvaluationOutputs } from './evaluateRawInputs.js';
import type { RawInputs } from './readRawInputs.js';
import type { RescoreUpdate, ScoresAndZones } from './rescoreInWorker.js';

/** Messages to the analysis worker. */
export type AnalysisRequest =
  | {
      readonly type: 'analyze';
      readonly id: number;
      readonly inputs: RawInputs;
      readonly settings: AnalysisSettings;
    }
  | { readonly type: 'rerun'; readonly id: number; readonly settings: AnalysisSettings }
  | {
      /** The score columns and zones of other weights (`scored`). */
      readonly type: 'rescore';
      readonly id: number;
      readonly weights: Readonly<Record<string, number>>;
    }
  | {
      /** The whole re-score with those weights (`rescored`), asked once the page has drawn the zones. */
      readonly type: 'rescoreDetails';
      readonly id: number;
      readonly weights: Readonly<Record<string, number>>;
    }
  | { readonly type: 'report'; readonly id: number }
  | {
      /** Evaluates zones (`inputs.zones`) as `hexreach evaluate` does (`evaluated`). */
      readonly type: 'evaluate';
      readonly id: number;
      readonly inputs: RawInputs;
    };

/**
 * Messages from the analysis worker. A job ends with one `done`, `scored`, `rescored`,
 * `reported`, `evaluated` or `error` message with its id, after any number of `progress` messages. A
 * `rescore` answers `scored`: the score columns (`score`, `score_<component>`) and the zones'
 * summaries with each cell's zone, milliseconds after the request, so that the page redraws the
 * cells, the zones' outlines and the zone list in one frame. A `rescoreDetails` with the same
 * weights, which the page sends once it has drawn them (so that the worker's longer work does
 * not compete with drawing for the processor), answers `rescored`: the whole update (zones with
 * outlines and reasons, cells' reasons, summary), whose scores and zones equal those of
 * `scored`, and which becomes the analysis the next re-score starts from. Bad weights give one
 * `error` and no `scored`.
 */
export type AnalysisResponse =
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly label: string;
      readonly fraction: number;
    }
  | {
      /** A run's outputs (its cells.bin's buffer transferred). */
      readonly type: 'done';
      readonly id: number;
      readonly outputs: AnalysisOutputs;
    }
  | {
      /** The answer to a `rescore`: its score columns and zones (their arrays transferred). */
      readonly type: 'scored';
      readonly id: number;
      readonly first: ScoresAndZones;
    }
  | { readonly type: 'rescored'; readonly id: number; readonly update: RescoreUpdate }
  | { readonly type: 'reported'; readonly id: number; readonly html: string }
  | { readonly type: 'evaluated'; readonly id: number; readonly outputs: EvaluationOutputs }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
