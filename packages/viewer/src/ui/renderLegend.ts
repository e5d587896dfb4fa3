import type { Classification } from '../map/classify.js';
import type { CategoryClassification } from '../map/classifyCategories.js';
import { h } from './dom.js';
import { formatNumber } from './format.js';

/** The legend of one cell layer. */
export interface ClassLegend {
  readonly layerId: string;
  readonly title: string;
  readonly classification: Classification;
}

/** The legend of the organization points. */
export interface CategoryLegend {
  readonly layerId: string;
  readonly title: string;
  readonly entries: readonly { type: string; color: string; count: number }[];
}

/**
 * Draws the legend of a classified layer from its d3 scale — the same scale that colours the
 * map — highest class first, each with its range (or name) and its number of cells, then the
 * cells without a value. Rows carry `data-color` and `data-count` for tests and tools.
 *
 * @param legend - the layer and its classification
 * @returns the legend section
 * @example
 * ```ts
 * panel.append(classLegend({ layerId: 'score', title: 'Priority score', classification }));
 * ```
 */
export function classLegend(legend: ClassLegend): HTMLElement {
  const { scale, counts, missing, extent, labels } = legend.classification;
  const thresholds = scale.domain();
  const colors = scale.range();
  const rows: HTMLElement[] = colors.map((color, i) => {
    let text: string;
    let title: string;
    if (labels !== undefined) {
      text = labels[i];
      title = labels[i];
    } else {
      const lower = i === 0 ? extent?.[0] : thresholds[i - 1];
      const upper = i === colors.length - 1 ? extent?.[1] : thresholds[i];
      text =
        colors.length === 1
          ? formatNumber(lower)
          : `${formatNumber(lower)} – ${formatNumber(upper)}`;
      title =
        i === colors.length - 1
          ? `from ${lower} to ${upper}, both included`
          : `from ${lower} (included) to ${upper} (excluded)`;
    }
    return legendRow(color, text, counts[i], title);
  });
  rows.reverse();
  if (missing > 0)
    rows.push(legendRow(scale.unknown(), 'No value', missing, 'no value in the results'));
  return cellLegendSection(legend, rows, counts.reduce((a, b) => a + b, 0) + missing);
}

/**
 * Draws the legend of the organization points: one row per type with its colour and count.
 *
 * @example
 * ```ts
 * panel.append(categoryLegend({ layerId: 'organizations', title: 'Organizations', entries }));
 * ```
 */
export function categoryLegend(legend: CategoryLegend): HTMLElement {
  return h(
    'section',
    {
      className: 'legend',
      attrs: { 'data-layer': legend.layerId, 'aria-label': `Legend: ${legend.title}` },
    },
    h('h3', {}, legend.title),
    h(
      'ul',
      { className: 'legend-rows' },
      ...legend.entries.map((e) => legendRow(e.color, e.type, e.count, e.type, true)),
    ),
  );
}

/** The legend of a cell layer drawn by the categories of a text column. */
export interface CategoryClassLegend {
  readonly layerId: string;
  readonly title: string;
  readonly classification: CategoryClassification;
}

/**
 * Draws the legend of a categories layer from its classification — the one the cells' colours
 * are read from — one row per category with its number of cells, in the palette's
 * order. As in ArcGIS's legend of emerging hot spots, every known category is listed, so a
 * reader sees which did not occur: those are greyed (class `is-absent`, count 0). Values the
 * palette does not list follow in their neutral grey, then the cells without a value. Rows carry
 * `data-color`, `data-count` and `data-value` for tests and tools.
 *
 * @param legend - the layer and its classification
 * @returns the legend section
 * @example
 * ```ts
 * panel.append(categoryClassLegend({ layerId: 'lisa', title: 'Local Moran clusters', classification }));
 * ```
 */
export function categoryClassLegend(legend: CategoryClassLegend): HTMLElement {
  const { classes, missing, missingColor } = legend.classification;
  const rows = classes.map((c) => {
    const title = !c.listed
      ? `${c.value}: a value hexreach does not list, drawn in grey`
      : c.count === 0
        ? `${c.value}: no cell`
        : c.value;
    const row = legendRow(c.color, c.value, c.count, title);
    row.dataset.value = c.value;
    if (c.count === 0) row.classList.add('is-absent');
    return row;
  });
  if (missing > 0)
    rows.push(legendRow(missingColor, 'No value', missing, 'no value in the results'));
  return cellLegendSection(legend, rows, classes.reduce((n, c) => n + c.count, 0) + missing);
}

/** The legend section of a cell layer: its title, its rows and the number of cells. */
function cellLegendSection(
  legend: { readonly layerId: string; readonly title: string },
  rows: readonly HTMLElement[],
  total: number,
): HTMLElement {
  return h(
    'section',
    {
      className: 'legend',
      attrs: { 'data-layer': legend.layerId, 'aria-label': `Legend: ${legend.title}` },
    },
    h('h3', {}, legend.title),
    h('ul', { className: 'legend-rows' }, ...rows),
    h('p', { className: 'legend-total' }, `${formatNumber(total)} cells`),
  );
}

function legendRow(
  color: string,
  text: string,
  count: number,
  title: string,
  round = false,
): HTMLElement {
  const swatch = h('span', {
    className: round ? 'swatch swatch-round' : 'swatch',
    attrs: { 'aria-hidden': 'true' },
  });
  swatch.style.backgroundColor = color;
  return h(
    'li',
    { className: 'legend-row', attrs: { 'data-color': color, 'data-count': String(count), title } },
    swatch,
    h('span', { className: 'legend-label' }, text),
    h('span', { className: 'legend-count' }, formatNumber(count)),
  );
}
