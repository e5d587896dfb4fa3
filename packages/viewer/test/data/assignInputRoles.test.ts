import { HexreachError } from '@hexreach/core';
import { describe, expect, it } from 'vitest';
import { assignInputRoles } from '../../src/data/assignInputRoles.js';

const picked = (name: string, text = '{}') => ({
  file: new File([text], name),
  path: `demo/${name}`,
});

async function errorOf(run: Promise<unknown>): Promise<HexreachError> {
  try {
    await run;
  } catch (error) {
    expect(error).toBeInstanceOf(HexreachError);
    return error as HexreachError;
  }
  return expect.unreachable('expected a HexreachError');
}

describe('assignInputRoles', () => {
  it('tells incidents, areas and organizations apart by their names', async () => {
    const inputs = await assignInputRoles([
      picked('tracts.geojson'),
      picked('organizations.geojson'),
      picked('incidents.csv', 'a,b'),
      picked('surveys.csv', 'c'),
    ]);
    expect(inputs.incidents.name).toBe('incidents.csv');
    expect(inputs.areas.name).toBe('tracts.geojson');
    expect(inputs.organizations?.name).toBe('organizations.geojson');
    expect(inputs.surveys?.name).toBe('surveys.csv');
    expect(inputs.config).toBeUndefined();
  });

  it('takes a zipped shapefile for the areas and Parquet for the incidents', async () => {
    const inputs = await assignInputRoles([
      picked('tl_2023_31_tract.zip'),
      picked('partners.zip'),
      picked('incidents.parquet'),
    ]);
    expect(inputs.incidents.name).toBe('incidents.parquet');
    expect(inputs.areas.name).toBe('tl_2023_31_tract.zip');
    expect(inputs.organizations?.name).toBe('partners.zip');
  });

  it('takes a Parquet named like tracts for the areas, not the incidents', async () => {
    const inputs = await assignInputRoles([picked('tracts.parquet'), picked('crimes.csv', 'a')]);
    expect(inputs.incidents.name).toBe('crimes.csv');
    expect(inputs.areas.name).toBe('tracts.parquet');
  });

  it('takes a GeoJSON named like community areas or wards as the places naming the zones', async () => {
    const inputs = await assignInputRoles([
      picked('tracts.geojson'),
      picked('community_areas.geojson'),
      picked('incidents.csv', 'a,b'),
    ]);
    expect(inputs.areas.name).toBe('tracts.geojson');
    expect(inputs.places?.name).toBe('community_areas.geojson');
  });

  it('takes the places a configuration names, and never the areas it names', async () => {
    const config = JSON.stringify({
      inputs: { areas: { path: 'wards.geojson' } },
      places: { path: 'x/nbhd.geojson' },
    });
    const inputs = await assignInputRoles([
      picked('hexreach.config.json', config),
      picked('wards.geojson'),
      picked('nbhd.geojson'),
      picked('incidents.csv', 'a,b'),
    ]);
    expect(inputs.areas.name).toBe('wards.geojson');
    expect(inputs.places?.name).toBe('nbhd.geojson');
  });

  it('follows the input paths of a configuration, whatever the files are called', async () => {
    const config = JSON.stringify({
      inputs: {
        incidents: { path: '../raw/calls-2024.geojson' },
        areas: { path: 'polys.geojson' },
        organizations: { path: 'x/partners-list.geojson' },
      },
      resolution: 8,
    });
    const inputs = await assignInputRoles([
      picked('polys.geojson'),
      picked('calls-2024.geojson'),
      picked('partners-list.geojson'),
      picked('hexreach.config.json', config),
    ]);
    expect(inputs.incidents.name).toBe('calls-2024.geojson');
    expect(inputs.areas.name).toBe('polys.geojson');
    expect(inputs.organizations?.name).toBe('partners-list.geojson');
    expect(inputs.config).toEqual({ name: 'hexreach.config.json', value: JSON.parse(config) });
  });

  it('sets apart the zones and engagement log an evaluation section names', async () => {
    // As examples/evaluate.config.json: the engagement log is the only other CSV but incidents.
    const config = JSON.stringify({
      inputs: { incidents: { path: 'x/incidents.csv' }, surveys: { path: 'x/surveys.csv' } },
      evaluation: { zones: '../data/zones.geojson', engagement: { path: 'engagement.csv' } },
    });
    const inputs = await assignInputRoles([
      picked('zones.geojson'),
      picked('tracts.geojson'),
      picked('engagement.csv', 'date'),
      picked('incidents.csv', 'a,b'),
      picked('surveys.csv', 'c'),
      picked('evaluate.config.json', config),
    ]);
    expect(inputs.zones?.name).toBe('zones.geojson');
    expect(inputs.engagement?.name).toBe('engagement.csv');
    expect(inputs.areas.name).toBe('tracts.geojson');
    expect(inputs.incidents.name).toBe('incidents.csv');
    expect(inputs.surveys?.name).toBe('surveys.csv');
  });

  it('does not evaluate without an evaluation section', async () => {
    const inputs = await assignInputRoles([
      picked('tracts.geojson'),
      picked('incidents.csv', 'a,b'),
    ]);
    expect(inputs.zones).toBeUndefined();
    expect(inputs.engagement).toBeUndefined();
  });

  it('names what is missing', async () => {
    expect((await errorOf(assignInputRoles([picked('tracts.geojson')]))).message).toMatch(
      /no incident file found/,
    );
    expect((await errorOf(assignInputRoles([picked('incidents.csv')]))).message).toMatch(
      /no area file found/,
    );
  });

  it('reports a configuration that is not JSON with its line and column', async () => {
    const error = await errorOf(
      assignInputRoles([
        picked('incidents.csv'),
        picked('tracts.geojson'),
        picked('hexreach.config.json', '{\n  "a": }'),
      ]),
    );
    expect(error.message).toMatch(/^hexreach\.config\.json: invalid JSON at line 2/);
  });
});
