import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HexreachError } from '@hexreach/core';
import { describe, expect, it } from 'vitest';
import { demoRunDir } from '../../../../tests/helpers.js';
import { fileResultSource } from '../../src/data/fileResultSource.js';
import { loadResults } from '../../src/data/loadResults.js';
import type { ResultSource } from '../../src/data/ResultSource.js';
import type { ResultFileName } from '../../src/data/results.js';
import { urlResultSource } from '../../src/data/urlResultSource.js';

const ring = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0],
];

function cell(h3: string, properties: Record<string, unknown>) {
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [ring] },
    properties: { h3, ...properties },
  };
}

const cells = {
  type: 'FeatureCollection',
  features: [
    cell('89a', { score: 0.5, gi_bin: 3, rate_per_1000: null, zone: 'Z01', name: 'x' }),
    cell('89b', { score: 0.25, gi_bin: 0, rate_per_1000: 12.5, zone: null, name: null }),
  ],
};
const zones = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: { id: 'Z02', rank: 2 },
    },
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: { id: 'Z01', rank: 1 },
    },
  ],
};
const organizations = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [0.5, 0.5] },
      properties: { name: 'Youth Center <img src=x onerror=alert(1)>', type: 'youth' },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
      properties: { name: 'Road' },
    },
  ],
};

function memorySource(files: Partial<Record<ResultFileName, string | Uint8Array>>): ResultSource {
  const text = (name: ResultFileName) => files[name];
  return {
    description: 'memory',
    readText: async (name) => {
      const file = text(name);
      return typeof file === 'string' ? file : undefined;
    },
    readBytes: async (name) => {
      const file = text(name);
      return file instanceof Uint8Array ? file : undefined;
    },
  };
}

async function errorOf(run: Promise<unknown>): Promise<HexreachError> {
  try {
    await run;
  } catch (error) {
    expect(error).toBeInstanceOf(HexreachError);
    return error as HexreachError;
  }
  return expect.unreachable('expected a HexreachError');
}

describe('loadResults', () => {
  it('reads cells, zones by rank, organizations and the summary', async () => {
    const results = await loadResults(
      memorySource({
        'cells.geojson': JSON.stringify(cells),
        'zones.geojson': JSON.stringify(zones),
        'summary.json': '{"hexreach": "0.1.0"}',
        'organizations.geojson': JSON.stringify(organizations),
      }),
    );
    expect(results.cells.features).toHaveLength(2);
    expect(results.numericColumns).toEqual(['score', 'gi_bin', 'rate_per_1000']);
    expect([...results.columns.rate_per_1000]).toEqual([Number.NaN, 12.5]);
    expect(results.zones?.features.map((z) => z.properties.id)).toEqual(['Z01', 'Z02']);
    expect(results.summary?.hexreach).toBe('0.1.0');
    expect(results.organizations?.features).toHaveLength(1);
    expect(results.organizations?.features[0].properties.name).toBe(
      'Youth Center <img src=x onerror=alert(1)>',
    );
    expect(results.notes.join(' ')).toMatch(/organizations\.geojson: 1 of 2 features skipped/);
  });

  it('needs only cells.geojson, and says what is missing', async () => {
    const results = await loadResults(memorySource({ 'cells.geojson': JSON.stringify(cells) }));
    expect(results.zones).toBeUndefined();
    expect(results.notes.join(' ')).toMatch(/zones\.geojson was not found/);
  });

  it('refuses a source without cells.geojson', async () => {
    const error = await errorOf(loadResults(memorySource({ 'zones.geojson': '{}' })));
    expect(error.code).toBe('E_NOT_FOUND');
    expect(error.message).toMatch(/cells\.geojson/);
  });

  it('names the file, line and column of invalid JSON', async () => {
    const error = await errorOf(
      loadResults(
        memorySource({ 'cells.geojson': JSON.stringify(cells), 'zones.geojson': '{\n "type": }' }),
      ),
    );
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toMatch(/^zones\.geojson: invalid JSON at line 2, column/);
  });

  it('names the file and feature of a structural problem', async () => {
    const noH3 = {
      ...cells,
      features: [cells.features[0], { ...cells.features[1], properties: { score: 1 } }],
    };
    expect(
      (await errorOf(loadResults(memorySource({ 'cells.geojson': JSON.stringify(noH3) })))).message,
    ).toMatch(/^cells\.geojson: feature 1 has no h3 cell index/);
    const textScore = { ...cells, features: [cell('89a', { score: 'high' })] };
    expect(
      (await errorOf(loadResults(memorySource({ 'cells.geojson': JSON.stringify(textScore) }))))
        .message,
    ).toBe('cells.geojson: feature 0: score is "high", expected a number or null');
    const points = { type: 'FeatureCollection', features: [organizations.features[0]] };
    expect(
      (await errorOf(loadResults(memorySource({ 'cells.geojson': JSON.stringify(points) }))))
        .message,
    ).toMatch(
      /^cells\.geojson: feature 0: geometry is a "Point", expected a Polygon or MultiPolygon/,
    );
    expect(
      (await errorOf(loadResults(memorySource({ 'cells.geojson': '[1, 2]' })))).message,
    ).toMatch(/^cells\.geojson: expected a GeoJSON FeatureCollection/);
    const badZone = {
      ...zones,
      features: [{ ...zones.features[0], properties: { id: 'Z01', rank: 'first' } }],
    };
    const error = await errorOf(
      loadResults(
        memorySource({
          'cells.geojson': JSON.stringify(cells),
          'zones.geojson': JSON.stringify(badZone),
        }),
      ),
    );
    expect(error.message).toBe(
      'zones.geojson: feature 0: rank is "first", expected an integer ≥ 1',
    );
  });

  it('keeps text columns out of the numeric columns', async () => {
    const results = await loadResults(memorySource({ 'cells.geojson': JSON.stringify(cells) }));
    expect(results.numericColumns).not.toContain('zone');
    expect(results.numericColumns).not.toContain('name');
  });
});

