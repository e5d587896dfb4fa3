import type { HexreachConfig } from '../config/configSchema.js';
import type { BinnedIncidents } from '../hex/pointsToCells.js';
import type { EquityProfile } from '../indicators/equityProfile.js';
import type { NeedIntervals } from '../indicators/needIntervals.js';
import type { PartnerAccess } from '../indicators/partnerAccess.js';
import type { TrustResult } from '../indicators/trustByCell.js';
import type { VulnerabilityResult } from '../indicators/vulnerabilityIndex.js';
import type { PriorityResult } from '../priority/priorityScore.js';
import type { ScoringComponent } from '../priority/scoringComponents.js';
import type { EmergingHotspotsResult } from '../stats/emergingHotspots.js';
import type { GiStarResult } from '../stats/giStar.js';
import type { LocalMoranResult } from '../stats/localMoran.js';
import type { MoranGlobalResult } from '../stats/moranGlobal.js';
import type { PeriodChangeResult } from '../stats/periodChange.js';
import type {
  PermutationRunner,
  PermutationScheme,
} from '../stats/permutation/resolvePermutationOptions.js';
import type { SpaceTimeBins } from '../stats/spaceTimeBins.js';
import type {
  AreaTable,
  CellGrid,
  IncidentTable,
  OrganizationTable,
  PlaceTable,
  RejectionSink,
  SpatialWeights,
  SurveyTable,
} from '../types.js';
import type { ZoneDetail } from '../zones/describeZones.js';
import type { ZoneSummary } from '../zones/summarizeZones.js';
import type { CellPlaces } from '../zones/zonePlaces.js';
import type { ZoneRobustness } from '../zones/zoneRobustness.js';
import type { CountingRule } from './countingRule.js';
import type { Concentration } from './stages/concentrationStage.js';
import type { HotspotScale } from './stages/hotspotStage.js';
import type { NoisyCounts, TruthSink } from './stages/noiseStage.js';
import type { TemporalCoverage } from './stages/temporalStage.js';

/** The data `analyze` works on, already read into columns (see the `read*` functions). */
export interface AnalyzeInputs {
  readonly incidents: IncidentTable;
  readonly areas: AreaTable;
  readonly organizations?: OrganizationTable;
  readonly surveys?: SurveyTable;
  /** Named places (community areas, wards…) that name the zones. */
  readonly places?: PlaceTable;
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
  /**
   * For tests of a public run: receives the true counts once the noise is drawn (the run reads
   * none of them afterwards, which a test can check by overwriting them).
   */
  readonly truthAfterNoise?: TruthSink;
  /**
   * Runs the permutations of Gi* and LISA (default: in this thread); the output is the same
   * whichever runs them. The CLI gives `threadedPermutationRunner`, which uses every core.
   */
  readonly permutationRunner?: PermutationRunner;
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
  /**
   * Incidents binned to cells, with those outside the study area or date window. In a public
   * run every count is noisy and no incident is linked to a cell (see `noisy`).
   */
  readonly binned: BinnedIncidents;
  /** What the weighted count counts: each category's weight and NIBRS class. */
  readonly counting: CountingRule;
  /** A public run's noise: its budget, and the noisy step tables of its time series. */
  readonly noisy: NoisyCounts | undefined;
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
  /**
   * The scheme the Gi* and Local Moran permutations ran with: `hotspots.scheme`, or `conditional`
   * where a lookup table would be too large.
   */
  readonly permutationScheme: PermutationScheme;
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
  /** The place of each cell (by its centre), when named places are given: zones are named by them. */
  readonly places: CellPlaces | undefined;
  /**
   * How robust the selection is: per cell the probability of being selected when the priority
   * weights are drawn around the configured ones, averaged with the agreement at resolutions
   * r − 1 and r + 1; per zone its mean and label. Undefined when `robustness` is switched off,
   * and after `createScorer(result).full` unless it was asked to recompute it.
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
   * score. The score and the reasons are made from them, and `createScorer(result).full` reuses them: a new
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
   * `notes`, which `createScorer(result).full` starts from.
   */
  readonly baseNotes: readonly string[];
  /**
   * The inputs analysed, by reference (not copied): re-scoring with other weights
   * (`createScorer(result).full`) needs the incidents' times for the zone trends, the organizations for the
   * suggested partners, and all of them to compare the zones at other resolutions. A result
   * therefore keeps its inputs alive.
   */
  readonly inputs: AnalyzeInputs;
  /** Seconds spent in each step. */
  readonly durations: Readonly<Record<string, number>>;
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
