import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { HexreachConfig } from '../config/configSchema.js';
import { evaluationSettings } from '../config/evaluationSettings.js';
import { HexreachError } from '../errors.js';
import { type EvaluationRun, evaluateRun } from '../evaluate/evaluateRun.js';
import { evaluationToCsv } from '../export/evaluationToCsv.js';
import { evaluationToFeatureCollection } from '../export/evaluationToFeatureCollection.js';
import { evaluationToJson } from '../export/evaluationToJson.js';
import {
  renderEvaluationHtml,
  renderEvaluationMarkdown,
} from '../export/renderEvaluationReport.js';
import { readEngagementCsv } from '../io/readEngagementCsv.js';
import { readInputs } from '../run/readInputs.js';
import {
  combineTallies,
  createRejectionTally,
  type RejectionCounter,
} from '../run/rejectionTally.js';
import type { RejectionSink } from '../types.js';
import { failWhenStrict, usage } from './commandErrors.js';
import { displayPath } from './displayPath.js';
import { nodeFileSource } from './nodeFileSource.js';
import { openRejectedCsv, type RejectedCsvFile } from './openRejectedCsv.js';
import { createProgress } from './progress.js';
import { readCommandConfig } from './readCommandConfig.js';
import { readJsonFile } from './readJsonFile.js';
import { createStagingFolder } from './stagingFolder.js';

/** Options of `hexreach evaluate`; each overrides the configuration file. */
export interface EvaluateCommandOptions {
  readonly config?: string;
  readonly incidents?: string;
  readonly areas?: string;
  readonly surveys?: string;
  readonly zones?: string;
  readonly start?: string;
  readonly end?: string;
  readonly engagement?: string;
  readonly resolution?: number;
  readonly population?: string;
  readonly window?: number;
  readonly placebos?: number;
  readonly out?: string;
  readonly seed?: number;
  readonly public?: boolean;
  readonly epsilon?: number;
  readonly strict?: boolean;
  readonly quiet?: boolean;
}

/**
 * Runs `hexreach evaluate`: reads the configuration, incidents, areas, surveys, zones and
 * engagement log, evaluates each zone, and writes evaluation.json, evaluation-zones.geojson (the
 * zones' outlines with their estimates), evaluation.csv, report.html, report.md (and
 * rejected.csv unless public) into the output folder (`evaluation.out`, default
 * `evaluation` beside the configuration), through a temporary folder as `analyze` does, so a failed run
 * leaves the previous files as they were. Prints one sentence per zone.
 *
 * @throws HexreachError for bad input (exit code 1) or usage (exit code 2)
 * @example
 * ```ts
 * await runEvaluate({ config: 'examples/evaluate.config.json' }, '0.1.0');
 * ```
 */
export async function runEvaluate(options: EvaluateCommandOptions, version: string): Promise<void> {
  const started = performance.now();
  const { config, base, fromConfig } = readCommandConfig(options.config, (raw) =>
    withFlags(raw, options),
  );
  const settings = evaluationSettings(config);
  const paths = {
    incidents: options.incidents ?? fromConfig(config.inputs.incidents?.path),
    areas: options.areas ?? fromConfig(config.inputs.areas?.path),
    surveys: options.surveys ?? fromConfig(config.inputs.surveys?.path),
    zones: options.zones ?? fromConfig(settings.zones),
    engagement: options.engagement ?? fromConfig(settings.engagement?.path),
  };
  if (paths.incidents === undefined)
    throw usage('no incidents file: give --incidents FILE or inputs.incidents.path');
  if (paths.areas === undefined)
    throw usage('no areas file: give --areas FILE or inputs.areas.path');
  if (paths.zones === undefined) throw usage('no zones: give --zones FILE or evaluation.zones');
  const checked: EvaluatePaths = {
    ...paths,
    incidents: paths.incidents,
    areas: paths.areas,
    zones: paths.zones,
  };
  // Before any file is read: a public evaluation takes its months from the configuration.
  if (
    config.privacy.public &&
    (config.incidents.from === undefined || config.incidents.to === undefined)
  ) {
    throw new HexreachError(
      'E_CONFIG',
      'a public evaluation takes its months from the configuration, never from the incidents: set incidents.from and incidents.to',
    );
  }
  const outDir = options.out ?? resolve(base, settings.out);
  const staging = createStagingFolder(outDir);
  let rejectedCsv: RejectedCsvFile | undefined;
  try {
    if (!config.privacy.public) rejectedCsv = openRejectedCsv(join(staging.path, 'rejected.csv'));
    const { run, rejected } = await readAndEvaluate(options, config, checked, rejectedCsv);
    const names = writeEvaluation(staging.path, run, version, checked);
    if (rejectedCsv !== undefined) names.push(rejectedCsv.close().name);
    staging.commit(names);
    process.stdout.write(formatSummary(run, rejected, names, outDir, started));
  } catch (error) {
    rejectedCsv?.abort();
    staging.discard();
    throw error;
  }
}

interface EvaluatePaths {
  readonly incidents: string;
  readonly areas: string;
  readonly surveys?: string;
  readonly zones: string;
  readonly engagement?: string;
}

