import { configSchema, type HexreachConfig } from './configSchema.js';

/** The `evaluation` section of a configuration with every default filled in. */
export type EvaluationSettings = NonNullable<HexreachConfig['evaluation']>;

/**
 * The configuration's `evaluation` section, or its defaults when the configuration has none
 * (an analysis's configuration leaves it out, so that its summary does not list it).
 *
 * @param config - a parsed configuration
 * @returns the evaluation settings
 * @example
 * ```ts
 * evaluationSettings(parseConfig({}, 'defaults')).placebos; // 999
 * ```
 */
export function evaluationSettings(config: HexreachConfig): EvaluationSettings {
  return config.evaluation ?? configSchema.shape.evaluation.unwrap().parse({});
}
