import type { HexreachConfig, HexreachConfigInput } from './config/configSchema.js';
import { parseConfig } from './config/parseConfig.js';
import { assertArgument, HexreachError } from './errors.js';
import { estimateCellCount } from './hex/estimateCellCount.js';
import { cellAreaKm2 } from './hex/h3.js';
import { type BinnedIncidents, pointsToCells } from './hex/pointsToCells.js';
import { studyAreaCells } from './hex/studyAreaCells.js';
import { interpolateAreas } from './interpolate/interpolateAreas.js';
import { detectPopulationAttribute } from './io/detectPopulationAttribute.js';
import { parseDate } from './io/parseDate.js';
import { type CellReasonPhrasesInput, cellReasonPhrases } from './score/cellReasonPhrases.js';
import { empiricalBayesRate } from './score/empiricalBayesRate.js';
import { type EquityProfile, equityProfile } from './score/equityProfile.js';
import { incidentRate } from './score/incidentRate.js';
import { jointClasses } from './score/jointClasses.js';
import { type NeedIntervals, needIntervals } from './score/needIntervals.js';
import { normalize } from './score/normalize.js';
import { type PartnerAccess, partnerAccess } from './score/partnerAccess.js';
import { partnerClasses } from './score/partnerClasses.js';
import { percentileRank } from './score/percentileRank.js';
import {
  type PriorityComponent,
  type PriorityResult,
  priorityScore,
} from './score/priorityScore.js';
import { reasonsFromPhrases } from './score/reasonsFromPhrases.js';
import { type TrustResult, trustByCell } from './score/trustByCell.js';
import { trustFromAreas } from './score/trustFromAreas.js';
import { type VulnerabilityResult, vulnerabilityIndex } from './score/vulnerabilityIndex.js';
import { weightRobustness } from './score/weightRobustness.js';
import { benjaminiHochberg } from './stats/benjaminiHochberg.js';
import { concentrationShare } from './stats/concentrationShare.js';
import { type EmergingHotspotsResult, emergingHotspots } from './stats/emergingHotspots.js';
import { generalizedGini } from './stats/generalizedGini.js';
import { gini } from './stats/gini.js';
import { type GiStarResult, giStar } from './stats/giStar.js';
import { giStarOnCells } from './stats/giStarOnCells.js';
import { type Coverage, incidentCoverage } from './stats/incidentCoverage.js';
import { type KernelPoints, kernelDensity } from './stats/kernelDensity.js';
import { kernelDensityRatio } from './stats/kernelDensityRatio.js';
import { type LocalMoranResult, localMoran } from './stats/localMoran.js';
import { lorenzCurve } from './stats/lorenzCurve.js';
import { type MoranGlobalResult, moranGlobal } from './stats/moranGlobal.js';
import { type PeriodChangeResult, periodChange } from './stats/periodChange.js';
import { type SpaceTimeBins, spaceTimeBins, type TimeStep } from './stats/spaceTimeBins.js';
import { type PartialStep, type PartialSteps, wholeSteps } from './stats/wholeSteps.js';
import type {
  AreaTable,
  CellGrid,
  IncidentTable,
  OrganizationTable,
  Rejection,
  RejectionSink,
  SpatialWeights,
  SurveyTable,
} from './types.js';
import { getOwn } from './util/getOwn.js';
import { distanceBandWeights } from './weights/distanceBandWeights.js';
import { incrementalKRingAutocorrelation } from './weights/incrementalKRingAutocorrelation.js';
import { kRingWeights } from './weights/kRingWeights.js';
import { linkWeights } from './weights/linkWeights.js';
import { combineRobustness } from './zones/combineRobustness.js';
import { describeZones, type ZoneCellColumns, type ZoneDetail } from './zones/describeZones.js';
import { groupContiguousCells } from './zones/groupContiguousCells.js';
import { resolutionAgreement } from './zones/resolutionAgreement.js';
import { selectCells } from './zones/selectCells.js';
import { selectZonesByBudget } from './zones/selectZonesByBudget.js';
import { summarizeZones, type ZoneSummary } from './zones/summarizeZones.js';
import { type ZoneRobustness, zoneRobustness } from './zones/zoneRobustness.js';
import { zoneTrends } from './zones/zoneTrends.js';

/** Gi* compares a cell with the others: the fewest cells a study area may cover. */
const MIN_HOTSPOT_CELLS = 2;
/** The fewest cells for global and local Moran's I (spdep's moran.test needs 4 observations). */
const MIN_MORAN_CELLS = 4;

/** The data `analyze` works on, already read into columns (see the `read*` functions). */
export interface AnalyzeInputs {
  readonly incidents: IncidentTable;
  readonly areas: AreaTable;
  readonly organizations?: OrganizationTable;
  readonly surveys?: SurveyTable;
}

/** Options of {@link analyze} that are not part of the configuration. */
export interface AnalyzeOptions {
  /**
   * Receives each incident whose coordinates look wrong once binned (swapped, not numbers),
   * instead of `result.binned.rejections` listing it (see `pointsToCells`).
   */
  readonly onRejection?: RejectionSink;
  /** Receives each incident outside the study area, date window or categories, instead of `result.binned.outside`. */
  readonly onOutside?: RejectionSink;
}

