import { join, resolve } from 'node:path';
import type { HexreachConfig } from '../config/configSchema.js';
import { threadedPermutationRunner } from '../node/threadedPermutationRunner.js';
import type { AnalysisResult } from '../pipeline/analysisResult.js';
import { analyze } from '../pipeline/analyze.js';
import { buildSummary, type RunInputs } from '../run/buildSummary.js';
import type { InputSource } from '../run/InputSource.js';
import { incidentCounts } from '../run/incidentCounts.js';
import {
  type InputRead,
  type InputRole,
  type InputSources,
  readInputs,
} from '../run/readInputs.js';
import {
  combineTallies,
  createRejectionTally,
  type RejectionCounter,
  type RejectionTally,
} from '../run/rejectionTally.js';
import { withInputNotes } from '../run/withInputNotes.js';
import type { ReadResult, RejectionSink } from '../types.js';
import { failWhenStrict, usage } from './commandErrors.js';
import { displayPath } from './displayPath.js';
import { nodeFileSource } from './nodeFileSource.js';
import { openRejectedCsv, type RejectedCsvFile } from './openRejectedCsv.js';
import { createProgress } from './progress.js';
import { type CommandConfig, readCommandConfig } from './readCommandConfig.js';
import { createStagingFolder } from './stagingFolder.js';
import { writeOutputs } from './writeOutputs.js';

/** Options of `hexreach analyze`; each overrides the configuration file. */
export interface AnalyzeCommandOptions {
  readonly config?: string;
  readonly incidents?: string;
  readonly cells?: string;
  readonly areas?: string;
  readonly organizations?: string;
  readonly surveys?: string;
  readonly places?: string;
  readonly resolution?: number;
  readonly population?: string;
  readonly maxCells?: number;
  readonly out?: string;
  readonly strict?: boolean;
  readonly seed?: number;
  readonly stat?: string;
  readonly public?: boolean;
  readonly minCount?: number;
  readonly epsilon?: number;
  readonly quiet?: boolean;
}

/**
 * Runs `hexreach analyze`: reads the configuration and inputs, analyses, writes the outputs and
 * prints a summary on stdout (progress on stderr).
 *
 * Outputs are written into a temporary folder beside the output folder and moved into it only
 * when all are complete (see createStagingFolder), so a failing or killed run leaves the previous
 * run's files as they were. Rejected records are streamed to that folder's `rejected.csv` as the
 * readers find them; only their counts and the first 20 stay in memory.
 *
 * For tests, the environment variable `HEXREACH_TEST_KILL_AFTER_FILE=n` makes the process kill
 * itself (SIGKILL, as the kernel's out-of-memory killer or a power cut would: no clean-up runs)
 * once the n-th output file is complete in the temporary folder, in the order writeOutputs
 * writes them (cells.geojson is 1); nothing else reads it.
 *
 * @throws HexreachError for bad input (exit code 1) — the caller prints its message
 * @example
 * ```ts
 * await runAnalyze({ config: 'examples/hexreach.config.json', out: 'out' }, '0.1.0');
 * ```
 */
export async function runAnalyze(options: AnalyzeCommandOptions, version: string): Promise<void> {
  const started = performance.now();
  const { config, base, fromConfig } = readCommandConfig(options.config, (raw) =>
    applyFlags(raw, options),
  );
  const paths = inputPaths(options, config, fromConfig);
  const outDir = options.out ?? resolve(base, config.output.dir);
  const staging = createStagingFolder(outDir);
  let rejectedCsv: RejectedCsvFile | undefined;
  try {
    // rejected.csv lists the user's own records: never part of a public export.
    if (!config.privacy.public) rejectedCsv = openRejectedCsv(join(staging.path, 'rejected.csv'));
    const run = await readAndAnalyze(options, config, paths, rejectedCsv, started);
    const written = writeAndCommit(run, version, outDir, staging, rejectedCsv);
    process.stdout.write(formatSummary(run, written, version));
  } catch (error) {
    rejectedCsv?.abort();
    staging.discard();
    throw error;
  }
}

