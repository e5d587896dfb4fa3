import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { areaAttributesOf } from '../packages/core/src/config/areaAttributesOf.js';
import type {
  HexreachConfig,
  HexreachConfigInput,
} from '../packages/core/src/config/configSchema.js';
import { parseConfig } from '../packages/core/src/config/parseConfig.js';
import { readAreasGeoJson } from '../packages/core/src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../packages/core/src/io/readIncidentsCsv.js';
import { readOrganizationsGeoJson } from '../packages/core/src/io/readOrganizations.js';
import type { AnalyzeInputs } from '../packages/core/src/pipeline/analysisResult.js';

/** The repository's root folder. */
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The configuration the Chicago 2018 reference checks run with (../shared/data: CPD incidents
 * of 2018, the SDOH tracts, CPS schools as partners): resolution 8 by default, four SVI-style
 * need indicators, harm weights, FDR-corrected bins and zones of 3 cells or more at 0.85.
 */
export const CHICAGO_CONFIG = {
  population: 'Pop2014',
  attributes: [{ name: 'Blk14P', kind: 'rate' }],
  indicators: [
    { name: 'Pov14', direction: 'higher' },
    { name: 'EP_PCI', direction: 'lower' },
    { name: 'EP_NOHSDP', direction: 'higher' },
    { name: 'Unemp14', direction: 'higher' },
  ],
  incidents: { categoryWeights: { HOMICIDE: 10, ROBBERY: 3, BATTERY: 2, ASSAULT: 2 } },
  hotspots: { fdr: true },
  zones: { threshold: 0.85, minCells: 3 },
} as const satisfies HexreachConfigInput;

/**
 * Chicago's 77 community areas (../shared/data, 2020 boundaries), relative to the repository:
 * the named places the zones of the Chicago runs are named by.
 */
export const CHICAGO_COMMUNITY_AREAS = '../shared/data/chicago_community_areas_2020.geojson';

/**
 * Chicago 2018 at resolution 9 over a window of whole months (January to July), without
 * robustness: the configuration the public-export checks and the privacy bench compare private
 * and public runs with.
 */
export const CHICAGO_RES9_WINDOW = parseConfig(
  {
    ...CHICAGO_CONFIG,
    resolution: 9,
    incidents: { ...CHICAGO_CONFIG.incidents, from: '2018-01-01', to: '2018-08-01' },
    robustness: { draws: 0, resolutions: false },
  },
  'chicago',
);

/**
 * Chicago 2018 at resolution 9 with every costly step issue 17 times: Gi*, Local Moran and
 * emerging hot spots, six need indicators, zones under a budget, and robustness (200 weight draws
 * and the re-runs at resolutions 8 and 10), with the CPS schools as partners.
 */
export const CHICAGO_RES9_FULL = parseConfig(
  {
    ...CHICAGO_CONFIG,
    resolution: 9,
    statistics: ['gistar', 'lisa', 'emerging'],
    indicators: [
      ...CHICAGO_CONFIG.indicators,
      { name: 'EP_NOVEH', direction: 'higher' },
      { name: 'EP_LIMENG', direction: 'higher' },
    ],
    zones: { budget: { maxZones: 5, maxCells: 40 }, minCells: 3 },
  },
  'chicago',
);

/**
 * The Chicago 2018 incidents and tracts of ../shared/data, read with the attributes `config`
 * uses, and the CPS schools as organizations when `schools` is set.
 *
 * @example
 * ```ts
 * const result = analyze(await readChicago2018(CHICAGO_RES9_WINDOW), CHICAGO_RES9_WINDOW);
 * ```
 */
export async function readChicago2018(
  config: HexreachConfig,
  { schools = false } = {},
): Promise<AnalyzeInputs> {
  const crimes = join(root, '../shared/data/chicago_crimes_2018.csv');
  const tracts = join(root, '../shared/data/chicago_sdoh_tracts_2014.geojson');
  const incidents = await readIncidentsCsv(createReadStream(crimes, 'utf8'), { source: crimes });
  const areas = readAreasGeoJson(JSON.parse(readFileSync(tracts, 'utf8')), {
    source: tracts,
    attributes: areaAttributesOf(config),
  });
  if (!schools) return { incidents: incidents.data, areas: areas.data };
  const path = join(root, '../shared/data/chicago_cps_schools_sy1920.geojson');
  const organizations = readOrganizationsGeoJson(JSON.parse(readFileSync(path, 'utf8')), {
    source: path,
  });
  return { incidents: incidents.data, areas: areas.data, organizations: organizations.data };
}