/** Everything one run computed. Per-cell columns are aligned with `grid.cells`. */
export interface AnalysisResult {
  /** The configuration with every default filled in. */
  readonly config: HexreachConfig;
  /** The analysis cells: every H3 cell covering the areas, occupied or not. */
  readonly grid: CellGrid;
  /**
   * Each cell's neighbours sharing an edge (the k = 1 ring without the cell, binary links):
   * zones are grouped along them, in `analyze` and at every re-score and robustness draw.
   */
  readonly contiguity: SpatialWeights;
  /** The area attribute used as the resident count, or undefined when there is none. */
  readonly populationAttribute: string | undefined;
  /** Incidents binned to cells, with those outside the study area or date window. */
  readonly binned: BinnedIncidents;
  /** Area attributes moved to cells (counts split, rates averaged), by attribute name. */
  readonly attributes: Readonly<Record<string, Float64Array>>;
  /** Share of each cell's area covered by the area polygons (0–1). */
  readonly coverage: Float64Array;
  /** Exact area of each cell in km². */
  readonly areaKm2: Float64Array;
  /** Incidents (weighted) per `config.rates.per` residents; NaN below the minimum population. */
  readonly rate: Float64Array;
  /** Getis–Ord Gi* on the weighted incident counts, with pFdr whether or not bins use it. */
  readonly hotspots: GiStarResult & { readonly pFdr: Float64Array };
  /** Global Moran's I of the weighted counts (row-standardised neighbourhood, no self). */
  readonly moran: MoranGlobalResult | undefined;
  /** Local Moran's I with quadrants, when `statistics` includes `lisa`. */
  readonly lisa: LocalMoranResult | undefined;
  /** The Gi* neighbourhood used, and how it was chosen. */
  readonly hotspotScale: HotspotScale;
  /** The rate smoothed by empirical Bayes (`rates.smoothing`), else undefined. */
  readonly smoothedRate: Float64Array | undefined;
  /** Kernel density of weighted incidents per km², and per resident (× `rates.per`), with `kde`. */
  readonly kde:
    | { readonly density: Float64Array; readonly ratio: Float64Array | undefined }
    | undefined;
  /** The vulnerability index, or undefined when no indicator is configured. */
  readonly vulnerability: VulnerabilityResult | undefined;
  /** The need index's interval under the indicators' margins of error (`indicators[].moe`). */
  readonly needInterval: NeedIntervals | undefined;
  /** Trust per cell from the surveys (`trust.answer`), when surveys are given. */
  readonly trust: TrustResult | undefined;
  /** Access to partner organizations per cell, when organizations are given. */
  readonly partners: PartnerAccess | undefined;
  /**
   * How robust the selection is: per cell the probability of being selected when the priority
   * weights are drawn around the configured ones, averaged with the agreement at resolutions
   * r − 1 and r + 1; per zone its mean and label. Undefined when `robustness` is switched off,
   * and after `rescoreAnalysis` unless it was asked to recompute it.
   */
  readonly robustness:
    | {
        readonly probability: Float64Array;
        readonly weightProbability: Float64Array;
        readonly resolutions: readonly {
          readonly resolution: number;
          readonly share: Float64Array;
        }[];
        readonly zones: readonly ZoneRobustness[];
        readonly draws: number;
      }
    | undefined;
  /** Joint class of each cell (hotspot × high need) with its labels. */
  readonly jointClasses: { readonly code: Uint8Array; readonly labels: readonly string[] };
  /** Partner class of each cell (0 none, 1 gap, 2 leverage), with organizations and need. */
  readonly partnerClasses: Uint8Array | undefined;
  /** Each cell's top reasons in words. */
  readonly reasons: readonly (readonly string[])[];
  /** Each zone's reasons, profile and suggested partners, aligned with `zones`. */
  readonly zoneDetails: readonly ZoneDetail[];
  /** The make-up of residents in the zones against the whole area (`equity.attributes`). */
  readonly equity: EquityProfile | undefined;
  /**
   * Every priority component the analysis can score, those weighted 0 too, in the order of the
   * score. The score and the reasons are made from them, and `rescoreAnalysis` reuses them: a new
   * weighting neither ranks nor words anything again.
   */
  readonly components: readonly ScoringComponent[];
  /** The priority score with each component's contribution. */
  readonly priority: PriorityResult;
  /** Zone id of each cell, or −1. */
  readonly zoneOfCell: Int32Array;
  /** The priority zones, rank 1 first. */
  readonly zones: readonly ZoneSummary[];
  /** Selected cells left out because their group was smaller than `zones.minCells`. */
  readonly droppedCells: number;
  /**
   * The days the incidents cover and the steps they cover only in part, which the emerging hot
   * spots and zone trends leave out (or keep per day); undefined when no incident has a time.
   */
  readonly temporal: TemporalCoverage | undefined;
  /**
   * Emerging hot spots over time steps, when `statistics` includes `emerging`: the cube of the
   * steps compared (partial steps left out by default), each step's days, and the Gi* result on
   * the incidents per day.
   */
  readonly emerging:
    | {
        readonly cube: SpaceTimeBins;
        readonly days: Float64Array;
        readonly result: EmergingHotspotsResult;
      }
    | undefined;
  /** Change between two periods, when `statistics` includes `change`. */
  readonly change:
    | {
        readonly before: Float64Array;
        readonly after: Float64Array;
        /** Days of the first period that the data cover: its exposure. */
        readonly beforeDays: number;
        /** Days of the second period that the data cover: its exposure. */
        readonly afterDays: number;
        readonly result: PeriodChangeResult;
      }
    | undefined;
  /** How concentrated incidents are over the cells (always computed). */
  readonly concentration: Concentration;
  /** Plain-language notes about choices the run made (e.g. a component left out). */
  readonly notes: readonly string[];
  /**
   * The notes of the steps that do not depend on the priority weights: the first entries of
   * `notes`, which `rescoreAnalysis` starts from.
   */
  readonly baseNotes: readonly string[];
  /**
   * The inputs analysed, by reference (not copied): re-scoring with other weights
   * (`rescoreAnalysis`) needs the incidents' times for the zone trends, the organizations for the
   * suggested partners, and all of them to compare the zones at other resolutions. A result
   * therefore keeps its inputs alive.
   */
  readonly inputs: AnalyzeInputs;
  /** Seconds spent in each step. */
  readonly durations: Readonly<Record<string, number>>;
}

/**
 * The whole hexreach pipeline in memory: study-area cells, incident binning, areal
 * interpolation, Gi* hotspots, crime rate, vulnerability index, priority score and contiguous
 * priority zones. Pure: reads no file, so it runs in Node and in browsers.
 *
 * @param inputs - incidents, areas (with the population and indicator attributes read) and organizations
 * @param configInput - a configuration (see `hexreach.config.json`); defaults fill the rest
 * @param options - sinks for the incidents not counted, to keep memory flat for huge files
 * @returns every per-cell column, the zones, and notes on the choices made
 * @throws HexreachError `E_CONFIG` for an invalid configuration, `E_ARGUMENT` when an attribute the
 *   configuration names was not read into `inputs.areas`, `E_INPUT` when the study area covers
 *   a single cell (global Moran's I and LISA are left out, with a note, below 4 cells) or would
 *   need more than `maxCells` cells (estimated from its area before any cell is made)
 * @example
 * ```ts
 * const areas = readAreasGeoJson(tracts, { source: 'tracts.geojson', attributes: [{ name: 'population' }] });
 * const incidents = await readIncidentsCsv(csvText, { source: 'incidents.csv' });
 * const result = analyze({ incidents: incidents.data, areas: areas.data }, { resolution: 9 });
 * result.zones[0].cells;
 * ```
 */
