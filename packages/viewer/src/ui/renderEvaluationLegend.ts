import { type EvaluationChangeScale, NO_ESTIMATE_COLOR } from '../map/evaluationChangeScale.js';
import { h } from './dom.js';
import { formatChange } from './formatEvaluation.js';

/** Colour stops of the legend's bar, from a fall (left) to a rise (right). */
const STOPS = 11;

/**
 * The legend of an evaluation's zones, drawn from the scale that colours them: a bar from the
 * largest fall (blue) through no change to the largest rise (red) with its ends and middle
 * labelled, and a swatch for the zones without an estimate. The bar carries `data-colors` and
 * the swatch `data-color`, for tests and tools.
 *
 * @param scale - the zones' colour scale
 * @param missing - zones without an estimate (the swatch says how many)
 * @returns the legend section
 * @example
 * ```ts
 * box.replaceChildren(evaluationLegend(evaluationChangeScale([-0.3, 0.1]), 0));
 * ```
 */
export function evaluationLegend(scale: EvaluationChangeScale, missing: number): HTMLElement {
  const colors = Array.from({ length: STOPS }, (_, i) =>
    scale(-scale.limit + (2 * scale.limit * i) / (STOPS - 1)),
  );
  const bar = h('div', {
    className: 'evaluation-legend-bar',
    attrs: {
      'data-colors': colors.join(' '),
      role: 'img',
      'aria-label': `from ${formatChange(-scale.limit)} (blue) through no change to ${formatChange(scale.limit)} (red)`,
    },
  });
  bar.style.background = `linear-gradient(to right, ${colors.join(', ')})`;
  const swatch = h('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
  swatch.style.backgroundColor = NO_ESTIMATE_COLOR;
  return h(
    'section',
    { className: 'legend evaluation-legend' },
    h('h3', {}, 'Change in incidents against matched areas'),
    bar,
    h(
      'div',
      { className: 'evaluation-legend-ticks' },
      h('span', {}, `≤ ${formatChange(-scale.limit)}`),
      h('span', {}, 'no change'),
      h('span', {}, `≥ ${formatChange(scale.limit)}`),
    ),
    h(
      'ul',
      { className: 'legend-rows' },
      h(
        'li',
        {
          className: 'legend-row',
          attrs: { 'data-color': NO_ESTIMATE_COLOR, 'data-count': String(missing) },
        },
        swatch,
        h('span', { className: 'legend-label' }, 'No estimate'),
        h('span', { className: 'legend-count' }, `${missing} ${missing === 1 ? 'zone' : 'zones'}`),
      ),
    ),
  );
}
