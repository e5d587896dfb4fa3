import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../packages/core/src/config/parseConfig.js';
import { root } from './helpers.js';

describe('examples', () => {
  it('analyzeDemo.ts runs against the built @hexreach/core and prints the top zones', () => {
    const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
    const run = spawnSync(process.execPath, [tsx, join(root, 'examples/analyzeDemo.ts')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/incidents: 50,?261 read, 11 rejected/);
    expect(run.stdout).toMatch(/cells: \d+ at resolution 9/);
    expect(run.stdout).toMatch(
      /^Z01: \d+ cells, \d+ residents, \d+ incidents, mean score 0\.\d{3}$/m,
    );
  });

  it('hexreach.config.json is a valid configuration', () => {
    const config = parseConfig(
      JSON.parse(readFileSync(join(root, 'examples/hexreach.config.json'), 'utf8')),
      'examples/hexreach.config.json',
    );
    expect(config.resolution).toBe(9);
    expect(config.indicators.map((i) => i.name)).toContain('poverty_rate');
  });
});
