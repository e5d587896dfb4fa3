/**
 * Using @hexreach/core from a Node program: read the demo city, analyse it, print the top zones.
 * Run: npx tsx examples/analyzeDemo.ts
 */
import { createReadStream, readFileSync } from 'node:fs';
import { analyze, readAreasGeoJson, readIncidentsCsv } from '@hexreach/core';

const data = new URL('../data/demo/', import.meta.url);

// Incidents: CSV streamed from disk; coordinate, date and category columns are detected.
const incidents = await readIncidentsCsv(createReadStream(new URL('incidents.csv', data), 'utf8'), {
  source: 'incidents.csv',
});
console.log(`incidents: ${incidents.read} read, ${incidents.rejections.length} rejected`);

// Areas: the tract polygons with the attributes the analysis uses.
const areas = readAreasGeoJson(JSON.parse(readFileSync(new URL('tracts.geojson', data), 'utf8')), {
  source: 'tracts.geojson',
  attributes: [
    { name: 'population', required: true },
    { name: 'poverty_rate' },
    { name: 'median_income' },
  ],
});

const result = analyze(
  { incidents: incidents.data, areas: areas.data },
  {
    resolution: 9,
    population: 'population',
    indicators: [
      { name: 'poverty_rate', direction: 'higher' },
      { name: 'median_income', direction: 'lower' },
    ],
    zones: { topN: 60, minCells: 3 },
  },
);

console.log(`cells: ${result.grid.cells.length} at resolution ${result.grid.resolution}`);
for (const zone of result.zones.slice(0, 3)) {
  console.log(
    `${zone.id}: ${zone.cellCount} cells, ${Math.round(zone.population)} residents, ${zone.incidents} incidents, mean score ${zone.meanScore.toFixed(3)}`,
  );
}
