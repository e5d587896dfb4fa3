import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOrganizationsGeoJson } from '../../src/io/readOrganizations.js';
import { thrownBy } from '../helpers/errors.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/io/${name}`, import.meta.url), 'utf8'));

const place = (properties: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [-87.6, 41.8] },
  properties,
});

describe('readOrganizationsGeoJson', () => {
  it('rejects features without a usable point, with their reasons', () => {
    const result = readOrganizationsGeoJson(fixture('organizations.geojson'), {
      source: 'organizations.geojson',
    });
    expect(result.rejections.map((r) => [r.record, r.reason])).toEqual([
      [3, 'missing-coordinates'],
      [4, 'wrong-geometry'],
      [5, 'invalid-coordinates'],
    ]);
    expect(result.rejections[1].message).toContain('a LineString');
    expect(result.read).toBe(7);
    expect(result.data.length + result.rejections.length).toBe(result.read);
  });

  it('reads names and types (detected: name, place_type), trimmed', () => {
    const { data } = readOrganizationsGeoJson(fixture('organizations.geojson'), {
      source: 'organizations.geojson',
    });
    expect(data.source).toBe('organizations.geojson');
    expect([...data.record]).toEqual([0, 1, 2, 6]);
    expect([...data.lng]).toEqual([-87.55, -87.6, -87.62, -87.7]);
    expect([...data.lat]).toEqual([41.74, 41.79, 41.85, 41.9]);
    expect(data.name).toEqual(['EPIC HS', 'feature 1', 'Youth Center', 'St. Mark Church']);
    expect(data.type).toEqual(['school', 'library', 'organization', 'faith']);
  });

  it('warns when a name or a type is missing and says what was used instead', () => {
    const { warnings } = readOrganizationsGeoJson(fixture('organizations.geojson'), {
      source: 'organizations.geojson',
    });
    expect(warnings.map((w) => [w.record, w.reason])).toEqual([
      [1, 'missing-attribute'],
      [2, 'missing-attribute'],
    ]);
    expect(warnings[0].message).toContain('"feature 1"');
    expect(warnings[1].message).toContain('"organization"');
  });

  it('uses named name and type properties', () => {
    const data = {
      type: 'FeatureCollection',
      features: [place({ name: 'ignored', SCHOOL_NM: 'A school', kind: 'ES' })],
    };
    const { data: table } = readOrganizationsGeoJson(data, {
      source: 'named.geojson',
      name: 'school_nm',
      type: 'kind',
    });
    expect(table.name).toEqual(['A school']);
    expect(table.type).toEqual(['ES']);
  });

  it('detects org_name, school_nm, org_type and category', () => {
    const read = (properties: Record<string, unknown>) =>
      readOrganizationsGeoJson(
        { type: 'FeatureCollection', features: [place(properties)] },
        { source: 'x.geojson' },
      ).data;
    expect(read({ org_name: 'Org', org_type: 'nonprofit' })).toMatchObject({
      name: ['Org'],
      type: ['nonprofit'],
    });
    expect(read({ School_Nm: 'School', category: 'school' })).toMatchObject({
      name: ['School'],
      type: ['school'],
    });
  });

  it('throws E_NOT_FOUND for a named property that no feature has, E_INPUT for a non-collection', () => {
    expect(
      thrownBy(() =>
        readOrganizationsGeoJson(fixture('organizations.geojson'), {
          source: 'organizations.geojson',
          type: 'org_type',
        }),
      ).code,
    ).toBe('E_NOT_FOUND');
    expect(thrownBy(() => readOrganizationsGeoJson({}, { source: 'x.geojson' })).code).toBe(
      'E_INPUT',
    );
  });
});

describe('readOrganizationsGeoJson capacity', () => {
  const point = (properties: Record<string, unknown>) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [-87.6, 41.8] },
    properties,
  });

  it('reads a capacity column when present, unknown (NaN) with a warning when unusable', () => {
    const { data, warnings } = readOrganizationsGeoJson(
      {
        type: 'FeatureCollection',
        features: [
          point({ name: 'A', type: 'youth', capacity: 40 }),
          point({ name: 'B', type: 'youth', capacity: '25' }),
          point({ name: 'C', type: 'youth', capacity: 'lots' }),
          point({ name: 'D', type: 'youth' }),
        ],
      },
      { source: 'orgs.geojson' },
    );
    expect([...data.capacity!]).toEqual([40, 25, Number.NaN, Number.NaN]);
    expect(warnings.map((w) => [w.record, w.reason])).toEqual([[2, 'invalid-attribute']]);
  });

  it('has no capacity column when the file has none', () => {
    const { data } = readOrganizationsGeoJson(
      { type: 'FeatureCollection', features: [point({ name: 'A', type: 'school' })] },
      { source: 'orgs.geojson' },
    );
    expect(data.capacity).toBeUndefined();
  });

  it('rejects coordinates written as text, and reads no hexadecimal capacity', () => {
    const { data, rejections, warnings } = readOrganizationsGeoJson(
      {
        type: 'FeatureCollection',
        features: [
          {
            ...place({ name: 'A', type: 'school' }),
            geometry: { type: 'Point', coordinates: ['-87.6', '41.8'] },
          },
          place({ name: 'B', type: 'school', capacity: '0x10' }),
          place({ name: 'C', type: 'school', capacity: '16' }),
        ],
      },
      { source: 'orgs.geojson' },
    );
    expect(rejections.map((r) => [r.record, r.reason])).toEqual([[0, 'invalid-coordinates']]);
    expect(rejections[0].message).toContain('is text, not a number');
    expect([...data.capacity!]).toEqual([Number.NaN, 16]);
    expect(warnings.map((w) => [w.record, w.message])).toEqual([
      [1, 'capacity "0x10" is not a number ≥ 0; left unknown'],
    ]);
  });
});
