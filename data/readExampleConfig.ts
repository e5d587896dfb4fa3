import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HexreachConfig } from '../packages/core/src/config/configSchema.js';
import { parseConfig } from '../packages/core/src/config/parseConfig.js';

/**
 * The example configuration (examples/hexreach.config.json), read and checked as the CLI does,
 * for the tests and benchmarks that analyse the demo city in-process with it (often with a few
 * settings changed).
 *
 * @returns the parsed configuration
 * @throws HexreachError when the example is not a valid configuration
 * @example
 * ```ts
 * const config = { ...readExampleConfig(), resolution: 8 };
 * const result = analyze(await readDemoInputs(config), config);
 * ```
 */
export function readExampleConfig(): HexreachConfig {
  const path = fileURLToPath(new URL('../examples/hexreach.config.json', import.meta.url));
  return parseConfig(JSON.parse(readFileSync(path, 'utf8')), 'examples/hexreach.config.json');
}
