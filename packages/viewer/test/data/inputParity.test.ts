import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hexreach, tempDir } from '../../../../tests/helpers.js';
import { once } from '../../../core/test/helpers/once.js';
import { runParsedInputs } from '../../src/data/analyzeRawInputs.js';
import { readRawInputs } from '../../src/data/readRawInputs.js';
import { reportHtmlOf } from '../../src/data/reportHtmlOf.js';
import { outputCells } from '../helpers/outputCells.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
type Cells = { features: { properties: Record<string, unknown> }[] };
type Summary = Record<string, unknown>;

/**
 * The demo city with a capacity per organization in a property only the configuration names
 * (`slots`), run by `hexreach analyze` and by the analysis worker's pipeline from one folder:
 * the CLI from inside it, so that both name the files alike.
 */
function parityRun(privacy: { public: boolean; noiseSeed?: number }) {
  return once(async () => {
    const dir = tempDir('hexreach-parity-');
    for (const name of ['incidents.csv', 'tracts.geojson', 'surveys.csv'])
      copyFileSync(join(root, 'data/demo', name), join(dir, name));
    const organizations = JSON.parse(
      readFileSync(join(root, 'data/demo/organizations.geojson'), 'utf8'),
    ) as { features: { properties: Record<string, unknown> }[] };
    const slots = organizations.features.map((_, i) => 10 + ((i * 37) % 190));
    organizations.features.forEach((f, i) => {
      f.properties.slots = slots[i];
    });
    writeFileSync(join(dir, 'organizations.geojson'), JSON.stringify(organizations));
    const example = JSON.parse(readFileSync(join(root, 'examples/hexreach.config.json'), 'utf8'));
    const config = {
      ...example,
      inputs: {
        incidents: { ...example.inputs.incidents, path: 'incidents.csv' },
        areas: { ...example.inputs.areas, path: 'tracts.geojson' },
        organizations: { path: 'organizations.geojson', capacity: 'slots' },
        surveys: { path: 'surveys.csv' },
      },
      output: { ...example.output, dir: 'out' },
      // A few weight draws: the summary's robustness, at a fraction of the example's cost.
      robustness: { draws: 10, resolutions: false },
      privacy,
    };
    writeFileSync(join(dir, 'hexreach.config.json'), JSON.stringify(config));
    const cli = hexreach(['analyze', '--config', 'hexreach.config.json', '--quiet'], dir);
    if (cli.status !== 0)
      throw new Error(`hexreach analyze exited with ${cli.status}: ${cli.stderr}`);
    const file = (name: string) => ({ name, data: new Blob([readFileSync(join(dir, name))]) });
    const parsed = await readRawInputs({
      incidents: file('incidents.csv'),
      areas: file('tracts.geojson'),
      organizations: file('organizations.geojson'),
      surveys: file('surveys.csv'),
      config: { name: 'hexreach.config.json', value: config },
    });
    const { outputs, result } = runParsedInputs(parsed);
    const written = (name: string) => readFileSync(join(dir, 'out', name), 'utf8');
    return { slots, parsed, outputs, result, written };
  });
}

/** A summary without what differs between two runs of the same inputs: when and how they ran. */
function comparable(summary: Summary): Summary {
  const { durationsSeconds: _durations, files: _files, command: _command, ...rest } = summary;
  return rest;
}

describe('the CLI and the analysis worker read the same inputs into the same results', () => {
  const run = parityRun({ public: false });

  it('read the capacity from the property the configuration names', async () => {
    const { slots, parsed } = await run();
    expect(Array.from(parsed.organizations?.data.capacity ?? [])).toEqual(slots);
  });

  it('give each cell the same partner capacity within the radius', async () => {
    const { outputs, written } = await run();
    const capacity = (cells: Cells) =>
      new Map(
        cells.features.map((f) => [f.properties.h3, f.properties.partner_capacity_within_radius]),
      );
    const fromCli = capacity(JSON.parse(written('cells.geojson')) as Cells);
    const cells = outputCells(outputs).map((f) => f.properties);
    const fromWorker = capacity({ features: cells.map((properties) => ({ properties })) });
    expect(fromWorker).toEqual(fromCli);
    // Capacities, not the number of partners: the configured property was read on both sides.
    expect(cells.some((c) => (c.partner_capacity_within_radius as number) > 0)).toBe(true);
    expect(cells.some((c) => c.partner_capacity_within_radius !== c.partners_within_radius)).toBe(
      true,
    );
  });

  it('write the same summary.json but for the command, the durations and the file list', async () => {
    const { outputs, written } = await run();
    const fromCli = JSON.parse(written('summary.json')) as Summary;
    const fromWorker = JSON.parse(outputs.summaryText) as Summary;
    expect(fromCli.command).toBe('analyze');
    expect(fromWorker.command).toBe('analyze (in the browser)');
    expect(Object.keys(fromWorker.inputs as Summary)).toEqual([
      'incidents',
      'areas',
      'organizations',
      'surveys',
      // The demo tracts' `name` property names the zones, in the browser as in the CLI.
      'places',
    ]);
    expect(comparable(fromWorker)).toEqual(comparable(fromCli));
  });

  it("write the CLI's report (the worker when asked)", async () => {
    const { parsed, result, written } = await run();
    expect(reportHtmlOf(parsed, result)).toBe(written('report.html'));
  });
});

describe('the same for a public run', () => {
  // The same noise on both sides: seeded, as only a test may.
  const run = parityRun({ public: true, noiseSeed: 11 });

  it('write the same summary.json, with the same suppressions', async () => {
    const { outputs, written } = await run();
    const fromCli = JSON.parse(written('summary.json')) as Summary;
    expect(fromCli.privacy).toMatchObject({ public: true });
    expect(comparable(JSON.parse(outputs.summaryText) as Summary)).toEqual(comparable(fromCli));
  });
});
