import type { FeatureCollection, Point } from 'geojson';
import { assertArgument } from '../errors.js';
import type { OrganizationTable } from '../types.js';

/** Properties written for each organization: what the analysis read of it. */
export interface OrganizationFeatureProperties {
  /** Display name. */
  readonly name: string;
  /** Kind of organization (e.g. `school`). */
  readonly type: string;
  /** How many people it can serve, when the file gave it. */
  readonly capacity?: number;
}

/** Options of {@link organizationsToFeatureCollection}. */
export interface OrganizationsToFeatureCollectionOptions {
  /** Decimal places of coordinates, an integer 0…15 (default 6, about 0.1 m). */
  readonly precision?: number;
}

/**
 * Writes the organizations an analysis used as an RFC 7946 FeatureCollection of Points with
 * their name, type and (when known) capacity: the partners the viewer draws and the zones name.
 * Organizations are public places, not people, so public exports include them too.
 *
 * @param organizations - the organizations as read (`readOrganizationsGeoJson`)
 * @param options - coordinate `precision` (default 6)
 * @returns one Point feature per organization, in the order read
 * @throws HexreachError `E_ARGUMENT` when `precision` is not an integer 0…15
 * @example
 * ```ts
 * const { data } = readOrganizationsGeoJson(json, { source: 'organizations.geojson' });
 * writeFileSync('out/organizations.geojson', JSON.stringify(organizationsToFeatureCollection(data)));
 * ```
 */
export function organizationsToFeatureCollection(
  organizations: OrganizationTable,
  options: OrganizationsToFeatureCollectionOptions = {},
): FeatureCollection<Point, OrganizationFeatureProperties> {
  const precision = options.precision ?? 6;
  assertArgument(
    Number.isInteger(precision) && precision >= 0 && precision <= 15,
    'organizationsToFeatureCollection',
    `precision must be an integer 0…15, got ${precision}`,
    precision,
  );
  const factor = 10 ** precision;
  const round = (x: number) => Math.round(x * factor) / factor;
  const { capacity } = organizations;
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: organizations.length }, (_, i) => ({
      type: 'Feature',
      geometry: {
        type: 'Point',
        coordinates: [round(organizations.lng[i]), round(organizations.lat[i])],
      },
      properties: {
        name: organizations.name[i],
        type: organizations.type[i],
        ...(capacity === undefined || Number.isNaN(capacity[i]) ? {} : { capacity: capacity[i] }),
      },
    })),
  };
}
