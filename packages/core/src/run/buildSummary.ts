import type { HexreachConfig } from '../config/configSchema.js';
import type { AnalysisResult } from '../pipeline/analysisResult.js';
import type { NoisyCounts } from '../pipeline/stages/noiseStage.js';
import type { TemporalCoverage } from '../pipeline/stages/temporalStage.js';
import type {
  AreaTable,
  IncidentTable,
  OrganizationTable,
  PlaceTable,
  ReadResult,
  Rejection,
  SurveyTable,
} from '../types.js';
import { incidentCounts } from './incidentCounts.js';
import { combineTallies, type RejectionTally } from './rejectionTally.js';

/**
 * A file a run read: what the reader made of it, and its rejected records as a tally (the CLI
 * gives the readers a sink, so `read.rejections` is empty there and `read.rejectedCount` counts).
 */
export interface RunInput<T> {
  readonly path: string;
  readonly read: ReadResult<T>;
  /** The records rejected; for incidents, those the reader rejected, then those binning did. */
  readonly rejected: RejectionTally;
}

/** The files a run read, with what the readers made of them. */
export interface RunInputs {
  readonly incidents: RunInput<IncidentTable> & {
    /** Incidents outside the study area, date window or categories. */
    readonly outside: RejectionTally;
  };
  readonly areas: RunInput<AreaTable>;
  readonly organizations?: RunInput<OrganizationTable>;
  readonly surveys?: RunInput<SurveyTable>;
  /** A places file, when one was given (areas named by a property of theirs are no file). */
  readonly places?: RunInput<PlaceTable>;
}

/** How a run was made, as its summary states it. */
export interface SummaryRun {
  /** The hexreach version that ran. */
  readonly version: string;
  /** The command: `analyze` (the default) for the CLI; the viewer names its own. */
  readonly command?: string;
  /** Seconds taken by the caller's steps (reading, the analysis), before `analyze`'s own. */
  readonly durations?: Readonly<Record<string, number>>;
}

const FIRST = 20;

/** What every section of a summary depends on: public or not, and how counts are shown. */
interface Privacy {
  readonly public: boolean;
  readonly minCount: number;
  /** A count as written: from 1 to minCount − 1 suppressed in a public summary. */
  readonly count: (n: number) => number | string;
  /** A file as named: without its folders in a public summary. */
  readonly path: (path: string) => string;
}

/**
 * The content of `summary.json` (the CLI's writeOutputs adds the manifest, `files`): inputs and
 * how every record was accounted for, parameters, version, seed, cell and zone counts, the first
 * rejections (record and reason only, never coordinates: the file may be shared), notes and
 * durations. A public summary names input files without their folders, which may hold a user's
 * name (`/home/ana/…`), and lists no record. One summary for the CLI and the viewer's analysis.
 *
 * @param result - the analysis
 * @param inputs - the files read, with their rejected records
 * @param run - the version, the command and the caller's durations
 * @returns the summary, as JSON-ready values
 * @example
 * ```ts
 * const summary = buildSummary(result, inputs, { version: '0.1.0', durations: { readIncidents: 1.2 } });
 * writeFileSync('out/summary.json', JSON.stringify(summary, null, 2));
 * ```
 */
