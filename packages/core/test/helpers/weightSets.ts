import type { PriorityWeights } from '../../src/priority/createScorer.js';

/**
 * Priority weightings the re-scoring tests try, each with a label: need first, hotspots alone,
 * trust and partners, and the configured weights.
 *
 * @example
 * ```ts
 * for (const [label, weights] of WEIGHT_SETS) it(label, () => createScorer(result).full(weights));
 * ```
 */
export const WEIGHT_SETS: readonly (readonly [string, Partial<PriorityWeights>])[] = [
  ['need first', { need: 0.6, hotspot: 0.2 }],
  ['hotspots alone', { hotspot: 1, crimeRate: 0, need: 0, trustDeficit: 0, partnerGap: 0 }],
  ['trust and partners', { trustDeficit: 0.5, partnerGap: 0.4 }],
  ['the configured weights', {}],
];
