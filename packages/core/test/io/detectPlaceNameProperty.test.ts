import { describe, expect, it } from 'vitest';
import { detectPlaceNameProperty } from '../../src/io/detectPlaceNameProperty.js';

const features = (...properties: Record<string, unknown>[]) =>
  properties.map((p) => ({ type: 'Feature', properties: p, geometry: null }));

describe('detectPlaceNameProperty', () => {
  it('finds a plain name case-insensitively, spelled as in the file', () => {
    expect(detectPlaceNameProperty(features({ NAME: 'Uptown', pop: 3 }))).toBe('NAME');
  });

  it("prefers mixed case to capitals among names (Chicago's GEOG over community)", () => {
    expect(
      detectPlaceNameProperty(features({ area_num_1: 35, community: 'DOUGLAS', GEOG: 'Douglas' })),
    ).toBe('GEOG');
  });

  it('takes a name in capitals when it is the only one', () => {
    expect(detectPlaceNameProperty(features({ community: 'DOUGLAS' }))).toBe('community');
  });

  it('skips a name-like property that holds numbers', () => {
    expect(detectPlaceNameProperty(features({ name: 12, pri_neigh: 'Andersonville' }))).toBe(
      'pri_neigh',
    );
  });

  it('finds none among numbers and codes', () => {
    expect(detectPlaceNameProperty(features({ geoid10: 17031842400, Pop2014: 5 }))).toBe(undefined);
    expect(detectPlaceNameProperty([])).toBe(undefined);
  });

  it('ignores features that are not objects and names on the prototype', () => {
    expect(detectPlaceNameProperty([null, 3, { properties: null }])).toBe(undefined);
    expect(detectPlaceNameProperty(features({ toString: 'x' }))).toBe(undefined);
  });
});
