import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { OUTPUT_NAMES } from '../packages/core/src/cli/stagingFolder.js';
import { hexreach, root, tempDir } from './helpers.js';

/**
 * The demo configuration without its survey file, written to `dir` with absolute input paths;
 * the statistics, permutations and robustness draws that do not touch trust are left out so
 * that the run takes a second or two instead of the demo's ~9 s.
 */
function demoConfigWithoutSurveys(dir: string, trust = true): string {
  const config = JSON.parse(readFileSync(join(root, 'examples/hexreach.config.json'), 'utf8'));
  delete config.inputs.surveys;
  delete config.inputs['//surveys'];
  for (const input of ['incidents', 'areas', 'organizations'])
    config.inputs[input].path = join(root, 'examples', config.inputs[input].path);
  config.statistics = ['gistar'];
  config.hotspots.permutations = 0;
  config.robustness = { draws: 0, resolutions: false };
  if (!trust) delete config.trust;
  const path = join(dir, 'hexreach.config.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

describe('hexreach analyze --surveys', () => {
  it('reads the survey file given on the command line and scores trust', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const config = demoConfigWithoutSurveys(dir);
    const args = ['analyze', '--config', config, '--out', out, '--quiet'];
    const run = hexreach([...args, '--surveys', 'data/demo/surveys.csv']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^surveys {4}data\/demo\/surveys\.csv: 1,200 read, 1,200 accepted/m);
    const cells = JSON.parse(readFileSync(join(out, 'cells.geojson'), 'utf8')) as FeatureCollection;
    const columns = Object.keys(cells.features[0].properties ?? {});
    expect(columns).toEqual(expect.arrayContaining(['trust_mean', 'trust_deficit']));
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.inputs.surveys.path).toBe('data/demo/surveys.csv');
  });

  it('exits 1 naming trust.answer when the configuration has none, as inputs.surveys does', () => {
    const dir = tempDir();
    const config = demoConfigWithoutSurveys(dir, false);
    const run = hexreach(['analyze', '--config', config, '--surveys', 'data/demo/surveys.csv']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${config}: invalid configuration:`);
    expect(run.stderr).toContain('trust.answer: name the survey column to score as trust');
  });

  it('exits 1 when the survey file does not exist', () => {
    const run = hexreach([
      'analyze',
      '--config',
      join(root, 'examples/hexreach.config.json'),
      '--surveys',
      'no-such-surveys.csv',
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('surveys file not found: no-such-surveys.csv');
  });
});

describe('hexreach usage', () => {
  it('analyze --help lists every statistic and every file a run can write, exit 0', () => {
    const run = hexreach(['analyze', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('-u, --surveys <file>');
    const stat = run.stdout.slice(run.stdout.indexOf('--stat'), run.stdout.indexOf('--public'));
    for (const name of ['gistar', 'lisa', 'kde', 'emerging', 'change'])
      expect(stat).toMatch(new RegExp(`\\b${name}\\b`));
    // Every file a run can write (the list the staging folder cleans up by).
    for (const file of OUTPUT_NAMES) expect(run.stdout).toContain(file);
  });

  it('exits 2 for an unknown option, a missing option value or an unknown command', () => {
    for (const args of [['analyze', '--no-such-flag'], ['analyze', '-u'], ['no-such-command']]) {
      const run = hexreach(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^error: /);
    }
  });

  it('exits 2 for an ε that is not a number above 0 and at most 100, naming the option', () => {
    for (const value of ['0', '-1', 'abc', '0x10', '101']) {
      const run = hexreach(['analyze', '--public', '--epsilon', value]);
      expect(run.status, value).toBe(2);
      expect(run.stderr, value).toContain('epsilon must be a number above 0 and at most 100');
    }
  });

  it('exits 0 for --help and --version', () => {
    expect(hexreach(['--help']).status).toBe(0);
    const version = hexreach(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
