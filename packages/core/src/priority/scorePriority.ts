import type { HexreachConfig } from '../config/configSchema.js';
import { assertArgument } from '../errors.js';
import { type PriorityComponent, type PriorityResult, priorityScore } from './priorityScore.js';
import type { ScoringComponent } from './scoringComponents.js';

/**
 * The priority score under the configured weights, from components already normalised: a note
 * for each weighted component the analysis cannot score.
 *
 * @param components - the analysis' scoring components (`result.components`)
 * @param config - the configuration whose priority weights and normalisation to score with
 * @param notes - receives a note for each weighted component the analysis cannot score
 * @param caller - the public function named in error messages
 * @returns the score with each component's contribution
 * @throws HexreachError `E_ARGUMENT` when every available component has weight 0
 * @example
 * ```ts
 * const priority = scorePriority(result.components, config, [], 'createScorer');
 * priority.contributions.need; // the need component's share of each cell's score
 * ```
 */
export function scorePriority(
  components: readonly ScoringComponent[],
  config: HexreachConfig,
  notes: string[],
  caller: string,
): PriorityResult {
  const weighted = priorityComponents(components, config.priority.weights, notes);
  const used = weighted.filter((c) => c.weight > 0);
  assertArgument(
    used.length > 0,
    caller,
    `every priority component available (${weighted.map((c) => c.name).join(', ')}) has weight 0; give one of them a weight`,
    config.priority.weights,
  );
  return priorityScore(used, {
    normalization: config.priority.normalization,
    normalized: Object.fromEntries(components.map((c) => [c.name, c.normalized])),
  });
}

/**
 * The priority components with their configured weights, in the order the score lists them; a
 * note for each weighted component the analysis cannot score.
 */
function priorityComponents(
  components: readonly ScoringComponent[],
  w: HexreachConfig['priority']['weights'],
  notes: string[],
): PriorityComponent[] {
  const has = (name: string) => components.some((c) => c.name === name);
  if (!has('crimeRate') && w.crimeRate > 0)
    notes.push('The crime-rate component was left out: there is no population.');
  if (!has('trustDeficit') && w.trustDeficit > 0)
    notes.push('The trust component was left out: no surveys were given.');
  if (!has('partnerGap') && w.partnerGap > 0)
    notes.push('The partner-gap component was left out: no organizations were given.');
  return components.map((c) => ({
    name: c.name,
    values: c.values,
    weight: w[c.name as keyof HexreachConfig['priority']['weights']],
  }));
}
