import { INCIDENTS_IN_CITY } from './design.js';
import type { DemoCityFacts } from './facts.js';
import type { Activity } from './hotspots.js';
import { TRACT_FIELD_NAMES } from './statePlane.js';

const ACTIVITY_TEXT: Readonly<Record<Activity, string>> = {
  steady: 'both years',
  emerging: '**emerging**: none in 2023, growing through 2024',
  fading: '**fading**: strongest in early 2023, gone by April 2024',
};

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** `lat, lng` with 4 decimals, as the README's tables give places. */
const ll = (p: readonly [number, number]) => `${p[1].toFixed(4)}, ${p[0].toFixed(4)}`;

/** Share of the in-city incidents, in whole percent. */
const pct = (n: number) => `${((100 * n) / INCIDENTS_IN_CITY).toFixed(0)} %`;

function introSection(f: DemoCityFacts): string[] {
  return [
    '# hexreach demo city: SYNTHETIC DATA',
    '',
    `> **Synthetic.** Every file in this folder was entirely made up by \`data/makeDemoCity.ts\``,
    `> with seed ${f.seed}. This is not a real place: the city sits on empty land in the Nebraska`,
    '> Sandhills only so that a basemap has somewhere to draw it. Its people, incidents,',
    '> organizations and survey answers do not exist. Do not draw conclusions from it about any',
    '> real place, neighbourhood or group of people.',
    '',
    'The demo city exists so that `npm run demo` can run the whole hexreach pipeline, and so that',
    'tests have data whose answer is known: the structure listed under [Planted',
    'structure](#planted-structure) is what a correct analysis should find.',
    '',
    '## Regenerate',
    '',
    '```sh',
    `npx tsx data/makeDemoCity.ts                          # seed ${f.seed}, into data/demo/`,
    'npx tsx data/makeDemoCity.ts --seed 7 --out /tmp/city # another draw of the same design',
    '```',
    '',
    'The same seed writes byte-identical files. `packages/core/test/demoData.test.ts` regenerates',
    'the city and fails if these files differ from what the script writes, so edit the script and',
    'regenerate; never edit the files by hand. The geography (outline, lake, river, districts,',
    'hotspots, corridors) is fixed in the script; the seed redraws tract shapes, attributes,',
    'incidents, organizations and answers.',
    '',
    '## The city',
    '',
    `About 15 × 12 km, centred at latitude, longitude ${ll(f.centre)} (WGS84). A lake bites into`,
    'its east side and a river (about 120 m wide, not covered by any tract) runs from the west edge',
    `into the lake, splitting the city into a north and a south side. ${f.tractCount} tracts tile`,
    `the land; ${thousands(f.population)} people live in them, densest near Downtown.`,
    '',
  ];
}

