import { detectSviVintage } from '../indicators/detectSviVintage.js';
import { SVI_THEMES, type SviVariable, type SviVintage } from '../indicators/sviVariables.js';
import type { HexreachConfig } from './configSchema.js';

/** CDC's code for "no data" in the SVI files. */
export const SVI_NO_DATA = -999;

/**
 * A configuration with its need preset made explicit for one area file: `need.preset: "svi"`
 * becomes the vintage's SVI indicators (`EP_*` with their direction, theme and label; the
 * margin `MP_*` as `moe` where the file has it) before any indicator the configuration lists
 * itself, `need.vintage` the vintage detected, and the population `E_TOTPOP` unless one is
 * configured. Without a preset, or once resolved (an indicator of the preset already listed),
 * the configuration is returned as it is.
 *
 * @param config - the parsed configuration
 * @param names - the area file's property names
 * @param source - the area file's name, for errors
 * @returns the configuration to read the areas and analyze with
 * @throws HexreachError `E_INPUT` when the file lacks SVI columns (see `detectSviVintage`)
 * @example
 * ```ts
 * const resolved = resolveNeedPreset(parseConfig({ need: { preset: 'svi' } }, 'c.json'), ['EP_POV150', …], 'svi.geojson');
 * resolved.indicators.length; // 16
 * resolved.need?.vintage; // '2020-2022'
 * ```
 */
export function resolveNeedPreset(
  config: HexreachConfig,
  names: readonly string[],
  source: string,
): HexreachConfig {
  if (config.need?.preset !== 'svi') return config;
  const { vintage, variables, margins } = detectSviVintage(names, source, config.need.vintage);
  const listed = new Set(config.indicators.map((i) => i.name));
  if (variables.some((v) => listed.has(v.name))) return config;
  const indicators = variables.map((v) => ({
    name: v.name,
    direction: v.direction,
    weight: 1,
    label: v.label,
    theme: v.theme,
    ...(margins.has(v.name) ? { moe: margins.get(v.name) } : {}),
  }));
  const population = config.population ?? (names.includes('E_TOTPOP') ? 'E_TOTPOP' : undefined);
  return {
    ...config,
    population,
    need: { ...config.need, vintage },
    indicators: [...indicators, ...config.indicators],
  };
}

/**
 * The note a run with `need.preset: "svi"` adds: the vintage, its themes with their variables,
 * and the tract values read as missing.
 *
 * @example
 * ```ts
 * sviPresetNote('2020-2022', sviVariables('2020-2022'), 3);
 * // 'need.preset "svi": CDC/ATSDR SVI 2020–2022 columns detected, 16 variables in four themes (socioeconomic: EP_POV150, …'
 * ```
 */
export function sviPresetNote(
  vintage: SviVintage,
  variables: readonly SviVariable[],
  missing: number,
): string {
  const themes = SVI_THEMES.map(
    (theme) =>
      `${theme}: ${variables
        .filter((v) => v.theme === theme)
        .map((v) => (v.direction === 'lower' ? `${v.name} reversed` : v.name))
        .join(', ')}`,
  ).join('; ');
  return `need.preset "svi": CDC/ATSDR SVI ${vintage.replace('-', '–')} columns detected, ${variables.length} variables in four themes (${themes}), each theme re-ranked and the overall index summing every variable's rank; ${missing} tract value(s) missing (${SVI_NO_DATA} or absent) left out of their rankings, never read as numbers.`;
}
