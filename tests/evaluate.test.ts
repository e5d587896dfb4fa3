import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { once } from '../packages/core/test/helpers/once.js';
import { hexreach, root, tempDir } from './helpers.js';

const config = join(root, 'examples/evaluate.config.json');

/** The parts of evaluation.json these tests read. */
interface EvaluationJson {
  command: string;
  zones: {
    id: string;
    name: string;
    crime: { change: number; low: number; high: number; p: number };
    displacement: { wdq: number; reading: string; bufferChange: number };
    trust: { change: number; low: number; high: number; fewAnswers: boolean };
    engagement: { events: number; attendance: number; partners: string[] };
    series: { months: string[]; startIndex: number };
    sentence: string;
  }[];
  engagement: { reached: number; notReached: string[] };
  notes: string[];
}

/** `hexreach evaluate` on the demo city's planted intervention, run once. */
const planted = once(() => {
  const out = tempDir();
  const run = hexreach(['evaluate', '--config', config, '--out', out, '--quiet']);
  const read = (name: string) => readFileSync(join(out, name), 'utf8');
  return { run, out, read, json: (): EvaluationJson => JSON.parse(read('evaluation.json')) };
});

describe('hexreach evaluate on the planted intervention of the demo city', () => {
  // data/makeDemoEvaluation.ts: from 1 January 2024, Z01 loses 30 % of its incidents, Z02 loses
  // 30 % of which half reappear in its ring, Z03 is untouched; trust in Z01 rises 0.5 points.
  const zone = async (id: string) => {
    const z = (await planted()).json().zones.find((x) => x.id === id);
    if (z === undefined) throw new Error(`no zone ${id}`);
    return z;
  };

  it('exits 0, prints a sentence per zone and writes the five files and rejected.csv', async () => {
    const { run, out } = await planted();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Z01 · Quarry Row: .*incidents.*\.$/m);
    for (const name of [
      'evaluation.json',
      'evaluation-zones.geojson',
      'evaluation.csv',
      'report.html',
      'report.md',
      'rejected.csv',
    ]) {
      expect(existsSync(join(out, name)), name).toBe(true);
    }
  });

  it('maps each zone of evaluation.json in evaluation-zones.geojson, with its estimate', async () => {
    const { read, json } = await planted();
    const map = JSON.parse(read('evaluation-zones.geojson'));
    const zones = json().zones;
    expect(map.type).toBe('FeatureCollection');
    expect(map.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(
      zones.map((z) => z.id),
    );
    for (const [i, feature] of map.features.entries()) {
      expect(feature.geometry.type).toMatch(/^(Multi)?Polygon$/);
      expect(feature.properties.change).toBe(zones[i].crime.change);
      expect(feature.properties.wdq).toBe(zones[i].displacement.wdq);
    }
  });

  it('covers each planted 30 % drop with its 90 % interval', async () => {
    for (const id of ['Z01', 'Z02']) {
      const { crime } = await zone(id);
      expect(crime.low, id).toBeLessThanOrEqual(-0.3);
      expect(crime.high, id).toBeGreaterThanOrEqual(-0.3);
      expect(crime.change, id).toBeLessThan(-0.15);
    }
  });

  it('finds the displaced drop with a negative WDQ', async () => {
    const { displacement } = await zone('Z02');
    expect(displacement.wdq).toBeLessThan(0);
    expect(displacement.bufferChange).toBeGreaterThan(0.1);
    expect(displacement.reading).toMatch(/displacement/);
  });

  it('does not call the untouched zone significant', async () => {
    const { crime } = await zone('Z03');
    expect(crime.p).toBeGreaterThan(0.1);
    expect(crime.low).toBeLessThan(0);
    expect(crime.high).toBeGreaterThan(0);
  });

  it('finds the planted rise in trust, and not elsewhere', async () => {
    const z01 = (await zone('Z01')).trust;
    expect(z01.low).toBeLessThanOrEqual(0.5);
    expect(z01.high).toBeGreaterThanOrEqual(0.5);
    expect(z01.low).toBeGreaterThan(0);
    expect((await zone('Z03')).trust.low).toBeLessThan(0);
  });

  it('counts the engagement and names the zone it never reached', async () => {
    const json = (await planted()).json();
    expect((await zone('Z01')).engagement.events).toBe(9);
    expect((await zone('Z02')).engagement.events).toBe(5);
    expect(json.engagement).toMatchObject({ reached: 2, notReached: ['Z03'] });
    // Two rows of the log are bad: no date, an attendance of −4. Both are in rejected.csv.
    const rejected = (await planted()).read('rejected.csv');
    expect(rejected).toMatch(/engagement\.csv,row,16,invalid-date/);
    expect(rejected).toMatch(/engagement\.csv,row,17,invalid-attribute/);
  });

  it('charts 12 months before and after each start in report.html and writes one CSV row a zone', async () => {
    const { read } = await planted();
    const { series } = await zone('Z01');
    expect(series.months).toHaveLength(24);
    expect(series.startIndex).toBe(12);
    const html = read('report.html');
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('Outcomes');
    expect(html).toContain('WDQ = (Da/Ca − Db/Cb) / (Ra/Ca − Rb/Cb)');
    expect(read('evaluation.csv').trim().split('\n')).toHaveLength(4);
  });
});

