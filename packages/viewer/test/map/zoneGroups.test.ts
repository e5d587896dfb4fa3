import { describe, expect, it } from 'vitest';
import type { ZoneFeature } from '../../src/data/results.js';
import { zoneGroups } from '../../src/map/zoneGroups.js';
import { UNIT_SQUARE } from '../helpers/unitSquare.js';

function zone(id: string, rank: number): ZoneFeature {
  return { type: 'Feature', geometry: UNIT_SQUARE, properties: { id, rank } };
}

describe('zoneGroups', () => {
  it("numbers each cell with its zone's place in the list, −1 for none", () => {
    const zones = [zone('Z01', 1), zone('Z02', 2), zone('Z03', 3)];
    expect(zoneGroups(['Z02', null, 'Z01', 'Z03', 'Z02'], zones)).toEqual(
      Int32Array.from([1, -1, 0, 2, 1]),
    );
  });

  it('goes by the place in the list, not by the rank written', () => {
    const zones = [zone('A', 4), zone('B', 9)];
    expect(zoneGroups(['B', 'A'], zones)).toEqual(Int32Array.from([1, 0]));
  });

  it('gives −1 to a cell whose zone the list lacks', () => {
    expect(zoneGroups(['Z07', 'Z01'], [zone('Z01', 1)])).toEqual(Int32Array.from([-1, 0]));
  });
});
