import { assertArgument } from '../errors.js';
import { gridCentroids } from '../hex/gridCentroids.js';
import type { CellGrid, OrganizationTable } from '../types.js';
import { createRecord } from '../util/createRecord.js';
import { haversineMeters } from '../util/haversineMeters.js';
import { LngLatIndex } from '../util/lngLatIndex.js';

/** Options of {@link partnerAccess}. */
export interface PartnerAccessOptions {
  /** Organizations within this great-circle distance of a cell centre are "nearby" (default 1,000 m). */
  readonly radiusMeters?: number;
  /** The organization types to measure (default: every type present, sorted). */
  readonly types?: readonly string[];
}

/** Access to partner organizations per cell; every column has one entry per cell of the grid. */
export interface PartnerAccess {
  /** The organization types measured, in the order of the columns. */
  readonly types: readonly string[];
  /** Distance in metres from the cell centre to the nearest organization of each type (Infinity when there is none). */
  readonly nearestMeters: Readonly<Record<string, Float64Array>>;
  /** Row of that nearest organization in the table, by type (−1 when there is none). */
  readonly nearestIndex: Readonly<Record<string, Int32Array>>;
  /** Organizations of each type within the radius. */
  readonly withinRadius: Readonly<Record<string, Uint32Array>>;
  /** Distance to the nearest organization of any measured type. */
  readonly nearestAnyMeters: Float64Array;
  /** Organizations of any measured type within the radius. */
  readonly anyWithinRadius: Uint32Array;
  /** Summed capacity of the organizations within the radius (unknown capacities count 0); with capacities. */
  readonly capacityWithinRadius: Float64Array | undefined;
  /** The radius used. */
  readonly radiusMeters: number;
}

/** Search radii start here and double until a nearest organization is certain. */
const FIRST_RADIUS_METERS = 500;

/**
 * How close each cell is to partner organizations (nonprofits, faith groups, youth and
 * cultural organizations, schools …): per type, the great-circle (haversine) distance from the
 * cell centre to the nearest organization and the number within a radius, found through a spatial
 * index over the organizations (a kd-tree; the nearest one by searching radii that double until a
 * candidate lies within the radius searched, which makes it exact).
 *
 * @param grid - the analysis cells
 * @param organizations - the organizations with their types
 * @param options - radius and types
 * @returns distances, nearest rows and counts per type, and for any type
 * @throws HexreachError `E_ARGUMENT` when the radius is not positive or a requested type is absent
 * @example
 * ```ts
 * const access = partnerAccess(grid, organizations, { radiusMeters: 1000 });
 * access.nearestMeters.youth[i]; // metres to the nearest youth organization from cell i
 * ```
 */
export function partnerAccess(
  grid: CellGrid,
  organizations: OrganizationTable,
  options: PartnerAccessOptions = {},
): PartnerAccess {
  const radius = options.radiusMeters ?? 1000;
  assertArgument(
    radius > 0 && Number.isFinite(radius),
    'partnerAccess',
    `radiusMeters must be > 0, got ${radius}`,
    radius,
  );
  const present = [...new Set(organizations.type)].sort();
  const types = options.types ?? present;
  for (const type of types) {
    assertArgument(
      present.includes(type),
      'partnerAccess',
      `no organization has the type "${type}"; types: ${present.join(', ')}`,
      type,
    );
  }
  const centres = gridCentroids(grid, 'partnerAccess');
  const n = grid.cells.length;
  // Keyed by organization types from the data: `__proto__` and `toString` are types too.
  const nearestMeters = createRecord<Float64Array>();
  const nearestIndex = createRecord<Int32Array>();
  const withinRadius = createRecord<Uint32Array>();
  const nearestAnyMeters = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const anyWithinRadius = new Uint32Array(n);
  const capacity = organizations.capacity;
  const capacityWithinRadius = capacity === undefined ? undefined : new Float64Array(n);
  const out: number[] = [];
  for (const type of types) {
    const rows: number[] = [];
    for (let r = 0; r < organizations.length; r++) if (organizations.type[r] === type) rows.push(r);
    const lng = Float64Array.from(rows, (r) => organizations.lng[r]);
    const lat = Float64Array.from(rows, (r) => organizations.lat[r]);
    const index = new LngLatIndex(lng, lat, centres.lat);
    const distance = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const nearest = new Int32Array(n).fill(-1);
    const within = new Uint32Array(n);
    for (let c = 0; c < n; c++) {
      const x = centres.lng[c];
      const y = centres.lat[c];
      const found = index.candidates(x, y, radius, out);
      for (let k = 0; k < found; k++) {
        const d = haversineMeters(x, y, lng[out[k]], lat[out[k]]);
        if (d <= radius) {
          within[c]++;
          const seats = capacity?.[rows[out[k]]];
          if (capacityWithinRadius !== undefined && seats !== undefined && Number.isFinite(seats)) {
            capacityWithinRadius[c] += seats;
          }
        }
        if (d < distance[c]) {
          distance[c] = d;
          nearest[c] = rows[out[k]];
        }
      }
      // Every organization within the radius searched is a candidate, so a nearest one found
      // within it is the nearest of all; otherwise search twice as far. A search within the
      // radius would find only organizations already measured.
      for (
        let search = FIRST_RADIUS_METERS;
        !(distance[c] <= search) && search < 4e7;
        search *= 2
      ) {
        if (search <= radius) continue;
        const more = index.candidates(x, y, search, out);
        for (let k = 0; k < more; k++) {
          const d = haversineMeters(x, y, lng[out[k]], lat[out[k]]);
          if (d < distance[c]) {
            distance[c] = d;
            nearest[c] = rows[out[k]];
          }
        }
      }
      if (distance[c] < nearestAnyMeters[c]) nearestAnyMeters[c] = distance[c];
      anyWithinRadius[c] += within[c];
    }
    nearestMeters[type] = distance;
    nearestIndex[type] = nearest;
    withinRadius[type] = within;
  }
  return {
    types,
    nearestMeters,
    nearestIndex,
    withinRadius,
    nearestAnyMeters,
    anyWithinRadius,
    capacityWithinRadius,
    radiusMeters: radius,
  };
}