export function analyze(
  inputs: AnalyzeInputs,
  configInput: HexreachConfigInput | HexreachConfig = {},
  options: AnalyzeOptions = {},
): AnalysisResult {
  const config = parseConfig(configInput, 'configuration');
  const { incidents, areas } = inputs;
  const notes: string[] = [];
  const durations: Record<string, number> = {};
  const timed: TimedStep = (step, run) => {
    const start = performance.now();
    const value = run();
    durations[step] = (performance.now() - start) / 1000;
    return value;
  };

  const populationAttribute = config.population ?? detectPopulationAttribute(areas.attributes);
  const needed = [
    ...(populationAttribute === undefined ? [] : [populationAttribute]),
    ...config.attributes.map((a) => a.name),
    ...config.indicators.map((i) => i.name),
    ...(config.trust.areaMean === undefined ? [] : [config.trust.areaMean]),
    ...(config.trust.areaResponses === undefined ? [] : [config.trust.areaResponses]),
  ];
  for (const name of needed) {
    assertArgument(
      getOwn(areas.attributes, name) !== undefined,
      'analyze',
      `the areas were read without the attribute "${name}" that the configuration uses`,
      name,
    );
  }
  if (populationAttribute === undefined) {
    notes.push(
      'No population attribute was found or named: rates and the need ranking cover all cells.',
    );
  }

  const estimate = estimateCellCount(areas, config.resolution);
  if (estimate.cells > config.maxCells) {
    throw new HexreachError(
      'E_INPUT',
      `${areas.source}: the study area (${formatCount(Math.round(estimate.areaKm2))} km²) would need about ${formatCount(estimate.cells)} H3 cells at resolution ${config.resolution}, more than the maximum of ${formatCount(config.maxCells)} (--max-cells, or maxCells in the configuration): use a coarser resolution, fewer areas, or a larger maximum`,
      estimate.cells,
    );
  }
  const grid = timed('cells', () => studyAreaCells(areas, config.resolution));
  if (grid.cells.length < MIN_HOTSPOT_CELLS) {
    throw new HexreachError(
      'E_INPUT',
      `${areas.source}: the study area covers ${grid.cells.length} H3 cell at resolution ${config.resolution}; hot spots compare cells with their neighbours and need at least ${MIN_HOTSPOT_CELLS}: use a finer resolution`,
      grid.cells.length,
    );
  }
  const contiguity = timed('contiguity', () => kRingWeights(grid, { k: 1, selfIncluded: false }));
  const binned = timed('binning', () =>
    pointsToCells(incidents, grid, {
      categoryWeights: config.incidents.categoryWeights,
      excludeCategories: config.incidents.exclude,
      from: config.incidents.from === undefined ? undefined : parseDate(config.incidents.from),
      to: config.incidents.to === undefined ? undefined : parseDate(config.incidents.to),
      onRejection: options.onRejection,
      onOutside: options.onOutside,
    }),
  );

  const temporal = temporalCoverage(incidents.time, binned.cellOfIncident, config);
  if (temporal !== undefined) {
    // A public run names no date taken from the incidents: only a configured window's.
    const datesArePublic =
      !config.privacy.public ||
      (config.incidents.from !== undefined && config.incidents.to !== undefined);
    notes.push(...temporalNotes(temporal, datesArePublic));
  }

  const attributeSpecs = new Map<
    string,
    { name: string; kind: 'count' | 'rate'; weightBy?: string }
  >();
  if (populationAttribute !== undefined) {
    attributeSpecs.set(populationAttribute, { name: populationAttribute, kind: 'count' });
  }
  for (const a of config.attributes) attributeSpecs.set(a.name, { ...a });
  for (const i of config.indicators) {
    if (!attributeSpecs.has(i.name)) attributeSpecs.set(i.name, { name: i.name, kind: 'rate' });
  }
  for (const spec of attributeSpecs.values()) {
    if (spec.kind === 'rate' && populationAttribute !== undefined)
      spec.weightBy = populationAttribute;
  }
  for (const spec of attributeSpecs.values()) assertAttributeSumFinite(areas, spec);
  assertCountsFinite(binned.count, incidents, config.incidents.categoryWeights);
  const interpolated = timed('interpolation', () =>
    interpolateAreas(grid, areas, [...attributeSpecs.values()]),
  );
  const population =
    populationAttribute === undefined ? undefined : interpolated.columns[populationAttribute];

  const scale = timed('weights', () => hotspotScale(grid, binned.count, config.hotspots, notes));
  const hotspotWeights = scale.weights;
  const permutation = {
    permutations: config.hotspots.permutations,
    seed: config.seed,
    scheme: config.hotspots.scheme,
  };
  // Each scheme defaults to its reference's p: esda's p_sim, or spdep's Pr(z != E(Ii)) Sim.
  const defaultPValue = config.hotspots.scheme === 'spdep' ? 'spdep' : 'esda';
  const hotspots = timed('hotspots', () => {
    const options = {
      fdr: config.hotspots.fdr,
      ...permutation,
      pValue: config.hotspots.pValue ?? defaultPValue,
    };
    const gi =
      config.hotspots.mask === 'populated'
        ? giStarOnCells(
            binned.count,
            hotspotWeights,
            Uint8Array.from(binned.incidents, (count, i) =>
              count > 0 || (population !== undefined && population[i] > 0) ? 1 : 0,
            ),
            options,
          )
        : giStar(binned.count, hotspotWeights, options);
    // gi_p_fdr is an output column whether or not the bins are FDR-corrected.
    return { ...gi, pFdr: gi.pFdr ?? benjaminiHochberg(gi.p) };
  });
  // Local and global Moran's I use the same neighbourhood without self, row-standardised.
  const moranWeights = timed('moranWeights', () => withoutSelfRowStandardised(hotspotWeights));
  // Moran's I needs 4 cells (spdep's moran.test refuses fewer), and a neighbourhood can link no
  // cell to another (a distance band shorter than the cell spacing).
  const tooFewForMoran = grid.cells.length < MIN_MORAN_CELLS;
  if (tooFewForMoran) {
    notes.push(
      `${config.statistics.includes('lisa') ? "Global Moran's I and the LISA clusters were left out" : "Global Moran's I was left out"}: the study area covers ${grid.cells.length} cells, and Moran's I needs at least ${MIN_MORAN_CELLS}.`,
    );
  }
  const moran =
    !tooFewForMoran && moranWeights.offsets[moranWeights.n] > 0
      ? timed('moran', () => moranGlobal(binned.count, moranWeights))
      : undefined;
  if (moran === undefined && !tooFewForMoran)
    notes.push("Global Moran's I is undefined: the neighbourhood links no cell to another.");
  const lisa =
    config.statistics.includes('lisa') && !tooFewForMoran
      ? timed('lisa', () =>
          localMoran(binned.count, moranWeights, {
            moments: config.lisa.moments,
            alpha: config.lisa.alpha,
            fdr: config.hotspots.fdr,
            ...permutation,
            pValue: config.lisa.pValue ?? defaultPValue,
          }),
        )
      : undefined;
  const n = grid.cells.length;
  const rate =
    population === undefined
      ? new Float64Array(n).fill(Number.NaN)
      : incidentRate(binned.count, population, config.rates);
  const smoothedRate =
    population === undefined || config.rates.smoothing === 'none'
      ? undefined
      : timed('smoothing', () => {
          const eb = empiricalBayesRate(binned.count, population, {
            per: config.rates.per,
            weights: config.rates.smoothing === 'local' ? hotspotWeights : undefined,
          });
          // The minimum-population rule still holds: no rate where hardly anyone lives.
          return eb.estimate.map((v, i) =>
            population[i] >= config.rates.minPopulation ? v : Number.NaN,
          );
        });
  const kde = config.statistics.includes('kde')
    ? timed('kde', () => {
        const bandwidthMeters = config.kde.bandwidthMeters;
        // The exact estimate from the incidents counted; a public run keeps to the cell counts,
        // which is all a public statistic may be computed from.
        const source = config.privacy.public
          ? binned.count
          : countedPoints(incidents, binned.cellOfIncident, config.incidents.categoryWeights);
        const density = kernelDensity(grid, source, { bandwidthMeters });
        const ratio =
          population === undefined
            ? undefined
            : kernelDensityRatio(grid, source, population, { bandwidthMeters }).ratio.map(
                (v) => v * config.rates.per,
              );
        return { density, ratio };
      })
    : undefined;

  const vulnerability = timed('vulnerability', () => {
    if (config.indicators.length === 0) {
      notes.push('No need indicators are configured: the priority score has no need component.');
      return undefined;
    }
    const include = population === undefined ? undefined : population.map((p) => (p > 0 ? 1 : 0));
    return vulnerabilityIndex(
      config.indicators.map((i) => ({
        name: i.name,
        values: interpolated.columns[i.name],
        direction: i.direction,
        weight: i.weight,
        theme: i.theme,
      })),
      { include },
    );
  });

  const needInterval =
    vulnerability === undefined || !config.indicators.some((i) => i.moe !== undefined)
      ? undefined
      : timed('uncertainty', () => {
          for (const i of config.indicators) {
            if (i.moe !== undefined) {
              assertArgument(
                getOwn(areas.attributes, i.moe) !== undefined,
                'analyze',
                `the areas were read without the margin-of-error attribute "${i.moe}"`,
                i.moe,
              );
            }
          }
          return needIntervals(
            interpolated.interpolator,
            config.indicators.map((i) => ({
              name: i.name,
              direction: i.direction,
              weight: i.weight,
              theme: i.theme,
              estimate: areas.attributes[i.name],
              moe: i.moe === undefined ? undefined : areas.attributes[i.moe],
            })),
            {
              weightBy:
                populationAttribute === undefined
                  ? undefined
                  : areas.attributes[populationAttribute],
              include:
                population === undefined ? undefined : population.map((p) => (p > 0 ? 1 : 0)),
              draws: config.uncertainty.draws,
              confidence: config.uncertainty.confidence,
              interval: config.uncertainty.interval,
              seed: config.seed,
            },
          );
        });

  const trust =
    inputs.surveys === undefined
      ? config.trust.areaMean === undefined || config.trust.areaResponses === undefined
        ? undefined
        : timed('trust', () =>
            trustFromAreas(
              interpolated.interpolator,
              areas.attributes[config.trust.areaMean!],
              areas.attributes[config.trust.areaResponses!],
              {
                answerVariance: config.trust.answerVariance,
                minResponses: config.trust.minResponses,
                scale: { min: config.trust.scaleMin, max: config.trust.scaleMax },
                higherIsMoreTrust: config.trust.higherIsMoreTrust,
                weightBy:
                  populationAttribute === undefined
                    ? undefined
                    : areas.attributes[populationAttribute],
              },
            ),
          )
      : timed('trust', () =>
          trustByCell(inputs.surveys!, grid, config.trust.answer!, {
            minResponses: config.trust.minResponses,
            scale: { min: config.trust.scaleMin, max: config.trust.scaleMax },
            higherIsMoreTrust: config.trust.higherIsMoreTrust,
          }),
        );
  const partners =
    inputs.organizations === undefined || inputs.organizations.length === 0
      ? undefined
      : timed('partners', () =>
          partnerAccess(grid, inputs.organizations!, {
            radiusMeters: config.partners.radiusMeters,
            types: config.partners.types,
          }),
        );

  const components = timed('components', () =>
    scoringComponents(
      { populationAttribute, rate, smoothedRate, hotspots, vulnerability, trust, partners },
      config,
    ),
  );

  const needIndex = vulnerability?.index ?? new Float64Array(n).fill(Number.NaN);
  const joint = jointClasses(hotspots.bin, needIndex, {
    hotspotBin: config.classes.hotspotBin,
    needAt: config.classes.needAt,
  });
  const partnerClass =
    partners === undefined || vulnerability === undefined
      ? undefined
      : partnerClasses(vulnerability.index, partners.anyWithinRadius, {
          needAt: config.classes.partnerNeedAt,
        });

  const emerging = config.statistics.includes('emerging')
    ? timed('emerging', () => {
        const from =
          config.incidents.from === undefined ? undefined : parseDate(config.incidents.from);
        const to = config.incidents.to === undefined ? undefined : parseDate(config.incidents.to);
        const cube = spaceTimeBins(incidents.time, binned.cellOfIncident, n, {
          step: config.emerging.step,
          start: from,
          end: to,
          weights: incidentWeights(incidents, config.incidents.categoryWeights),
        });
        const whole = wholeSteps(
          cube,
          temporal?.coverage ?? { from: cube.stepStarts[0], to: cube.end },
          {
            partial: config.temporal.partial,
          },
        );
        // Gi* on incidents per day: a step is compared with the previous one at equal length.
        const result = emergingHotspots(
          { steps: whole.cube.steps, counts: whole.perDay },
          hotspotWeights,
          {
            timeSteps: config.emerging.timeSteps,
            fdr: config.emerging.fdr,
            alpha: config.emerging.alpha,
          },
        );
        return { cube: whole.cube, days: whole.days, result };
      })
    : undefined;

  const change =
    config.statistics.includes('change') && config.change !== undefined
      ? timed('change', () => {
          const window = (period: { from: string; to: string }) => ({
            from: parseDate(period.from),
            to: parseDate(period.to),
          });
          const before = window(config.change!.before);
          const after = window(config.change!.after);
          const count = (w: { from: number; to: number }) =>
            pointsToCells(incidents, grid, {
              categoryWeights: config.incidents.categoryWeights,
              ...w,
              // Only the counts are used: the incidents outside a period are not worth a list.
              onRejection: ignore,
              onOutside: ignore,
            }).count;
          // Exposure: the days of the period the data cover (a period running past the last
          // incident's day is not credited with days nobody recorded).
          const days = (w: { from: number; to: number }) => {
            const covered = coveredDays(w, temporal?.coverage);
            return covered > 0 ? covered : (w.to - w.from) / 86_400_000;
          };
          const countsBefore = count(before);
          const countsAfter = count(after);
          return {
            before: countsBefore,
            after: countsAfter,
            beforeDays: days(before),
            afterDays: days(after),
            result: periodChange(countsBefore, countsAfter, {
              exposureBefore: days(before),
              exposureAfter: days(after),
            }),
          };
        })
      : undefined;

  const concentration = timed('concentration', () => concentrationOf(binned.incidents));

  const areaKm2 = new Float64Array(n);
  for (let i = 0; i < n; i++) areaKm2[i] = cellAreaKm2(grid.cells[i]);

  const base: AnalysisBase = {
    inputs,
    grid,
    contiguity,
    populationAttribute,
    binned,
    attributes: interpolated.columns,
    coverage: interpolated.coverage,
    areaKm2,
    rate,
    hotspots,
    moran,
    lisa,
    hotspotScale: {
      method: scale.method,
      k: scale.k,
      distanceMeters: scale.distanceMeters,
      z: scale.z,
    },
    smoothedRate,
    kde,
    vulnerability,
    needInterval,
    trust,
    partners,
    components,
    jointClasses: { code: joint.code, labels: joint.labels },
    partnerClasses: partnerClass,
    temporal,
    emerging,
    change,
    concentration,
    baseNotes: notes,
  };
  const scored = scoreAndZone(base, config, {
    draws: config.robustness.draws,
    resolutions: config.robustness.resolutions,
    timed,
  });
  return {
    config,
    ...base,
    ...scored.fields,
    notes: [...notes, ...scored.notes],
    durations,
  };
}

