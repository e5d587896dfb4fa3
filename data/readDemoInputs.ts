import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { areaAttributesOf } from '../packages/core/src/config/areaAttributesOf.js';
import type { HexreachConfig } from '../packages/core/src/config/configSchema.js';
import { readAreasGeoJson } from '../packages/core/src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../packages/core/src/io/readIncidentsCsv.js';
import { readOrganizationsGeoJson } from '../packages/core/src/io/readOrganizations.js';
import { readSurveysCsv } from '../packages/core/src/io/readSurveysCsv.js';
import type { AnalyzeInputs } from '../packages/core/src/pipeline/analysisResult.js';

/** A file of the demo city (data/demo). */
const demoFile = (name: string) => fileURLToPath(new URL(`demo/${name}`, import.meta.url));

/**
 * The demo city's incidents, tracts (with the attributes `config` uses), organizations and
 * survey answers (when the configuration names `trust.answer`), read as `analyze` takes them — for the tests and
 * benchmarks that analyse the demo in-process rather than through the CLI.
 *
 * @param config - a parsed configuration, such as examples/hexreach.config.json's
 * @returns the inputs of `analyze`
 * @example
 * ```ts
 * const result = analyze(await readDemoInputs(config), config);
 * ```
 */
export async function readDemoInputs(config: HexreachConfig): Promise<AnalyzeInputs> {
  const incidents = await readIncidentsCsv(createReadStream(demoFile('incidents.csv'), 'utf8'), {
    source: 'incidents.csv',
  });
  const areas = readAreasGeoJson(JSON.parse(readFileSync(demoFile('tracts.geojson'), 'utf8')), {
    source: 'tracts.geojson',
    attributes: areaAttributesOf(config),
  });
  const organizations = readOrganizationsGeoJson(
    JSON.parse(readFileSync(demoFile('organizations.geojson'), 'utf8')),
    { source: 'organizations.geojson' },
  );
  const answer = config.trust.answer;
  const surveys =
    answer === undefined
      ? undefined
      : await readSurveysCsv(createReadStream(demoFile('surveys.csv'), 'utf8'), {
          source: 'surveys.csv',
          answers: [answer],
        });
  return {
    incidents: incidents.data,
    areas: areas.data,
    organizations: organizations.data,
    surveys: surveys?.data,
  };
}