export function buildSummary(
  result: AnalysisResult,
  inputs: RunInputs,
  run: SummaryRun,
): Record<string, unknown> {
  const { public: isPublic, minCount } = result.config.privacy;
  const privacy: Privacy = {
    public: isPublic,
    minCount,
    count: (n) => (isPublic && n >= 1 && n < minCount ? `<${minCount}` : n),
    path: (path) => (isPublic ? fileName(path) : path),
  };
  const records = (tally: RejectionTally) => {
    const all = recordList(tally);
    return isPublic ? { total: all.total, byReason: all.byReason } : all;
  };
  return {
    hexreach: run.version,
    command: run.command ?? 'analyze',
    inputs: inputsSection(result, inputs, privacy),
    parameters: withoutNoiseSeed(isPublic ? withFileNames(result.config) : result.config),
    seed: result.config.seed,
    cells: cellsSection(result),
    counted: countedSection(result),
    zones: zonesSection(result, privacy),
    ...statisticsSections(result),
    ...timeSections(result, privacy),
    privacy: privacySection(privacy, result.noisy),
    // How many incidents were rejected or left out is itself a count of incidents: not public.
    ...(isPublic
      ? { rejections: records(inputs.areas.rejected) }
      : {
          rejections: records(
            combineTallies([
              inputs.areas.rejected,
              inputs.incidents.rejected,
              inputs.places?.rejected,
            ]),
          ),
          outside: records(inputs.incidents.outside),
        }),
    warnings: records(listTally(inputs.areas.read.warnings)),
    notes: result.notes,
    durationsSeconds: Object.fromEntries(
      Object.entries({ ...run.durations, ...result.durations }).map(([k, v]) => [k, round(v, 3)]),
    ),
  };
}

/** Each file read, and how its records were accounted for. */
function inputsSection(result: AnalysisResult, inputs: RunInputs, privacy: Privacy) {
  const counts = incidentCounts(inputs.incidents.read, result.binned);
  const incidentTimes = timeRange(inputs.incidents.read.data.time);
  const { organizations, surveys } = inputs;
  return {
    incidents: {
      path: privacy.path(inputs.incidents.path),
      // A public run publishes its noisy total alone: the counts read, rejected and left out
      // are true counts of incidents.
      ...(privacy.public ? { accepted: counts.accepted, acceptedIsNoisy: true } : counts),
      categories: result.binned.categories,
      // The first and last dates are single incidents' dates: not in a public export.
      ...(privacy.public ? {} : { firstDate: incidentTimes?.[0], lastDate: incidentTimes?.[1] }),
    },
    areas: {
      path: privacy.path(inputs.areas.path),
      read: inputs.areas.read.read,
      accepted: inputs.areas.read.data.length,
      rejected: inputs.areas.read.rejectedCount,
      warnings: inputs.areas.read.warnings.length,
      populationAttribute: result.populationAttribute ?? null,
    },
    ...(organizations === undefined
      ? {}
      : {
          organizations: {
            path: privacy.path(organizations.path),
            read: organizations.read.read,
            accepted: organizations.read.data.length,
            rejected: organizations.read.rejectedCount,
          },
        }),
    ...(surveys === undefined
      ? {}
      : {
          surveys: {
            path: privacy.path(surveys.path),
            read: surveys.read.read,
            accepted: surveys.read.data.length,
            rejected: surveys.read.rejectedCount,
            warnings: surveys.read.warnings.length,
            ...(result.trust === undefined
              ? {}
              : {
                  cityMean: round(result.trust.cityMean, 3),
                  withinVariance: round(result.trust.withinVariance, 4),
                  betweenVariance: round(result.trust.betweenVariance, 4),
                  outside: result.trust.outside,
                }),
          },
        }),
    ...placesSection(result, inputs, privacy),
  };
}

/** The named places, from their file or the areas' name property, and how many cells they hold. */
function placesSection(result: AnalysisResult, inputs: RunInputs, privacy: Privacy) {
  const { places } = result;
  if (places === undefined) return {};
  const file = inputs.places;
  return {
    places: {
      path: privacy.path(file?.path ?? places.source),
      nameProperty: places.nameProperty,
      ...(file === undefined
        ? { fromAreas: true, read: places.names.length, accepted: places.names.length }
        : {
            read: file.read.read,
            accepted: file.read.data.length,
            rejected: file.read.rejectedCount,
          }),
      cellsInPlaces: places.placeOfCell.reduce((n, p) => n + (p >= 0 ? 1 : 0), 0),
    },
  };
}

/**
 * What the weighted count counted: the mode, the incidents of each NIBRS class in the cells
 * (noisy in a public run), the crimes against society left out and the categories unclassified.
 */