function filesSection(f: DemoCityFacts): string[] {
  return [
    '## Files',
    '',
    `### tracts.geojson: ${f.tractCount} census-tract-like areas`,
    '',
    'RFC 7946 FeatureCollection: Polygon or MultiPolygon geometries, exterior rings',
    'counterclockwise, holes clockwise, coordinates `[longitude, latitude]` with 6 decimals. The',
    'tracts tile the land without gaps or overlaps. Attribute values imitate the American Community',
    'Survey 5-year estimates; `null` means the value is not published (see missing values below).',
    '',
    '| property | meaning | unit |',
    '| --- | --- | --- |',
    '| `tract_id` | identifier, `T001` … in reading order (north to south, west to east) | text |',
    '| `name` | `Tract 1` … | text |',
    '| `population` | residents | people (integer) |',
    '| `households` | occupied housing units | households (integer) |',
    '| `median_income` | median household income | US dollars per year |',
    '| `median_income_moe` | margin of error of `median_income` (90 % confidence) | US dollars |',
    '| `poverty_rate` | residents below the poverty line | % of residents |',
    '| `poverty_rate_moe` | margin of error of `poverty_rate` (90 % confidence) | percentage points |',
    '| `no_hs_diploma` | adults 25 and over without a high-school diploma | % of adults 25+ |',
    '| `unemployment_rate` | unemployed share of the civilian labour force | % |',
    '| `pct_white`, `pct_black`, `pct_hispanic`, `pct_asian`, `pct_other` | race and ethnicity; the five add up to 100 | % of residents |',
    '| `pct_under_18` | residents under 18 | % of residents |',
    '| `pct_over_65` | residents 65 and over | % of residents |',
    '| `limited_english` | residents who speak English less than "very well" | % of residents 5+ |',
    '| `no_vehicle` | households without a vehicle | % of households |',
    '',
    `### incidents.csv: ${thousands(f.incidentRows)} incident reports, 2023-01-01 to 2024-12-31`,
    '',
    '| column | meaning |',
    '| --- | --- |',
    '| `id` | row number, 1 … (equals the 1-based data row) |',
    '| `date` | local time of the incident, `MM/DD/YYYY hh:mm:ss AM` as US open-data portals export it; no time zone |',
    `| \`category\` | offence type, one of ${f.categories.map((c) => `\`${c}\``).join(', ')} |`,
    '| `latitude`, `longitude` | WGS84 degrees, 6 decimals |',
    '',
    "Rows are in time order. The shares of categories follow a large US city's.",
    '',
    `### organizations.geojson: ${f.organizationCount} potential outreach partners`,
    '',
    'RFC 7946 FeatureCollection of Points.',
    '',
    '| property | meaning | unit |',
    '| --- | --- | --- |',
    '| `org_id` | identifier, `O001` … | text |',
    '| `name` | made-up name | text |',
    `| \`type\` | ${Object.entries(f.organizationsByType)
      .map(([t, n]) => `\`${t}\` (${n})`)
      .join(', ')} | text |`,
    '| `capacity` | people the organization can reach in a typical month | people (integer) |',
    '',
    `### surveys.csv: ${thousands(f.surveyCount)} community survey answers, April to October 2024`,
    '',
    '| column | meaning |',
    '| --- | --- |',
    '| `id` | answer number, 1 … |',
    '| `date` | day of the answer, `YYYY-MM-DD` |',
    '| `latitude`, `longitude` | where the respondent lives, WGS84 degrees, 6 decimals |',
    '| `trust_police` | "I trust the police in my neighbourhood": 1 strongly disagree … 5 strongly agree |',
    '| `feel_safe` | "I feel safe walking here after dark": 1 strongly disagree … 5 strongly agree |',
    '',
    'Trust and feeling safe are lower in disadvantaged districts and near active hotspots.',
    '',
    ...binarySection(),
  ];
}