/** The fields of an `AnalysisResult` that depend on the priority weights (see `scoreAndZone`). */
export type WeightDependentField =
  | 'priority'
  | 'zoneOfCell'
  | 'zones'
  | 'droppedCells'
  | 'robustness'
  | 'reasons'
  | 'zoneDetails'
  | 'equity';

/**
 * What `analyze` computes before the priority weights come in: every field of an `AnalysisResult`
 * but the configuration, the weight-dependent fields, the notes and the durations. An
 * `AnalysisResult` is one.
 */
export type AnalysisBase = Omit<
  AnalysisResult,
  WeightDependentField | 'config' | 'notes' | 'durations'
>;

/** Runs one step and records its seconds under `step`. */
export type TimedStep = <T>(step: string, run: () => T) => T;

/** Options of {@link scoreAndZone}. */
export interface ScoreAndZoneOptions {
  /** Weight draws of the robustness analysis (0: none). */
  readonly draws: number;
  /** Whether to re-run the analysis at resolutions r − 1 and r + 1 for the robustness analysis. */
  readonly resolutions: boolean;
  /** Times each step (default: untimed). */
  readonly timed?: TimedStep;
  /** The public function named in error messages (default `analyze`). */
  readonly caller?: string;
}

/**
 * The part of `analyze` that depends on the priority weights: the priority score, the zones and
 * their ranks, the robustness of the selection, each cell's and zone's reasons, zone trends and
 * suggested partners, and the equity profile of the zones. `analyze` and `rescoreAnalysis` both
 * call it, so a re-scored result is computed exactly as a fresh analysis with the same weights.
 * Not part of the public API.
 *
 * @param base - everything computed before the weights (an `AnalysisResult` is one)
 * @param config - the configuration to score with; only it is read, never a configuration in `base`
 * @param options - robustness draws and re-runs, already normalised components, a step timer
 * @returns the weight-dependent fields, and the notes about components left out
 * @throws HexreachError `E_ARGUMENT` when every available component has weight 0
 * @example
 * ```ts
 * const { fields } = scoreAndZone(result, config, { draws: 0, resolutions: false });
 * fields.zones[0].id;
 * ```
 */
