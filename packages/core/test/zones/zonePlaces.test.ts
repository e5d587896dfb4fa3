import { describe, expect, it } from 'vitest';
import { ZONE_NAME_PLACES, zoneName, zonePlaces } from '../../src/zones/zonePlaces.js';

const indexOf = new Map(['a', 'b', 'c', 'd', 'e', 'f'].map((cell, i) => [cell, i]));
const places = {
  names: ['Uptown', 'Edgewater', 'Uptown', 'Albany Park'],
  placeOfCell: Int32Array.of(0, 1, 1, 2, -1, 3),
};

describe('zonePlaces', () => {
  it('lists the places by the share of the zone cells in each, largest first', () => {
    expect(zonePlaces(['b', 'c', 'a'], indexOf, places)).toEqual(['Edgewater', 'Uptown']);
  });

  it('counts places sharing a name together, and breaks ties by name', () => {
    expect(zonePlaces(['a', 'd', 'b', 'c'], indexOf, places)).toEqual(['Edgewater', 'Uptown']);
    expect(zonePlaces(['f', 'b'], indexOf, places)).toEqual(['Albany Park', 'Edgewater']);
  });

  it('leaves out cells in no place and cells not in the grid', () => {
    expect(zonePlaces(['e', 'zz'], indexOf, places)).toEqual([]);
  });
});

describe('zoneName', () => {
  it('is the id and up to three places', () => {
    expect(zoneName('Z03', ['Humboldt Park', 'West Garfield Park'])).toBe(
      'Z03 · Humboldt Park, West Garfield Park',
    );
    expect(ZONE_NAME_PLACES).toBe(3);
    expect(zoneName('Z01', ['A', 'B', 'C', 'D'])).toBe('Z01 · A, B, C');
  });

  it('is the id alone outside every place', () => {
    expect(zoneName('Z04', [])).toBe('Z04');
  });
});
