import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAreasGeoJson } from '../packages/core/src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../packages/core/src/io/readIncidentsCsv.js';
import { readOrganizationsGeoJson } from '../packages/core/src/io/readOrganizations.js';
import { analyze } from '../packages/core/src/pipeline/analyze.js';
import { mannKendall } from '../packages/core/src/stats/mannKendall.js';
import { spaceTimeBins } from '../packages/core/src/stats/spaceTimeBins.js';
import { once } from '../packages/core/test/helpers/once.js';
import { CHICAGO_CONFIG } from './chicagoConfig.js';
import { root } from './helpers.js';

// Chicago Police Department incidents of 2018 (see SOURCES.md): 1 January to 8 August, so the
// last month holds 8 of its 31 days. The data are ../shared/data beside the checkout, else
// HEXREACH_SHARED_DATA, else /work/shared/data (a worktree elsewhere has no ../shared).
const shared =
  process.env.HEXREACH_SHARED_DATA ??
  (existsSync(join(root, '../shared/data')) ? join(root, '../shared/data') : '/work/shared/data');

describe('Chicago 2018 ends on 8 August: the August stub is named and left out', () => {
  const chicago = once(async () => {
    const crimes = 'chicago_crimes_2018.csv';
    const tracts = 'chicago_sdoh_tracts_2014.geojson';
    const incidents = await readIncidentsCsv(createReadStream(join(shared, crimes), 'utf8'), {
      source: crimes,
    });
    const areas = readAreasGeoJson(JSON.parse(readFileSync(join(shared, tracts), 'utf8')), {
      source: tracts,
      attributes: ['Pop2014', 'Blk14P', 'Pov14', 'EP_PCI', 'EP_NOHSDP', 'Unemp14'].map((name) => ({
        name,
      })),
    });
    const schools = 'chicago_cps_schools_sy1920.geojson';
    const organizations = readOrganizationsGeoJson(
      JSON.parse(readFileSync(join(shared, schools), 'utf8')),
      { source: schools },
    );
    // The configuration of tests/chicago.reference.test.ts at resolution 8, without
    // permutations or robustness runs (zones rest on the analytic z).
    const result = analyze(
      { incidents: incidents.data, areas: areas.data, organizations: organizations.data },
      {
        ...CHICAGO_CONFIG,
        resolution: 8,
        hotspots: { ...CHICAGO_CONFIG.hotspots, permutations: 0 },
        robustness: { draws: 0, resolutions: false },
      },
    );
    return { incidents: incidents.data, result };
  });

  it('covers 1 January to 8 August and names August (8 of 31 days) in the notes', async () => {
    const { result } = await chicago();
    expect(result.temporal?.coverage).toEqual({
      from: Date.UTC(2018, 0, 1),
      to: Date.UTC(2018, 7, 9),
    });
    expect(result.temporal?.partialSteps).toEqual([
      { start: Date.UTC(2018, 7, 1), end: Date.UTC(2018, 8, 1), days: 31, coveredDays: 8 },
    ]);
    expect(result.notes.some((n) => n.includes('2018-08-01') && n.includes('8 of its 31'))).toBe(
      true,
    );
  });

  it('tests the zone trends on January to July per day; with the stub no zone rose', async () => {
    const { incidents, result } = await chicago();
    const zones = result.zoneDetails;
    for (const zone of zones) {
      expect(zone.trend?.stepStarts).toHaveLength(7);
      expect(zone.trend?.stepStarts.at(-1)).toBe(Date.UTC(2018, 6, 1));
    }
    const rising = zones.filter((z) => z.trend?.direction === 'rising').length;
    // The old reading: counts per month, August's 8 days as a whole month.
    const zoneOfIncident = Int32Array.from(result.binned.cellOfIncident, (c) =>
      c >= 0 ? result.zoneOfCell[c] : -1,
    );
    const cube = spaceTimeBins(incidents.time, zoneOfIncident, zones.length, { step: 'month' });
    expect(cube.steps).toBe(8);
    let risingWithStub = 0;
    for (let z = 0; z < zones.length; z++) {
      const counts = Array.from(
        { length: cube.steps },
        (_, t) => cube.counts[t * zones.length + z],
      );
      const test = mannKendall(counts);
      if (test.p < 0.05 && test.z > 0) risingWithStub++;
    }
    // Measured: 2 zones, both rising per day on January–July, neither with the stub.
    expect(risingWithStub).toBe(0);
    expect(rising).toBe(zones.length);
  });
});
