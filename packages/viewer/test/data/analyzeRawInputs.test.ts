import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  analysisToZones,
  createScorer,
  HexreachError,
  isWeightDependentColumn,
} from '@hexreach/core';
import { analysisToCellValues } from '@hexreach/core/export';
import { lngLatToCell } from '@hexreach/core/grid';
import { describe, expect, it } from 'vitest';
import { demoRunDir } from '../../../../tests/helpers.js';
import { once } from '../../../core/test/helpers/once.js';
import { analyzeParsedInputs, runParsedInputs } from '../../src/data/analyzeRawInputs.js';
import { readRawInputs } from '../../src/data/readRawInputs.js';
import { reportHtmlOf } from '../../src/data/reportHtmlOf.js';
import { rescoreUpdateOf, scoresAndZonesOf } from '../../src/data/rescoreInWorker.js';
import { outputCells } from '../helpers/outputCells.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const demo = (name: string) => ({
  name,
  data: new Blob([readFileSync(join(root, 'data/demo', name))]),
});
type Cells = { features: { geometry: unknown; properties: Record<string, unknown> }[] };

describe('readRawInputs and analyzeParsedInputs (the analysis worker’s pipeline)', () => {
  /** The worker's pipeline on the demo city's files with the example configuration. */
  const pipeline = once(async () => {
    const steps: string[] = [];
    const config = JSON.parse(readFileSync(join(root, 'examples/hexreach.config.json'), 'utf8'));
    const parsed = await readRawInputs(
      {
        incidents: demo('incidents.csv'),
        areas: demo('tracts.geojson'),
        organizations: demo('organizations.geojson'),
        surveys: demo('surveys.csv'),
        config: { name: 'hexreach.config.json', value: config },
      },
      (label) => steps.push(label),
    );
    // `result` is the analysis behind `outputs`, as the worker keeps it to re-score it.
    const { outputs, result } = runParsedInputs(parsed, undefined, (label) => steps.push(label));
    return { parsed, outputs, result, steps };
  });
  /** A file of the CLI's run of the same inputs and configuration (tests/globalSetup.ts). */
  const cliFile = (name: string) => readFileSync(join(demoRunDir('private'), name), 'utf8');

  it('gives the same cells and values as the CLI on the demo city, in a cells.bin', async () => {
    const { outputs } = await pipeline();
    const cells = outputCells(outputs);
    const cli = JSON.parse(cliFile('cells.geojson')) as Cells;
    // Every property of every cell exactly as the CLI's cells.geojson holds it, in its order;
    // the page rebuilds the polygons from the H3 indexes.
    expect(cells.length).toBe(cli.features.length);
    for (let i = 0; i < cells.length; i++) {
      expect(Object.entries(cells[i].properties), `cell ${i}`).toEqual(
        Object.entries(cli.features[i].properties),
      );
    }
  });

  it("gives the CLI's zones and space-time view, and writes a report of the zones when asked", async () => {
    const { parsed, outputs, result } = await pipeline();
    const zones = JSON.parse(outputs.zonesText) as { features: { properties: { id: string } }[] };
    expect(zones).toEqual(JSON.parse(cliFile('zones.geojson')));
    expect(outputs.spaceTimeText).toBe(cliFile('spacetime.json'));
    const report = reportHtmlOf(parsed, result);
    expect(report.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const zone of zones.features) expect(report).toContain(zone.properties.id);
  });

  it('reports its steps, including incident rows as they are read', async () => {
    const { steps } = await pipeline();
    expect(steps[0]).toBe('Reading incidents.csv');
    expect(steps.some((s) => /^Reading incidents\.csv: [\d,]+ rows$/.test(s))).toBe(true);
    expect(steps).toContain('Reading tracts.geojson');
    expect(steps.at(-1)).toBe('Writing the results');
  });

  it('re-scores with other weights without reading the files again', async () => {
    const { parsed, outputs } = await pipeline();
    const names = Object.keys(parsed.config.priority.weights);
    expect(names).toEqual(expect.arrayContaining(['hotspot', 'crimeRate', 'need']));
    const weights = Object.fromEntries(names.map((n) => [n, n === 'hotspot' ? 1 : 0]));
    const hotspotOnly = analyzeParsedInputs(parsed, { weights });
    expect(hotspotOnly.weights).toEqual(weights);
    for (const f of outputCells(hotspotOnly)) {
      for (const [column, value] of Object.entries(f.properties)) {
        if (column.startsWith('score_') && column !== 'score_hotspot') expect(value ?? 0).toBe(0);
      }
      expect(f.properties.score).toBeCloseTo(f.properties.score_hotspot as number, 6);
    }
    expect(hotspotOnly.zonesText).not.toBe(outputs.zonesText);
    const summary = JSON.parse(hotspotOnly.summaryText);
    expect(summary.parameters.priority.weights).toMatchObject(weights);
  });

  it('re-scores in two steps: the score columns and zones first, equal to those of the update that follows', async () => {
    const { parsed, result } = await pipeline();
    // Each re-score starts from the one before, as the worker's do: the weights not given are
    // the previous ones. A component weighted 0 has no column.
    const steps: [Record<string, number>, string[]][] = [
      [{ hotspot: 0, need: 1 }, ['crime_rate', 'need', 'trust_deficit', 'partner_gap']],
      [{ hotspot: 1, crimeRate: 0, need: 0, trustDeficit: 0, partnerGap: 0 }, ['hotspot']],
      [{ trustDeficit: 0.5, partnerGap: 0.4 }, ['hotspot', 'trust_deficit', 'partner_gap']],
    ];
    let shown = result;
    for (const [weights, components] of steps) {
      const { scores, zones: zoned } = scoresAndZonesOf(shown, weights);
      const rescored = rescoreUpdateOf(parsed, shown, weights);
      const { cellValues } = rescored.update;
      // The zones: each one's summary as the update's zones.geojson holds it, each cell's zone.
      const zones = JSON.parse(rescored.update.zonesText) as {
        features: { properties: Record<string, unknown> }[];
      };
      expect(zones.features.length).toBeGreaterThan(0);
      expect(zoned.zones).toEqual(
        zones.features.map(({ properties: p }) =>
          Object.fromEntries(Object.keys(zoned.zones[0]).map((key) => [key, p[key]])),
        ),
      );
      expect(Array.from(zoned.zoneOfCell, (z) => (z < 0 ? null : zoned.zones[z].id))).toEqual(
        cellValues.zone,
      );
      expect(Array.from(zoned.zoneOfCell, (z) => (z < 0 ? Number.NaN : z + 1))).toEqual(
        Array.from(cellValues.zone_rank as Float64Array),
      );
      const scoreColumns = ['score', ...components.map((c) => `score_${c}`)];
      expect(Object.keys(scores).sort()).toEqual([...scoreColumns].sort());
      expect(
        Object.keys(cellValues)
          .filter((name) => name.startsWith('score'))
          .sort(),
      ).toEqual([...scoreColumns].sort());
      for (const [name, values] of Object.entries(scores)) {
        expect(values).toBeInstanceOf(Float64Array);
        expect(values, name).toEqual(cellValues[name]);
      }
      shown = rescored.result;
    }
  });

  it('gives the zones of a public run with small incident counts suppressed, as zones.geojson does', async () => {
    const { result } = await pipeline();
    const weights = { hotspot: 0.5, need: 0.5 };
    // k above the smallest zone's count and at most the largest's: some suppressed, some not.
    const counts = scoresAndZonesOf(result, weights)
      .zones.zones.map((z) => z.incidents as number)
      .sort((a, b) => a - b);
    const k = counts[0] + 1;
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[counts.length - 1]).toBeGreaterThanOrEqual(k);
    const published = {
      ...result,
      config: {
        ...result.config,
        privacy: { ...result.config.privacy, public: true, minCount: k },
      },
    };
    const { zones } = scoresAndZonesOf(published, weights).zones;
    const written = analysisToZones(createScorer(published).full(weights)).features;
    expect(zones.map((z) => z.incidents)).toEqual(written.map((f) => f.properties.incidents));
    expect(zones.filter((z) => z.incidents === `<${k}`).length).toBeGreaterThan(0);
    expect(zones.map((z) => z.topCategories)).toEqual(
      written.map((f) => f.properties.topCategories),
    );
  });

  it("gives the update's columns as cells.geojson holds them: numbers as Float64Arrays (NaN for null), text as text", async () => {
    const { parsed, result } = await pipeline();
    const weights = { hotspot: 0.2, need: 0.8 };
    const { result: rescored, update } = rescoreUpdateOf(parsed, result, weights);
    const expected = analysisToCellValues(rescored, isWeightDependentColumn);
    expect(Object.keys(update.cellValues).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, values] of Object.entries(expected)) {
      const text = values.some((v) => typeof v === 'string');
      const actual = update.cellValues[name];
      expect(actual instanceof Float64Array, name).toBe(!text);
      expect(Array.from(actual as ArrayLike<unknown>), name).toEqual(
        text ? values : values.map((v) => v ?? Number.NaN),
      );
    }
    expect(update.cellValues.zone_rank).toBeInstanceOf(Float64Array);
    expect(update.cellValues.reasons).not.toBeInstanceOf(Float64Array);
  });

  it('rejects in the first phase the weights the whole re-score rejects', async () => {
    const { parsed, result } = await pipeline();
    const rejected: Record<string, number>[] = [
      { urgency: 1 },
      { need: -1 },
      { hotspot: 0, crimeRate: 0, need: 0, trustDeficit: 0, partnerGap: 0 },
    ];
    for (const weights of rejected) {
      expect(() => scoresAndZonesOf(result, weights), JSON.stringify(weights)).toThrow(
        HexreachError,
      );
      expect(() => scoresAndZonesOf(result, {})).not.toThrow();
      expect(() => rescoreUpdateOf(parsed, result, weights)).toThrow(HexreachError);
    }
  });

  it('describes the incidents read: first and last day, categories by count', async () => {
    const { parsed, outputs } = await pipeline();
    const data = parsed.incidents.data;
    const facts = outputs.incidents;
    expect(facts.categories.reduce((sum, c) => sum + c.count, 0)).toBe(data.length);
    expect(facts.categories.map((c) => c.name).sort()).toEqual([...data.categories].sort());
    const times = Array.from(data.time).filter(Number.isFinite);
    expect(facts.first).toBe(new Date(Math.min(...times)).toISOString().slice(0, 10));
    expect(facts.last).toBe(new Date(Math.max(...times)).toISOString().slice(0, 10));
    expect(outputs.filters).toEqual({});
  });

  it('runs with a date window and categories left out, as the configuration would', async () => {
    const { parsed, outputs } = await pipeline();
    const left = outputs.incidents.categories[0].name;
    const filters = { from: '2024-01-01', to: '2024-07-01', excluded: [left] };
    const filtered = analyzeParsedInputs(parsed, { filters });
    expect(filtered.filters).toEqual(filters);
    const summary = JSON.parse(filtered.summaryText);
    expect(summary.parameters.incidents.from).toBe('2024-01-01');
    expect(summary.parameters.incidents.to).toBe('2024-07-01');
    expect(summary.parameters.incidents.exclude).toEqual([left]);
    // Every incident in a cell, in the window and not of the category left out is counted, and
    // only those.
    const cells = outputCells(filtered);
    const inGrid = new Set(cells.map((f) => f.properties.h3));
    const data = parsed.incidents.data;
    const [from, to] = [Date.UTC(2024, 0, 1), Date.UTC(2024, 6, 1)];
    let expected = 0;
    for (let i = 0; i < data.length; i++) {
      if (
        data.time[i] >= from &&
        data.time[i] < to &&
        data.categories[data.category[i]] !== left &&
        inGrid.has(lngLatToCell(data.lng[i], data.lat[i], summary.parameters.resolution))
      )
        expected++;
    }
    const counted = cells.reduce((sum, f) => sum + (f.properties.incidents as number), 0);
    expect(counted).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });
});

describe('readRawInputs with an organization file whose capacity the configuration names', () => {
  it('reads the capacity from the named property, as the CLI does', async () => {
    const organizations = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [-101.35, 42.37] },
          properties: { name: 'A', type: 'youth', slots: 40 },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [-101.34, 42.36] },
          properties: { name: 'B', type: 'school', slots: 300 },
        },
      ],
    };
    const parsed = await readRawInputs({
      incidents: demo('incidents.csv'),
      areas: demo('tracts.geojson'),
      organizations: {
        name: 'organizations.geojson',
        data: new Blob([JSON.stringify(organizations)]),
      },
      config: {
        name: 'hexreach.config.json',
        value: { inputs: { organizations: { path: 'organizations.geojson', capacity: 'slots' } } },
      },
    });
    expect(Array.from(parsed.organizations?.data.capacity ?? [])).toEqual([40, 300]);
  });
});