function countedSection(result: AnalysisResult) {
  const { counting, binned } = result;
  const K = binned.categories.length;
  const byClass = new Map<string, number>([
    ['persons', 0],
    ['property', 0],
    ['society', 0],
    ['unclassified', 0],
  ]);
  binned.categories.forEach((name, k) => {
    let total = 0;
    for (let c = k; c < binned.byCategory.length; c += K) total += binned.byCategory[c];
    const against = counting.classOf.get(name) ?? 'unclassified';
    byClass.set(against, (byClass.get(against) ?? 0) + total);
  });
  return {
    mode: counting.mode,
    incidentsByClass: Object.fromEntries(byClass),
    societyLeftOut: counting.society,
    unclassified: counting.unclassified,
  };
}

/** The grid: its cells, those with incidents, their residents and Gi* bins. */
function cellsSection(result: AnalysisResult) {
  const population =
    result.populationAttribute === undefined
      ? undefined
      : sum(result.attributes[result.populationAttribute]);
  return {
    count: result.grid.cells.length,
    resolution: result.grid.resolution,
    withIncidents: result.binned.incidents.reduce((c, v) => c + (v > 0 ? 1 : 0), 0),
    population: population === undefined ? null : round(population, 2),
    hotspotBins: countBins(result.hotspots.bin),
  };
}

/** The priority zones in rank order, with their robustness when it was computed. */
function zonesSection(result: AnalysisResult, privacy: Privacy) {
  return {
    count: result.zones.length,
    cells: result.zones.reduce((c, z) => c + z.cellCount, 0),
    droppedCells: result.droppedCells,
    ranked: result.zones.map((z) => ({
      id: z.id,
      ...(z.name === undefined ? {} : { name: z.name }),
      rank: z.rank,
      cells: z.cellCount,
      meanScore: round(z.meanScore, 4),
      population: Number.isFinite(z.population) ? Math.round(z.population) : null,
      incidents: privacy.count(z.incidents),
      ...(result.robustness === undefined
        ? {}
        : {
            robustness: result.robustness.zones[z.rank - 1].label,
            robustnessProbability: round(result.robustness.zones[z.rank - 1].meanProbability, 3),
          }),
    })),
  };
}

/** The spatial statistics: Moran's I, LISA, Gi*, robustness, classes, equity, concentration. */
function statisticsSections(result: AnalysisResult) {
  return {
    ...(result.moran === undefined
      ? {}
      : {
          moran: {
            statistic:
              "global Moran's I of the weighted counts, row-standardised weights without self",
            I: round(result.moran.I, 6),
            expected: round(result.moran.expected, 6),
            z: round(result.moran.z, 3),
            p: result.moran.p,
          },
        }),
    ...(result.lisa === undefined ? {} : { lisa: { quadrants: tally([...result.lisa.quadrant]) } }),
    hotspots: {
      statistic: 'Gi* (Getis & Ord 1992), binary weights, self included',
      permutations: result.config.hotspots.permutations,
      scheme: result.permutationScheme,
      neighbourhood: result.hotspotScale.method,
      k: result.hotspotScale.k ?? null,
      distanceMeters: result.hotspotScale.distanceMeters ?? null,
      ...(result.hotspotScale.z === undefined
        ? {}
        : { moranZByK: result.hotspotScale.z.map((z) => round(z, 3)) }),
    },
    ...(result.robustness === undefined
      ? {}
      : {
          robustness: {
            weightDraws: result.robustness.draws,
            concentration: result.config.robustness.concentration,
            resolutionsCompared: result.robustness.resolutions.map((r) => r.resolution),
            zones: tally(result.robustness.zones.map((z) => z.label)),
          },
        }),
    classes: {
      joint: tally(Array.from(result.jointClasses.code, (c) => result.jointClasses.labels[c])),
      ...(result.partnerClasses === undefined
        ? {}
        : {
            partner: tally(
              Array.from(result.partnerClasses, (c) => ['none', 'gap', 'leverage'][c]),
            ),
          }),
    },
    ...(result.equity === undefined ? {} : { equity: equitySection(result.equity) }),
    concentration: {
      gini: round(result.concentration.gini, 4),
      generalizedGini: round(result.concentration.generalizedGini, 4),
      topShares: result.concentration.topShares.map((t) => ({
        cellShare: t.cellShare,
        incidentShare: round(t.incidentShare, 4),
      })),
    },
  };
}

