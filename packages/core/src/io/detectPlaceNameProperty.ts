import { normalizeName } from './normalizeName.js';

/**
 * Property names that hold a place's name, most telling first (compared after `normalizeName`):
 * a plain name, neighbourhood and community-area names of city portals (Chicago's `pri_neigh`,
 * `community`), the Census's `NAMELSAD`, then ward, beat and district names.
 */
const NAME_PROPERTIES = [
  'name',
  'place_name',
  'neighborhood',
  'neighbourhood',
  'neighborhood_name',
  'neighbourhood_name',
  'nhood',
  'pri_neigh',
  'community',
  'community_area',
  'community_name',
  'community_area_name',
  'geog',
  'area_name',
  'namelsad',
  'label',
  'ward_name',
  'beat_name',
  'district_name',
  'title',
];

/** How many features are looked at: enough to tell text from numbers and capitals from words. */
const SAMPLE = 50;

/**
 * The property of a place layer (community areas, neighbourhoods, beats, wards) that names each
 * place, when the configuration does not say: the first of a list of common names (`name`,
 * `neighborhood`, `pri_neigh`, `community`, `GEOG`, `NAMELSAD`, `label`, …, compared
 * case- and punctuation-insensitively) whose values are text in the features looked at (the
 * first 50). Where several are text, one written in mixed case (`Douglas`) is preferred to one in
 * capitals (`DOUGLAS`), since zone names are read by people.
 *
 * @param features - GeoJSON features (anything else is skipped)
 * @returns the property name as spelled in the file, or undefined when none looks like a name
 * @throws never
 * @example
 * ```ts
 * detectPlaceNameProperty([{ properties: { area_num_1: 35, community: 'DOUGLAS', GEOG: 'Douglas' } }]);
 * // 'GEOG'
 * detectPlaceNameProperty([{ properties: { population: 12 } }]); // undefined
 * ```
 */
export function detectPlaceNameProperty(features: readonly unknown[]): string | undefined {
  const sample = features.slice(0, SAMPLE).map(propertiesOf);
  const keys = new Map<string, string>();
  for (const properties of sample) {
    for (const key of Object.keys(properties)) {
      const normalized = normalizeName(key);
      if (!keys.has(normalized)) keys.set(normalized, key);
    }
  }
  const textual = NAME_PROPERTIES.map((name) => keys.get(name)).filter(
    (key): key is string => key !== undefined && isText(sample, key),
  );
  return textual.find((key) => isMixedCase(sample, key)) ?? textual[0];
}

function propertiesOf(feature: unknown): Readonly<Record<string, unknown>> {
  const properties = (feature as { properties?: unknown } | null)?.properties;
  return typeof properties === 'object' && properties !== null
    ? (properties as Record<string, unknown>)
    : {};
}

/** Whether most features that have the property give it as non-empty text. */
function isText(sample: readonly Readonly<Record<string, unknown>>[], key: string): boolean {
  let text = 0;
  let other = 0;
  for (const properties of sample) {
    if (!Object.hasOwn(properties, key)) continue;
    const value = properties[key];
    if (typeof value === 'string' && value.trim() !== '') text++;
    else other++;
  }
  return text > other;
}

/** Whether most text values have a lower-case letter (`Douglas`, not `DOUGLAS`). */
function isMixedCase(sample: readonly Readonly<Record<string, unknown>>[], key: string): boolean {
  let mixed = 0;
  let capitals = 0;
  for (const properties of sample) {
    const value = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (typeof value !== 'string') continue;
    if (value !== value.toUpperCase()) mixed++;
    else capitals++;
  }
  return mixed > capitals;
}
