import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hexreach, tempDir } from '../../../../tests/helpers.js';
import { once } from '../../../core/test/helpers/once.js';
import { evaluateRawInputs } from '../../src/data/evaluateRawInputs.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const demo = join(root, 'data/demo');
const names = {
  incidents: 'incidents.csv',
  areas: 'tracts.geojson',
  surveys: 'surveys.csv',
  zones: 'zones.geojson',
  engagement: 'engagement.csv',
};

/**
 * The demo's planted intervention (examples/evaluate.config.json, 99 placebos to be quick) in one
 * folder, evaluated by `hexreach evaluate` from inside it and by the worker's evaluation, so
 * that both name the files alike.
 */
const parity = once(async () => {
  const dir = tempDir('hexreach-evaluate-parity-');
  copyFileSync(join(demo, 'tracts.geojson'), join(dir, names.areas));
  for (const name of [names.incidents, names.surveys, names.zones, names.engagement])
    copyFileSync(join(demo, 'evaluation', name), join(dir, name));
  const example = JSON.parse(readFileSync(join(root, 'examples/evaluate.config.json'), 'utf8'));
  const config = {
    ...example,
    inputs: {
      incidents: { ...example.inputs.incidents, path: names.incidents },
      areas: { ...example.inputs.areas, path: names.areas },
      surveys: { path: names.surveys },
    },
    evaluation: {
      ...example.evaluation,
      out: 'out',
      zones: names.zones,
      engagement: { path: names.engagement },
      placebos: 99,
    },
  };
  writeFileSync(join(dir, 'evaluate.config.json'), JSON.stringify(config));
  const cli = hexreach(['evaluate', '--config', 'evaluate.config.json', '--quiet'], dir);
  if (cli.status !== 0)
    throw new Error(`hexreach evaluate exited with ${cli.status}: ${cli.stderr}`);
  const file = (name: string) => ({ name, data: new Blob([readFileSync(join(dir, name))]) });
  const steps: string[] = [];
  const browser = await evaluateRawInputs(
    {
      incidents: file(names.incidents),
      areas: file(names.areas),
      surveys: file(names.surveys),
      zones: file(names.zones),
      engagement: file(names.engagement),
      config: { name: 'evaluate.config.json', value: config },
    },
    (label) => steps.push(label),
  );
  const read = (name: string) => readFileSync(join(dir, 'out', name), 'utf8');
  return {
    browser,
    steps,
    cli: { json: read('evaluation.json'), zones: read('evaluation-zones.geojson') },
  };
});

describe('evaluateRawInputs', () => {
  it('writes the evaluation.json of hexreach evaluate on the same files, byte for byte', async () => {
    const { browser, cli } = await parity();
    expect(browser.evaluationText).toBe(cli.json);
  });

  it('writes its evaluation-zones.geojson, byte for byte', async () => {
    const { browser, cli } = await parity();
    expect(browser.zonesText).toBe(cli.zones);
  });

  it('reports its steps', async () => {
    const { steps } = await parity();
    expect(steps).toContain('Reading zones.geojson');
    expect(steps).toContain('Reading engagement.csv');
    expect(steps.at(-1)).toBe('Evaluating the zones against placebo zones');
  });
});
