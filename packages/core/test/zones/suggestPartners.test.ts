import { describe, expect, it } from 'vitest';
import { cellToLngLat, getResolution, gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import type { OrganizationTable } from '../../src/types.js';
import { haversineMeters } from '../../src/util/haversineMeters.js';
import { mulberry32 } from '../../src/util/random.js';
import { type SuggestedPartner, suggestPartners } from '../../src/zones/suggestPartners.js';
import { codeOf } from '../helpers/errors.js';

const CENTER = lngLatToCell(-101.35, 42.35, 9);
const TYPES = ['faith-based', 'nonprofit', 'school', 'youth'];

function table(
  rows: readonly { lng: number; lat: number; name: string; type: string }[],
): OrganizationTable {
  return {
    source: 'fixture',
    length: rows.length,
    lng: Float64Array.from(rows, (r) => r.lng),
    lat: Float64Array.from(rows, (r) => r.lat),
    name: rows.map((r) => r.name),
    type: rows.map((r) => r.type),
    record: Uint32Array.from(rows, (_, i) => 100 + i),
  };
}

/** Seeded organizations scattered around the city, some sharing names. */
function organizations(count: number, seed: number): OrganizationTable {
  const random = mulberry32(seed);
  return table(
    Array.from({ length: count }, () => ({
      lng: -101.35 + (random() - 0.5) * 0.12,
      lat: 42.35 + (random() - 0.5) * 0.09,
      name: `Org ${Math.floor(random() * count * 0.8)}`,
      type: TYPES[Math.floor(random() * TYPES.length)],
    })).map((row, i) => (i % 25 === 0 ? { ...row, type: 'youth' } : row)),
  );
}

/** Every organization measured against every zone cell, sorted and capped: the definition. */
function bruteForce(
  zone: readonly string[],
  orgs: OrganizationTable,
  types: readonly string[] | undefined,
  count: number,
  perType: number,
): SuggestedPartner[] {
  const resolution = getResolution(zone[0]);
  const all: SuggestedPartner[] = [];
  for (let r = 0; r < orgs.length; r++) {
    if (types !== undefined && !types.includes(orgs.type[r])) continue;
    const inside = zone.includes(lngLatToCell(orgs.lng[r], orgs.lat[r], resolution));
    let distance = Number.POSITIVE_INFINITY;
    for (const cell of zone) {
      const [lng, lat] = cellToLngLat(cell);
      distance = Math.min(distance, haversineMeters(orgs.lng[r], orgs.lat[r], lng, lat));
    }
    all.push({
      name: orgs.name[r],
      type: orgs.type[r],
      distanceMeters: inside ? 0 : distance,
      record: orgs.record[r],
    });
  }
  all.sort(
    (a, b) =>
      a.distanceMeters - b.distanceMeters ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      a.record - b.record,
  );
  const perTypeCount = new Map<string, number>();
  return all
    .filter((o) => {
      const k = perTypeCount.get(o.type) ?? 0;
      perTypeCount.set(o.type, k + 1);
      return k < perType;
    })
    .slice(0, count);
}

describe('suggestPartners', () => {
  it('matches a brute-force search over every organization and zone cell', () => {
    const zones = [
      [CENTER],
      gridDisk(CENTER, 2),
      gridDisk(gridDisk(CENTER, 8)[200], 1).concat(gridDisk(gridDisk(CENTER, 8)[210], 1)),
    ];
    const settings = [
      { types: undefined, count: 5, perType: 2 },
      { types: ['youth', 'school'], count: 3, perType: 1 },
      { types: undefined, count: 40, perType: 40 },
      { types: ['faith-based'], count: 7, perType: 3 },
    ];
    for (const seed of [1, 2, 3]) {
      const orgs = organizations(seed === 3 ? 1500 : 120, seed);
      for (const zone of zones) {
        for (const s of settings) {
          expect(suggestPartners(zone, orgs, s)).toEqual(
            bruteForce(zone, orgs, s.types, s.count, s.perType),
          );
        }
      }
    }
  });

  it('puts an organization inside a zone cell at 0 m and one at a neighbour’s centre at the centre-to-centre distance', () => {
    const neighbor = gridDisk(CENTER, 1).find((c) => c !== CENTER)!;
    const [cx, cy] = cellToLngLat(CENTER);
    const [nx, ny] = cellToLngLat(neighbor);
    const orgs = table([
      { lng: nx, lat: ny, name: 'Next Door Youth', type: 'youth' },
      { lng: cx + 0.0005, lat: cy, name: 'Inside School', type: 'school' },
    ]);
    const suggested = suggestPartners([CENTER], orgs);
    expect(suggested.map((s) => [s.name, s.record])).toEqual([
      ['Inside School', 101],
      ['Next Door Youth', 100],
    ]);
    expect(suggested[0].distanceMeters).toBe(0);
    expect(suggested[1].distanceMeters).toBe(haversineMeters(nx, ny, cx, cy));
  });

  it('caps suggestions per type and in all, and breaks distance ties by name', () => {
    const [cx, cy] = cellToLngLat(CENTER);
    const orgs = table([
      { lng: cx, lat: cy, name: 'Zeta', type: 'youth' },
      { lng: cx, lat: cy, name: 'Alpha', type: 'youth' },
      { lng: cx, lat: cy, name: 'Mu', type: 'youth' },
      { lng: cx + 0.01, lat: cy, name: 'Far School', type: 'school' },
      { lng: cx + 0.02, lat: cy, name: 'Farther School', type: 'school' },
    ]);
    expect(suggestPartners([CENTER], orgs).map((s) => s.name)).toEqual([
      'Alpha',
      'Mu',
      'Far School',
      'Farther School',
    ]);
    expect(suggestPartners([CENTER], orgs, { perType: 3, count: 4 }).map((s) => s.name)).toEqual([
      'Alpha',
      'Mu',
      'Zeta',
      'Far School',
    ]);
    expect(suggestPartners([CENTER], orgs, { types: ['school'] }).map((s) => s.name)).toEqual([
      'Far School',
      'Farther School',
    ]);
    expect(suggestPartners([CENTER], orgs, { types: ['library'] })).toEqual([]);
    expect(suggestPartners([CENTER], orgs, { count: 0 })).toEqual([]);
  });

  it('rejects an empty or mixed-resolution zone and bad counts with E_ARGUMENT', () => {
    const orgs = organizations(5, 1);
    expect(codeOf(() => suggestPartners([], orgs))).toBe('E_ARGUMENT');
    expect(codeOf(() => suggestPartners(['not-a-cell'], orgs))).toBe('E_ARGUMENT');
    expect(codeOf(() => suggestPartners([CENTER, lngLatToCell(-101.35, 42.35, 8)], orgs))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => suggestPartners([CENTER], orgs, { count: -1 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => suggestPartners([CENTER], orgs, { perType: 0 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => suggestPartners([CENTER], orgs, { count: 1.5 }))).toBe('E_ARGUMENT');
  });
});
