import { assertArgument } from '../errors.js';
import { cellToLngLat, getResolution, isValidCell, lngLatToCell } from '../hex/h3.js';
import type { OrganizationTable } from '../types.js';
import { haversineMeters } from '../util/haversineMeters.js';

/** Options of {@link suggestPartners}. */
export interface SuggestPartnersOptions {
  /** Only organizations of these types (default: every type); a type no organization has adds none. */
  readonly types?: readonly string[];
  /** Most suggestions in all (default 5). */
  readonly count?: number;
  /** Most suggestions of one type (default 2), so that one plentiful type does not crowd out the rest. */
  readonly perType?: number;
}

/** One organization suggested as a partner for a zone. */
export interface SuggestedPartner {
  /** Display name (`OrganizationTable.name`). */
  readonly name: string;
  /** Type (`OrganizationTable.type`). */
  readonly type: string;
  /** Great-circle metres to the nearest cell centre of the zone; 0 inside a zone cell. */
  readonly distanceMeters: number;
  /** The organization's source feature index (`OrganizationTable.record`). */
  readonly record: number;
}

/**
 * The organizations nearest to a zone, as partners to suggest to an outreach team: for each
 * organization of a relevant type, the great-circle (haversine) distance to the nearest centre of
 * a zone cell, or 0 when it lies inside a zone cell (its own cell at the zone's resolution is one
 * of the zone's). Sorted by distance, then name, then record; at most `perType` of one type and
 * `count` in all, taken in that order.
 *
 * Organizations are visited in order of a lower bound, d(organization, c) − r with c the mean of
 * the zone's cell centres and r the largest distance from c to one of them (the triangle
 * inequality), and the search stops once no unvisited organization can come before the last
 * suggestion: the same answer as measuring every organization against every cell.
 *
 * @param zoneCells - the zone's H3 cells, all of one resolution
 * @param organizations - the organizations with their names and types
 * @param options - `types`, `count` (integer ≥ 0, default 5) and `perType` (integer ≥ 1, default 2)
 * @returns the suggestions, nearest first
 * @throws HexreachError `E_ARGUMENT` when `zoneCells` is empty, holds an invalid cell or mixes
 *   resolutions, or `count` / `perType` is out of range
 * @example
 * ```ts
 * suggestPartners(zones[0].cells, organizations, { types: ['youth', 'faith-based'], count: 4 });
 * // [{ name: 'Eastside Youth League', type: 'youth', distanceMeters: 0, record: 12 }, …]
 * ```
 */
export function suggestPartners(
  zoneCells: readonly string[],
  organizations: OrganizationTable,
  options: SuggestPartnersOptions = {},
): SuggestedPartner[] {
  const fn = 'suggestPartners';
  const count = options.count ?? 5;
  const perType = options.perType ?? 2;
  assertArgument(zoneCells.length > 0, fn, 'zoneCells must not be empty', zoneCells);
  assertArgument(
    Number.isInteger(count) && count >= 0,
    fn,
    `count must be an integer >= 0, got ${count}`,
    count,
  );
  assertArgument(
    Number.isInteger(perType) && perType >= 1,
    fn,
    `perType must be an integer >= 1, got ${perType}`,
    perType,
  );
  for (const cell of zoneCells)
    assertArgument(isValidCell(cell), fn, `not a valid H3 cell: ${cell}`, cell);
  const resolution = getResolution(zoneCells[0]);
  for (const cell of zoneCells)
    assertArgument(
      getResolution(cell) === resolution,
      fn,
      `zone cells must share one resolution (${resolution}), got ${cell} at ${getResolution(cell)}`,
      cell,
    );
  if (count === 0) return [];

  const inZone = new Set(zoneCells);
  const m = inZone.size;
  const cellLng = new Float64Array(m);
  const cellLat = new Float64Array(m);
  let c = 0;
  for (const cell of inZone) [cellLng[c], cellLat[c++]] = cellToLngLat(cell);
  let centreLng = 0;
  let centreLat = 0;
  for (let k = 0; k < m; k++) {
    centreLng += cellLng[k] / m;
    centreLat += cellLat[k] / m;
  }
  let reach = 0;
  for (let k = 0; k < m; k++)
    reach = Math.max(reach, haversineMeters(centreLng, centreLat, cellLng[k], cellLat[k]));

  const wanted = options.types === undefined ? undefined : new Set(options.types);
  const rows: number[] = [];
  const bound = new Float64Array(organizations.length);
  for (let r = 0; r < organizations.length; r++) {
    if (wanted !== undefined && !wanted.has(organizations.type[r])) continue;
    const lng = organizations.lng[r];
    const lat = organizations.lat[r];
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) continue;
    rows.push(r);
    // A zone cell's own organizations are 0 away, below every bound of the others.
    bound[r] = inZone.has(lngLatToCell(lng, lat, resolution))
      ? Number.NEGATIVE_INFINITY
      : haversineMeters(lng, lat, centreLng, centreLat) - reach;
  }
  rows.sort((a, b) => bound[a] - bound[b] || a - b);

  const measured: SuggestedPartner[] = [];
  let checkpoint = count;
  for (let v = 0; v < rows.length; v++) {
    const r = rows[v];
    let distance = 0;
    if (bound[r] !== Number.NEGATIVE_INFINITY) {
      distance = Number.POSITIVE_INFINITY;
      for (let k = 0; k < m; k++)
        distance = Math.min(
          distance,
          haversineMeters(organizations.lng[r], organizations.lat[r], cellLng[k], cellLat[k]),
        );
    }
    measured.push({
      name: organizations.name[r],
      type: organizations.type[r],
      distanceMeters: distance,
      record: organizations.record[r],
    });
    // Re-select at doubling checkpoints: linear-logarithmic in all, and stop once the next bound
    // lies beyond the farthest suggestion (allowing for rounding in the bound).
    if (v + 1 === checkpoint && v + 1 < rows.length) {
      checkpoint *= 2;
      const picked = pick(measured, count, perType);
      if (
        picked.length === count &&
        bound[rows[v + 1]] - 1e-6 > picked[picked.length - 1].distanceMeters
      )
        return picked;
    }
  }
  return pick(measured, count, perType);
}

/** The first `count` by distance, name and record, at most `perType` of one type. */
function pick(measured: SuggestedPartner[], count: number, perType: number): SuggestedPartner[] {
  measured.sort(
    (a, b) =>
      a.distanceMeters - b.distanceMeters ||
      // Code-unit order, not localeCompare, so the order does not depend on the locale.
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      a.record - b.record,
  );
  const perTypeCount = new Map<string, number>();
  const picked: SuggestedPartner[] = [];
  for (const candidate of measured) {
    if (picked.length === count) break;
    const taken = perTypeCount.get(candidate.type) ?? 0;
    if (taken >= perType) continue;
    perTypeCount.set(candidate.type, taken + 1);
    picked.push(candidate);
  }
  return picked;
}
