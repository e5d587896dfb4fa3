/**
 * The schema of `hexreach.config.json`. Every section is optional and has documented defaults,
 * so `{}` is a valid configuration; unknown keys are errors, because a misspelt key silently
 * ignored is a wrong analysis nobody notices.
 */
import { z } from 'zod';

const columnName = z.string().min(1);

const incidentColumns = z.strictObject({
  lat: columnName.optional(),
  lng: columnName.optional(),
  date: columnName.optional(),
  category: columnName.optional(),
  weight: columnName.optional(),
});

const inputsSchema = z.strictObject({
  incidents: z
    .strictObject({
      path: z.string().min(1),
      format: z.enum(['csv', 'geojson', 'parquet']).optional(),
      columns: incidentColumns.optional(),
    })
    .optional(),
  /**
   * Or cell aggregates in place of incidents (`--cells`): a CSV of `h3`, `count` and optionally
   * `category` and `period` (the date starting each row's `period`, by default `emerging.step`).
   */
  cells: z
    .strictObject({
      path: z.string().min(1),
      columns: z
        .strictObject({
          h3: columnName.optional(),
          count: columnName.optional(),
          category: columnName.optional(),
          period: columnName.optional(),
        })
        .optional(),
      period: z.enum(['week', 'month', 'quarter']).optional(),
    })
    .optional(),
  areas: z
    .strictObject({
      path: z.string().min(1),
      idProperty: columnName.optional(),
    })
    .optional(),
  organizations: z
    .strictObject({
      path: z.string().min(1),
      name: columnName.optional(),
      type: columnName.optional(),
      /** The property with each organization's capacity (`capacity` when present). */
      capacity: columnName.optional(),
    })
    .optional(),
  surveys: z
    .strictObject({
      path: z.string().min(1),
      columns: z
        .strictObject({
          lat: columnName.optional(),
          lng: columnName.optional(),
          date: columnName.optional(),
        })
        .optional(),
    })
    .optional(),
});

/** An ISO 8601 date (`2024-01-01`) or date-time; checked by `parseConfig`. */
const dateText = z.string().min(1);

