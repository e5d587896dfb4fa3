import { describe, expect, it } from 'vitest';
import { detectColumns } from '../../src/io/detectColumns.js';
import { thrownBy } from '../helpers/errors.js';

describe('detectColumns', () => {
  it('finds the columns of a Chicago portal export, ignoring case and spaces', () => {
    const header = [
      'ID',
      'Case Number',
      'Date',
      'Block',
      'IUCR',
      'Primary Type',
      'Description',
      'X Coordinate',
      'Y Coordinate',
      'Updated On',
      'Latitude',
      'Longitude',
      'Location',
    ];
    expect(detectColumns(header)).toEqual({ lat: 10, lng: 11, date: 2, category: 5, weight: -1 });
  });

  it('finds the columns of the hexreach Chicago 2018 file', () => {
    const header = [
      'id',
      'date',
      'primary_type',
      'description',
      'location_description',
      'block',
      'arrest',
      'domestic',
      'ward',
      'community_area',
      'latitude',
      'longitude',
    ];
    expect(detectColumns(header)).toEqual({ lat: 10, lng: 11, date: 1, category: 2, weight: -1 });
  });

  it('recognises the short coordinate names lat/lon/lng/long and y/x', () => {
    expect(detectColumns(['lat', 'lon'])).toMatchObject({ lat: 0, lng: 1 });
    expect(detectColumns(['LNG', 'LAT'])).toMatchObject({ lat: 1, lng: 0 });
    expect(detectColumns(['Long', 'Lat'])).toMatchObject({ lat: 1, lng: 0 });
    expect(detectColumns(['x', 'y', 'z'])).toMatchObject({ lat: 1, lng: 0 });
    expect(detectColumns(['POINT_X', 'POINT_Y'])).toMatchObject({ lat: 1, lng: 0 });
  });

  it('recognises qualified coordinate names (lat_wgs84, gps_latitude, Lat (WGS 84))', () => {
    expect(detectColumns(['lat_wgs84', 'lon_wgs84'])).toMatchObject({ lat: 0, lng: 1 });
    expect(detectColumns(['gps_longitude', 'gps_latitude'])).toMatchObject({ lat: 1, lng: 0 });
    expect(detectColumns(['Lat (WGS 84)', 'Lon (WGS 84)'])).toMatchObject({ lat: 0, lng: 1 });
    expect(detectColumns(['incident_lat', 'incident_lng'])).toMatchObject({ lat: 0, lng: 1 });
  });

  it('prefers latitude/longitude over y/x wherever they stand', () => {
    expect(detectColumns(['y', 'x', 'latitude', 'longitude'])).toMatchObject({ lat: 2, lng: 3 });
  });

  it('does not take State Plane X/Y Coordinate, a combined lat_long or long_description', () => {
    const error = thrownBy(() =>
      detectColumns(['X Coordinate', 'Y Coordinate', 'lat_long', 'long_description']),
    );
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toContain('X Coordinate, Y Coordinate, lat_long, long_description');
  });

  it('takes the first date name in order of preference', () => {
    expect(detectColumns(['lat', 'lon', 'reported_date', 'date']).date).toBe(3);
    expect(detectColumns(['lat', 'lon', 'reported_date', 'incident_date']).date).toBe(3);
    expect(detectColumns(['lat', 'lon', 'Occurred On']).date).toBe(2);
    expect(detectColumns(['lat', 'lon', 'DATE OCC', 'Date Rptd']).date).toBe(2);
    expect(detectColumns(['lat', 'lon', 'datetime']).date).toBe(2);
    expect(detectColumns(['lat', 'lon', 'time']).date).toBe(-1);
  });

  it('takes the first category name in order of preference', () => {
    expect(detectColumns(['lat', 'lon', 'type', 'primary_type']).category).toBe(3);
    expect(detectColumns(['lat', 'lon', 'Offense']).category).toBe(2);
    expect(detectColumns(['lat', 'lon', 'offence']).category).toBe(2);
    expect(detectColumns(['lat', 'lon', 'UCR_CATEGORY']).category).toBe(2);
    expect(detectColumns(['lat', 'lon', 'crime_type']).category).toBe(2);
    expect(detectColumns(['lat', 'lon', 'description']).category).toBe(-1);
  });

  it('uses a weight column only when it is named', () => {
    expect(detectColumns(['lat', 'lon', 'weight']).weight).toBe(-1);
    expect(detectColumns(['lat', 'lon', 'count'], { weight: 'count' }).weight).toBe(2);
  });

  it('lets named columns win over detected ones, matched exactly or ignoring case', () => {
    const header = ['latitude', 'longitude', 'gy', 'gx', 'date', 'when', 'type', 'Class'];
    expect(
      detectColumns(header, { lat: 'gy', lng: 'GX', date: 'when', category: 'class' }),
    ).toEqual({ lat: 2, lng: 3, date: 5, category: 7, weight: -1 });
  });

  it('throws E_NOT_FOUND naming a named column that does not exist and listing the header', () => {
    const error = thrownBy(() =>
      detectColumns(['lat', 'lon', 'date'], { date: 'occurred', source: 'x.csv' }),
    );
    expect(error.code).toBe('E_NOT_FOUND');
    expect(error.value).toBe('occurred');
    expect(error.message).toContain('x.csv');
    expect(error.message).toContain('"occurred"');
    expect(error.message).toContain('lat, lon, date');
  });

  it('throws E_INPUT listing the header when no coordinate column is found', () => {
    const error = thrownBy(() => detectColumns(['a', 'b', 'c'], { source: 'x.csv' }));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toContain(
      'none of the expected coordinate columns (latitude/longitude, lat/lon/lng, y/x) found; the file has: a, b, c',
    );
  });

  it('throws E_INPUT when only one of latitude and longitude is found', () => {
    expect(thrownBy(() => detectColumns(['latitude', 'b'])).code).toBe('E_INPUT');
    expect(thrownBy(() => detectColumns(['a', 'lng'])).code).toBe('E_INPUT');
  });

  it('does not require coordinates for GeoJSON properties', () => {
    expect(detectColumns(['date', 'primary_type'], { requireCoordinates: false })).toEqual({
      lat: -1,
      lng: -1,
      date: 0,
      category: 1,
      weight: -1,
    });
  });
});
