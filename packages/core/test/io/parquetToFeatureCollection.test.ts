import { describe, expect, it } from 'vitest';
import { parquetToFeatureCollection } from '../../src/io/parquetToFeatureCollection.js';
import { readAreasGeoJson } from '../../src/io/readAreasGeoJson.js';
import { readOrganizationsGeoJson } from '../../src/io/readOrganizations.js';
import { geoMetadata, parquetBytes, wkbPolygon } from './parquetFixtures.js';

const square = (x: number): [number, number][] => [
  [x, 41.8],
  [x + 0.01, 41.8],
  [x + 0.01, 41.81],
  [x, 41.81],
  [x, 41.8],
];

describe('parquetToFeatureCollection', () => {
  it('reads GeoParquet polygons with their columns as properties, row i as feature i', async () => {
    const file = parquetBytes(
      [
        { name: 'GEOID', data: ['17031010100', '17031010201'], type: 'STRING' },
        { name: 'E_TOTPOP', data: [4000n, -999n], type: 'INT64' },
        {
          name: 'geometry',
          data: [wkbPolygon(square(-87.7)), wkbPolygon(square(-87.69))],
          type: 'BYTE_ARRAY',
        },
      ],
      { geo: geoMetadata() },
    );
    const collection = await parquetToFeatureCollection(file, 'tracts.parquet');
    expect(collection.features.map((f) => f.properties)).toEqual([
      { GEOID: '17031010100', E_TOTPOP: 4000 },
      { GEOID: '17031010201', E_TOTPOP: -999 },
    ]);
    expect(collection.features[0].geometry).toEqual({
      type: 'Polygon',
      coordinates: [square(-87.7)],
    });
    const areas = readAreasGeoJson(collection, {
      source: 'tracts.parquet',
      attributes: [{ name: 'E_TOTPOP', required: true }],
      idProperty: 'GEOID',
    });
    expect(areas.data.ids).toEqual(['17031010100', '17031010201']);
  });

  it('makes points from longitude/latitude columns when there is no geometry column', async () => {
    const file = parquetBytes([
      { name: 'name', data: ['Library', 'Youth club'], type: 'STRING' },
      { name: 'type', data: ['library', 'youth'], type: 'STRING' },
      { name: 'lat', data: [41.8, 41.81], type: 'DOUBLE' },
      { name: 'lon', data: [-87.6, -87.61], type: 'DOUBLE' },
    ]);
    const collection = await parquetToFeatureCollection(file, 'organizations.parquet');
    expect(collection.features[1].geometry).toEqual({
      type: 'Point',
      coordinates: [-87.61, 41.81],
    });
    const organizations = readOrganizationsGeoJson(collection, { source: 'organizations.parquet' });
    expect(organizations.data.name).toEqual(['Library', 'Youth club']);
  });

  it('refuses a file with neither a geometry nor coordinate columns, listing its columns', async () => {
    const file = parquetBytes([{ name: 'GEOID', data: ['1'], type: 'STRING' }]);
    await expect(parquetToFeatureCollection(file, 'tracts.parquet')).rejects.toThrow(
      'tracts.parquet: no geometry column (GeoParquet, WKB) and no longitude/latitude columns among GEOID',
    );
  });
});
