import { readDemoInputs } from '../../../../data/readDemoInputs.js';
import { readExampleConfig } from '../../../../data/readExampleConfig.js';
import type { HexreachConfig } from '../../src/config/configSchema.js';
import type { AnalysisResult } from '../../src/pipeline/analysisResult.js';
import { analyze } from '../../src/pipeline/analyze.js';

/**
 * The demo city (data/demo) analysed with the example configuration, with Gi* alone and no
 * robustness: what the re-scoring functions read, without the statistics and draws they do not.
 *
 * @param overrides - more changes to the configuration, given the example one
 * @example
 * ```ts
 * const result = await analyzeDemoCity((example) => ({ privacy: { ...example.privacy, public: true } }));
 * ```
 */
export async function analyzeDemoCity(
  overrides: (example: HexreachConfig) => Partial<HexreachConfig> = () => ({}),
): Promise<AnalysisResult> {
  const example = readExampleConfig();
  const config: HexreachConfig = {
    ...example,
    statistics: ['gistar'],
    robustness: { ...example.robustness, draws: 0, resolutions: false },
    ...overrides(example),
  };
  return analyze(await readDemoInputs(config), config);
}