describe('loadResults with cells.bin', () => {
  // The demo's private run (tests/globalSetup.ts): cells.bin beside cells.geojson.
  const demo = (): Partial<Record<ResultFileName, string | Uint8Array>> => {
    const dir = demoRunDir('private');
    const text = (name: string) => readFileSync(join(dir, name), 'utf8');
    return {
      'cells.bin': new Uint8Array(readFileSync(join(dir, 'cells.bin'))),
      'cells.geojson': text('cells.geojson'),
      'zones.geojson': text('zones.geojson'),
      'summary.json': text('summary.json'),
    };
  };

  it('reads the cells from cells.bin, never asking for cells.geojson', async () => {
    const files = demo();
    const source = memorySource(files);
    const asked: string[] = [];
    const results = await loadResults({
      ...source,
      readText: (name) => {
        asked.push(name);
        return source.readText(name);
      },
    });
    expect(asked).not.toContain('cells.geojson');
    expect(results.notes).toEqual([]);
    const fromGeojson = await loadResults(memorySource({ ...files, 'cells.bin': undefined }));
    expect(results.cellIds).toEqual(fromGeojson.cellIds);
    expect(results.numericColumns).toEqual(fromGeojson.numericColumns);
    expect(results.texts).toEqual(fromGeojson.texts);
  });

  it('reads cells.geojson, with a note, when cells.bin is not the one summary.json lists', async () => {
    const files = demo();
    const bytes = files['cells.bin'] as Uint8Array;
    const other = await loadResults(memorySource({ ...files, 'cells.bin': bytes.subarray(8) }));
    expect(other.notes.join('\n')).toMatch(
      /cells\.bin has \d+ bytes where summary\.json lists \d+/,
    );
    expect(other.cellIds.length).toBeGreaterThan(0);
    const summary = JSON.parse(files['summary.json'] as string);
    summary.files = summary.files.filter((f: { name: string }) => f.name !== 'cells.bin');
    const unlisted = await loadResults(
      memorySource({ ...files, 'summary.json': JSON.stringify(summary) }),
    );
    expect(unlisted.notes.join('\n')).toContain("cells.bin is not in summary.json's list");
  });

  it('reads cells.geojson, with a note, when cells.bin cannot be read', async () => {
    const files = demo();
    const broken = (files['cells.bin'] as Uint8Array).slice();
    broken[0] = 0x7b;
    // Without summary.json, nothing says which cells.bin belongs: it is read, and fails.
    const results = await loadResults(
      memorySource({ ...files, 'summary.json': undefined, 'cells.bin': broken }),
    );
    expect(results.notes.join('\n')).toContain('cells.bin: not a hexreach cells.bin');
    expect(results.cellIds.length).toBeGreaterThan(0);
  });
});

describe('fileResultSource', () => {
  it('finds the results files by name in a dropped folder, shallowest first, and lists strangers', async () => {
    const file = (name: string, text: string) => new File([text], name);
    const { source, ignored } = fileResultSource([
      { file: file('cells.geojson', 'deep'), path: 'out/old/cells.geojson' },
      { file: file('CELLS.geojson', 'top'), path: 'out/CELLS.geojson' },
      { file: file('rejected.csv', ''), path: 'out/rejected.csv' },
      { file: file('notes.txt', ''), path: 'out/notes.txt' },
    ]);
    expect(await source.readText('cells.geojson')).toBe('top');
    expect(await source.readText('zones.geojson')).toBeUndefined();
    // The CLI's own other outputs are expected there; only strangers are listed.
    expect(ignored).toEqual(['out/notes.txt']);
  });
});

describe('urlResultSource', () => {
  it('refuses a results folder on another origin', () => {
    const run = () =>
      urlResultSource('https://elsewhere.example/out/', 'http://127.0.0.1:8080/?results=x');
    expect(run).toThrow(HexreachError);
    expect(run).toThrow(/only from this viewer's own address/);
    expect(() => urlResultSource('//elsewhere.example/out', 'http://127.0.0.1:8080/')).toThrow(
      HexreachError,
    );
  });

  it('accepts a relative folder on the same origin', () => {
    expect(urlResultSource('results', 'http://127.0.0.1:8080/index.html').description).toBe(
      '/results/',
    );
  });
});
