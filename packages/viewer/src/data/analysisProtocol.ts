import type {
  AnalysisOutputs,
  AnalysisSettings,
  RawInputs,
  RescoreUpdate,
} from './analyzeRawInputs.js';

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
      readonly type: 'rescore';
      readonly id: number;
      readonly weights: Readonly<Record<string, number>>;
    }
  | { readonly type: 'report'; readonly id: number };

/** Messages from the analysis worker. */
export type AnalysisResponse =
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly label: string;
      readonly fraction: number;
    }
  | { readonly type: 'done'; readonly id: number; readonly outputs: AnalysisOutputs }
  | { readonly type: 'rescored'; readonly id: number; readonly update: RescoreUpdate }
  | { readonly type: 'reported'; readonly id: number; readonly html: string }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
