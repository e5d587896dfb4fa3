import { describe, expect, it } from 'vitest';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { cellToLngLat, gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import { partnerAccess } from '../../src/indicators/partnerAccess.js';
import type { OrganizationTable } from '../../src/types.js';
import { haversineMeters } from '../../src/util/haversineMeters.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';

const grid = gridFromCells(gridDisk(lngLatToCell(-101.35, 42.35, 9), 12));
const TYPES = ['faith-based', 'nonprofit', 'school', 'youth'];

/** Seeded organizations over and around the grid (some far outside). */
function organizations(count: number, seed: number): OrganizationTable {
  const random = mulberry32(seed);
  const lng = new Float64Array(count);
  const lat = new Float64Array(count);
  const type: string[] = [];
  for (let i = 0; i < count; i++) {
    lng[i] = -101.35 + (random() - 0.5) * (i % 10 === 0 ? 1 : 0.1);
    lat[i] = 42.35 + (random() - 0.5) * (i % 10 === 0 ? 1 : 0.08);
    type.push(TYPES[Math.floor(random() * (i < 4 ? 1 : TYPES.length))]);
  }
  type[1] = 'youth';
  return {
    source: 'fixture',
    length: count,
    lng,
    lat,
    name: type.map((t, i) => `${t} ${i}`),
    type,
    record: Uint32Array.from(type, (_, i) => i),
  };
}

describe('partnerAccess', () => {
  const orgs = organizations(80, 3);
  const access = partnerAccess(grid, orgs, { radiusMeters: 800 });

  it('finds, per type, the same nearest organization and distance as a brute-force haversine search', () => {
    for (const type of access.types) {
      for (let c = 0; c < grid.cells.length; c++) {
        const [x, y] = cellToLngLat(grid.cells[c]);
        let best = Number.POSITIVE_INFINITY;
        let within = 0;
        for (let r = 0; r < orgs.length; r++) {
          if (orgs.type[r] !== type) continue;
          const d = haversineMeters(x, y, orgs.lng[r], orgs.lat[r]);
          best = Math.min(best, d);
          if (d <= 800) within++;
        }
        expect(access.nearestMeters[type][c]).toBe(best);
        expect(access.withinRadius[type][c]).toBe(within);
        const nearest = access.nearestIndex[type][c];
        expect(orgs.type[nearest]).toBe(type);
        expect(haversineMeters(x, y, orgs.lng[nearest], orgs.lat[nearest])).toBe(best);
      }
    }
  });

  it('finds the brute-force nearest organization whatever the radius, searches skipped or not', () => {
    // The widening searches start at 500 m and double; those within the radius are skipped.
    for (const radiusMeters of [300, 1500, 5000]) {
      const wide = partnerAccess(grid, orgs, { radiusMeters });
      for (const type of wide.types) {
        for (let c = 0; c < grid.cells.length; c += 7) {
          const [x, y] = cellToLngLat(grid.cells[c]);
          let best = Number.POSITIVE_INFINITY;
          for (let r = 0; r < orgs.length; r++)
            if (orgs.type[r] === type)
              best = Math.min(best, haversineMeters(x, y, orgs.lng[r], orgs.lat[r]));
          expect(wide.nearestMeters[type][c], `${radiusMeters} m, ${type}, cell ${c}`).toBe(best);
        }
      }
    }
  });

  it('measures every type present, sorted, and sums them for any type', () => {
    expect(access.types).toEqual(TYPES);
    for (let c = 0; c < grid.cells.length; c++) {
      const total = TYPES.reduce((s, t) => s + access.withinRadius[t][c], 0);
      expect(access.anyWithinRadius[c]).toBe(total);
      expect(access.nearestAnyMeters[c]).toBe(
        Math.min(...TYPES.map((t) => access.nearestMeters[t][c])),
      );
    }
  });

  it('finds organizations far beyond the radius for the nearest distance', () => {
    const lone = organizations(1, 9);
    lone.lng[0] = -100.9;
    lone.lat[0] = 42.35;
    const far = partnerAccess(grid, { ...lone, type: ['youth'] });
    expect(far.nearestMeters.youth[0]).toBeGreaterThan(30_000);
    expect(far.withinRadius.youth[0]).toBe(0);
  });

  it('sums the capacity of the organizations within the radius, unknown capacities as 0', () => {
    const capacity = Float64Array.from({ length: orgs.length }, (_, r) =>
      r % 7 === 0 ? Number.NaN : r,
    );
    const withCapacity = partnerAccess(grid, { ...orgs, capacity }, { radiusMeters: 800 });
    for (let c = 0; c < grid.cells.length; c++) {
      const [x, y] = cellToLngLat(grid.cells[c]);
      let seats = 0;
      for (let r = 0; r < orgs.length; r++) {
        if (haversineMeters(x, y, orgs.lng[r], orgs.lat[r]) <= 800 && Number.isFinite(capacity[r]))
          seats += capacity[r];
      }
      expect(withCapacity.capacityWithinRadius![c]).toBe(seats);
    }
    expect(access.capacityWithinRadius).toBeUndefined();
  });

  it('rejects a type no organization has and a radius that is not positive', () => {
    expect(codeOf(() => partnerAccess(grid, orgs, { types: ['library'] }))).toBe('E_ARGUMENT');
    expect(codeOf(() => partnerAccess(grid, orgs, { radiusMeters: 0 }))).toBe('E_ARGUMENT');
  });
});