/** Whom the zones reach against the whole study area. */
function equitySection(equity: NonNullable<AnalysisResult['equity']>) {
  return {
    selectedPopulation: Math.round(equity.selectedPopulation),
    totalPopulation: Math.round(equity.totalPopulation),
    rows: equity.rows.map((r) => ({
      name: r.name,
      label: r.label,
      selected: round(r.selected, 3),
      all: round(r.all, 3),
      ratio: round(r.ratio, 3),
      reach: Number.isFinite(r.reach) ? round(r.reach, 4) : null,
      unit: r.unit,
    })),
  };
}

/** The time-based results: coverage, emerging hot spots, the change between two periods. */
function timeSections(result: AnalysisResult, privacy: Privacy) {
  return {
    ...(result.temporal === undefined
      ? {}
      : { temporal: temporalSummary(result.temporal, datesArePublic(result.config)) }),
    ...(result.emerging === undefined
      ? {}
      : {
          emerging: {
            step: result.emerging.cube.step,
            steps: result.emerging.cube.steps,
            ...(datesArePublic(result.config)
              ? {
                  firstStep: new Date(result.emerging.cube.stepStarts[0])
                    .toISOString()
                    .slice(0, 10),
                }
              : {}),
            patterns: tally(result.emerging.result.category),
          },
        }),
    ...(result.change === undefined
      ? {}
      : {
          change: {
            before: result.config.change?.before,
            after: result.config.change?.after,
            incidentsBefore: privacy.count(sum(result.change.before)),
            incidentsAfter: privacy.count(sum(result.change.after)),
            rateRatio: round(result.change.result.overall.rateRatio, 4),
            p: result.change.result.overall.p,
            cellsSignificantFdr05: result.change.result.pFdr.reduce(
              (c, p) => c + (p <= 0.05 ? 1 : 0),
              0,
            ),
          },
        }),
  };
}

/** The guarantee a public summary was written under, and its rules, in words. */
function privacySection(privacy: Privacy, noisy: NoisyCounts | undefined) {
  const k = privacy.minCount;
  if (!privacy.public || noisy === undefined) return { public: false };
  const { epsilon, mechanism, tables } = noisy.privacy;
  return {
    public: true,
    epsilon,
    mechanism,
    guarantee: privacyGuarantee(epsilon),
    tables: tables.map((t) => ({
      table: TABLE_NAMES.get(t.table) ?? t.table,
      epsilon: round(t.epsilon, 6),
      share: round(t.epsilon / epsilon, 6),
      sensitivity: t.sensitivity,
    })),
    minCount: k,
    rules: [
      'every incident count is the true count plus discrete Laplace noise, and everything else (Gi*, LISA, rates, KDE, priority, zones, trends) is computed from the noisy counts only; negative noisy counts are written as 0',
      'no incident coordinates, dates or record numbers in any file; no rejected.csv; no count of incidents read, rejected or outside; input files named without their folders',
      `noisy counts from 1 to ${k - 1} written as "<${k}", for readability only: the noise protects the incidents`,
    ],
  };
}

/** What each noisy table holds, as the summary names it. */
const TABLE_NAMES = new Map([
  ['byGroup', 'incidents per cell and weight group'],
  ['byCategory', 'incidents per cell and category'],
  ['byStep', 'incidents per time step, cell and weight group'],
]);

