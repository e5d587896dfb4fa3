import { readOrganizationsGeoJson } from '@hexreach/core';
import type { FeatureCollection, Point } from 'geojson';
import type { OrganizationProperties } from './results.js';

/**
 * Reads organization points with `@hexreach/core`'s reader (the same name and type detection as
 * the CLI) and keeps them as GeoJSON points for the map.
 *
 * @param value - the parsed JSON
 * @param file - the file name, for messages
 * @returns the points and, when some features could not be used, a note saying how many and why
 * @throws HexreachError `E_INPUT` when the value is not a FeatureCollection
 * @example
 * ```ts
 * const { organizations } = parseOrganizations(parseJson(text, 'organizations.geojson'), 'organizations.geojson');
 * ```
 */
export function parseOrganizations(
  value: unknown,
  file: string,
): { organizations: FeatureCollection<Point, OrganizationProperties>; note?: string } {
  const read = readOrganizationsGeoJson(value, { source: file });
  const table = read.data;
  const features = (value as { features: { properties?: unknown }[] }).features;
  const organizations: FeatureCollection<Point, OrganizationProperties> = {
    type: 'FeatureCollection',
    features: Array.from({ length: table.length }, (_, i) => {
      const original = features[table.record[i]].properties;
      return {
        type: 'Feature',
        id: i,
        geometry: { type: 'Point', coordinates: [table.lng[i], table.lat[i]] },
        properties: {
          name: table.name[i],
          type: table.type[i],
          feature: table.record[i],
          original:
            typeof original === 'object' && original !== null
              ? (original as Record<string, unknown>)
              : {},
        },
      };
    }),
  };
  const skipped = read.rejections.length;
  if (skipped === 0) return { organizations };
  const first = read.rejections[0];
  return {
    organizations,
    note: `${file}: ${skipped} of ${read.read} features skipped; first: feature ${first.record}: ${first.message}`,
  };
}
