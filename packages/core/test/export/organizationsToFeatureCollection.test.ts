import { describe, expect, it } from 'vitest';
import { organizationsToFeatureCollection } from '../../src/export/organizationsToFeatureCollection.js';
import { readOrganizationsGeoJson } from '../../src/io/readOrganizations.js';
import { thrownBy } from '../helpers/errors.js';

const input = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-87.623456789, 41.881234567] },
      properties: { name: 'Eastside Youth Club', type: 'youth', capacity: 40, phone: '555' },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-87.6, 41.9] },
      properties: { name: 'St. Mark', type: 'faith-based' },
    },
  ],
};

describe('organizationsToFeatureCollection', () => {
  it('writes each organization read as a Point with its name, type and capacity, rounded', () => {
    const { data } = readOrganizationsGeoJson(input, { source: 'organizations.geojson' });
    expect(organizationsToFeatureCollection(data, { precision: 5 })).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [-87.62346, 41.88123] },
          properties: { name: 'Eastside Youth Club', type: 'youth', capacity: 40 },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [-87.6, 41.9] },
          properties: { name: 'St. Mark', type: 'faith-based' },
        },
      ],
    });
  });

  it('reads back as the same organizations', () => {
    const { data } = readOrganizationsGeoJson(input, { source: 'organizations.geojson' });
    const again = readOrganizationsGeoJson(organizationsToFeatureCollection(data), {
      source: 'out/organizations.geojson',
    }).data;
    expect(again.name).toEqual(data.name);
    expect(again.type).toEqual(data.type);
    expect([...(again.capacity ?? [])]).toEqual([...(data.capacity ?? [])]);
  });

  it('refuses a precision that is not an integer 0…15', () => {
    const { data } = readOrganizationsGeoJson(input, { source: 'organizations.geojson' });
    const error = thrownBy(() => organizationsToFeatureCollection(data, { precision: 16 }));
    expect(error.code).toBe('E_ARGUMENT');
    expect(error.value).toBe(16);
  });
});