async function readAndEvaluate(
  options: EvaluateCommandOptions,
  config: HexreachConfig,
  paths: EvaluatePaths,
  rejectedCsv: RejectedCsvFile | undefined,
): Promise<{ run: EvaluationRun; rejected: number }> {
  const progress = createProgress(process.stderr, options.quiet ?? false);
  const tallies: RejectionCounter[] = [];
  const sink = (): RejectionSink => {
    const tally = createRejectionTally();
    tallies.push(tally);
    return (rejection) => {
      tally.add(rejection);
      rejectedCsv?.write(rejection);
    };
  };
  // The zones first: a small file, and the one most often wrong, so its errors come at once.
  const zones = {
    source: displayPath(paths.zones),
    collection: readJsonFile(paths.zones, 'zones'),
  };
  const read = await readInputs(
    {
      incidents: nodeFileSource(paths.incidents, 'incidents'),
      areas: nodeFileSource(paths.areas, 'areas'),
      ...(paths.surveys === undefined ? {} : { surveys: nodeFileSource(paths.surveys, 'surveys') }),
    },
    config,
    {
      onStart: (_role, name) => progress.start(`reading ${name}`),
      onRead: (event) => progress.done(`${event.read.read.toLocaleString('en-US')} records`),
      onRejection: { incidents: sink(), areas: sink(), surveys: sink() },
    },
  );
  let engagement: Awaited<ReturnType<typeof readEngagementCsv>> | undefined;
  if (paths.engagement !== undefined) {
    const source = nodeFileSource(paths.engagement, 'engagement log');
    progress.start(`reading ${source.name}`);
    engagement = await readEngagementCsv(source.stream(), {
      source: source.name,
      columns: evaluationSettings(config).engagement?.columns,
      onRejection: sink(),
    });
    progress.done(`${engagement.read.toLocaleString('en-US')} activities`);
  }
  failWhenStrict(config, combineTallies(tallies));
  progress.start('evaluating');
  const run = evaluateRun(
    {
      incidents: read.incidents.data,
      areas: read.areas.data,
      surveys: read.surveys?.data,
      zones,
      ...(engagement ? { engagement: engagement.data } : {}),
    },
    read.config,
    { onRejection: sink(), onOutside: () => {} },
  );
  progress.done(`${run.zones.length} zones`);
  failWhenStrict(config, combineTallies(tallies));
  return { run, rejected: combineTallies(tallies).total };
}

/** Writes the evaluation's files into `dir`; returns their names. */
function writeEvaluation(
  dir: string,
  run: EvaluationRun,
  version: string,
  paths: EvaluatePaths,
): string[] {
  const inputs = Object.fromEntries(
    Object.entries(paths)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      // A public output names files without their folders, which may hold a user's name.
      .map(([role, path]) => [
        role,
        run.privacy.public ? (path.split(/[\\/]/).pop() ?? path) : displayPath(path),
      ]),
  );
  const files: [string, string][] = [
    ['evaluation.json', `${JSON.stringify(evaluationToJson(run, { version, inputs }), null, 2)}\n`],
    // evaluation.json holds no geometry: this is its map, for the viewer and GIS.
    ['evaluation-zones.geojson', `${JSON.stringify(evaluationToFeatureCollection(run))}\n`],
    ['evaluation.csv', evaluationToCsv(run)],
    ['report.html', renderEvaluationHtml(run)],
    ['report.md', renderEvaluationMarkdown(run)],
  ];
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return files.map(([name]) => name);
}

function formatSummary(
  run: EvaluationRun,
  rejected: number,
  names: readonly string[],
  outDir: string,
  started: number,
): string {
  const lines = [
    `hexreach evaluate: ${run.zones.length} zones, ${run.months.count} whole months (${run.months.from} – ${run.months.to}), resolution ${run.grid.resolution}${run.privacy.public ? `, public (ε = ${run.privacy.epsilon})` : `, ${rejected.toLocaleString('en-US')} records rejected`}`,
    '',
    ...run.zones.map((z) => `${z.id}${z.name !== z.id ? ` · ${z.name}` : ''}: ${z.sentence}`),
    '',
    `All zones: ${formatChange(run.all.change)} (${Math.round(run.all.confidence * 100)} % CI ${formatChange(run.all.low)} to ${formatChange(run.all.high)}, p = ${Number.isFinite(run.all.p) ? run.all.p.toFixed(3) : '–'})`,
    '',
    `Wrote ${names.map((n) => displayPath(join(outDir, n))).join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  ];
  return `${lines.join('\n')}\n`;
}

function formatChange(x: number): string {
  return Number.isFinite(x) ? `${x < 0 ? '−' : '+'}${Math.abs(Math.round(x * 100))} %` : '–';
}

function withFlags(
  raw: Record<string, unknown>,
  options: EvaluateCommandOptions,
): Record<string, unknown> {
  const config: Record<string, unknown> = { ...raw };
  const section = (key: string) => {
    const value = raw[key];
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  };
  if (options.surveys !== undefined) {
    const inputs = section('inputs') as Record<string, unknown>;
    inputs.surveys = { ...((inputs.surveys as object | undefined) ?? {}), path: options.surveys };
    config.inputs = inputs;
  }
  const evaluation: Record<string, unknown> = section('evaluation');
  if (options.start !== undefined) evaluation.start = options.start;
  if (options.end !== undefined) evaluation.end = options.end;
  if (options.window !== undefined) evaluation.window = options.window;
  if (options.placebos !== undefined) evaluation.placebos = options.placebos;
  if (Object.keys(evaluation).length > 0 || raw.evaluation !== undefined)
    config.evaluation = evaluation;
  if (options.resolution !== undefined) config.resolution = options.resolution;
  if (options.population !== undefined) config.population = options.population;
  if (options.seed !== undefined) config.seed = options.seed;
  if (options.strict !== undefined) config.strict = options.strict;
  if (options.public !== undefined || options.epsilon !== undefined) {
    const privacy: Record<string, unknown> = section('privacy');
    if (options.public !== undefined) privacy.public = options.public;
    if (options.epsilon !== undefined) privacy.epsilon = options.epsilon;
    config.privacy = privacy;
  }
  return config;
}
