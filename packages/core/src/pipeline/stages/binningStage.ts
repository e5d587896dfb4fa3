import { HexreachError } from '../../errors.js';
import { type BinnedIncidents, pointsToCells } from '../../hex/pointsToCells.js';
import type { CellAggregation, CellGrid, IncidentTable, RejectionSink } from '../../types.js';
import { getOwn } from '../../util/getOwn.js';
import { configuredWindow } from '../configuredWindow.js';
import type { RunContext } from '../runContext.js';

/**
 * The incidents binned to cells: weighted counts, counts per category, and those outside the
 * study area, date window or categories (to the caller's sinks when given).
 *
 * @throws HexreachError `E_INPUT` when the weighted counts overflow, naming the weight
 * @example
 * ```ts
 * const { binned } = binningStage(run, grid);
 * binned.count; // weighted incidents per cell
 * ```
 */
export function binningStage(
  run: RunContext,
  grid: CellGrid,
): { readonly binned: BinnedIncidents } {
  const { config, options } = run;
  const { incidents } = run.inputs;
  const aggregated = incidents.aggregated;
  if (aggregated !== undefined) run.notes.push(aggregatesNote(incidents, aggregated));
  const binned = run.timed('binning', () =>
    pointsToCells(incidents, grid, {
      categoryWeights: run.counting.weights,
      excludeCategories: config.incidents.exclude,
      ...configuredWindow(config),
      onRejection: options.onRejection,
      // A row's incidents lie together at its cell's centre: the row is listed once.
      onOutside:
        aggregated === undefined || options.onOutside === undefined
          ? options.onOutside
          : oncePerRecord(options.onOutside),
    }),
  );
  assertCountsFinite(binned.count, incidents, run.counting.weights);
  return { binned };
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

/** A sink that passes on a record's first rejection and drops the repeats that follow it. */
function oncePerRecord(sink: RejectionSink): RejectionSink {
  let last = -1;
  let reason = '';
  return (rejection) => {
    if (rejection.record === last && rejection.reason === reason) return;
    last = rejection.record;
    reason = rejection.reason;
    sink(rejection);
  };
}

/** What cell aggregates stand for, and what they leave out. */
function aggregatesNote(incidents: IncidentTable, aggregated: CellAggregation): string {
  const dated =
    aggregated.period === undefined
      ? 'without periods, so there are no time steps (emerging hot spots, change and zone trends need them)'
      : `dated the start of their ${aggregated.period}, which drives the time steps`;
  return `The incidents came as cell aggregates (${incidents.source}: ${aggregated.rows} rows, ${incidents.length} incidents), each row's count placed at its cell's centre and ${dated}; a date window selects whole periods by their start.`;
}