export function scoreAndZone(
  base: AnalysisBase,
  config: HexreachConfig,
  options: ScoreAndZoneOptions,
): { readonly fields: Pick<AnalysisResult, WeightDependentField>; readonly notes: string[] } {
  const timed: TimedStep = options.timed ?? ((_, run) => run());
  const { grid, binned, trust } = base;
  const { incidents, organizations } = base.inputs;
  const population = populationOf(base);
  const notes: string[] = [];

  const priority = timed('priority', () =>
    scorePriority(base, config, notes, options.caller ?? 'analyze'),
  );

  const { zoneOfCell, zones, droppedCells } = timed('zones', () =>
    zonesOfScore(base, config, priority.score),
  );

  const robustness = timed('robustness', () => {
    const { draws, resolutions } = options;
    const { concentration, robustAt, moderateAt } = config.robustness;
    if (draws === 0 && !resolutions) return undefined;
    const select = (score: Float64Array): Uint8Array =>
      isInZone(zoneGroupsOf(base, config, score).zoneOfCell);
    const weightProbability =
      draws > 0
        ? weightRobustness(priority.normalized, priority.weights, select, {
            draws,
            concentration,
            seed: config.seed,
          }).probability
        : Float64Array.from(zoneOfCell, (z) => (z >= 0 ? 1 : 0));
    const shares: { resolution: number; share: Float64Array }[] = [];
    if (resolutions) {
      for (const resolution of [config.resolution - 1, config.resolution + 1]) {
        if (resolution < 6 || resolution > 11) continue;
        // A study area of a few cells may cover a single one at the coarser resolution (cells
        // there are 7 times larger: one of 56 cells or more covers several).
        if (
          resolution < config.resolution &&
          grid.cells.length < 56 &&
          studyAreaCells(base.inputs.areas, resolution).cells.length < MIN_HOTSPOT_CELLS
        ) {
          notes.push(
            `The zones were not compared at resolution ${resolution}: the study area covers a single cell there.`,
          );
          continue;
        }
        if (
          resolution > config.resolution &&
          estimateCellCount(base.inputs.areas, resolution).cells > config.maxCells
        ) {
          notes.push(
            `The zones were not compared at resolution ${resolution}: the study area would need more than ${formatCount(config.maxCells)} cells there (maxCells).`,
          );
          continue;
        }
        const other = analyze(base.inputs, {
          ...config,
          resolution,
          statistics: ['gistar'],
          // Zones rest on the analytic z: the re-runs need no permutations.
          hotspots: { ...config.hotspots, permutations: 0 },
          // Nor the need index's interval: margins of error do not enter the score.
          indicators: config.indicators.map(({ moe: _, ...indicator }) => indicator),
          robustness: { ...config.robustness, draws: 0, resolutions: false },
        });
        shares.push({
          resolution,
          share: resolutionAgreement(grid, other.grid, isInZone(other.zoneOfCell)),
        });
      }
    }
    const probability = combineRobustness(
      weightProbability,
      shares.map((s) => s.share),
    );
    return {
      probability,
      weightProbability,
      resolutions: shares,
      zones: zoneRobustness(zoneOfCell, probability, { robust: robustAt, moderate: moderateAt }),
      draws,
    };
  });

  const explained = timed('reasons', () => {
    const used = base.components.filter((c) => priority.normalized[c.name] !== undefined);
    const columns: ZoneCellColumns = {
      ...reasonColumnsOf(base, config),
      contributions: priority.contributions,
      normalized: Object.fromEntries(used.map((c) => [c.name, c.percentile])),
      jointCode: base.jointClasses.code,
      population,
      trustShrunk: trust?.shrunk,
    };
    const trends = zoneTrends(zoneOfCell, zones.length, incidents.time, binned.cellOfIncident, {
      step: config.emerging.step,
      // Over the whole coverage: a zone's quiet first months are covered months with 0.
      start: base.temporal?.coverage.from,
      end: base.temporal?.coverage.to,
      coverage: base.temporal?.coverage,
      partial: config.temporal.partial,
    });
    return {
      cells: reasonsFromPhrases(
        Object.fromEntries(used.map((c) => [c.name, c.reasons])),
        priority.contributions,
      ),
      zones: describeZones(zones, grid.indexOf, columns, organizations, {
        partners: config.zones.suggestPartners,
        types: config.partners.types,
      }).map((detail, z) => ({ ...detail, trend: trends[z] })),
    };
  });
  if (config.equity.attributes.length > 0 && population === undefined)
    notes.push('The equity profile was left out: there is no population to weigh it by.');
  const equity =
    config.equity.attributes.length === 0 || population === undefined
      ? undefined
      : equityProfile(
          population,
          Object.fromEntries(
            config.equity.attributes.map((a) => [
              a.name,
              { values: base.attributes[a.name], kind: a.kind, label: a.label },
            ]),
          ),
          isInZone(zoneOfCell),
        );

  return {
    fields: {
      priority,
      zoneOfCell,
      zones,
      droppedCells,
      robustness,
      reasons: explained.cells,
      zoneDetails: explained.zones,
      equity,
    },
    notes,
  };
}