export const configSchema = z.strictObject({
  /** Optional JSON-Schema reference for editors; ignored. */
  $schema: z.string().optional(),
  /** Input files; paths relative to the config file. CLI flags override them. */
  inputs: inputsSchema.prefault({}),
  /**
   * Named places (community areas, neighbourhoods, beats, wards) that name the zones: a GeoJSON
   * of polygons (`path`, relative to the config file; `--places` overrides it) and the property
   * with their names (`name`, detected when omitted). Without `path`, the areas themselves are
   * the places, named by `name`; without this section, by a name property detected on them.
   */
  places: z
    .strictObject({
      path: z.string().min(1).optional(),
      name: columnName.optional(),
    })
    .optional(),
  /** H3 resolution of the analysis cells (6 ≈ 36 km², 8 ≈ 0.74 km², 11 ≈ 0.002 km²). */
  resolution: z.number().int().min(6).max(11).default(8),
  /**
   * The most cells a study area may need at the resolution (estimated from its area before any
   * is made): the contiguous US at resolution 8 would need some 11 million.
   */
  maxCells: z.number().int().min(1).default(2_000_000),
  /** The area attribute holding residents (a count); detected from common names when absent. */
  population: columnName.optional(),
  /** Further area attributes to move to cells: counts are split, rates averaged. */
  attributes: z
    .array(z.strictObject({ name: columnName, kind: z.enum(['count', 'rate']) }))
    .default([]),
  /** Need indicators for the vulnerability index (area attributes, averaged as rates). */
  indicators: z
    .array(
      z.strictObject({
        name: columnName,
        /** Which values mean more need: `higher` (poverty rate) or `lower` (median income). */
        direction: z.enum(['higher', 'lower']),
        weight: z.number().positive().default(1),
        label: z.string().optional(),
        /** A theme (e.g. `socioeconomic`): each theme gets its own re-ranked index. */
        theme: z.string().min(1).optional(),
        /** The area attribute with the margin of error of this indicator (ACS `*_moe`). */
        moe: columnName.optional(),
      }),
    )
    .default([]),
  /**
   * A need preset instead of listing `indicators`: `svi` reads the CDC/ATSDR Social Vulnerability
   * Index tract file's `EP_*` columns (margins `MP_*`, −999 missing) with their directions and
   * four themes, the vintage detected from the columns unless given. Absent by default (no key
   * is written to summary.json then).
   */
  need: z
    .strictObject({
      preset: z.enum(['svi']),
      /** `2020-2022` (16 variables, EP_POV150 …) or `2014-2018` (15, EP_POV and EP_PCI …). */
      vintage: z.enum(['2014-2018', '2020-2022']).optional(),
    })
    .optional(),
  incidents: z
    .strictObject({
      /** Severity weight per category name; unlisted categories weigh 1, 0 leaves one out. */
      categoryWeights: z.record(z.string(), z.number().min(0)).default({}),
      /** Start of the date window (inclusive), ISO 8601. */
      from: dateText.optional(),
      /** End of the date window (exclusive), ISO 8601. */
      to: dateText.optional(),
      /** Categories left out altogether: their incidents count as outside, in no cell. */
      exclude: z.array(z.string()).default([]),
      /**
       * What the weighted count (Gi*, rates, priority) counts: `harm`, crimes against persons
       * and property (NIBRS), crimes against society weighing 0 and shown apart; or `all`.
       * A weight given in `categoryWeights` wins over the class.
       */
      count: z.enum(['harm', 'all']).default('harm'),
      /** More category names and their NIBRS class, before the built-in table. */
      classes: z.record(z.string(), z.enum(['persons', 'property', 'society'])).default({}),
    })
    .prefault({}),
  /**
   * Statistics to compute besides Gi* (which the priority score always uses): `lisa` (Local
   * Moran's I), `kde` (kernel
   * density), `emerging` (emerging hot spots over time steps) and `change` (between two periods).
   */
  statistics: z
    .array(z.enum(['gistar', 'lisa', 'kde', 'emerging', 'change']))
    .default(['gistar'])
    .refine((list) => new Set(list).size === list.length, {
      message: 'a statistic is listed twice',
    }),
  lisa: z
    .strictObject({
      /** Moments of Local Moran's I: `conditional` (Sokal et al. 1998, spdep's default) or `total` (Anselin 1995). */
      moments: z.enum(['conditional', 'total']).default('conditional'),
      /** Significance level of the quadrant labels (on the permutation p when permutations run). */
      alpha: z.number().gt(0).lt(1).default(0.05),
      /**
       * Which pseudo p-value `lisa_p_sim` holds, as `hotspots.pValue` (`Pr(z != E(Ii)) Sim` for
       * `spdep`). Default: `spdep` with the spdep scheme, else `esda`.
       */
      pValue: z.enum(['esda', 'spdep', 'folded', 'two-sided']).optional(),
    })
    .prefault({}),
  kde: z
    .strictObject({
      /** Radius of the quartic kernel. */
      bandwidthMeters: z.number().positive().default(500),
    })
    .prefault({}),
  emerging: z
    .strictObject({
      /** Calendar time step of the space-time cube. */
      step: z.enum(['week', 'month', 'quarter']).default('month'),
      /** How many earlier steps count as neighbours in time. */
      timeSteps: z.number().int().min(1).max(12).default(1),
      /** Benjamini–Hochberg within each step, as ArcGIS Pro. */
      fdr: z.boolean().default(true),
      /** Significance level of hot/cold bins and of the trend. */
      alpha: z.number().gt(0).lt(1).default(0.05),
    })
    .prefault({}),
  temporal: z
    .strictObject({
      /**
       * A leading or trailing time step the data cover only in part (a series ending on 8 August
       * has an August of 8 days): `drop` leaves it out of the emerging hot spots and zone trends,
       * `rate` keeps it as incidents per covered day.
       */
      partial: z.enum(['drop', 'rate']).default('drop'),
    })
    .prefault({}),
  /** Two periods to compare (e.g. before and after an outreach programme), each `[from, to)`. */
  change: z
    .strictObject({
      before: z.strictObject({ from: dateText, to: dateText }),
      after: z.strictObject({ from: dateText, to: dateText }),
    })
    .optional(),
  /**
   * `hexreach evaluate`: did the work in the zones change crime, trust and engagement? Absent
   * from an analysis's configuration unless written (see evaluationSettings for its defaults).
   */
  evaluation: z
    .strictObject({
      /** The intervention's zones: hexreach's zones.geojson or any polygons (relative to the config). */
      zones: z.string().min(1).optional(),
      /** Output folder of `hexreach evaluate`, relative to the config file (not output.dir: report.html would clash). */
      out: z.string().min(1).default('evaluation'),
      /** The start of the work in every zone without its own `start` property. */
      start: dateText.optional(),
      /** Its end, for zones without an `end` property (absent: still going on). */
      end: dateText.optional(),
      /** Months in each of the before and after periods (default: as many as the data allow, at most 12). */
      window: z.number().int().min(1).max(120).optional(),
      /** Width of the ring around each zone in which displacement is looked for, in cells. */
      bufferK: z.number().int().min(1).max(5).default(1),
      /** Comparison cells matched to each zone cell (nearest neighbours, with replacement). */
      matches: z.number().int().min(1).max(20).default(3),
      /** Placebo zones per zone, for the p-value and the interval. */
      placebos: z.number().int().min(19).max(99_999).default(999),
      /** Level of the intervals. */
      confidence: z.number().gt(0).lt(1).default(0.9),
      /** Zones with fewer survey answers in a wave are flagged, not scored. */
      minAnswers: z.number().int().min(1).default(10),
      /** The engagement log (CSV): date, place (coordinates or zone id), kind, attendance, partner. */
      engagement: z
        .strictObject({
          path: z.string().min(1),
          columns: z
            .strictObject({
              date: columnName.optional(),
              lat: columnName.optional(),
              lng: columnName.optional(),
              zone: columnName.optional(),
              kind: columnName.optional(),
              attendance: columnName.optional(),
              partner: columnName.optional(),
            })
            .optional(),
        })
        .optional(),
    })
    .optional(),
  trust: z
    .strictObject({
      /** The survey answer column scored as trust (e.g. `trust_police`); required with surveys. */
      answer: columnName.optional(),
      /** Cells with fewer answers are flagged (and suppressed in a public export below minCount). */
      minResponses: z.number().int().min(1).default(5),
      /** The answer scale. */
      scaleMin: z.number().default(1),
      scaleMax: z.number().default(5),
      /** Whether a higher answer means more trust. */
      higherIsMoreTrust: z.boolean().default(true),
      /** Or trust from area aggregates: the area attribute with the mean answer … */
      areaMean: columnName.optional(),
      /** … and the one with the number of respondents. */
      areaResponses: columnName.optional(),
      /** The variance of one answer, assumed for area aggregates (they cannot reveal it). */
      answerVariance: z.number().positive().default(1),
    })
    .prefault({})
    .refine((t) => t.scaleMin < t.scaleMax, { message: 'scaleMin must be less than scaleMax' }),
  partners: z
    .strictObject({
      /** Organizations within this distance of a cell centre count as nearby. */
      radiusMeters: z.number().positive().default(1000),
      /** The organization types measured (default: all types present). */
      types: z.array(z.string().min(1)).optional(),
    })
    .prefault({}),
  hotspots: z
    .strictObject({
      /** Neighbourhood of the Gi* statistic in H3 grid steps. */
      k: z.number().int().min(1).max(10).default(1),
      /**
       * `auto` chooses k as ArcGIS's Optimized Hot Spot Analysis does: the first peak of global
       * Moran's I z over k = 1 … maxK (incremental spatial autocorrelation); `fixed` uses k.
       */
      scale: z.enum(['fixed', 'auto']).default('fixed'),
      /** The largest k tried by `scale: "auto"`. */
      maxK: z.number().int().min(2).max(10).default(6),
      /** A distance band (metres between cell centres) instead of k-rings. */
      distanceMeters: z.number().positive().optional(),
      /**
       * Benjamini–Hochberg false-discovery-rate correction of the Gi* and LISA bins: on by default,
       * as in ArcGIS's Optimized Hot Spot Analysis, since thousands of cells are tested at once.
       */
      fdr: z.boolean().default(true),
      /**
       * Which cells Gi* tests: `all`, or `populated` (cells with residents or incidents), leaving
       * out the structural zeros (parks, water, rail yards) that dominate the lowest counts.
       */
      mask: z.enum(['all', 'populated']).default('all'),
      /** Conditional permutations for pseudo p-values (Gi* and Local Moran); 0 = analytic only. */
      permutations: z.number().int().min(0).max(99_999).default(999),
      /**
       * `lookup-table` (the default): conditional randomisation, each cell's value fixed and its
       * neighbours drawn without replacement from the others, read from windows of one table shared
       * by the cells (after GeoDa's lookup table), about ten times faster than `conditional`, which
       * draws the same way from a stream per cell (esda, GeoDa); `spdep`: spdep's localG_perm /
       * localmoran_perm scheme. When the table would pass 2²⁵ entries (very wide neighbourhoods or
       * very many permutations) the run uses `conditional` and says so in a note.
       */
      scheme: z.enum(['conditional', 'spdep', 'lookup-table']).default('lookup-table'),
      /**
       * Which pseudo p-value `gi_p_sim` holds (see `PermutationPValue`): `esda` (esda's default
       * p_sim), `spdep` (spdep's `Pr(z != E(Gi)) Sim`), `folded` or `two-sided` (equal tails).
       * Default: `spdep` with the spdep scheme, else `esda`.
       */
      pValue: z.enum(['esda', 'spdep', 'folded', 'two-sided']).optional(),
    })
    .prefault({}),
  rates: z
    .strictObject({
      /** Incidents per this many residents. */
      per: z.number().positive().default(1000),
      /** Cells with fewer residents get no rate (NaN), so tiny populations give no absurd rates. */
      minPopulation: z.number().min(0).default(100),
      /**
       * Empirical-Bayes smoothing of rates (spdep EBest / EBlocal): `global` shrinks toward the
       * city rate, `local` toward the neighbourhood's. When set, the priority uses the smoothed rate.
       */
      smoothing: z.enum(['none', 'global', 'local']).default('none'),
    })
    .prefault({}),
  priority: z
    .strictObject({
      /** How each component is put on a 0–1 scale before weighting. */
      normalization: z.enum(['percentile', 'minmax', 'zscore']).default('percentile'),
      /** Relative weights of the components; they are divided by their sum. */
      weights: z
        .strictObject({
          hotspot: z.number().min(0).default(0.4),
          crimeRate: z.number().min(0).default(0.3),
          need: z.number().min(0).default(0.3),
          /** Low trust in police / feeling unsafe, from surveys (used when surveys are given). */
          trustDeficit: z.number().min(0).default(0.15),
          /** Distance to the nearest partner organization (used when organizations are given). */
          partnerGap: z.number().min(0).default(0.1),
        })
        .prefault({})
        .refine((w) => w.hotspot + w.crimeRate + w.need + w.trustDeficit + w.partnerGap > 0, {
          message: 'at least one priority weight must be greater than 0',
        }),
    })
    .prefault({}),
  /** Margins of error of the indicators (`indicators[].moe`) become an interval of the need index. */
  uncertainty: z
    .strictObject({
      /** Monte-Carlo draws. */
      draws: z.number().int().min(2).max(10_000).default(100),
      /** Confidence level of the published margins (the ACS publishes 90 % margins). */
      confidence: z.number().gt(0).lt(1).default(0.9),
      /** Central share of the draws the interval covers. */
      interval: z.number().gt(0).lt(1).default(0.9),
    })
    .prefault({}),
  classes: z
    .strictObject({
      /** The Gi* bin from which a cell counts as a hotspot (2 = 95 % confidence). */
      hotspotBin: z.number().int().min(1).max(3).default(2),
      /** The need index from which a cell has high need (0.9 = 90th percentile). */
      needAt: z.number().min(0).max(1).default(0.9),
      /** The need index from which a cell without nearby partners is a partner gap. */
      partnerNeedAt: z.number().min(0).max(1).default(0.8),
    })
    .prefault({}),
  robustness: z
    .strictObject({
      /** Monte-Carlo draws of the priority weights (Dirichlet around the configured ones); 0 = none. */
      draws: z.number().int().min(0).max(10_000).default(200),
      /** Dirichlet concentration κ (α = κ·w): larger keeps draws closer to the configured weights. */
      concentration: z.number().positive().default(20),
      /** Also re-run the analysis at resolutions r − 1 and r + 1 and compare the selections. */
      resolutions: z.boolean().default(true),
      /** Mean selection probability from which a zone is `robust`, and `moderate`; below: `fragile`. */
      robustAt: z.number().min(0).max(1).default(0.8),
      moderateAt: z.number().min(0).max(1).default(0.5),
    })
    .prefault({}),
  /** Area attributes whose make-up in the zones is compared with the whole area (`attributes` names). */
  equity: z
    .strictObject({
      attributes: z
        .array(
          z.strictObject({
            name: columnName,
            kind: z.enum(['share', 'level']),
            label: z.string().optional(),
          }),
        )
        .default([]),
    })
    .prefault({}),
  zones: z
    .strictObject({
      /** Select cells whose priority score is at least this (0–1). */
      threshold: z.number().min(0).max(1).optional(),
      /** Or select the N cells with the highest score. */
      topN: z.number().int().positive().optional(),
      /** Zones with fewer cells are dropped (and counted in the summary). */
      minCells: z.number().int().min(1).default(1),
      /**
       * Or a budget: at most maxZones contiguous zones, each at most maxCells cells and/or
       * maxPopulation residents, grown greedily over score × need.
       */
      budget: z
        .strictObject({
          maxZones: z.number().int().positive(),
          maxCells: z.number().int().positive().optional(),
          maxPopulation: z.number().positive().optional(),
        })
        .refine((b) => b.maxCells !== undefined || b.maxPopulation !== undefined, {
          message: 'a budget needs maxCells, maxPopulation or both',
        })
        .optional(),
      /** Suggested partners listed per zone. */
      suggestPartners: z.number().int().min(0).max(20).default(5),
    })
    .prefault({})
    .refine((s) => [s.threshold, s.topN, s.budget].filter((x) => x !== undefined).length <= 1, {
      message: 'give one of threshold, topN or budget',
    }),
  output: z
    .strictObject({
      /** Output folder, relative to the config file. */
      dir: z.string().min(1).default('out'),
      /** Decimal places of output coordinates (6 ≈ 0.1 m). */
      precision: z.number().int().min(0).max(10).default(6),
    })
    .prefault({}),
  privacy: z
    .strictObject({
      /**
       * A public export: no rejected.csv, no record numbers or incident dates in the summary, and
       * counts from 1 to minCount − 1 (and values derived from them) written as "<minCount".
       */
      public: z.boolean().default(false),
      /**
       * The smallest incident count shown in a public export: smaller noisy counts are written
       * as "<minCount", for readability (the noise, not this, protects the incidents).
       */
      minCount: z.number().int().min(2).default(5),
      /**
       * The privacy budget ε of a public export as a whole: every incident count it publishes is
       * the true one plus discrete Laplace noise, so that whether any one incident is in the
       * data changes the probability of any output by at most a factor of e^ε.
       */
      epsilon: z.number().positive().max(100).default(1),
      /**
       * Seeds the noise of a public run, for tests only: never written to any output. Without
       * it the noise comes from a cryptographic source, and two public runs differ.
       */
      noiseSeed: z.number().int().min(0).optional(),
    })
    .prefault({}),
  /** Turn any rejected record into an error. */
  strict: z.boolean().default(false),
  /** Seed of every random draw, for reproducible runs. */
  seed: z.number().int().min(0).default(1),
});

/** A configuration as written by a user (every field optional). */
export type HexreachConfigInput = z.input<typeof configSchema>;
/** A configuration with every default filled in. */
export type HexreachConfig = z.output<typeof configSchema>;