/** What a run read and computed, with the tallies of its rejected records. */
interface Run {
  readonly result: ReturnType<typeof analyze>;
  readonly inputs: RunInputs;
  readonly durations: Record<string, number>;
  readonly progress: ReturnType<typeof createProgress>;
  readonly started: number;
}

/** The input files: flags first, then the configuration's paths (relative to its folder). */
interface InputPaths {
  /** Incident points, or `cells`: one of them. */
  readonly incidents?: string;
  readonly cells?: string;
  readonly areas: string;
  readonly organizations?: string;
  readonly surveys?: string;
  readonly places?: string;
}

function inputPaths(
  options: AnalyzeCommandOptions,
  config: HexreachConfig,
  fromConfig: CommandConfig['fromConfig'],
): InputPaths {
  if (options.incidents !== undefined && options.cells !== undefined)
    throw usage('give --incidents FILE (points) or --cells FILE (cell aggregates), not both');
  // A flag replaces the configuration's incidents or cells, whichever it names.
  const fromFlags = options.incidents !== undefined || options.cells !== undefined;
  const incidents = fromFlags ? options.incidents : fromConfig(config.inputs.incidents?.path);
  const cells = fromFlags ? options.cells : fromConfig(config.inputs.cells?.path);
  const areas = options.areas ?? fromConfig(config.inputs.areas?.path);
  if (incidents === undefined && cells === undefined)
    throw usage(
      'no incidents file: give --incidents FILE, --cells FILE, inputs.incidents.path or inputs.cells.path',
    );
  if (areas === undefined) throw usage('no areas file: give --areas FILE or inputs.areas.path');
  return {
    ...(cells === undefined ? { incidents } : { cells }),
    areas,
    organizations: options.organizations ?? fromConfig(config.inputs.organizations?.path),
    surveys: options.surveys ?? fromConfig(config.inputs.surveys?.path),
    places: options.places ?? fromConfig(config.places?.path),
  };
}

/** Where summary.json's `durationsSeconds` puts each input's reading. */
const READ_DURATIONS: Readonly<Record<InputRole, string>> = {
  incidents: 'readIncidents',
  areas: 'readAreas',
  organizations: 'readOrganizations',
  surveys: 'readSurveys',
  places: 'readPlaces',
};

