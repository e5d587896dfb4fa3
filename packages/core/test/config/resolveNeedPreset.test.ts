import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeFileSource } from '../../src/cli/nodeFileSource.js';
import { parseConfig } from '../../src/config/parseConfig.js';
import { resolveNeedPreset } from '../../src/config/resolveNeedPreset.js';
import { analyze } from '../../src/pipeline/analyze.js';
import type { InputSource } from '../../src/run/InputSource.js';
import { readInputs } from '../../src/run/readInputs.js';
import { thrownBy } from '../helpers/errors.js';

const fixture = (file: string) =>
  fileURLToPath(new URL(`../fixtures/svi/${file}`, import.meta.url));

/** A few incidents inside the fixture's tracts (0.01° squares from -87.70, 41.85). */
function incidents(): InputSource {
  const rows = ['longitude,latitude,date'];
  for (let i = 0; i < 40; i++) {
    rows.push(
      `${-87.6995 + (i % 10) * 0.0049},${41.8505 + (i % 4) * 0.0049},2024-0${1 + (i % 6)}-10`,
    );
  }
  const text = `${rows.join('\n')}\n`;
  return {
    name: 'incidents.csv',
    text: async () => text,
    stream: () => [text][Symbol.iterator]() as never,
  };
}

describe('need.preset "svi"', () => {
  it('becomes the SVI 2020/2022 indicators with directions, themes and MP_ margins', () => {
    const names = Object.keys(
      JSON.parse(readFileSync(fixture('svi2020_tracts.geojson'), 'utf8')).features[0].properties,
    );
    const config = resolveNeedPreset(
      parseConfig({ need: { preset: 'svi' } }, 'c.json'),
      names,
      'svi2020_tracts.geojson',
    );
    expect(config.need?.vintage).toBe('2020-2022');
    expect(config.population).toBe('E_TOTPOP');
    expect(config.indicators.map((i) => i.name)).toEqual([
      'EP_POV150',
      'EP_UNEMP',
      'EP_HBURD',
      'EP_NOHSDP',
      'EP_UNINSUR',
      'EP_AGE65',
      'EP_AGE17',
      'EP_DISABL',
      'EP_SNGPNT',
      'EP_LIMENG',
      'EP_MINRTY',
      'EP_MUNIT',
      'EP_MOBILE',
      'EP_CROWD',
      'EP_NOVEH',
      'EP_GROUPQ',
    ]);
    expect(config.indicators.every((i) => i.direction === 'higher')).toBe(true);
    expect(config.indicators.find((i) => i.name === 'EP_LIMENG')).toMatchObject({
      theme: 'household',
      moe: 'MP_LIMENG',
    });
    // Resolving twice changes nothing (analyze parses the resolved configuration again).
    expect(resolveNeedPreset(config, names, 'svi2020_tracts.geojson')).toBe(config);
  });

  it('detects 2014–2018 from EP_PCI, reversed, with language in the minority theme', () => {
    const names = Object.keys(
      JSON.parse(readFileSync(fixture('svi2018_tracts.geojson'), 'utf8')).features[0].properties,
    );
    const config = resolveNeedPreset(
      parseConfig({ need: { preset: 'svi' } }, 'c.json'),
      names,
      'x',
    );
    expect(config.need?.vintage).toBe('2014-2018');
    expect(config.indicators.find((i) => i.name === 'EP_PCI')?.direction).toBe('lower');
    expect(config.indicators.find((i) => i.name === 'EP_LIMENG')?.theme).toBe('minority');
  });

  it('refuses an area file without SVI columns, naming the file', () => {
    const error = thrownBy(() =>
      resolveNeedPreset(
        parseConfig({ need: { preset: 'svi' } }, 'c.json'),
        ['population'],
        'tracts.geojson',
      ),
    );
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toMatch(/^tracts\.geojson: /);
  });

  it('reads -999 as missing (a warning per value), notes the vintage, and gives theme indexes', async () => {
    const inputs = await readInputs(
      { incidents: incidents(), areas: nodeFileSource(fixture('svi2020_tracts.geojson'), 'areas') },
      parseConfig(
        {
          need: { preset: 'svi' },
          robustness: { draws: 0, resolutions: false },
          hotspots: { permutations: 0 },
        },
        'c.json',
      ),
    );
    const tracts = inputs.areas.data;
    expect(Number.isNaN(tracts.attributes.EP_UNINSUR[2])).toBe(true);
    expect(Number.isNaN(tracts.attributes.MP_CROWD[4])).toBe(true);
    expect(tracts.attributes.EP_CROWD[4]).toBeGreaterThan(0);
    // Tract 3's uninsured and its margin, tract 5's crowding margin, every EP_ of tract 7.
    const coded = inputs.areas.warnings.filter((w) => w.message.includes('code for no data'));
    expect(coded.length).toBe(2 + 1 + 16);
    expect(coded[0]).toMatchObject({ record: 2, reason: 'missing-attribute' });
    const result = analyze({ incidents: inputs.incidents.data, areas: tracts }, inputs.config);
    expect(result.notes.join('\n')).toMatch(
      /need\.preset "svi": CDC\/ATSDR SVI 2020–2022 columns detected, 16 variables/,
    );
    expect(result.notes.join('\n')).toMatch(/17 tract value\(s\) missing/);
    expect(Object.keys(result.vulnerability?.themes ?? {}).sort()).toEqual([
      'household',
      'housing',
      'minority',
      'socioeconomic',
    ]);
    expect(result.needInterval?.low.length).toBe(result.grid.cells.length);
  });
});
