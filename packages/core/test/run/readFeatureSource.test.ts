import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parseConfig.js';
import type { InputSource } from '../../src/run/InputSource.js';
import { readFeatureSource } from '../../src/run/readFeatureSource.js';
import { readInputs } from '../../src/run/readInputs.js';

const demo = (name: string) =>
  readFileSync(new URL(`../../../../data/demo/${name}`, import.meta.url));

/** A Blob as the viewer's worker gives it to readInputs (packages/viewer/src/data/blobSource.ts). */
function blobSource(name: string, bytes: Uint8Array<ArrayBuffer>): InputSource {
  const blob = new Blob([bytes]);
  return {
    name,
    text: () => blob.text(),
    stream: () => blob.stream(),
    bytes: async () => ({
      byteLength: blob.size,
      slice: (start, end) => blob.slice(start, end).arrayBuffer(),
    }),
  };
}

describe('readFeatureSource', () => {
  it('reads a zipped shapefile given as a Blob, with the note naming its coordinate system', async () => {
    const { data, note } = await readFeatureSource(blobSource('tracts.zip', demo('tracts.zip')));
    expect((data as { features: unknown[] }).features).toHaveLength(150);
    expect(note).toMatch(
      /^tracts\.zip: shapefile reprojected from NAD_1983_StatePlane_Nebraska_FIPS_2600_Feet/,
    );
  });

  it('knows a zip by its bytes when the name does not say', async () => {
    const { note } = await readFeatureSource(blobSource('download', demo('tracts.zip')));
    expect(note).toMatch(/^download: shapefile reprojected/);
  });

  it('reads GeoJSON as before, with no note', async () => {
    const { data, note } = await readFeatureSource(
      blobSource('tracts.geojson', demo('tracts.geojson')),
    );
    expect((data as { type: string }).type).toBe('FeatureCollection');
    expect(note).toBeUndefined();
  });

  it('refuses a .shp without its .dbf beside it, naming both', async () => {
    const shp = unzipSync(demo('tracts.zip'))['tracts.shp'];
    await expect(readFeatureSource(blobSource('tracts.shp', shp))).rejects.toThrow(
      "tracts.shp: no tracts.dbf beside tracts.shp: a shapefile's attributes are in its .dbf",
    );
  });
});

describe('readInputs on a shapefile zip and Parquet (the viewer path)', () => {
  it('reads them as the CLI does, and returns the reprojection note', async () => {
    const config = parseConfig(
      { inputs: { incidents: { path: 'x' }, areas: { path: 'y', idProperty: 'tract_id' } } },
      'config',
    );
    const inputs = await readInputs(
      {
        incidents: blobSource('incidents.parquet', demo('incidents.parquet')),
        areas: blobSource('tracts.zip', demo('tracts.zip')),
      },
      config,
    );
    expect(inputs.incidents.read).toBe(50_261);
    expect(inputs.incidents.rejectedCount).toBe(11);
    expect(inputs.areas.data.ids.slice(0, 2)).toEqual(['T001', 'T002']);
    expect(inputs.config.population).toBe('population');
    expect(inputs.notes).toEqual([
      'tracts.zip: shapefile reprojected from NAD_1983_StatePlane_Nebraska_FIPS_2600_Feet (tracts.prj) to WGS84 longitude/latitude',
    ]);
  });

  it('refuses a zip as incidents, naming it (E_INPUT)', async () => {
    const config = parseConfig({}, 'config');
    const read = readInputs(
      {
        incidents: blobSource('incidents.zip', demo('tracts.zip')),
        areas: blobSource('tracts.zip', demo('tracts.zip')),
      },
      config,
    );
    await expect(read).rejects.toThrow(
      'incidents.zip: a zip or shapefile; incidents are read from CSV, GeoJSON or Parquet (unzip a zipped CSV first)',
    );
  });
});