async function readAndAnalyze(
  options: AnalyzeCommandOptions,
  config: HexreachConfig,
  paths: InputPaths,
  rejectedCsv: RejectedCsvFile | undefined,
  started: number,
): Promise<Run> {
  const progress = createProgress(process.stderr, options.quiet ?? false);
  // Every rejected record goes to rejected.csv (unless public) and to its input's tally.
  const tallies = {
    incidents: createRejectionTally(),
    outside: createRejectionTally(),
    areas: createRejectionTally(),
    organizations: createRejectionTally(),
    surveys: createRejectionTally(),
    places: createRejectionTally(),
  };
  const sinkTo =
    (tally: RejectionCounter): RejectionSink =>
    (rejection) => {
      tally.add(rejection);
      rejectedCsv?.write(rejection);
    };
  const rejected = () =>
    combineTallies([
      tallies.incidents,
      tallies.areas,
      tallies.organizations,
      tallies.surveys,
      tallies.places,
    ]);
  const sources = inputSources(paths);
  const durations: Record<string, number> = {};
  let readStarted = 0;
  const read = await readInputs(sources, config, {
    onStart: (_role, name) => {
      progress.start(`reading ${name}`);
      readStarted = performance.now();
    },
    onRows: (rows) => progress.update(`${fmt(rows)} rows`),
    onRead: (event) => {
      durations[READ_DURATIONS[event.role]] = (performance.now() - readStarted) / 1000;
      progress.done(readDetail(event));
    },
    onRejection: {
      incidents: sinkTo(tallies.incidents),
      areas: sinkTo(tallies.areas),
      organizations: sinkTo(tallies.organizations),
      surveys: sinkTo(tallies.surveys),
      places: sinkTo(tallies.places),
    },
    // Under --strict, a rejected record read is an error before the analysis, not after it.
    onAllRead: () => failWhenStrict(config, rejected()),
  });

  progress.start('analysing');
  const analysisStarted = performance.now();
  const analysed = analyze(
    {
      incidents: read.incidents.data,
      areas: read.areas.data,
      organizations: read.organizations?.data,
      surveys: read.surveys?.data,
      places: read.places?.data,
    },
    read.config,
    // Binning's rejections follow the reader's in the incidents' tally.
    {
      onRejection: sinkTo(tallies.incidents),
      onOutside: sinkTo(tallies.outside),
      // Every core for the permutations: the same output as one thread, sooner.
      permutationRunner: threadedPermutationRunner(),
    },
  );
  const result = withInputNotes(analysed, read.notes);
  durations.analyze = (performance.now() - analysisStarted) / 1000;
  progress.done(`${fmt(result.grid.cells.length)} cells, ${fmt(result.zones.length)} zones`);
  failWhenStrict(config, rejected());

  const input = <T>(source: InputSource, data: ReadResult<T>, tally: RejectionTally) => ({
    path: source.name,
    read: data,
    rejected: tally,
  });
  const inputs: RunInputs = {
    incidents: {
      ...input(
        (sources.cells ?? sources.incidents) as InputSource,
        read.incidents,
        tallies.incidents,
      ),
      outside: tallies.outside,
    },
    areas: input(sources.areas, read.areas, tallies.areas),
    ...(sources.organizations === undefined || read.organizations === undefined
      ? {}
      : { organizations: input(sources.organizations, read.organizations, tallies.organizations) }),
    ...(sources.surveys === undefined || read.surveys === undefined
      ? {}
      : { surveys: input(sources.surveys, read.surveys, tallies.surveys) }),
    ...(sources.places === undefined || read.places === undefined
      ? {}
      : { places: input(sources.places, read.places, tallies.places) }),
  };
  return { result, inputs, durations, progress, started };
}

/** The input files as sources that check, when read, that they are there. */
function inputSources(paths: InputPaths): InputSources {
  const { organizations, surveys, places } = paths;
  return {
    ...(paths.cells === undefined
      ? { incidents: nodeFileSource(paths.incidents as string, 'incidents') }
      : { cells: nodeFileSource(paths.cells, 'cells') }),
    areas: nodeFileSource(paths.areas, 'areas'),
    ...(organizations === undefined
      ? {}
      : { organizations: nodeFileSource(organizations, 'organizations') }),
    ...(surveys === undefined ? {} : { surveys: nodeFileSource(surveys, 'surveys') }),
    ...(places === undefined ? {} : { places: nodeFileSource(places, 'places') }),
  };
}

/** The progress line's detail for a file read. */
function readDetail(event: InputRead): string {
  const { read, rejectedCount } = event.read;
  const rejected = `${fmt(rejectedCount)} rejected`;
  switch (event.role) {
    case 'incidents':
      return `${fmt(read)} records, ${rejected}`;
    case 'areas':
      return `${fmt(read)} areas, ${rejected}, population: ${event.population ?? 'none'}`;
    case 'organizations':
      return `${fmt(read)} organizations, ${rejected}`;
    case 'surveys':
      return `${fmt(read)} answers, ${rejected}`;
    case 'places':
      return `${fmt(read)} places, ${rejected}, named by ${event.read.data.nameProperty}`;
  }
}

/**
 * Writes the outputs into the temporary folder, then moves them into `outDir`; returns the paths
 * of the files as they are in `outDir`, for the printout.
 */
