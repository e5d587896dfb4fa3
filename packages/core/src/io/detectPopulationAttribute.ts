import { normalizeName } from './normalizeName.js';

// Compared lower-cased with spaces and punctuation as `_`, in this order of preference. Census
// codes: ACS table B01003 (total population) and the 2010 SF1 P1 total.
const POPULATION_NAMES = [
  'population',
  'total_population',
  'tot_pop',
  'total_pop',
  'totpop',
  'pop_total',
  'pop_tot',
  'pop',
  'b01003_001e',
  'p0010001',
  'p001001',
];
// Year-stamped names (`Pop2014`, `POP_2010`, `population2020`, `2010_POP`): the latest year wins.
const POPULATION_YEAR =
  /^(?:pop|population|tot_pop|total_pop)_?((?:19|20)\d\d)$|^((?:19|20)\d\d)_?(?:pop|population)$/;

/**
 * Finds the population attribute of area data by its usual names, case-insensitively:
 * `population`, `total_population`, `TOT_POP`, `total_pop`, `totpop`, `pop` …, the census codes
 * `B01003_001E` and `P0010001`, or else a year-stamped name such as `Pop2014`, `POP_2010` or
 * `2010_POP` (the latest year when there are several).
 *
 * @param properties - the properties of an area feature, or any record keyed by attribute name
 *   (only the keys are looked at)
 * @returns the attribute name as spelled in `properties`, or undefined when none looks like a
 *   population
 * @throws never
 * @example
 * ```ts
 * detectPopulationAttribute({ geoid10: 17031840300, Pop2014: 5291 }); // 'Pop2014'
 * detectPopulationAttribute({ '2010_POP': 1, TOT_POP: 2 }); // 'TOT_POP'
 * ```
 */
export function detectPopulationAttribute(properties: Record<string, unknown>): string | undefined {
  const keys = Object.keys(properties);
  const normalized = keys.map(normalizeName);
  for (const name of POPULATION_NAMES) {
    const index = normalized.indexOf(name);
    if (index >= 0) return keys[index];
  }
  let best: string | undefined;
  let bestYear = -1;
  for (let i = 0; i < keys.length; i++) {
    const match = POPULATION_YEAR.exec(normalized[i]);
    if (match === null) continue;
    const year = Number(match[1] ?? match[2]);
    if (year > bestYear) {
      best = keys[i];
      bestYear = year;
    }
  }
  return best;
}