/**
 * The guarantee of ε-differential privacy in one plain sentence.
 *
 * @example
 * ```ts
 * privacyGuarantee(1); // 'Whether any one incident is in the data changes the probability of any output by at most a factor of e^1 ≈ 2.7.'
 * ```
 */
export function privacyGuarantee(epsilon: number): string {
  const factor = Math.exp(epsilon);
  const shown = factor < 10 ? factor.toFixed(1) : Math.round(factor).toLocaleString('en-US');
  return `Whether any one incident is in the data changes the probability of any output by at most a factor of e^${epsilon} ≈ ${shown}.`;
}

/** The configuration as written: without the noise seed, which no output may name. */
function withoutNoiseSeed(config: HexreachConfig): HexreachConfig {
  const { noiseSeed: _, ...privacy } = config.privacy;
  return { ...config, privacy };
}

/**
 * Whether dates derived from the incidents may be written: always in a private run; in a public
 * one only when the configuration sets the window (both ends), so that every date written is the
 * configuration's, never the first or last incident's.
 */
function datesArePublic(config: AnalysisResult['config']): boolean {
  return (
    !config.privacy.public ||
    (config.incidents.from !== undefined && config.incidents.to !== undefined)
  );
}

/** The days covered and the partial steps, as dates (`to` and `end` exclusive). */
function temporalSummary(temporal: TemporalCoverage, withDates: boolean) {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (!withDates) {
    return {
      coverage:
        'the incidents’ own dates (not written in a public export without incidents.from and incidents.to)',
      step: temporal.step,
      partial: temporal.partial,
      partialSteps: temporal.partialSteps.length,
    };
  }
  return {
    coverage: { from: day(temporal.coverage.from), to: day(temporal.coverage.to) },
    step: temporal.step,
    partial: temporal.partial,
    partialSteps: temporal.partialSteps.map((s) => ({
      start: day(s.start),
      end: day(s.end),
      days: s.days,
      coveredDays: s.coveredDays,
    })),
  };
}

function recordList(tally: RejectionTally) {
  return {
    total: tally.total,
    byReason: tally.byReason,
    first: tally.first
      .slice(0, FIRST)
      .map((r) => ({ source: r.source, [r.recordKind]: r.record, reason: r.reason })),
  };
}

/** A list of records as a tally (warnings are few: one per area at most). */
function listTally(records: readonly Rejection[]): RejectionTally {
  const byReason: Record<string, number> = {};
  for (const r of records) byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
  return { total: records.length, byReason, first: records.slice(0, FIRST) };
}

/** The configuration with every file path cut to its file name, for a public summary. */
function withFileNames(config: HexreachConfig): HexreachConfig {
  const inputs = Object.fromEntries(
    Object.entries(config.inputs).map(([name, spec]) => [
      name,
      spec === undefined ? spec : { ...spec, path: fileName(spec.path) },
    ]),
  ) as HexreachConfig['inputs'];
  const places = config.places;
  return {
    ...config,
    inputs,
    ...(places?.path === undefined ? {} : { places: { ...places, path: fileName(places.path) } }),
    output: { ...config.output, dir: fileName(config.output.dir) },
  };
}

function tally(labels: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const label of labels) out[label] = (out[label] ?? 0) + 1;
  return out;
}

function countBins(bin: Int8Array): Record<string, number> {
  const out: Record<string, number> = { '-3': 0, '-2': 0, '-1': 0, '0': 0, '1': 0, '2': 0, '3': 0 };
  for (const b of bin) out[String(b)]++;
  return out;
}

function timeRange(time: Float64Array): [string, string] | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const t of time) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (!Number.isFinite(min)) return undefined;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 19);
  return [iso(min), iso(max)];
}

function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) s += values[i];
  return s;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * A path's last part, as Node's `basename` gives it (trailing separators dropped), without
 * `node:path`, which the viewer's worker cannot bundle; `\\` separates too, as on Windows.
 */
function fileName(path: string): string {
  const trimmed = path.replace(/[/\\]+$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
}