describe('hexreach evaluate --public', () => {
  /** The example configuration, its paths made absolute, with the months it may publish. */
  function publicConfig(window: boolean): string {
    const dir = tempDir();
    const raw = JSON.parse(readFileSync(config, 'utf8'));
    const abs = (path: string) => join(root, 'examples', path);
    raw.inputs.incidents.path = abs(raw.inputs.incidents.path);
    raw.inputs.areas.path = abs(raw.inputs.areas.path);
    raw.inputs.surveys.path = abs(raw.inputs.surveys.path);
    raw.evaluation.zones = abs(raw.evaluation.zones);
    raw.evaluation.engagement.path = abs(raw.evaluation.engagement.path);
    raw.evaluation.out = join(dir, 'out');
    raw.evaluation.placebos = 199;
    if (window) raw.incidents = { from: '2023-01-01', to: '2025-01-01' };
    raw.privacy = { noiseSeed: 7 };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(raw));
    return join(dir, 'config.json');
  }

  it('refuses to take its months from the incidents (exit 1)', () => {
    const run = hexreach(['evaluate', '--config', publicConfig(false), '--public', '--quiet']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('set incidents.from and incidents.to');
  });

  it('computes from noisy counts, says so, and writes no rejected.csv', () => {
    const path = publicConfig(true);
    const run = hexreach(['evaluate', '--config', path, '--public', '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(readFileSync(path, 'utf8')).evaluation.out;
    const json = JSON.parse(readFileSync(join(out, 'evaluation.json'), 'utf8'));
    expect(json.privacy).toEqual({ public: true, epsilon: 1 });
    expect(json.notes.join(' ')).toMatch(/discrete Laplace noise \(ε = 1/);
    expect(existsSync(join(out, 'rejected.csv'))).toBe(false);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(
      'differentially private counts',
    );
    // The noise leaves the planted drop of the displaced zone visible.
    const z02 = json.zones.find((z: { id: string }) => z.id === 'Z02');
    expect(z02.crime.change).toBeLessThan(-0.15);
  });
});

describe('hexreach evaluate with bad input', () => {
  it('exits 2 without zones', () => {
    const run = hexreach([
      'evaluate',
      '--incidents',
      join(root, 'data/demo/incidents.csv'),
      '--areas',
      join(root, 'data/demo/tracts.geojson'),
      '--quiet',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no zones');
  });

  it('exits 1 naming the feature of a zone without a start', () => {
    const dir = tempDir();
    const zones = JSON.parse(
      readFileSync(join(root, 'data/demo/evaluation/zones.geojson'), 'utf8'),
    );
    delete zones.features[1].properties.start;
    writeFileSync(join(dir, 'zones.geojson'), JSON.stringify(zones));
    const run = hexreach([
      'evaluate',
      '--config',
      config,
      '--zones',
      join(dir, 'zones.geojson'),
      '--out',
      join(dir, 'out'),
      '--quiet',
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/zones\.geojson: feature 1: no start date/);
    expect(existsSync(join(dir, 'out', 'evaluation.json'))).toBe(false);
  });

  it('exits 1 when the data hold no whole month before the start, naming the file and date', () => {
    const dir = tempDir();
    const zones = JSON.parse(
      readFileSync(join(root, 'data/demo/evaluation/zones.geojson'), 'utf8'),
    );
    for (const feature of zones.features) delete feature.properties.start;
    writeFileSync(join(dir, 'zones.geojson'), JSON.stringify(zones));
    const args = ['evaluate', '--config', config, '--zones', join(dir, 'zones.geojson'), '--quiet'];
    const run = hexreach([...args, '--start', '2023-01-15', '--out', join(dir, 'out')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/zones\.geojson: .*0 whole month\(s\) before 2023-01-15/);
  });

  it('exits 1 naming a zones file that does not exist', () => {
    const dir = tempDir();
    const run = hexreach([
      'evaluate',
      '--config',
      config,
      '--zones',
      join(dir, 'missing.geojson'),
      '--quiet',
      '--out',
      dir,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/missing\.geojson/);
  });
});
