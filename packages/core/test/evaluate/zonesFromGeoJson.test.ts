import { describe, expect, it } from 'vitest';
import { zonesFromGeoJson } from '../../src/evaluate/zonesFromGeoJson.js';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { cellsToMultiPolygonCoordinates, gridDisk, lngLatToCell } from '../../src/hex/h3.js';

const centre = lngLatToCell(-87.65, 41.85, 9);
const grid = gridFromCells(gridDisk(centre, 6));
const zoneCells = gridDisk(centre, 1);
const feature = (properties: Record<string, unknown>, cells = zoneCells) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'MultiPolygon', coordinates: cellsToMultiPolygonCoordinates(cells) },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('zonesFromGeoJson', () => {
  it('takes id, name, start and end from the properties and the cells whose centres are inside', () => {
    const [zone] = zonesFromGeoJson(
      collection(feature({ id: 'Z07', name: 'Harbor', start: '2019-01-01', end: '2019-12-31' })),
      'zones.geojson',
      grid,
    );
    expect(zone).toMatchObject({
      id: 'Z07',
      name: 'Harbor',
      start: Date.UTC(2019, 0, 1),
      end: Date.UTC(2019, 11, 31),
    });
    expect(
      Array.from(zone.cells)
        .map((c) => grid.cells[c])
        .sort(),
    ).toEqual([...zoneCells].sort());
  });

  it('numbers zones without an id and takes the default start', () => {
    const zones = zonesFromGeoJson(collection(feature({})), 'z.geojson', grid, { start: 5 });
    expect(zones[0]).toMatchObject({ id: 'Z01', name: '', start: 5 });
  });

  it('names the file and feature of each problem', () => {
    const read =
      (...features: unknown[]) =>
      () =>
        zonesFromGeoJson(collection(...features), 'z.geojson', grid);
    expect(read(feature({}))).toThrow(/z\.geojson: feature 0: no start date/);
    expect(read(feature({ start: 'soon' }))).toThrow(
      /feature 0: "start" "soon" is not an ISO 8601 date/,
    );
    expect(read(feature({ start: '2019-02-01', end: '2019-01-01' }))).toThrow(
      /feature 0: its end is not after its start/,
    );
    expect(
      read(feature({ id: 'A', start: '2019-01-01' }), feature({ id: 'A', start: '2019-01-01' })),
    ).toThrow(/feature 1: the id "A" is used by an earlier feature/);
    const far = gridDisk(lngLatToCell(-80, 30, 9), 1);
    expect(read(feature({ start: '2019-01-01' }, far))).toThrow(/feature 0: no analysis cell/);
    expect(
      read({
        type: 'Feature',
        properties: { start: '2019-01-01' },
        geometry: { type: 'Point', coordinates: [0, 0] },
      }),
    ).toThrow(/feature 0: the geometry is "Point"/);
    expect(() => zonesFromGeoJson({ type: 'Feature' }, 'z.geojson', grid)).toThrow(
      /not a GeoJSON FeatureCollection/,
    );
  });
});