function writeAndCommit(
  run: Run,
  version: string,
  outDir: string,
  staging: ReturnType<typeof createStagingFolder>,
  rejectedCsv: RejectedCsvFile | undefined,
): string[] {
  const { durations, progress } = run;
  durations.total = (performance.now() - run.started) / 1000;
  const summary = buildSummary(run.result, run.inputs, { version, durations });
  progress.start(`writing ${displayPath(outDir)}`);
  const t = performance.now();
  const names = writeOutputs(staging.path, run.result, summary, {
    written: rejectedCsv === undefined ? [] : [rejectedCsv.close()],
    afterFile: killAfterFile(process.env.HEXREACH_TEST_KILL_AFTER_FILE),
  });
  staging.commit(names);
  durations.write = (performance.now() - t) / 1000;
  progress.done(`${names.length} files`);
  return names.map((name) => displayPath(join(outDir, name)));
}

/** The test hook of `HEXREACH_TEST_KILL_AFTER_FILE` (see runAnalyze), or none. */
function killAfterFile(value: string | undefined): ((name: string) => void) | undefined {
  const n = value === undefined ? Number.NaN : Number(value);
  if (!Number.isInteger(n) || n < 1) return undefined;
  let files = 0;
  return () => {
    files++;
    if (files === n) process.kill(process.pid, 'SIGKILL');
  };
}

function robustnessText(result: ReturnType<typeof analyze>, rank: number): string {
  const r = result.robustness?.zones[rank - 1];
  return r === undefined
    ? ''
    : `, ${r.label} (${Math.floor(r.meanProbability * 100)}% selected under perturbation)`;
}

function scaleText(scale: ReturnType<typeof analyze>['hotspotScale']): string {
  if (scale.method === 'distance') return `distance band ${scale.distanceMeters} m`;
  if (scale.method === 'auto')
    return `k = ${scale.k}, chosen by incremental spatial autocorrelation`;
  return `k = ${scale.k}`;
}

