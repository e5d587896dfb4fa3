import type { ZoneProperties } from '../data/results.js';

/**
 * A zone's title for people: its name when the run named it by places
 * (`Z03 · Humboldt Park, West Garfield Park`), else its id.
 *
 * @param zone - the zone's properties, as zones.geojson holds them
 * @returns the title
 * @example
 * ```ts
 * zoneTitle({ id: 'Z03', rank: 3, name: 'Z03 · Humboldt Park' }); // 'Z03 · Humboldt Park'
 * zoneTitle({ id: 'Z03', rank: 3 }); // 'Z03'
 * ```
 */
export function zoneTitle(zone: ZoneProperties): string {
  return typeof zone.name === 'string' && zone.name !== '' ? zone.name : zone.id;
}

/**
 * A zone's label on the map: its rank, and the place holding most of its cells when the run
 * named it by places (`3 · Humboldt Park`); the list and the details give every place.
 *
 * @param zone - the zone's properties, as zones.geojson holds them
 * @returns the label's text
 * @example
 * ```ts
 * zoneLabelText({ id: 'Z03', rank: 3, places: ['Humboldt Park', 'Austin'] }); // '3 · Humboldt Park'
 * zoneLabelText({ id: 'Z03', rank: 3 }); // '3'
 * ```
 */
export function zoneLabelText(zone: ZoneProperties): string {
  const first = Array.isArray(zone.places) ? zone.places[0] : undefined;
  return typeof first === 'string' && first !== '' ? `${zone.rank} · ${first}` : String(zone.rank);
}
