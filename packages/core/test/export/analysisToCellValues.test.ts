import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parseConfig.js';
import { analysisToCells } from '../../src/export/analysisToCells.js';
import { analysisToCellValues } from '../../src/export/analysisToCellValues.js';
import { readAreasGeoJson } from '../../src/io/readAreasGeoJson.js';
import { readIncidentsGeoJson } from '../../src/io/readIncidentsGeoJson.js';
import type { AnalysisResult } from '../../src/pipeline/analysisResult.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { once } from '../helpers/once.js';

const demo = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../../data/demo/${name}`, import.meta.url)), 'utf8');

describe('analysisToCellValues', () => {
  const small = once((): AnalysisResult => {
    // A small public run: incidents as GeoJSON points built from the demo CSV's first rows.
    const rows = demo('incidents.csv').trim().split('\n').slice(1, 4001);
    const header = demo('incidents.csv').split('\n')[0].split(',');
    const [lat, lng] = [header.indexOf('latitude'), header.indexOf('longitude')];
    const features = rows.flatMap((row) => {
      const f = row.split(',');
      const x = Number(f[lng]);
      const y = Number(f[lat]);
      return Number.isFinite(x) && Number.isFinite(y) && x !== 0
        ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties: {} }]
        : [];
    });
    const incidents = readIncidentsGeoJson(
      { type: 'FeatureCollection', features },
      { source: 'x' },
    );
    const areas = readAreasGeoJson(JSON.parse(demo('tracts.geojson')), {
      source: 'tracts.geojson',
      attributes: [{ name: 'population' }],
    });
    return analyze(
      { incidents: incidents.data, areas: areas.data },
      parseConfig({ resolution: 8, population: 'population', privacy: { public: true } }, 'c'),
    );
  });

  it("gives the chosen columns exactly as cells.geojson holds them (rounded, null, '<k')", async () => {
    const result = await small();
    const cells = analysisToCells(result);
    const chosen = (name: string) => /^(score|score_.+|zone|incidents|rate_per_\d+)$/.test(name);
    const values = analysisToCellValues(result, chosen);
    const names = Object.keys(cells.features[0].properties ?? {}).filter(chosen);
    expect(Object.keys(values).sort()).toEqual(names.sort());
    for (const name of names) {
      expect(values[name], name).toEqual(cells.features.map((f) => f.properties?.[name]));
    }
    expect(values.incidents).toContain('<5');
  });
});
