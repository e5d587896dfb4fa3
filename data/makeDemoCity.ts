/**
 * Generates the hexreach demo city: a SYNTHETIC city made up entirely by this seeded script, so
 * that `npm run demo` has tracts, incidents, partner organizations and survey answers to work on
 * without shipping anyone's real data. Nothing here describes a real place or real people.
 *
 * The geography (outline, lake, river, districts, hotspots, corridors) is fixed in the modules of
 * data/demoCity/ so that the planted structure means the same thing for every seed; the seed
 * draws everything else (tract shapes, attributes, incidents, organizations, answers), each part
 * from its own random stream. The same seed writes byte-identical files.
 *
 * Run: `npx tsx data/makeDemoCity.ts [--seed N] [--out DIR]` (default: seed 2025 into data/demo/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { assertArgument } from '../packages/core/src/errors.js';
import { toDegrees } from './demoCity/degrees.js';
import { DEFAULT_SEED } from './demoCity/design.js';
import { cityFacts, type DemoCityFacts } from './demoCity/facts.js';
import { csvText, featureCollectionText } from './demoCity/formats.js';
import { drawIncidents } from './demoCity/incidents.js';
import { organizationFeatures, placeOrganizations } from './demoCity/organizations.js';
import { incidentsCsvToParquet } from './demoCity/parquet.js';
import { makePlacement } from './demoCity/placement.js';
import { buildCity } from './demoCity/plan.js';
import { makeRandom } from './demoCity/random.js';
import { renderReadme } from './demoCity/readme.js';
import { featuresToShapefileZip } from './demoCity/shapefile.js';
import { NEBRASKA_FEET_PRJ, TRACT_FIELD_NAMES, toNebraskaFeet } from './demoCity/statePlane.js';
import { answerSurveys } from './demoCity/surveys.js';
import { buildTracts } from './demoCity/tractShapes.js';
import { describeTracts, tractFeatures } from './demoCity/tracts.js';

export type { DemoCityFacts } from './demoCity/facts.js';
export { NEBRASKA_FEET_PRJ, TRACT_FIELD_NAMES } from './demoCity/statePlane.js';
export { TRACT_PROPERTY_NAMES } from './demoCity/tracts.js';

/** Options of {@link makeDemoCity}. */
export interface DemoCityOptions {
  /** Seed of every random draw (32-bit unsigned integer). Default 2025, the committed demo. */
  readonly seed?: number;
}

/** The files of the demo city, by name, exactly as they are written to disk (UTF-8). */
export interface DemoCityFiles {
  readonly 'README.md': string;
  readonly 'tracts.geojson': string;
  readonly 'incidents.csv': string;
  readonly 'organizations.geojson': string;
  readonly 'surveys.csv': string;
}

/** The generated city: file contents and the facts planted in them. */
export interface DemoCity {
  readonly files: DemoCityFiles;
  readonly facts: DemoCityFacts;
}

/**
 * Generates the SYNTHETIC hexreach demo city: ~150 census-tract-like polygons with ACS-style
 * attributes, ~50,000 incidents over 2023–2024, ~60 partner organizations and ~1,200 survey
 * answers, with planted hotspots, corridors, an emerging and a fading hotspot, disadvantaged
 * districts and deliberately bad records. Pure: returns the file contents, writes nothing.
 *
 * @param options - `seed` (default 2025, the committed `data/demo/`)
 * @returns the five files as strings, and the facts planted in them
 * @throws HexreachError `E_ARGUMENT` when the seed is not a 32-bit unsigned integer
 * @example
 * ```ts
 * const { files, facts } = makeDemoCity({ seed: 7 });
 * files['incidents.csv'].split('\n')[0]; // 'id,date,category,latitude,longitude'
 * facts.tractCount; // 150
 * ```
 */
