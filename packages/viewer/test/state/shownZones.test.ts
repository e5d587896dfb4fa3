import { describe, expect, it } from 'vitest';
import type { CellFeature, ZoneFeature, ZoneProperties } from '../../src/data/results.js';
import { type ShownZones, sameZones, zonesOfResults } from '../../src/state/shownZones.js';
import { UNIT_SQUARE } from '../helpers/unitSquare.js';

function cell(h3: string): CellFeature {
  return { type: 'Feature', geometry: UNIT_SQUARE, properties: { h3 } };
}

function zone(id: string, rank: number): ZoneFeature {
  return { type: 'Feature', geometry: UNIT_SQUARE, properties: { id, rank } };
}

function shown(groups: number[], list: ZoneProperties[]): ShownZones {
  return { groups: Int32Array.from(groups), list, ahead: false };
}

describe('zonesOfResults', () => {
  it("gives each cell its zone's place in the list, and the zones' properties in order", () => {
    const zones = zonesOfResults({
      cells: { type: 'FeatureCollection', features: [cell('a'), cell('b'), cell('c')] },
      texts: { zone: ['Z02', null, 'Z01'] },
      zones: { type: 'FeatureCollection', features: [zone('Z01', 1), zone('Z02', 2)] },
    });
    expect(zones).toEqual({
      groups: Int32Array.from([1, -1, 0]),
      list: [
        { id: 'Z01', rank: 1 },
        { id: 'Z02', rank: 2 },
      ],
      ahead: false,
    });
  });

  it('puts no cell in a zone when the cells have no zone column', () => {
    const zones = zonesOfResults({
      cells: { type: 'FeatureCollection', features: [cell('a'), cell('b')] },
      texts: {},
      zones: { type: 'FeatureCollection', features: [zone('Z01', 1)] },
    });
    expect(zones?.groups).toEqual(Int32Array.from([-1, -1]));
  });

  it('is undefined without zones.geojson, or without results', () => {
    const cells = { type: 'FeatureCollection' as const, features: [cell('a')] };
    expect(zonesOfResults({ cells, texts: {}, zones: undefined })).toBeUndefined();
    expect(zonesOfResults(undefined)).toBeUndefined();
  });
});

describe('sameZones', () => {
  const list = [
    { id: 'Z01', rank: 1 },
    { id: 'Z02', rank: 2 },
  ];

  it('holds for the same cells, ids and ranks, whatever else differs', () => {
    const ahead = { ...shown([0, 1, -1], list), ahead: true };
    const whole = shown(
      [0, 1, -1],
      [
        { id: 'Z01', rank: 1, meanScore: 0.9 },
        { id: 'Z02', rank: 2, meanScore: 0.7 },
      ],
    );
    expect(sameZones(ahead, whole)).toBe(true);
  });

  it('fails when a cell changes zone, a zone its rank, or the number of zones', () => {
    expect(sameZones(shown([0, 1, -1], list), shown([0, 1, 1], list))).toBe(false);
    expect(
      sameZones(
        shown([0, 1], list),
        shown(
          [0, 1],
          [
            { id: 'Z02', rank: 1 },
            { id: 'Z01', rank: 2 },
          ],
        ),
      ),
    ).toBe(false);
    expect(sameZones(shown([0, 0], list), shown([0, 0], list.slice(0, 1)))).toBe(false);
  });
});
