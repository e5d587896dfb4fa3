import { assertArgument } from '../errors.js';

/**
 * Incidents per `per` residents in each cell, NaN where the population is below
 * `minPopulation` (or unknown): a cell with 12 residents and 3 incidents would otherwise show
 * 250 per 1,000 and top every ranking.
 *
 * @param counts - incidents (or weighted counts) per cell
 * @param population - residents per cell
 * @param options - `per` (default 1000) and `minPopulation` (default 100)
 * @returns the rate per cell
 * @throws HexreachError `E_ARGUMENT` when lengths differ or `per` is not positive
 * @example
 * ```ts
 * incidentRate([3, 40], [12, 2000]); // [NaN, 20]
 * ```
 */
export function incidentRate(
  counts: ArrayLike<number>,
  population: ArrayLike<number>,
  options: { readonly per?: number; readonly minPopulation?: number } = {},
): Float64Array {
  const per = options.per ?? 1000;
  const minPopulation = options.minPopulation ?? 100;
  assertArgument(
    counts.length === population.length,
    'incidentRate',
    `${counts.length} counts for ${population.length} populations`,
  );
  assertArgument(per > 0, 'incidentRate', `per must be > 0, got ${per}`, per);
  const out = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    const pop = population[i];
    out[i] = pop >= minPopulation && pop > 0 ? (counts[i] / pop) * per : Number.NaN;
  }
  return out;
}