/**
 * The zones `scoreAndZone` draws from a priority score — its second step — alone:
 * `rescoreZones` calls it too, so zones wanted before the reasons are the very zones the whole
 * re-score then describes. Selects the cells by the configured rule (threshold, top N or
 * budget), groups them into contiguous zones, summarises and ranks them, and numbers each cell
 * with its zone's place in rank order. Not part of the public API.
 *
 * @param base - the analysis' grid, counts, population and need
 * @param config - the configuration whose `zones` section to select with
 * @param score - the priority score, one value per grid cell
 * @returns the zones in rank order, each cell's zone (its index in `zones`, −1 for none) and
 *   the cells of groups too small to be zones
 * @example
 * ```ts
 * const { zones, zoneOfCell } = zonesOfScore(result, result.config, result.priority.score);
 * zones[zoneOfCell[0]]?.id; // the zone of the first cell, if it is in one
 * ```
 */
export function zonesOfScore(
  base: AnalysisBase,
  config: HexreachConfig,
  score: Float64Array,
): Pick<AnalysisResult, 'zoneOfCell' | 'zones' | 'droppedCells'> {
  const { grid, binned } = base;
  const groups = zoneGroupsOf(base, config, score);
  const summaries = summarizeZones(grid, groups, {
    score,
    areaKm2: base.areaKm2,
    population: populationOf(base),
    incidents: binned.incidents,
    byCategory: { counts: binned.byCategory, categories: binned.categories },
  });
  // summarizeZones ranks zones; the cell-to-zone column follows the ranked order.
  const zoneOfCell = new Int32Array(grid.cells.length).fill(-1);
  summaries.forEach((zone, z) => {
    for (const cell of zone.cells) zoneOfCell[grid.indexOf.get(cell)!] = z;
  });
  return { zoneOfCell, zones: summaries, droppedCells: groups.droppedCells };
}

/** The residents per cell, when the analysis has them. */
function populationOf(base: AnalysisBase): Float64Array | undefined {
  return base.populationAttribute === undefined
    ? undefined
    : base.attributes[base.populationAttribute];
}

/**
 * The groups of cells the configured rule selects from a score: the zones and, in the
 * robustness analysis, each drawn selection are chosen by this one rule.
 */
function zoneGroupsOf(base: AnalysisBase, config: HexreachConfig, score: Float64Array) {
  const budget = config.zones.budget;
  return budget !== undefined
    ? selectZonesByBudget(base.grid, score, {
        maxZones: budget.maxZones,
        maxCells: budget.maxCells,
        maxPopulation: budget.maxPopulation,
        population: populationOf(base),
        need: base.vulnerability?.index,
        neighbors: base.contiguity,
      })
    : groupContiguousCells(
        base.grid,
        selectCells(
          score,
          config.zones.topN !== undefined
            ? { topN: config.zones.topN }
            : { threshold: config.zones.threshold ?? 0.8 },
        ),
        { minCells: config.zones.minCells, neighbors: base.contiguity },
      );
}

/**
 * The priority score of `scoreAndZone` — its first step — alone: `rescorePriority` calls it too,
 * so a score wanted before the zones is the very score the zones are then drawn from. Not part
 * of the public API.
 *
 * @param base - the analysis' components, already normalised
 * @param config - the configuration whose priority weights and normalisation to score with
 * @param notes - receives a note for each weighted component the analysis cannot score
 * @param caller - the public function named in error messages
 * @returns the score with each component's contribution
 * @throws HexreachError `E_ARGUMENT` when every available component has weight 0
 * @example
 * ```ts
 * const priority = scorePriority(result, config, [], 'rescorePriority');
 * priority.contributions.need; // the need component's share of each cell's score
 * ```
 */
export function scorePriority(
  base: Pick<AnalysisBase, 'components'>,
  config: HexreachConfig,
  notes: string[],
  caller: string,
): PriorityResult {
  const components = priorityComponents(base, config.priority.weights, notes);
  const used = components.filter((c) => c.weight > 0);
  assertArgument(
    used.length > 0,
    caller,
    `every priority component available (${components.map((c) => c.name).join(', ')}) has weight 0; give one of them a weight`,
    config.priority.weights,
  );
  return priorityScore(used, {
    normalization: config.priority.normalization,
    normalized: Object.fromEntries(base.components.map((c) => [c.name, c.normalized])),
  });
}

/** 1 for each cell in a zone, else 0 (a loop: `Uint8Array.from` with a map is slow on 50,000 cells). */
function isInZone(zoneOfCell: Int32Array): Uint8Array {
  const mask = new Uint8Array(zoneOfCell.length);
  for (let i = 0; i < zoneOfCell.length; i++) if (zoneOfCell[i] >= 0) mask[i] = 1;
  return mask;
}

/**
 * The priority components with their configured weights, in the order the score lists them; a
 * note for each weighted component the analysis cannot score.
 */
function priorityComponents(
  base: Pick<AnalysisBase, 'components'>,
  w: HexreachConfig['priority']['weights'],
  notes: string[],
): PriorityComponent[] {
  const has = (name: string) => base.components.some((c) => c.name === name);
  if (!has('crimeRate') && w.crimeRate > 0)
    notes.push('The crime-rate component was left out: there is no population.');
  if (!has('trustDeficit') && w.trustDeficit > 0)
    notes.push('The trust component was left out: no surveys were given.');
  if (!has('partnerGap') && w.partnerGap > 0)
    notes.push('The partner-gap component was left out: no organizations were given.');
  return base.components.map((c) => ({
    name: c.name,
    values: c.values,
    weight: w[c.name as keyof HexreachConfig['priority']['weights']],
  }));
}

/**
 * The priority components an analysis can score — hotspot always; crime rate with a population,
 * need with indicators, trust deficit with surveys, partner gap with organizations — each
 * normalised, ranked and worded once, whatever its weight.
 */
function scoringComponents(
  parts: Pick<
    AnalysisBase,
    | 'populationAttribute'
    | 'rate'
    | 'smoothedRate'
    | 'hotspots'
    | 'vulnerability'
    | 'trust'
    | 'partners'
  >,
  config: HexreachConfig,
): ScoringComponent[] {
  const { hotspots, vulnerability, trust, partners } = parts;
  const available: { name: string; values: ArrayLike<number> }[] = [
    { name: 'hotspot', values: hotspots.z },
  ];
  if (parts.populationAttribute !== undefined)
    available.push({ name: 'crimeRate', values: parts.smoothedRate ?? parts.rate });
  if (vulnerability !== undefined) available.push({ name: 'need', values: vulnerability.index });
  if (trust !== undefined) available.push({ name: 'trustDeficit', values: trust.deficit });
  if (partners !== undefined)
    available.push({ name: 'partnerGap', values: partners.nearestAnyMeters });
  const method = config.priority.normalization;
  const normalized = available.map((c) => normalize(c.values, method));
  // Reasons quote percentiles whatever the normalisation.
  const percentile =
    method === 'percentile' ? normalized : normalized.map((values) => percentileRank(values));
  const phrases = cellReasonPhrases({
    ...reasonColumnsOf(parts, config),
    normalized: Object.fromEntries(available.map((c, k) => [c.name, percentile[k]])),
  });
  return available.map((c, k) => ({
    name: c.name,
    values: c.values,
    normalized: normalized[k],
    percentile: percentile[k],
    reasons: phrases[c.name],
  }));
}

