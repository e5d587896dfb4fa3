import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featuresToShapefileZip } from '../../../../data/demoCity/shapefile.js';
import { NEBRASKA_FEET_PRJ, toNebraskaFeet } from '../../../../data/demoCity/statePlane.js';
import { readAreasGeoJson } from '../../src/io/readAreasGeoJson.js';
import { readOrganizationsGeoJson } from '../../src/io/readOrganizations.js';
import {
  type ShapefileParts,
  shapefileToFeatureCollection,
} from '../../src/io/shapefileToFeatureCollection.js';
import { thrownBy } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

const demo = (name: string) => new URL(`../../../../data/demo/${name}`, import.meta.url);
const names = { shp: 'tracts.shp', dbf: 'tracts.dbf', prj: 'tracts.prj', cpg: 'tracts.cpg' };
const decode = (bytes: Uint8Array | undefined) =>
  bytes === undefined ? undefined : new TextDecoder().decode(bytes);

/** The parts of a shapefile zip, as `shapefilePartsOf` gives them. */
function partsOf(zip: Uint8Array, source = 'tracts.zip'): ShapefileParts {
  const entries = unzipSync(zip);
  return {
    source,
    shp: entries['tracts.shp'],
    dbf: entries['tracts.dbf'],
    prj: decode(entries['tracts.prj']),
    cpg: decode(entries['tracts.cpg']),
    names,
  };
}

/** Unit squares near the demo city with a name and a population, as a state-plane shapefile. */
function squares(properties: readonly Record<string, string | number | null>[]): ShapefileParts {
  const features: Feature<Polygon>[] = properties.map((p, i) => {
    const [x, y] = [-101.4 + 0.01 * i, 42.39];
    const ring: Position[] = [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y + 0.01],
      [x, y],
    ];
    return { type: 'Feature', properties: p, geometry: { type: 'Polygon', coordinates: [ring] } };
  });
  const fields = Object.keys(properties[0]).map((name) => ({ name, property: name }));
  return partsOf(
    featuresToShapefileZip(features, {
      name: 'tracts',
      fields,
      prj: NEBRASKA_FEET_PRJ,
      project: toNebraskaFeet,
    }),
  );
}

/**
 * A point shapefile's .shp written by hand, `null` a null shape (a record with no geometry, as
 * a failed geocode leaves it), with a .dbf of the same records taken from a polygon shapefile.
 */
function points(positions: readonly ([number, number] | null)[]): Uint8Array {
  const records = positions.map((p) => (p === null ? 4 : 20));
  const bytes = new Uint8Array(100 + records.reduce((n, length) => n + 8 + length, 0));
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 9994);
  view.setInt32(24, bytes.length / 2);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 1, true); // points
  [-87.7, 41.8, -87.6, 41.9].forEach((v, i) => {
    view.setFloat64(36 + 8 * i, v, true);
  });
  let offset = 100;
  positions.forEach((p, i) => {
    view.setInt32(offset, i + 1);
    view.setInt32(offset + 4, records[i] / 2);
    view.setInt32(offset + 8, p === null ? 0 : 1, true);
    if (p !== null) {
      view.setFloat64(offset + 12, p[0], true);
      view.setFloat64(offset + 20, p[1], true);
    }
    offset += 8 + records[i];
  });
  return bytes;
}

