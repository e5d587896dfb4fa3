import type { LoadedResults } from '../data/results.js';
import {
  type CategoryColor,
  emergingColors,
  jointClassColors,
  lisaColors,
  partnerClassColors,
} from './categoryPalettes.js';
import type { SchemeName } from './colorSchemes.js';

/**
 * The column name of the time-step layer: not a property of the cells, but each cell's Gi* bin
 * in the time step shown, read from spacetime.json when the step changes.
 */
export const TIME_STEP_COLUMN = 'step_bin';

/**
 * How a layer is drawn: cells by a classified number (`numeric`), by the Gi* bins (`bins`) or
 * by the categories of a text column (`categories`); or zones, organizations, the outline.
 */
export type LayerKind = 'numeric' | 'bins' | 'categories' | 'zones' | 'organizations' | 'outline';

/** A layer the viewer can show, derived from the columns and files the results carry. */
export interface LayerDefinition {
  /** Stable id, used in the URL hash. */
  readonly id: string;
  /** Name shown to the user. */
  readonly title: string;
  readonly kind: LayerKind;
  /** The cell column drawn (cell layers); the `column` layer's is chosen by the user. */
  readonly column?: string;
  /** The scheme a numeric layer starts with. */
  readonly scheme?: SchemeName;
  /** The known categories of a `categories` layer, in legend order, with their colours. */
  readonly categories?: readonly CategoryColor[];
  /** Visible when nothing else is asked for. */
  readonly visibleByDefault: boolean;
}

/**
 * The layers of some results, top of the map first: organizations, zones and the study-area
 * outline over the cell layers — priority score, Gi* bins, the Gi* bins of one time step (when
 * the results have `spacetime.json`), Local Moran clusters (`lisa_quadrant`), emerging hot-spot
 * patterns (`eh_pattern`), hotspot × need classes (`joint_class`), need, partner classes
 * (`partner_class`), trust deficit, incident rate and count — then a layer for any other numeric
 * column. A layer whose column or file is absent is left out.
 *
 * @param results - loaded results
 * @returns the layers, in their default drawing order (top first)
 * @example
 * ```ts
 * availableLayers(results).map((l) => l.id); // ['organizations', 'zones', 'outline', 'score', …]
 * ```
 */
export function availableLayers(
  results: Pick<LoadedResults, 'numericColumns' | 'zones' | 'organizations'> &
    Partial<Pick<LoadedResults, 'spaceTime' | 'textColumns' | 'summary'>>,
): LayerDefinition[] {
  const has = new Set(results.numericColumns);
  const hasText = new Set(results.textColumns ?? []);
  const rate = results.numericColumns.find((c) => /^rate_per_\d+$/.test(c));
  const layers: LayerDefinition[] = [];
  if (results.organizations !== undefined) {
    layers.push({
      id: 'organizations',
      title: 'Organizations',
      kind: 'organizations',
      visibleByDefault: true,
    });
  }
  if (results.zones !== undefined) {
    layers.push({ id: 'zones', title: 'Priority zones', kind: 'zones', visibleByDefault: true });
  }
  layers.push({ id: 'outline', title: 'Study area', kind: 'outline', visibleByDefault: true });
  const numeric = (
    id: string,
    column: string | undefined,
    title: string,
    scheme: SchemeName,
    visibleByDefault = false,
  ) => {
    if (column !== undefined && has.has(column))
      layers.push({ id, title, kind: 'numeric', column, scheme, visibleByDefault });
  };
  numeric('score', 'score', 'Priority score', 'viridis', true);
  if (has.has('gi_bin')) {
    layers.push({
      id: 'gi_bin',
      // The bins' significance levels are Benjamini–Hochberg ones when the run says so.
      title:
        results.summary?.parameters?.hotspots?.fdr === true
          ? 'Hotspots (Gi* confidence, FDR-corrected)'
          : 'Hotspots (Gi* confidence)',
      kind: 'bins',
      column: 'gi_bin',
      visibleByDefault: !has.has('score'),
    });
  }
  if (results.spaceTime !== undefined) {
    // Coloured by the bins of the time step shown (see TIME_STEP_COLUMN).
    layers.push({
      id: 'gi_step',
      title: 'Hotspots in the time step (Gi*)',
      kind: 'bins',
      column: TIME_STEP_COLUMN,
      visibleByDefault: false,
    });
  }
  const categories = (
    id: string,
    column: string,
    title: string,
    palette: readonly CategoryColor[],
  ) => {
    if (hasText.has(column))
      layers.push({
        id,
        title,
        kind: 'categories',
        column,
        categories: palette,
        visibleByDefault: false,
      });
  };
  categories('lisa', 'lisa_quadrant', 'Local Moran clusters (LISA)', lisaColors);
  categories('emerging', 'eh_pattern', 'Emerging hot spots', emergingColors);
  categories('joint_class', 'joint_class', 'Hotspot and need', jointClassColors);
  numeric('need_index', 'need_index', 'Need (vulnerability index)', 'cividis');
  categories('partner_class', 'partner_class', 'Partner access of high need', partnerClassColors);
  numeric('trust', 'trust_deficit', 'Trust deficit', 'purples');
  const per = Number(rate?.slice('rate_per_'.length)).toLocaleString('en-US');
  numeric('rate', rate, `Incidents per ${per} residents`, 'ylorrd');
  numeric('incidents', 'incidents', 'Incidents (count)', 'magma');
  numeric('society', 'society_incidents', 'Crimes against society (not scored)', 'blues');
  const others = otherColumns(results.numericColumns);
  if (others.length > 0) {
    layers.push({
      id: 'column',
      title: 'Any column',
      kind: 'numeric',
      scheme: 'viridis',
      visibleByDefault: false,
    });
  }
  return layers;
}

/**
 * Is the layer drawn from a cell column (numeric, Gi* bins or categories), so that it has a
 * legend, a style and answers the pointer?
 *
 * @example
 * ```ts
 * isCellLayer({ kind: 'categories' }); // true
 * ```
 */
export function isCellLayer(layer: Pick<LayerDefinition, 'kind'>): boolean {
  return layer.kind === 'numeric' || layer.kind === 'bins' || layer.kind === 'categories';
}

/**
 * The numeric columns the `column` layer offers: all of them except those with a layer of their
 * own.
 *
 * @example
 * ```ts
 * otherColumns(['score', 'population', 'gi_bin']); // ['population']
 * ```
 */
export function otherColumns(numericColumns: readonly string[]): string[] {
  return numericColumns.filter(
    (c) =>
      ![
        'score',
        'gi_bin',
        'need_index',
        'trust_deficit',
        'incidents',
        'society_incidents',
      ].includes(c) && !/^rate_per_\d+$/.test(c),
  );
}
