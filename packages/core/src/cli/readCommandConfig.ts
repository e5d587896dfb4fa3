import { dirname, resolve } from 'node:path';
import type { HexreachConfig } from '../config/configSchema.js';
import { parseConfig } from '../config/parseConfig.js';
import { readJsonFile } from './readJsonFile.js';

/** A command's configuration, with the folder its paths are relative to. */
export interface CommandConfig {
  readonly config: HexreachConfig;
  /** The configuration file's folder, or the working folder without one. */
  readonly base: string;
  /** A path from the configuration, made absolute against `base`; undefined stays undefined. */
  readonly fromConfig: (path: string | undefined) => string | undefined;
}

/**
 * Reads `--config FILE` (or nothing), lets the command's flags override it, and parses it.
 *
 * @param configOption - the `--config` flag
 * @param withFlags - the raw configuration with the command's flags applied
 * @returns the configuration and how its paths resolve
 * @throws HexreachError `E_NOT_FOUND` / `E_INPUT` for a missing or invalid JSON file, `E_CONFIG`
 *   naming each problem of the configuration
 * @example
 * ```ts
 * const { config, fromConfig } = readCommandConfig(options.config, (raw) => applyFlags(raw, options));
 * ```
 */
export function readCommandConfig(
  configOption: string | undefined,
  withFlags: (raw: Record<string, unknown>) => Record<string, unknown>,
): CommandConfig {
  const configPath = configOption === undefined ? undefined : resolve(configOption);
  const base = configPath === undefined ? process.cwd() : dirname(configPath);
  const raw = (configPath === undefined ? {} : readJsonFile(configPath, 'configuration')) as Record<
    string,
    unknown
  >;
  const config = parseConfig(withFlags(raw), configPath ?? 'command line');
  const fromConfig = (path: string | undefined) =>
    path === undefined ? undefined : resolve(base, path);
  return { config, base, fromConfig };
}
