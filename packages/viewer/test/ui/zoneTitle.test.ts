import { describe, expect, it } from 'vitest';
import { zoneLabelText, zoneTitle } from '../../src/ui/zoneTitle.js';

describe('zoneTitle', () => {
  it('is the name a run gave the zone from its places, else the id', () => {
    expect(zoneTitle({ id: 'Z03', rank: 3, name: 'Z03 · Humboldt Park, Austin' })).toBe(
      'Z03 · Humboldt Park, Austin',
    );
    expect(zoneTitle({ id: 'Z03', rank: 3 })).toBe('Z03');
    expect(zoneTitle({ id: 'Z03', rank: 3, name: 7 })).toBe('Z03');
  });
});

describe('zoneLabelText', () => {
  it('is the rank and the place holding most of the zone, else the rank', () => {
    expect(zoneLabelText({ id: 'Z03', rank: 3, places: ['Humboldt Park', 'Austin'] })).toBe(
      '3 · Humboldt Park',
    );
    expect(zoneLabelText({ id: 'Z03', rank: 3, places: [] })).toBe('3');
    expect(zoneLabelText({ id: 'Z03', rank: 3 })).toBe('3');
  });
});
