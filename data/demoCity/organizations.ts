import { toLngLat } from './degrees.js';
import { districtWeights, nearestNeighbourhood } from './districts.js';
import type { Placement } from './placement.js';
import type { XY } from './plane.js';
import { cumulate, pickIndex, type Random, shuffle } from './random.js';

/** Partner types: how many, their capacity range and name templates (`{n}`: a neighbourhood). */
const ORG_TYPES = {
  nonprofit: {
    count: 13,
    capacity: [20, 300],
    names: [
      '{n} Community Alliance',
      '{n} Neighbors United',
      '{n} Food Pantry',
      '{n} Housing Coalition',
      '{n} Family Services',
      '{n} Tenants Association',
      '{n} Health Collaborative',
    ],
  },
  'faith-based': {
    count: 13,
    capacity: [60, 500],
    names: [
      "St. Brigid's Parish of {n}",
      '{n} Community Church',
      '{n} Islamic Center',
      '{n} Gospel Tabernacle',
      'Congregation of {n}',
      '{n} Methodist Church',
    ],
  },
  youth: {
    count: 8,
    capacity: [30, 200],
    names: ['{n} Youth League', '{n} Teen Hub', '{n} Youth Mentoring', '{n} Sports Club'],
  },
  school: {
    count: 10,
    capacity: [250, 900],
    names: ['{n} Elementary School', '{n} Middle School', '{n} High School', '{n} Academy'],
  },
  cultural: {
    count: 7,
    capacity: [40, 400],
    names: [
      '{n} Public Library',
      '{n} Arts Collective',
      '{n} Heritage Museum',
      '{n} Cultural Center',
    ],
  },
  business: {
    count: 9,
    capacity: [10, 80],
    names: [
      '{n} Grocery',
      '{n} Barbershop',
      '{n} Hardware',
      '{n} Credit Union',
      '{n} Pharmacy',
      '{n} Laundromat',
    ],
  },
} as const;

/** The organization whose name is an HTML injection probe: a viewer must show it as text. */
export const MARKUP_PROBE_NAME = 'Youth Center <img src=x onerror=alert(1)>';

/** A potential outreach partner. */
export interface Organization {
  readonly name: string;
  readonly type: string;
  readonly capacity: number;
  readonly p: XY;
}

function uniqueName(templates: readonly string[], place: string, usedNames: Set<string>): string {
  let name = templates.map((tpl) => tpl.replace('{n}', place)).find((n) => !usedNames.has(n));
  for (let k = 2; name === undefined; k++) {
    const candidate = `${templates[0].replace('{n}', place)} ${k}`;
    if (!usedNames.has(candidate)) name = candidate;
  }
  usedNames.add(name);
  return name;
}

/** The organizations of organizations.geojson: placed where people live, named for the place. */
export function placeOrganizations(
  { tracts, pointIn }: Placement,
  orgRandom: Random,
): Organization[] {
  // Few partners in Northwest Heights: the planted "need without partners" gap.
  const orgWeights = cumulate(
    tracts.map((t) => t.population * (1 - 0.9 * districtWeights(t.plan.centroid)[2])),
  );
  const usedNames = new Set<string>();
  const organizations: Organization[] = [];
  for (const [type, spec] of Object.entries(ORG_TYPES)) {
    for (let i = 0; i < spec.count; i++) {
      const t = pickIndex(orgWeights, orgRandom);
      const p = pointIn(t, orgRandom);
      const templates = shuffle([...spec.names], orgRandom);
      const name = uniqueName(templates, nearestNeighbourhood(p), usedNames);
      const [lo, hi] = spec.capacity;
      organizations.push({ name, type, capacity: lo + Math.floor(orgRandom() * (hi - lo + 1)), p });
    }
  }
  // The markup probe replaces one youth organization in Quarry Row, where outreach would start.
  const quarry = tracts.findIndex((t) => t.neighbourhood === 'Quarry Row' && t.population > 0);
  const probeIndex = organizations.findIndex((o) => o.type === 'youth');
  organizations[probeIndex] = {
    name: MARKUP_PROBE_NAME,
    type: 'youth',
    capacity: 40,
    p: pointIn(quarry, orgRandom),
  };
  return organizations;
}

/** The GeoJSON features of organizations.geojson. */
export function organizationFeatures(organizations: readonly Organization[]) {
  return organizations.map((o, i) => ({
    type: 'Feature',
    properties: {
      org_id: `O${String(i + 1).padStart(3, '0')}`,
      name: o.name,
      type: o.type,
      capacity: o.capacity,
    },
    geometry: { type: 'Point', coordinates: toLngLat(o.p) },
  }));
}