/** The columns and words the reasons quote besides the components' percentiles. */
function reasonColumnsOf(
  parts: Pick<AnalysisBase, 'hotspots' | 'vulnerability' | 'trust' | 'partners'>,
  config: HexreachConfig,
): Omit<CellReasonPhrasesInput, 'normalized'> {
  const { hotspots, vulnerability, trust, partners } = parts;
  return {
    giBin: hotspots.bin,
    needIndex: vulnerability?.index,
    needRanks: vulnerability?.ranks,
    indicatorLabels: Object.fromEntries(
      config.indicators.flatMap((i) => (i.label === undefined ? [] : [[i.name, i.label]])),
    ),
    trustMean: trust?.mean,
    trustResponses: trust?.responses,
    trustScaleMax: config.trust.scaleMax,
    partners,
  };
}

/** The Gi* weights: binary, self included, on k-rings (fixed or chosen) or a distance band. */
function hotspotScale(
  grid: CellGrid,
  values: Float64Array,
  options: HexreachConfig['hotspots'],
  notes: string[],
): HotspotScale & { weights: SpatialWeights } {
  if (options.distanceMeters !== undefined) {
    const weights = distanceBandWeights(grid, {
      thresholdMeters: options.distanceMeters,
      selfIncluded: true,
    });
    return {
      method: 'distance',
      k: undefined,
      distanceMeters: options.distanceMeters,
      z: undefined,
      weights,
    };
  }
  if (options.scale === 'auto' && grid.cells.length < MIN_MORAN_CELLS) {
    notes.push(
      `The Gi* neighbourhood is k = ${options.k}, not chosen by incremental spatial autocorrelation: the study area covers ${grid.cells.length} cells, and Moran's I needs at least ${MIN_MORAN_CELLS}.`,
    );
  } else if (options.scale === 'auto') {
    const isa = incrementalKRingAutocorrelation(grid, values, { maxK: options.maxK });
    return {
      method: 'auto',
      k: isa.chosenK,
      distanceMeters: undefined,
      z: Array.from(isa.z),
      weights: kRingWeights(grid, { k: isa.chosenK }),
    };
  }
  return {
    method: 'fixed',
    k: options.k,
    distanceMeters: undefined,
    z: undefined,
    weights: kRingWeights(grid, { k: options.k }),
  };
}

/**
 * Refuses weights so large that the weighted counts overflow: Gi* sums the counts and their
 * squares, and 1e308 × 2 is Infinity. Names the field: the category weight or the record weight,
 * whichever is larger.
 */
function assertCountsFinite(
  count: Float64Array,
  incidents: IncidentTable,
  categoryWeights: Readonly<Record<string, number>>,
): void {
  let squares = 0;
  for (let c = 0; c < count.length; c++) squares += count[c] * count[c];
  if (Number.isFinite(squares)) return;
  let category = '';
  let categoryWeight = 0;
  for (const name of incidents.categories) {
    const w = getOwn(categoryWeights, name) ?? 1;
    if (w > categoryWeight) [category, categoryWeight] = [name, w];
  }
  let at = 0;
  for (let i = 1; i < incidents.length; i++) if (incidents.weight[i] > incidents.weight[at]) at = i;
  const field =
    categoryWeight >= incidents.weight[at]
      ? `incidents.categoryWeights.${category} = ${categoryWeight}`
      : `${incidents.source}: the weight of ${incidents.recordKind} ${incidents.record[at]}, ${incidents.weight[at]},`;
  throw new HexreachError(
    'E_INPUT',
    `${field} is too large: the weighted incident counts overflow (their sum of squares, which Gi* takes, passes ${Number.MAX_VALUE})`,
    categoryWeight >= incidents.weight[at] ? categoryWeight : incidents.weight[at],
  );
}

/**
 * Refuses an area attribute whose total overflows (a population of 1e308 in two areas is
 * Infinity in all): counts are split over cells and summed per zone, rates weighted by the
 * population. Names the attribute and the feature with the largest value.
 */
function assertAttributeSumFinite(
  areas: AreaTable,
  spec: { readonly name: string; readonly weightBy?: string },
): void {
  const values = getOwn(areas.attributes, spec.name)!;
  const weights = spec.weightBy === undefined ? undefined : getOwn(areas.attributes, spec.weightBy);
  let total = 0;
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]);
    if (Number.isNaN(v)) continue;
    const w = weights === undefined || Number.isNaN(weights[i]) ? 1 : Math.max(1, weights[i]);
    total += v * w;
    if (v > Math.abs(values[largest]) || Number.isNaN(values[largest])) largest = i;
  }
  if (Number.isFinite(total)) return;
  throw new HexreachError(
    'E_INPUT',
    `${areas.source}: the attribute "${spec.name}" is too large: its total over the areas${weights === undefined ? '' : ` (weighted by "${spec.weightBy}")`} overflows (feature ${areas.record[largest]} has ${values[largest]})`,
    spec.name,
  );
}

/** A count with thousands separators, the same in every locale: `2,000,000`. */
function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Each incident's weight times its category's severity weight (unlisted categories weigh 1). */
function incidentWeights(
  incidents: IncidentTable,
  categoryWeights: Readonly<Record<string, number>>,
): Float64Array {
  // A category named `toString` must weigh 1, not Object.prototype.toString.
  const byCategory = incidents.categories.map((name) => getOwn(categoryWeights, name) ?? 1);
  const out = new Float64Array(incidents.length);
  for (let i = 0; i < incidents.length; i++)
    out[i] = incidents.weight[i] * byCategory[incidents.category[i]];
  return out;
}

/** The incidents counted in a cell, as weighted points (incident weight × category weight). */
function countedPoints(
  incidents: IncidentTable,
  cellOfIncident: Int32Array,
  categoryWeights: Readonly<Record<string, number>>,
): KernelPoints {
  const weights = incidentWeights(incidents, categoryWeights);
  let m = 0;
  for (let i = 0; i < cellOfIncident.length; i++) if (cellOfIncident[i] >= 0) m++;
  const lng = new Float64Array(m);
  const lat = new Float64Array(m);
  const weight = new Float64Array(m);
  for (let i = 0, j = 0; i < cellOfIncident.length; i++) {
    if (cellOfIncident[i] < 0) continue;
    lng[j] = incidents.lng[i];
    lat[j] = incidents.lat[i];
    weight[j++] = weights[i];
  }
  return { lng, lat, weight };
}

