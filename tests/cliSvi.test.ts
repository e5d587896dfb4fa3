import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hexreach, root, tempDir } from './helpers.js';

const fixture = join(root, 'packages/core/test/fixtures/svi/svi2020_tracts.geojson');

describe('hexreach analyze with need.preset "svi"', () => {
  it('needs one line of configuration for an SVI tract file, and says which vintage it read', () => {
    const dir = tempDir();
    const rows = ['longitude,latitude,date'];
    for (let i = 0; i < 60; i++) {
      rows.push(
        `${-87.6995 + (i % 10) * 0.0049},${41.8505 + (i % 4) * 0.0049},2024-01-${10 + (i % 9)}`,
      );
    }
    writeFileSync(join(dir, 'incidents.csv'), `${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ need: { preset: 'svi' } }));
    const run = hexreach([
      'analyze',
      '--config',
      join(dir, 'config.json'),
      '--incidents',
      join(dir, 'incidents.csv'),
      '--areas',
      fixture,
      '--resolution',
      '9',
      '--out',
      join(dir, 'out'),
      '--quiet',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /areas {6}.*svi2020_tracts\.geojson: 10 read, 10 accepted, 0 rejected, 19 with missing values; population: E_TOTPOP/,
    );
    expect(run.stdout).toMatch(
      /note {7}need\.preset "svi": CDC\/ATSDR SVI 2020–2022 columns detected, 16 variables in four themes \(socioeconomic: EP_POV150, EP_UNEMP, EP_HBURD, EP_NOHSDP, EP_UNINSUR; household: .*EP_LIMENG; minority: EP_MINRTY; housing: /,
    );
    const cells = JSON.parse(readFileSync(join(dir, 'out', 'cells.geojson'), 'utf8')) as {
      features: { properties: Record<string, unknown> }[];
    };
    const columns = Object.keys(cells.features[0].properties);
    for (const theme of ['socioeconomic', 'household', 'minority', 'housing'])
      expect(columns).toContain(`need_theme_${theme}`);
    expect(columns).toContain('need_index_low');
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
    expect(summary.parameters.need).toEqual({ preset: 'svi', vintage: '2020-2022' });
  });
});
