import { describe, expect, it } from 'vitest';
import { formatFromName } from '../../src/io/formatFromName.js';

describe('formatFromName', () => {
  it('names the format from the extension, in either case', () => {
    expect(formatFromName('data/incidents.csv')).toBe('csv');
    expect(formatFromName('tracts.GeoJSON')).toBe('geojson');
    expect(formatFromName('config.json')).toBe('geojson');
    expect(formatFromName('incidents.parquet')).toBe('parquet');
    expect(formatFromName('tracts.geoparquet')).toBe('parquet');
    expect(formatFromName('C:\\data\\tracts.ZIP')).toBe('shapefile');
    expect(formatFromName('tl_2023_17_tract.shp')).toBe('shapefile');
  });

  it('gives undefined for another extension, or a hidden file named only by one', () => {
    expect(formatFromName('incidents.dat')).toBeUndefined();
    expect(formatFromName('incidents')).toBeUndefined();
    expect(formatFromName('data/.json')).toBeUndefined();
  });
});
