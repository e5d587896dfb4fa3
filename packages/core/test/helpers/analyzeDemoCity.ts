import { readDemoInputs } from '../../../../data/readDemoInputs.js';
import { readExampleConfig } from '../../../../data/readExampleConfig.js';
import { type AnalysisResult, analyze } from '../../src/analyze.js';
import type { HexreachConfig } from '../../src/config/configSchema.js';

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