function applyFlags(
  raw: Record<string, unknown>,
  options: AnalyzeCommandOptions,
): Record<string, unknown> {
  const config: Record<string, unknown> = { ...raw };
  // --surveys goes into the configuration (not only read) so that parseConfig asks for
  // trust.answer with the same message as for inputs.surveys, and summary.json names the file.
  // Inputs that are not an object are left for parseConfig to report.
  if (options.surveys !== undefined && (raw.inputs === undefined || isObject(raw.inputs))) {
    const inputs = raw.inputs ?? {};
    const surveys = isObject(inputs.surveys) ? inputs.surveys : {};
    config.inputs = { ...inputs, surveys: { ...surveys, path: options.surveys } };
  }
  // --places likewise, so that summary.json's parameters name the file the zones are named by.
  if (options.places !== undefined && (raw.places === undefined || isObject(raw.places))) {
    config.places = { ...(raw.places ?? {}), path: options.places };
  }
  if (options.resolution !== undefined) config.resolution = options.resolution;
  if (options.population !== undefined) config.population = options.population;
  if (options.maxCells !== undefined) config.maxCells = options.maxCells;
  if (options.strict !== undefined) config.strict = options.strict;
  if (options.seed !== undefined) config.seed = options.seed;
  if (options.stat !== undefined) {
    config.statistics = options.stat
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
  if (
    options.public !== undefined ||
    options.minCount !== undefined ||
    options.epsilon !== undefined
  ) {
    const privacy = { ...((raw.privacy as Record<string, unknown> | undefined) ?? {}) };
    if (options.public !== undefined) privacy.public = options.public;
    if (options.minCount !== undefined) privacy.minCount = options.minCount;
    if (options.epsilon !== undefined) privacy.epsilon = options.epsilon;
    config.privacy = privacy;
  }
  return config;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function formatSummary(run: Run, written: readonly string[], version: string): string {
  const { result, inputs } = run;
  const rejections = combineTallies([
    inputs.incidents.rejected,
    inputs.areas.rejected,
    inputs.organizations?.rejected,
    inputs.surveys?.rejected,
    inputs.places?.rejected,
  ]);
  const bins = result.hotspots.bin;
  const hot = (level: number) => bins.reduce((c, b) => c + (b >= level ? 1 : 0), 0);
  const cold = (level: number) => bins.reduce((c, b) => c + (b <= -level ? 1 : 0), 0);
  const lines = [`hexreach ${version} — analyze`, ...inputLines(run)];
  lines.push(
    `cells      ${fmt(result.grid.cells.length)} H3 cells at resolution ${result.grid.resolution}, ${fmt(result.binned.incidents.reduce((c, v) => c + (v > 0 ? 1 : 0), 0))} with incidents`,
    `hotspots   Gi* (${scaleText(result.hotspotScale)}${result.config.hotspots.fdr ? ', FDR' : ''}): ${fmt(hot(1))} hot cells (${fmt(hot(3))} at 99%), ${fmt(cold(1))} cold cells (${fmt(cold(3))} at 99%)`,
  );
  lines.push(
    `zones      ${fmt(result.zones.length)} contiguous priority zones, ${fmt(result.zones.reduce((c, z) => c + z.cellCount, 0))} cells${result.droppedCells > 0 ? ` (${fmt(result.droppedCells)} selected cells in groups under ${result.config.zones.minCells} cells left out)` : ''}`,
  );
  for (const zone of result.zones.slice(0, 5)) {
    const pop = Number.isFinite(zone.population)
      ? `${fmt(Math.round(zone.population))} residents, `
      : '';
    lines.push(
      `           ${zone.name ?? zone.id}: ${zone.cellCount} cells, ${zone.areaKm2.toFixed(2)} km², ${pop}${fmt(zone.incidents)} incidents, mean score ${zone.meanScore.toFixed(3)}${robustnessText(result, zone.rank)}`,
    );
  }
  lines.push(...statisticLines(result));
  for (const note of result.notes) lines.push(`note       ${note}`);
  if (rejections.total > 0) {
    const where = result.config.privacy.public
      ? 'no rejected.csv: --public'
      : 'all in rejected.csv';
    lines.push(
      `rejected   ${fmt(rejections.total)} record(s); the first ${rejections.first.length} (${where}):`,
    );
    for (const r of rejections.first)
      lines.push(`           ${r.source} ${r.recordKind} ${r.record}: ${r.message}`);
  }
  lines.push(`outputs    ${written.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** The console lines of each input read, and how its records were accounted for. */
function inputLines(run: Run): string[] {
  const { result, inputs } = run;
  const published = incidentCounts(inputs.incidents.read, result.binned);
  // The console is the operator's: it accounts for the true records (a public run's accepted
  // count is noisy, and is shown beside them).
  const counts = {
    ...published,
    accepted: published.read - published.rejected - published.outside,
  };
  const noisyNote =
    result.noisy === undefined
      ? ''
      : ` (published with noise: ${fmt(published.accepted)} accepted)`;
  const aggregated = inputs.incidents.read.data.aggregated;
  const cellsNote =
    aggregated === undefined
      ? ''
      : ` (cell aggregates: ${fmt(aggregated.rows)} rows accepted; rejected counts rows, the rest incidents)`;
  const lines = [
    `incidents  ${inputs.incidents.path}: ${fmt(counts.read)} read = ${fmt(counts.accepted)} accepted + ${fmt(counts.rejected)} rejected + ${fmt(counts.outside)} outside the study area or date window${result.config.incidents.exclude.length > 0 ? ' or of a category left out' : ''}${noisyNote}${cellsNote}`,
    `areas      ${inputs.areas.path}: ${fmt(inputs.areas.read.read)} read, ${fmt(inputs.areas.read.data.length)} accepted, ${fmt(inputs.areas.read.rejectedCount)} rejected, ${fmt(inputs.areas.read.warnings.length)} with missing values; population: ${result.populationAttribute ?? 'none'}`,
  ];
  if (inputs.organizations !== undefined) {
    const o = inputs.organizations.read;
    lines.push(
      `partners   ${inputs.organizations.path}: ${fmt(o.read)} read, ${fmt(o.data.length)} accepted`,
    );
  }
  if (inputs.surveys !== undefined) {
    const v = inputs.surveys.read;
    lines.push(
      `surveys    ${inputs.surveys.path}: ${fmt(v.read)} read, ${fmt(v.data.length)} accepted, ${fmt(v.rejectedCount)} rejected${result.trust === undefined ? '' : `; city mean ${result.trust.cityMean.toFixed(2)}`}`,
    );
  }
  const places = result.places;
  if (places !== undefined) {
    const inPlaces = places.placeOfCell.reduce((n, p) => n + (p >= 0 ? 1 : 0), 0);
    const file = inputs.places;
    const read =
      file === undefined
        ? `the areas' names (${places.nameProperty})`
        : `${file.path}: ${fmt(file.read.read)} read, ${fmt(file.read.data.length)} accepted, ${fmt(file.read.rejectedCount)} rejected; names: ${places.nameProperty}`;
    lines.push(
      `places     ${read}; ${fmt(inPlaces)} of ${fmt(places.placeOfCell.length)} cells have their centre in a place`,
    );
  }
  return lines;
}

/** The console lines of the statistics beyond Gi*: Moran, LISA, spread, emerging, change. */
function statisticLines(result: AnalysisResult): string[] {
  const lines: string[] = [];
  const m = result.moran;
  if (m !== undefined) {
    lines.push(
      `moran      global Moran's I ${m.I.toFixed(3)} (z = ${m.z.toFixed(1)}, two-sided p ${m.p < 0.001 ? '< 0.001' : `= ${m.p.toFixed(3)}`})`,
    );
  }
  if (result.lisa !== undefined) {
    const quadrants = new Map<string, number>();
    for (const q of result.lisa.quadrant) quadrants.set(q, (quadrants.get(q) ?? 0) + 1);
    const text = [...quadrants]
      .filter(([q]) => q !== 'Not significant')
      .map(([q, k]) => `${fmt(k)} ${q}`)
      .join(', ');
    lines.push(`lisa       Local Moran's I: ${text === '' ? 'no significant cluster' : text}`);
  }
  const c = result.concentration;
  if (Number.isFinite(c.gini)) {
    const top10 = c.topShares.find((t) => t.cellShare === 0.1);
    lines.push(
      `spread     Gini ${c.gini.toFixed(3)} (generalised ${c.generalizedGini.toFixed(3)}); the top 10% of cells hold ${((top10?.incidentShare ?? Number.NaN) * 100).toFixed(1)}% of incidents`,
    );
  }
  if (result.emerging !== undefined) {
    const patterns = new Map<string, number>();
    for (const p of result.emerging.result.category) patterns.set(p, (patterns.get(p) ?? 0) + 1);
    const found = [...patterns]
      .filter(([p]) => p !== 'No Pattern Detected')
      .sort((a, b) => b[1] - a[1])
      .map(([p, k]) => `${fmt(k)} ${p.toLowerCase()}`);
    lines.push(
      `emerging   ${result.emerging.cube.steps} ${result.emerging.cube.step}ly steps: ${found.length > 0 ? found.join(', ') : 'no pattern detected'}`,
    );
  }
  if (result.change !== undefined) {
    const o = result.change.result.overall;
    const significant = result.change.result.pFdr.reduce((k, p) => k + (p <= 0.05 ? 1 : 0), 0);
    lines.push(
      `change     rate ratio after/before ${o.rateRatio.toFixed(3)} (p = ${o.p.toPrecision(3)}); ${fmt(significant)} cells changed significantly (FDR 5%)`,
    );
  }
  return lines;
}
