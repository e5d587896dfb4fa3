import { componentLabel } from './componentLabel.js';
import { h } from './dom.js';

/**
 * Sliders for the priority weights of an analysis run in this browser: one per component
 * (0…1 in steps of 0.05), each showing its share of the total. Releasing a slider (or a key)
 * calls `change` with every weight; the worker then re-scores and re-ranks.
 *
 * @param weights - the weight of each component, as configured or last chosen
 * @param busy - true while the worker re-scores (the sliders stay usable; the last value wins)
 * @param change - called with the new weights
 * @returns the controls
 * @example
 * ```ts
 * replaceContent(panel, weightControls({ hotspot: 0.4, crimeRate: 0.2, need: 0.4 }, false, reweight));
 * ```
 */
export function weightControls(
  weights: Readonly<Record<string, number>>,
  busy: boolean,
  change: (weights: Record<string, number>) => void,
): HTMLElement {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  const rows = Object.entries(weights).map(([name, weight]) => {
    const id = `weight-${name}`;
    const input = h('input', {
      attrs: {
        id,
        type: 'range',
        min: '0',
        max: '1',
        step: '0.05',
        'data-key': id,
        'data-weight': name,
      },
    });
    input.value = String(weight);
    const share = total > 0 ? Math.round((weight / total) * 100) : 0;
    const output = h('output', { attrs: { for: id } }, `${share} %`);
    input.addEventListener('input', () => {
      const next = { ...weights, [name]: Number(input.value) };
      const sum = Object.values(next).reduce((a, b) => a + b, 0);
      output.textContent = `${sum > 0 ? Math.round((Number(input.value) / sum) * 100) : 0} %`;
    });
    input.addEventListener('change', () => change({ ...weights, [name]: Number(input.value) }));
    return h(
      'div',
      { className: 'weight-row' },
      h('label', { attrs: { for: id } }, componentLabel(name)),
      input,
      output,
    );
  });
  return h(
    'div',
    { className: 'weight-controls', attrs: { 'aria-busy': String(busy) } },
    ...rows,
    h(
      'p',
      { className: 'hint' },
      total > 0
        ? busy
          ? 'Re-scoring…'
          : 'Shares of the priority score; the zones are re-ranked when you let go of a slider.'
        : 'Give at least one component a weight.',
    ),
  );
}
