import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaAttributesOf } from '../packages/core/src/config/areaAttributesOf.js';
import { parseConfig } from '../packages/core/src/config/parseConfig.js';
import { analysisToCells } from '../packages/core/src/export/analysisToCells.js';
import { readAreasGeoJson } from '../packages/core/src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../packages/core/src/io/readIncidentsCsv.js';
import { analyze } from '../packages/core/src/pipeline/analyze.js';
import { once } from '../packages/core/test/helpers/once.js';
import { CHICAGO_CONFIG } from './chicagoConfig.js';
import { attackRecovery } from './giStarAttack.js';
import { root } from './helpers.js';

// Chicago 2018 at resolution 9 (../shared/data), where most cells hold a few incidents: the
// public export the attack recovered every suppressed count of (679 of 679).
describe('the Gi* reconstruction attack on a public export of Chicago 2018, resolution 9', () => {
  const runs = once(async () => {
    const config = parseConfig(
      {
        ...CHICAGO_CONFIG,
        resolution: 9,
        incidents: { ...CHICAGO_CONFIG.incidents, from: '2018-01-01', to: '2018-08-01' },
        robustness: { draws: 0, resolutions: false },
      },
      'chicago',
    );
    const crimes = join(root, '../shared/data/chicago_crimes_2018.csv');
    const tracts = join(root, '../shared/data/chicago_sdoh_tracts_2014.geojson');
    const incidents = await readIncidentsCsv(createReadStream(crimes, 'utf8'), { source: crimes });
    const areas = readAreasGeoJson(JSON.parse(readFileSync(tracts, 'utf8')), {
      source: tracts,
      attributes: areaAttributesOf(config),
    });
    const inputs = { incidents: incidents.data, areas: areas.data };
    const truth = analyze(inputs, config);
    const noisy = analyze(inputs, {
      ...config,
      privacy: { ...config.privacy, public: true, noiseSeed: 2018 },
    });
    return { truth, noisy };
  });

  it('gives a small true count no more often than the noise itself would (+ 5 points)', async () => {
    const { truth, noisy } = await runs();
    const cellTable = noisy.noisy!.privacy.tables.find((t) => t.table === 'byGroup')!;
    const result = attackRecovery(
      analysisToCells(truth),
      analysisToCells(noisy),
      cellTable.epsilon,
    );
    expect(result.cells).toBeGreaterThan(500);
    expect(result.rate).toBeLessThanOrEqual(result.zeroNoise + 0.05);
  });
});
