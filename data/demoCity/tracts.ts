import { toGeometry } from './degrees.js';
import { affluenceAt, districtWeights, nearestNeighbourhood } from './districts.js';
import { clamp } from './numbers.js';
import type { Shape, XY } from './plane.js';
import { normal, type Random } from './random.js';
import { drawAttributes } from './tractAttributes.js';
import type { TractPlan } from './tractShapes.js';

/** The properties the ACS leaves unpublished (null) for a tract where nobody lives. */
const RATE_NAMES = [
  'median_income',
  'median_income_moe',
  'poverty_rate',
  'poverty_rate_moe',
  'no_hs_diploma',
  'unemployment_rate',
  'pct_white',
  'pct_black',
  'pct_hispanic',
  'pct_asian',
  'pct_other',
  'pct_under_18',
  'pct_over_65',
  'limited_english',
  'no_vehicle',
] as const;

/** The properties of every tract of tracts.geojson, in the order they are written. */
export const TRACT_PROPERTY_NAMES = [
  'tract_id',
  'name',
  'population',
  'households',
  ...RATE_NAMES,
] as const;

/** A tract with its attributes, and what the design made of it. */
export interface TractRecord {
  readonly id: string;
  readonly plan: TractPlan;
  readonly neighbourhood: string;
  /** 0…1; how disadvantaged the tract is by design. */
  readonly need: number;
  /** Index of the district whose influence on the tract is strongest. */
  readonly district: number;
  readonly population: number;
  readonly properties: Readonly<Record<string, string | number | null>>;
}

function smoothField(random: Random, amplitude: number): (p: XY) => number {
  const waves = Array.from({ length: 6 }, () => {
    const angle = random() * 2 * Math.PI;
    const k = (2 * Math.PI) / (3 + 5 * random());
    return { kx: k * Math.cos(angle), ky: k * Math.sin(angle), phase: random() * 2 * Math.PI };
  });
  return ([x, y]) =>
    (amplitude / Math.sqrt(waves.length)) *
    waves.reduce((sum, w) => sum + Math.sin(w.kx * x + w.ky * y + w.phase), 0);
}

function pickMissingIncome(plans: readonly TractPlan[], random: Random): Set<number> {
  const missingIncome = new Set<number>();
  const candidates = plans.flatMap((t, i) => (t.kind === 'regular' ? [i] : []));
  while (missingIncome.size < 3)
    missingIncome.add(candidates[Math.floor(random() * candidates.length)]);
  return missingIncome;
}

/**
 * ACS-like attributes of every tract, driven by a need surface with three disadvantaged
 * districts; the park gets population 0 and no rates.
 */
export function describeTracts(plans: readonly TractPlan[], random: Random): TractRecord[] {
  const needNoise = smoothField(random, 0.08);
  const missingIncome = pickMissingIncome(plans, random);
  return plans.map((plan, i) => {
    const id = `T${String(i + 1).padStart(3, '0')}`;
    const c = plan.centroid;
    const g = districtWeights(c);
    const affluence = affluenceAt(c);
    const need = clamp(
      Math.max(...g) - 0.3 * affluence + needNoise(c) + 0.06 * normal(random),
      0,
      1,
    );
    const neighbourhood = nearestNeighbourhood(c);
    const base = { tract_id: id, name: `Tract ${i + 1}` };
    if (plan.kind === 'park') {
      // An uninhabited tract: the ACS publishes no rates and no medians for it.
      const properties: Record<string, string | number | null> = {
        ...base,
        population: 0,
        households: 0,
      };
      for (const key of RATE_NAMES) properties[key] = null;
      return { id, plan, neighbourhood, need: 0, district: -1, population: 0, properties };
    }
    const setting = { plan, g, need, affluence, missingIncome: missingIncome.has(i) };
    const attributes = drawAttributes(setting, random);
    const properties = { ...base, ...attributes };
    const district = g.indexOf(Math.max(...g));
    return {
      id,
      plan,
      neighbourhood,
      need,
      district,
      population: attributes.population,
      properties,
    };
  });
}

/** The GeoJSON features of tracts.geojson; `degrees` are the tract shapes as written. */
export function tractFeatures(tracts: readonly TractRecord[], degrees: readonly Shape[]) {
  return tracts.map((t, i) => ({
    type: 'Feature',
    properties: t.properties,
    geometry: toGeometry(degrees[i]),
  }));
}