/** tracts.zip and incidents.parquet: the same data in the formats city portals publish. */
function binarySection(): string[] {
  const renamed = [...TRACT_FIELD_NAMES].filter(([property, field]) => property !== field);
  return [
    '### tracts.zip and incidents.parquet: the same tracts and incidents as portals ship them',
    '',
    '`tracts.zip` is tracts.geojson as a zipped shapefile (`tracts.shp`, `.shx`, `.dbf`, `.prj`,',
    '`.cpg` UTF-8) in the state plane of Nebraska in US survey feet, NAD83',
    '(`NAD_1983_StatePlane_Nebraska_FIPS_2600_Feet`, ESRI:102704), as a city portal in the region',
    'would export it. dBase field names hold at most 10 characters, so some are shortened:',
    `${renamed.map(([property, field]) => `\`${property}\` → \`${field}\``).join(', ')}.`,
    '`incidents.parquet` is incidents.csv row for row (row groups of 10,000 rows): `id`,',
    '`date` and `category` as in the CSV, `latitude` and `longitude` as doubles (a text that is',
    'not a number, such as `N/A`, is null). Both are made from the two files above by',
    '`data/makeDemoCity.ts`; `hexreach analyze` on them gives the same cells and zones.',
    '',
  ];
}

function plantedSection(f: DemoCityFacts): string[] {
  return [
    '## Planted structure',
    '',
    '### Disadvantaged districts',
    '',
    'Low income, high poverty, unemployment and households without a car, by design. Only two of',
    'the three coincide with a crime hotspot.',
    '',
    '| district | centre (lat, lng) | radius | crime hotspot | tracts with need index ≥ 0.5 |',
    '| --- | --- | --- | --- | --- |',
    ...f.districts.map(
      (d) =>
        `| ${d.name} | ${ll(d.centre)} | ${d.radiusMeters} m | ${d.hasHotspot ? 'yes' : '**no**: need without hotspot'} | ${d.tractIds.join(', ')} |`,
    ),
    '',
    'Northwest Heights also has few partner organizations and an older population.',
    '',
    '### Hotspots',
    '',
    'Gaussian blobs of incidents (the size is the standard deviation along the longer axis).',
    '',
    '| hotspot | centre (lat, lng) | size | incidents | when | in a disadvantaged district | main categories |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...f.hotspots.map(
      (h) =>
        `| ${h.name} | ${ll(h.centre)} | ${h.sigmaMeters} m | ${thousands(h.incidents)} (${pct(h.incidents)}) | ${ACTIVITY_TEXT[h.activity]} | ${h.withNeed ? 'yes' : 'no'} | ${h.categories.join(', ')} |`,
    ),
    '',
    'Downtown and Northgate Mall are hotspots without need (thefts where people shop and go out,',
    'in well-off tracts);',
    'Quarry Row and East Riverside are hotspots with need; West Yards emerges in 2024 and Old',
    'Market fades out in early 2024, for emerging-hotspot analysis.',
    '',
    '### Corridors',
    '',
    'Incidents spread about 100 m either side of three streets.',
    '',
    '| corridor | from (lat, lng) | to (lat, lng) | incidents |',
    '| --- | --- | --- | --- |',
    ...f.corridors.map(
      (c) =>
        `| ${c.name} | ${ll(c.from)} | ${ll(c.to)} | ${thousands(c.incidents)} (${pct(c.incidents)}) |`,
    ),
    '',
    `The other ${thousands(f.backgroundIncidents)} incidents are spread over the tracts in proportion to`,
    'their population.',
    '',
    '### Time',
    '',
    'Every source follows a seasonal cycle (about 22 % above the mean in late July, 22 % below in',
    'late January), busier Fridays and Saturdays, and a daily rhythm from a 5 AM low to an',
    'evening high.',
    '',
  ];
}

function problemsSection(f: DemoCityFacts): string[] {
  return [
    '## Deliberate problems',
    '',
    'These exist so the demo shows how hexreach reports input it cannot use.',
    '',
    `- **Outside the study area:** ${f.outsideIncidents} incidents (0.5 %) lie 0.5–1.2 km outside the city`,
    '  boundary: outside every tract and beyond every H3 cell of resolution 9 or finer that overlaps',
    '  a tract (coarser boundary cells reach out far enough to catch some of them).',
    `- **Bad rows:** ${f.badRows.length} rows of \`incidents.csv\` are broken on purpose:`,
    '',
    '| data row (= id) | problem | expected rejection |',
    '| --- | --- | --- |',
    ...f.badRows.map((b) => `| ${b.row} | ${b.problem} | \`${b.reason}\` |`),
    '',
    `- **Missing values:** \`median_income\` and its margin of error are \`null\` in ${f.missingIncomeTractIds.join(', ')}`,
    `  (suppressed, as the ACS does for small samples). ${f.parkTractId} is a park with population 0:`,
    '  every rate and median in it is `null`.',
    `- **Geometry:** ${f.parkTractId} (the park) sits in a hole of ${f.parkHostTractId}; ${f.riverSpanTractId} is a`,
    '  MultiPolygon whose two parts face each other across the river.',
    `- **Markup in a name:** one organization is called \`${f.markupProbeName}\`; a viewer must show`,
    '  it as text, never run it.',
    `- **Sparse answers:** ${f.sparseSurveyTractIds.join(', ')} have fewer than 3 survey answers each, and`,
    `  ${f.parkTractId} has none.`,
    '',
  ];
}

/** data/demo/README.md: what the files hold, what was planted in them, and that none is real. */
export function renderReadme(f: DemoCityFacts): string {
  return [...introSection(f), ...filesSection(f), ...plantedSection(f), ...problemsSection(f)].join(
    '\n',
  );
}
