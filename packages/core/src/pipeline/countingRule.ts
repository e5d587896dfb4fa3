import type { HexreachConfig } from '../config/configSchema.js';
import { type CrimeAgainst, crimeAgainst } from '../io/crimeAgainst.js';
import { getOwn } from '../util/getOwn.js';

/** What a run counts: each category's weight, from the configuration and its NIBRS class. */
export interface CountingRule {
  /** `harm` (persons and property) or `all`. */
  readonly mode: 'harm' | 'all';
  /** The weight of each category of the incidents (category weights, society 0 with `harm`). */
  readonly weights: Readonly<Record<string, number>>;
  /** Each category's NIBRS class, or undefined when the table cannot classify it. */
  readonly classOf: ReadonlyMap<string, CrimeAgainst | undefined>;
  /** Crimes against society weighing 0 (by `harm`, or by a weight of 0): shown apart. */
  readonly society: readonly string[];
  /** Categories the table cannot classify: counted, and listed so a user can classify them. */
  readonly unclassified: readonly string[];
}

/**
 * The weight of each incident category: the configured one when given; else, with
 * `incidents.count: "harm"`, 0 for a crime against society (NIBRS: drugs, weapons, prostitution,
 * gambling, liquor, public order — where police looked more than where residents were harmed;
 * Lum & Isaac 2016) and 1 otherwise; with `all`, 1.
 *
 * @param config - the configuration (`incidents.count`, `incidents.classes`, `categoryWeights`)
 * @param categories - the category names of the incidents
 * @example
 * ```ts
 * countingRule(config, ['THEFT', 'NARCOTICS', 'OTHER OFFENSE']).weights;
 * // { THEFT: 1, NARCOTICS: 0, 'OTHER OFFENSE': 1 }
 * ```
 */
export function countingRule(config: HexreachConfig, categories: readonly string[]): CountingRule {
  const { count: mode, classes, categoryWeights } = config.incidents;
  const extra = new Map(Object.entries(classes));
  const classOf = new Map(categories.map((name) => [name, crimeAgainst(name, extra)] as const));
  const society: string[] = [];
  const entries: [string, number][] = [];
  for (const name of categories) {
    const given = getOwn(categoryWeights, name);
    const isSociety = classOf.get(name) === 'society';
    const weight = given ?? (mode === 'harm' && isSociety ? 0 : 1);
    if (isSociety && weight === 0) society.push(name);
    entries.push([name, weight]);
  }
  // Configured weights of categories the data lack are kept: they change nothing.
  for (const [name, weight] of Object.entries(categoryWeights))
    if (!classOf.has(name)) entries.push([name, weight]);
  return {
    mode,
    weights: Object.fromEntries(entries),
    classOf,
    society,
    unclassified: categories.filter((name) => classOf.get(name) === undefined),
  };
}

/**
 * What the run counted, in one sentence for the notes (and so the report and the summary).
 *
 * @example
 * ```ts
 * countingNote(rule); // 'What is counted (incidents.count: "harm"): …'
 * ```
 */
export function countingNote(rule: CountingRule): string | undefined {
  if (rule.mode === 'all') return undefined;
  const society =
    rule.society.length === 0
      ? 'no category of crimes against society was found'
      : `crimes against society (${rule.society.join(', ')}) record where police looked more than where residents were harmed, so they weigh 0 and are shown apart (society_incidents)`;
  const unclassified =
    rule.unclassified.length === 0
      ? ''
      : `; ${rule.unclassified.join(', ')} could not be classified and ${rule.unclassified.length === 1 ? 'is' : 'are'} counted (name ${rule.unclassified.length === 1 ? 'its class' : 'their classes'} in incidents.classes)`;
  return `What is counted (incidents.count: "harm"): crimes against persons and property (NIBRS); ${society}${unclassified}.`;
}
