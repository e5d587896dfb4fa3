import type { HexreachConfig } from './configSchema.js';
import { SVI_NO_DATA } from './resolveNeedPreset.js';

/**
 * The area attributes a configuration uses, each once, for `readAreasGeoJson`: the population
 * (required: a tract without residents' count cannot be split), further count attributes
 * (required), rates, need indicators and their margins of error (optional: a missing value
 * stays missing; with `need.preset: "svi"`, −999 is missing too).
 *
 * @param config - the configuration (defaults filled in)
 * @param population - the population attribute, when detected rather than configured
 * @returns attribute names with whether each is required
 * @example
 * ```ts
 * readAreasGeoJson(tracts, { source: 'tracts.geojson', attributes: areaAttributesOf(config) });
 * ```
 */
export function areaAttributesOf(
  config: HexreachConfig,
  population: string | undefined = config.population,
): { name: string; required: boolean; missingValues?: readonly number[] }[] {
  const required = new Map<string, boolean>();
  if (population !== undefined) required.set(population, true);
  for (const a of config.attributes)
    required.set(a.name, required.get(a.name) ?? a.kind === 'count');
  for (const i of config.indicators) {
    required.set(i.name, required.get(i.name) ?? false);
    if (i.moe !== undefined) required.set(i.moe, required.get(i.moe) ?? false);
  }
  for (const name of [config.trust.areaMean, config.trust.areaResponses]) {
    if (name !== undefined) required.set(name, required.get(name) ?? false);
  }
  // The SVI preset's columns use -999 for no data (CDC/ATSDR SVI documentation).
  const coded = new Set<string>();
  if (config.need?.preset === 'svi') {
    for (const i of config.indicators)
      for (const name of [i.name, i.moe ?? i.name]) coded.add(name);
    // A tract whose population is -999 has none to split: rejected, as one without it.
    if (population !== undefined) coded.add(population);
  }
  return [...required].map(([name, isRequired]) =>
    coded.has(name)
      ? { name, required: isRequired, missingValues: [SVI_NO_DATA] }
      : { name, required: isRequired },
  );
}
