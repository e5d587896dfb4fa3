import { HexreachError } from '../../errors.js';
import {
  type AttributeSpec,
  type InterpolatedAttributes,
  interpolateAreas,
} from '../../interpolate/interpolateAreas.js';
import type { AreaTable, CellGrid } from '../../types.js';
import { getOwn } from '../../util/getOwn.js';
import type { RunContext } from '../runContext.js';

/** The area attributes on cells, and the residents per cell when there is a population. */
export interface InterpolationPart {
  readonly interpolated: InterpolatedAttributes;
  readonly population: Float64Array | undefined;
}

/**
 * Moves every area attribute the configuration uses onto the cells: the population and count
 * attributes split by area, rates averaged weighted by the population.
 *
 * @throws HexreachError `E_INPUT` when an attribute's total over the areas overflows
 * @example
 * ```ts
 * const { interpolated, population } = interpolationStage(run, grid, 'population');
 * interpolated.columns.poverty; // per cell
 * ```
 */
export function interpolationStage(
  run: RunContext,
  grid: CellGrid,
  populationAttribute: string | undefined,
): InterpolationPart {
  const { config } = run;
  const { areas } = run.inputs;
  const specs = new Map<string, { name: string; kind: 'count' | 'rate'; weightBy?: string }>();
  if (populationAttribute !== undefined) {
    specs.set(populationAttribute, { name: populationAttribute, kind: 'count' });
  }
  for (const a of config.attributes) specs.set(a.name, { ...a });
  for (const i of config.indicators) {
    if (!specs.has(i.name)) specs.set(i.name, { name: i.name, kind: 'rate' });
  }
  for (const spec of specs.values()) {
    if (spec.kind === 'rate' && populationAttribute !== undefined)
      spec.weightBy = populationAttribute;
  }
  for (const spec of specs.values()) assertAttributeSumFinite(areas, spec);
  const cover = run.covers.get(grid.resolution);
  const overlaps = cover?.grid === grid ? cover.overlaps : undefined;
  const interpolated = run.timed('interpolation', () =>
    interpolateAreas(grid, areas, [...specs.values()] satisfies AttributeSpec[], { overlaps }),
  );
  const population =
    populationAttribute === undefined ? undefined : interpolated.columns[populationAttribute];
  return { interpolated, population };
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
