import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lngLatToCell } from '@hexreach/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AnalysisOutputs,
  analyzeParsedInputs,
  type ParsedInputs,
  readRawInputs,
} from '../../src/data/analyzeRawInputs.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const demo = (name: string) => ({
  name,
  data: new Blob([readFileSync(join(root, 'data/demo', name))]),
});
type Cells = { features: { geometry: unknown; properties: Record<string, unknown> }[] };

describe('readRawInputs and analyzeParsedInputs (the analysis worker’s pipeline)', () => {
  let parsed: ParsedInputs;
  let outputs: AnalysisOutputs;
  let cli: Cells;
  let cliZones: unknown;
  let cliSpaceTime: string;
  const steps: string[] = [];

  beforeAll(async () => {
    const config = JSON.parse(readFileSync(join(root, 'examples/hexreach.config.json'), 'utf8'));
    parsed = await readRawInputs(
      {
        incidents: demo('incidents.csv'),
        areas: demo('tracts.geojson'),
        organizations: demo('organizations.geojson'),
        surveys: demo('surveys.csv'),
        config: { name: 'hexreach.config.json', value: config },
      },
      (label) => steps.push(label),
    );
    outputs = analyzeParsedInputs(parsed, undefined, (label) => steps.push(label));
    const out = mkdtempSync(join(tmpdir(), 'hexreach-viewer-raw-'));
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'packages/core/dist/cli/main.js'),
        'analyze',
        '--config',
        join(root, 'examples/hexreach.config.json'),
        '--out',
        out,
        '--quiet',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    cli = JSON.parse(readFileSync(join(out, 'cells.geojson'), 'utf8'));
    cliZones = JSON.parse(readFileSync(join(out, 'zones.geojson'), 'utf8'));
    cliSpaceTime = readFileSync(join(out, 'spacetime.json'), 'utf8');
  }, 120_000);

  it('gives the same cells and values as the CLI on the demo city', () => {
    const cells = JSON.parse(outputs.cellsText) as Cells;
    expect(cells.features.map((f) => f.properties.h3)).toEqual(
      cli.features.map((f) => f.properties.h3),
    );
    const columns = Object.keys(cli.features[0].properties);
    expect(Object.keys(cells.features[0].properties).sort()).toEqual([...columns].sort());
    // Byte-identical to the CLI's file, apart from the order of the properties.
    for (let i = 0; i < cells.features.length; i++) {
      expect(cells.features[i], `cell ${i}`).toEqual(cli.features[i]);
    }
  });

  it("gives the CLI's zones and space-time view, and a report of the zones", () => {
    const zones = JSON.parse(outputs.zonesText) as { features: { properties: { id: string } }[] };
    expect(zones).toEqual(cliZones);
    expect(outputs.reportHtml.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const zone of zones.features) expect(outputs.reportHtml).toContain(zone.properties.id);
    expect(outputs.spaceTimeText).toBe(cliSpaceTime);
  });

  it('reports its steps, including incident rows as they are read', () => {
    expect(steps[0]).toBe('Reading incidents.csv');
    expect(steps.some((s) => /^Reading incidents\.csv: [\d,]+ rows$/.test(s))).toBe(true);
    expect(steps).toContain('Reading tracts.geojson');
    expect(steps.at(-1)).toBe('Writing the results');
  });

  it('re-scores with other weights without reading the files again', () => {
    const names = Object.keys(parsed.config.priority.weights);
    expect(names).toEqual(expect.arrayContaining(['hotspot', 'crimeRate', 'need']));
    const weights = Object.fromEntries(names.map((n) => [n, n === 'hotspot' ? 1 : 0]));
    const hotspotOnly = analyzeParsedInputs(parsed, { weights });
    expect(hotspotOnly.weights).toEqual(weights);
    const cells = JSON.parse(hotspotOnly.cellsText) as Cells;
    for (const f of cells.features) {
      for (const [column, value] of Object.entries(f.properties)) {
        if (column.startsWith('score_') && column !== 'score_hotspot') expect(value ?? 0).toBe(0);
      }
      expect(f.properties.score).toBeCloseTo(f.properties.score_hotspot as number, 6);
    }
    expect(hotspotOnly.zonesText).not.toBe(outputs.zonesText);
    const summary = JSON.parse(hotspotOnly.summaryText);
    expect(summary.parameters.priority.weights).toMatchObject(weights);
  });

  it('describes the incidents read: first and last day, categories by count', () => {
    const data = parsed.incidents.data;
    const facts = outputs.incidents;
    expect(facts.categories.reduce((sum, c) => sum + c.count, 0)).toBe(data.length);
    expect(facts.categories.map((c) => c.name).sort()).toEqual([...data.categories].sort());
    const times = Array.from(data.time).filter(Number.isFinite);
    expect(facts.first).toBe(new Date(Math.min(...times)).toISOString().slice(0, 10));
    expect(facts.last).toBe(new Date(Math.max(...times)).toISOString().slice(0, 10));
    expect(outputs.filters).toEqual({});
  });

  it('runs with a date window and categories left out, as the configuration would', () => {
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
    const cells = JSON.parse(filtered.cellsText) as Cells;
    const inGrid = new Set(cells.features.map((f) => f.properties.h3));
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
    const counted = cells.features.reduce((sum, f) => sum + (f.properties.incidents as number), 0);
    expect(counted).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });
});
