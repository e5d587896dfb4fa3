import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectPopulationAttribute } from '../../src/io/detectPopulationAttribute.js';
import { parseJson } from '../../src/io/parseJson.js';
import { readAreasGeoJson } from '../../src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../../src/io/readIncidentsCsv.js';
import { readIncidentsGeoJson } from '../../src/io/readIncidentsGeoJson.js';
import { readOrganizationsGeoJson } from '../../src/io/readOrganizations.js';

// Real City of Chicago data; expected values are those documented in /work/shared/data/SOURCES.md.
const dataDirectory = new URL('../../../../../shared/data/', import.meta.url);
const dataPath = (name: string) => fileURLToPath(new URL(name, dataDirectory));
const readGeoJson = (name: string) => parseJson(readFileSync(dataPath(name), 'utf8'), name);

function extent(values: Float64Array): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return [min, max];
}

// The documented bounding boxes are rounded to 6 decimals.
const ROUNDING = 1e-6;

describe('reading the Chicago reference data', () => {
  it('reads chicago_crimes_2018.csv from a Node stream: 156,385 rows, all accepted', async () => {
    const result = await readIncidentsCsv(createReadStream(dataPath('chicago_crimes_2018.csv')), {
      source: 'chicago_crimes_2018.csv',
    });
    const { data } = result;
    expect(result.read).toBe(156_385);
    expect(result.rejections).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(data.length).toBe(156_385);

    expect(data.categories.length).toBe(31);
    expect(data.categories).toContain('THEFT');
    expect(data.categories).toContain('BATTERY');
    const counts = new Map<string, number>();
    for (const index of data.category) {
      const name = data.categories[index];
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    expect(counts.get('THEFT')).toBe(37_291);
    expect(counts.get('BATTERY')).toBe(30_173);
    expect(counts.get('HOMICIDE')).toBe(342);

    const [firstTime, lastTime] = extent(data.time);
    expect(firstTime).toBe(Date.UTC(2018, 0, 1));
    expect(lastTime).toBeGreaterThanOrEqual(Date.UTC(2018, 7, 8, 23, 0));
    expect(lastTime).toBeLessThan(Date.UTC(2018, 7, 9));
    const perMonth = new Array<number>(8).fill(0);
    for (const time of data.time) perMonth[new Date(time).getUTCMonth()]++;
    expect(perMonth).toEqual([20_009, 17_033, 20_807, 20_639, 24_069, 23_438, 24_177, 6_213]);

    const [minLng, maxLng] = extent(data.lng);
    const [minLat, maxLat] = extent(data.lat);
    expect(minLng).toBeGreaterThanOrEqual(-87.934273 - ROUNDING);
    expect(maxLng).toBeLessThanOrEqual(-87.524529 + ROUNDING);
    expect(minLat).toBeGreaterThanOrEqual(41.6446 - ROUNDING);
    expect(maxLat).toBeLessThanOrEqual(42.022671 + ROUNDING);
    expect(minLng).toBeLessThan(-87.934273 + ROUNDING);
    expect(maxLat).toBeGreaterThan(42.022671 - ROUNDING);
    expect(data.record[0]).toBe(1);
    expect(data.record[data.length - 1]).toBe(156_385);
  });

  it('reads chicago_sdoh_tracts_2014.geojson: 791 tracts, population detected as Pop2014', () => {
    const tracts = readGeoJson('chicago_sdoh_tracts_2014.geojson');
    const first = (tracts as { features: { properties: Record<string, unknown> }[] }).features[0];
    const population = detectPopulationAttribute(first.properties);
    expect(population).toBe('Pop2014');
    const result = readAreasGeoJson(tracts, {
      source: 'chicago_sdoh_tracts_2014.geojson',
      attributes: [{ name: 'Pop2014', required: true }, { name: 'Pov14' }],
      idProperty: 'geoid10',
    });
    expect(result.read).toBe(791);
    expect(result.rejections).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.data.length).toBe(791);
    expect(extent(result.data.attributes.Pop2014)).toEqual([250, 17_582]);
    expect(new Set(result.data.ids).size).toBe(791);
    expect(result.data.ids[0]).toBe('17031842400');
  });

  it('reads chicago_crimes_2018_week_sample.geojson: 5,731 incidents of 2018-07-01..07', () => {
    const result = readIncidentsGeoJson(readGeoJson('chicago_crimes_2018_week_sample.geojson'), {
      source: 'week.geojson',
    });
    expect(result.read).toBe(5_731);
    expect(result.rejections).toEqual([]);
    const [firstTime, lastTime] = extent(result.data.time);
    expect(firstTime).toBeGreaterThanOrEqual(Date.UTC(2018, 6, 1));
    expect(lastTime).toBeLessThan(Date.UTC(2018, 6, 8));
  });

  it('reads chicago_carjackings_2020.geojson: 1,412 robberies of 2020', () => {
    const result = readIncidentsGeoJson(readGeoJson('chicago_carjackings_2020.geojson'), {
      source: 'carjackings.geojson',
    });
    expect(result.read).toBe(1_412);
    expect(result.rejections).toEqual([]);
    expect(result.data.categories).toEqual(['ROBBERY']);
    // SOURCES.md gives 16:15 as the first time, but the file's earliest record is at 05:15.
    expect(extent(result.data.time)).toEqual([
      Date.UTC(2020, 0, 1, 5, 15),
      Date.UTC(2020, 11, 31, 23, 0),
    ]);
  });

  it('reads the portal AM/PM dates of the carjackings (date_raw) as their ISO conversions', () => {
    const data = readGeoJson('chicago_carjackings_2020.geojson');
    const iso = readIncidentsGeoJson(data, { source: 'carjackings.geojson', date: 'date' });
    const portal = readIncidentsGeoJson(data, { source: 'carjackings.geojson', date: 'date_raw' });
    expect(portal.rejections).toEqual([]);
    expect([...portal.data.time]).toEqual([...iso.data.time]);
  });

  it('reads chicago_cps_schools_sy1920.geojson: 654 schools, named and typed', () => {
    const result = readOrganizationsGeoJson(readGeoJson('chicago_cps_schools_sy1920.geojson'), {
      source: 'schools.geojson',
    });
    expect(result.read).toBe(654);
    expect(result.rejections).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(new Set(result.data.type)).toEqual(new Set(['school']));
    expect(result.data.name).toContain('EPIC HS');
  });
});