/** Gini, generalised Gini, top shares and a Lorenz curve of the incident counts per cell. */
function concentrationOf(counts: Uint32Array): Concentration {
  const total = counts.reduce((s, v) => s + v, 0);
  if (total === 0) {
    return {
      gini: Number.NaN,
      generalizedGini: Number.NaN,
      topShares: [],
      lorenz: { cellShare: [], incidentShare: [] },
    };
  }
  const curve = lorenzCurve(counts, { descending: true });
  const step = Math.max(1, Math.ceil((curve.cellShare.length - 1) / 100));
  const cellShare: number[] = [];
  const incidentShare: number[] = [];
  for (let i = 0; i < curve.cellShare.length; i += step) {
    cellShare.push(curve.cellShare[i]);
    incidentShare.push(curve.incidentShare[i]);
  }
  const last = curve.cellShare.length - 1;
  if (cellShare[cellShare.length - 1] !== curve.cellShare[last]) {
    cellShare.push(curve.cellShare[last]);
    incidentShare.push(curve.incidentShare[last]);
  }
  return {
    gini: gini(counts),
    generalizedGini: generalizedGini(counts),
    topShares: [0.01, 0.05, 0.1, 0.2].map((share) => ({
      cellShare: share,
      incidentShare: concentrationShare(counts, share),
    })),
    lorenz: { cellShare, incidentShare },
  };
}

/** A priority component the analysis can score, and what it gives each cell. */
export interface ScoringComponent {
  /** `hotspot`, `crimeRate`, `need`, `trustDeficit` or `partnerGap`. */
  readonly name: string;
  /** Its raw value per cell (higher = more priority), by reference (e.g. `hotspots.z`). */
  readonly values: ArrayLike<number>;
  /** The values normalised as configured (`priority.normalization`); NaN where unknown. */
  readonly normalized: Float64Array;
  /**
   * Its percentile rank per cell (0–1), which the reasons quote: `normalized` itself with
   * percentile normalisation.
   */
  readonly percentile: Float64Array;
  /** Each cell's reason in words should the component weigh in (`cellReasonPhrases`), else undefined. */
  readonly reasons: readonly (string | undefined)[];
}

/** The Gi* neighbourhood and how it was chosen. */
export interface HotspotScale {
  /** `fixed` k-ring, `auto` k-ring chosen by incremental spatial autocorrelation, or a `distance` band. */
  readonly method: 'fixed' | 'auto' | 'distance';
  /** The k-ring size (undefined for a distance band). */
  readonly k: number | undefined;
  /** The distance band in metres (undefined for k-rings). */
  readonly distanceMeters: number | undefined;
  /** With `auto`: global Moran's I z for k = 1 … maxK, the curve the choice was made on. */
  readonly z: readonly number[] | undefined;
}

/** How concentrated incidents are over the cells. */
export interface Concentration {
  /** Gini coefficient of the incident counts per cell (0 = even, → 1 = all in one cell). */
  readonly gini: number;
  /** Gini corrected for fewer incidents than cells (Bernasco & Steenbeek 2017). */
  readonly generalizedGini: number;
  /** Share of incidents in the top 1, 5, 10 and 20 % of cells. */
  readonly topShares: readonly { readonly cellShare: number; readonly incidentShare: number }[];
  /** The Lorenz curve (cells sorted from most to fewest incidents) at up to 101 points. */
  readonly lorenz: {
    readonly cellShare: readonly number[];
    readonly incidentShare: readonly number[];
  };
}

/** Counts of what happened to the records of one input. */
export interface RecordCounts {
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly outside: number;
}

/**
 * How the incident records were accounted for: read = accepted + rejected + outside, where
 * `rejected` counts records the reader could not use and those with swapped coordinates. Counts
 * come from `rejectedCount` and `outsideCount`, so results read with sinks are counted too.
 *
 * @example
 * ```ts
 * incidentCounts(read, result.binned); // { read: 50010, accepted: 49700, rejected: 10, outside: 300 }
 * ```
 */
export function incidentCounts(
  read: {
    readonly read: number;
    readonly rejections: readonly Rejection[];
    readonly rejectedCount?: number;
  },
  binned: BinnedIncidents,
): RecordCounts {
  return {
    read: read.read,
    accepted: binned.accepted,
    rejected: (read.rejectedCount ?? read.rejections.length) + binned.rejectedCount,
    outside: binned.outsideCount,
  };
}

function ignore(): void {}

/** The days the incidents cover and the steps they cover in part. */
export interface TemporalCoverage {
  /** `[from, to)` in ms: the configured window, else first to last incident day (whole days). */
  readonly coverage: Coverage;
  /** The calendar step of the cube and zone trends (`emerging.step`). */
  readonly step: TimeStep;
  /** What is done with a partial step (`temporal.partial`). */
  readonly partial: PartialSteps;
  /** The leading or trailing steps the coverage holds only in part (at most two). */
  readonly partialSteps: readonly PartialStep[];
}

/** The coverage of the incidents counted and its partial steps, or undefined with no time. */
function temporalCoverage(
  time: ArrayLike<number>,
  cellOfIncident: ArrayLike<number>,
  config: HexreachConfig,
): TemporalCoverage | undefined {
  const coverage = incidentCoverage(time, cellOfIncident, {
    from: config.incidents.from === undefined ? undefined : parseDate(config.incidents.from),
    to: config.incidents.to === undefined ? undefined : parseDate(config.incidents.to),
  });
  if (coverage === undefined) return undefined;
  const step = config.emerging.step;
  // The steps of the coverage itself, with no incident in them: only their bounds matter.
  const steps = spaceTimeBins([], [], 0, { step, start: coverage.from, end: coverage.to });
  return {
    coverage,
    step,
    partial: config.temporal.partial,
    partialSteps: wholeSteps(steps, coverage).partial,
  };
}

/** A note on each partial step, with its dates when they may be published, and what was done. */
function temporalNotes(temporal: TemporalCoverage, withDates: boolean): string[] {
  const { coverage, step, partial } = temporal;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const span = `${day(coverage.from)} to ${day(coverage.to - 86_400_000)}`;
  return temporal.partialSteps.map((s) => {
    const what = withDates
      ? `The incidents cover ${span}: the ${step} ${day(s.start)} to ${day(s.end - 86_400_000)} holds ${s.coveredDays} of its ${s.days} days`
      : `The incidents cover only part of their ${s.start < coverage.from ? 'first' : 'last'} ${step}`;
    return partial === 'drop'
      ? `${what}, so the emerging hot spots and zone trends leave it out (temporal.partial: "drop"); whole ${step}s are compared per day.`
      : `${what}; the emerging hot spots and zone trends count it per covered day (temporal.partial: "rate").`;
  });
}

/** The days of `[from, to)` inside the coverage (0 without a coverage). */
function coveredDays(period: { from: number; to: number }, coverage: Coverage | undefined): number {
  if (coverage === undefined) return 0;
  const ms = Math.min(period.to, coverage.to) - Math.max(period.from, coverage.from);
  return Math.max(0, ms) / 86_400_000;
}

/** The same links without each cell itself, each row summing to 1 (as spdep's style "W"). */
function withoutSelfRowStandardised(weights: SpatialWeights): SpatialWeights {
  const offsets = new Uint32Array(weights.n + 1);
  const neighbors: number[] = [];
  for (let i = 0; i < weights.n; i++) {
    for (let e = weights.offsets[i]; e < weights.offsets[i + 1]; e++) {
      if (weights.neighbors[e] !== i) neighbors.push(weights.neighbors[e]);
    }
    offsets[i + 1] = neighbors.length;
  }
  return {
    n: weights.n,
    offsets,
    neighbors: Uint32Array.from(neighbors),
    weights: linkWeights(offsets, 'row'),
    selfIncluded: false,
    style: 'row',
  };
}
