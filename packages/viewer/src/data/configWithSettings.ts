import type { HexreachConfig } from '@hexreach/core';

/**
 * Which incidents an analysis in the browser uses: a date window and categories left out. They
 * become the configuration's `incidents.from`, `incidents.to` and `incidents.exclude`, so
 * `hexreach analyze` with that configuration gives the same results.
 */
export interface IncidentFilters {
  /** First day included, `YYYY-MM-DD`. */
  readonly from?: string;
  /** First day no longer included, `YYYY-MM-DD`. */
  readonly to?: string;
  /** Categories left out. */
  readonly excluded?: readonly string[];
}

/** What the user can change between runs of the same inputs. */
export interface AnalysisSettings {
  /** Priority weights replacing the configured ones, by component (`hotspot`, `need` …). */
  readonly weights?: Readonly<Record<string, number>>;
  /** The incidents used. */
  readonly filters?: IncidentFilters;
}

/**
 * The configuration of a run with other weights or filters: the parsed configuration with the
 * weights merged in, the date window replaced and the excluded categories added.
 *
 * @param config - the configuration read with the inputs
 * @param settings - weights and filters
 * @returns the configuration to analyse with
 * @example
 * ```ts
 * configWithSettings(parsed.config, { filters: { from: '2024-01-01', excluded: ['THEFT'] } });
 * ```
 */
export function configWithSettings(
  config: HexreachConfig,
  settings: AnalysisSettings,
): HexreachConfig {
  const { weights, filters } = settings;
  return {
    ...config,
    priority: {
      ...config.priority,
      weights: { ...config.priority.weights, ...(weights ?? {}) },
    },
    incidents:
      filters === undefined
        ? config.incidents
        : {
            ...config.incidents,
            exclude: [...new Set([...config.incidents.exclude, ...(filters.excluded ?? [])])],
            from: filters.from ?? config.incidents.from,
            to: filters.to ?? config.incidents.to,
          },
  };
}