export function makeDemoCity(options: DemoCityOptions = {}): DemoCity {
  const seed = options.seed ?? DEFAULT_SEED;
  assertArgument(
    Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff,
    'makeDemoCity',
    `seed must be an integer in [0, 2^32), got ${seed}`,
    seed,
  );
  const city = buildCity();
  const plans = buildTracts(city, makeRandom(seed, 1));
  const tracts = describeTracts(plans, makeRandom(seed, 2));
  const degrees = tracts.map((t) => toDegrees(t.plan.shape));
  const placement = makePlacement(city, tracts, degrees);
  const incidents = drawIncidents(placement, makeRandom(seed, 3));
  const organizations = placeOrganizations(placement, makeRandom(seed, 4));
  const surveys = answerSurveys(placement, makeRandom(seed, 5));

  const facts = cityFacts({ seed, tracts, incidents, organizations, surveys });
  const label = 'hexreach demo city (SYNTHETIC, not a real place)';
  const files: DemoCityFiles = {
    'README.md': renderReadme(facts),
    'tracts.geojson': featureCollectionText(`${label}: tracts`, tractFeatures(tracts, degrees)),
    'incidents.csv': csvText(['id', 'date', 'category', 'latitude', 'longitude'], incidents.rows),
    'organizations.geojson': featureCollectionText(
      `${label}: organizations`,
      organizationFeatures(organizations),
    ),
    'surveys.csv': csvText(
      ['id', 'date', 'latitude', 'longitude', 'trust_police', 'feel_safe'],
      surveys.rows,
    ),
  };
  return { files, facts };
}

/** The demo city's files in the binary formats an analyst also receives, by name. */
export interface DemoCityBinaryFiles {
  /** The tracts as a zipped shapefile in Nebraska state plane feet (ESRI:102704). */
  readonly 'tracts.zip': Uint8Array;
  /** The incidents as Parquet, row for row incidents.csv. */
  readonly 'incidents.parquet': Uint8Array;
}

/**
 * The tracts and incidents of a generated city again, as a zipped shapefile in a state-plane
 * projection in feet (attributes under dBase's 10-character names, `TRACT_FIELD_NAMES`) and as
 * Parquet: the formats city portals publish, for `hexreach analyze --areas tracts.zip
 * --incidents incidents.parquet` to read to the same cells as the GeoJSON and CSV.
 * Deterministic: the same files give the same bytes.
 *
 * @param files - the text files of {@link makeDemoCity}
 * @returns the two binary files
 * @example
 * ```ts
 * const binaries = demoCityBinaryFiles(makeDemoCity().files);
 * binaries['tracts.zip'].length; // a few tens of kilobytes
 * ```
 */
export function demoCityBinaryFiles(files: DemoCityFiles): DemoCityBinaryFiles {
  const tracts = JSON.parse(files['tracts.geojson']) as FeatureCollection<Polygon | MultiPolygon>;
  const fields = [...TRACT_FIELD_NAMES].map(([property, name]) => ({ name, property }));
  return {
    'tracts.zip': featuresToShapefileZip(tracts.features as Feature<Polygon | MultiPolygon>[], {
      name: 'tracts',
      fields,
      prj: NEBRASKA_FEET_PRJ,
      project: toNebraskaFeet,
    }),
    'incidents.parquet': incidentsCsvToParquet(files['incidents.csv']),
  };
}

function runCli(args: readonly string[]): void {
  let seed = DEFAULT_SEED;
  let out = fileURLToPath(new URL('./demo/', import.meta.url));
  for (let i = 0; i < args.length; i++) {
    const value = args[i + 1];
    if (args[i] === '--seed' && value !== undefined && /^\d+$/.test(value)) {
      seed = Number(value);
      i++;
    } else if (args[i] === '--out' && value !== undefined) {
      out = value;
      i++;
    } else {
      console.error('usage: npx tsx data/makeDemoCity.ts [--seed N] [--out DIR]');
      process.exit(2);
    }
  }
  const { files, facts } = makeDemoCity({ seed });
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
  for (const [name, bytes] of Object.entries(demoCityBinaryFiles(files))) {
    writeFileSync(join(out, name), bytes);
  }
  console.log(
    `seed ${seed}: ${facts.tractCount} tracts, ${facts.incidentRows} incident rows, ` +
      `${facts.organizationCount} organizations, ${facts.surveyCount} survey answers → ${out}`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  runCli(process.argv.slice(2));