describe('shapefileToFeatureCollection', () => {
  it('reads points for the organizations; a null shape is a feature the reader rejects by index', () => {
    const table = squares([
      { name: 'Library', type: 'library' },
      { name: 'Lost', type: 'school' },
      { name: 'Youth club', type: 'youth' },
    ]);
    const { collection } = shapefileToFeatureCollection({
      ...table,
      shp: points([[-87.65, 41.85], null, [-87.61, 41.81]]),
      prj: undefined,
    });
    expect(collection.features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [-87.65, 41.85] },
      null,
      { type: 'Point', coordinates: [-87.61, 41.81] },
    ]);
    const organizations = readOrganizationsGeoJson(collection, { source: 'partners.zip' });
    expect(organizations.data.name).toEqual(['Library', 'Youth club']);
    expect(organizations.read).toBe(3);
    expect(organizations.rejections.map((r) => [r.source, r.recordKind, r.record])).toEqual([
      ['partners.zip', 'feature', 1],
    ]);
  });

  it('reads the demo tracts from state-plane feet to within 1e-9° of tracts.geojson', () => {
    const { collection, crs, note } = shapefileToFeatureCollection(
      partsOf(readFileSync(demo('tracts.zip'))),
    );
    const geojson = JSON.parse(readFileSync(demo('tracts.geojson'), 'utf8')) as FeatureCollection<
      Polygon | MultiPolygon
    >;
    expect(crs).toBe('NAD_1983_StatePlane_Nebraska_FIPS_2600_Feet');
    expect(note).toBe(
      'tracts.zip: shapefile reprojected from NAD_1983_StatePlane_Nebraska_FIPS_2600_Feet (tracts.prj) to WGS84 longitude/latitude',
    );
    expect(collection.features).toHaveLength(geojson.features.length);
    geojson.features.forEach((expected, i) => {
      const actual = collection.features[i];
      expect(actual.properties?.tract_id).toBe(expected.properties?.tract_id);
      expect(actual.properties?.med_income).toBe(expected.properties?.median_income);
      const rings = (g: unknown): Position[] => {
        const geometry = g as Polygon | MultiPolygon;
        return geometry.type === 'Polygon'
          ? geometry.coordinates.flat()
          : geometry.coordinates.flat(2);
      };
      expect(actual.geometry?.type).toBe(expected.geometry.type);
      const got = rings(actual.geometry);
      const want = rings(expected.geometry);
      expect(got).toHaveLength(want.length);
      want.forEach((p, k) => {
        expectClose(got[k][0], p[0], 1e-9, `feature ${i} lng ${k}`);
        expectClose(got[k][1], p[1], 1e-9, `feature ${i} lat ${k}`);
      });
    });
  });

  it('reads a blank number as null (missing), not NaN', () => {
    const { collection } = shapefileToFeatureCollection(
      squares([
        { name: 'A', population: 10 },
        { name: 'B', population: null },
      ]),
    );
    expect(collection.features.map((f) => f.properties?.population)).toEqual([10, null]);
    const areas = readAreasGeoJson(collection, {
      source: 'tracts.zip',
      attributes: [{ name: 'population', required: true }],
    });
    // The existing reader rejects the record, naming it by its index.
    expect(areas.rejections.map((r) => [r.recordKind, r.record, r.reason])).toEqual([
      ['feature', 1, 'missing-attribute'],
    ]);
  });

  it('decodes the .dbf with the encoding the .cpg names', () => {
    const parts = squares([{ name: 'Cafe', population: 1 }]);
    const dbf = parts.dbf!.slice();
    dbf[dbf.indexOf(0x65, dbf.indexOf(0x43, 40))] = 0xe9; // the e of "Cafe", é in windows-1252
    const { collection } = shapefileToFeatureCollection({ ...parts, dbf, cpg: '1252' });
    expect(collection.features[0].properties?.name).toBe('Café');
  });

  it('refuses a .dbf of another record count, naming both files', () => {
    const two = squares([
      { name: 'A', population: 1 },
      { name: 'B', population: 2 },
    ]);
    const one = squares([{ name: 'A', population: 1 }]);
    const error = thrownBy(() => shapefileToFeatureCollection({ ...two, dbf: one.dbf }));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toBe(
      'tracts.zip: tracts.dbf holds 1 records but tracts.shp 2: the files are not of one shapefile',
    );
  });

  it('refuses a record of another shape type, naming the record', () => {
    const parts = squares([
      { name: 'A', population: 1 },
      { name: 'B', population: 2 },
    ]);
    const shp = parts.shp.slice();
    const second = 100 + 8 + new DataView(shp.buffer).getInt32(104) * 2;
    new DataView(shp.buffer).setInt32(second + 8, 1, true); // a point in a polygon file
    const error = thrownBy(() => shapefileToFeatureCollection({ ...parts, shp }));
    expect(error.message).toBe(
      'tracts.zip: tracts.shp: record 1 (feature 1): shape type 1 in a file of shape type 5',
    );
  });

  it('refuses a file that is not a .shp, and projected coordinates without a .prj', () => {
    const parts = squares([{ name: 'A', population: 1 }]);
    const notShp = thrownBy(() =>
      shapefileToFeatureCollection({
        ...parts,
        shp: new TextEncoder().encode('id,lat,lng\n'.repeat(20)),
      }),
    );
    expect(notShp.message).toMatch(/^tracts\.zip: tracts\.shp: not a shapefile/);
    const noPrj = thrownBy(() => shapefileToFeatureCollection({ ...parts, prj: undefined }));
    expect(noPrj.message).toMatch(
      /^tracts\.zip: no tracts\.prj and the coordinates .* are not longitude\/latitude degrees/,
    );
  });

  it('takes coordinates without a .prj as degrees when they are, and says so', () => {
    const features: Feature<Polygon>[] = [
      {
        type: 'Feature',
        properties: { population: 5 },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 1],
              [0, 0],
            ],
          ],
        },
      },
    ];
    const zip = featuresToShapefileZip(features, {
      name: 'tracts',
      fields: [{ name: 'population', property: 'population' }],
      prj: '',
      project: (p) => p,
    });
    const { collection, crs, note } = shapefileToFeatureCollection({
      ...partsOf(zip),
      prj: undefined,
    });
    expect(crs).toBeUndefined();
    expect(note).toBe(
      'tracts.zip: shapefile without a .prj; coordinates read as WGS84 longitude/latitude',
    );
    // Wound as RFC 7946 has it: the exterior counter-clockwise again.
    expect((collection.features[0].geometry as Polygon).coordinates[0]).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });
});
