import { componentLabel } from './componentLabel.js';
import { h, updateAttribute, updateText } from './dom.js';

/** Sliders for the priority weights (see {@link weightControls}). */
export interface WeightControls {
  /** The sliders, their shares and a hint, to put in the panel. */
  readonly element: HTMLElement;
  /** The components they weigh, in order. */
  readonly components: readonly string[];
  /**
   * Shows other weights of the same components, and whether the worker is re-scoring, in the
   * elements already there: a slider's release then changes a few values and texts, not the
   * panel's whole tree, which the browser would lay out and paint again as the map repaints.
   */
  update(weights: Readonly<Record<string, number>>, busy: boolean): void;
}

/**
 * Sliders for the priority weights of an analysis run in this browser: one per component
 * (0…1 in steps of 0.05), each showing its share of the total. Releasing a slider (or a key)
 * calls `change` with every weight; the worker then re-scores and re-ranks.
 *
 * @param weights - the weight of each component, as configured or last chosen
 * @param busy - true while the worker re-scores (the sliders stay usable; the last value wins)
 * @param change - called with the new weights
 * @returns the controls, which `update` shows other weights of the same components
 * @example
 * ```ts
 * const controls = weightControls({ hotspot: 0.4, crimeRate: 0.2, need: 0.4 }, false, reweight);
 * replaceContent(panel, controls.element);
 * controls.update({ hotspot: 0.6, crimeRate: 0.2, need: 0.4 }, true);
 * ```
 */
export function weightControls(
  weights: Readonly<Record<string, number>>,
  busy: boolean,
  change: (weights: Record<string, number>) => void,
): WeightControls {
  let shown = { ...weights };
  const components = Object.keys(weights);
  const shareOf = (weight: number, of: Readonly<Record<string, number>>) => {
    const sum = Object.values(of).reduce((a, b) => a + b, 0);
    return `${sum > 0 ? Math.round((weight / sum) * 100) : 0} %`;
  };
  const rows = components.map((name) => {
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
    const output = h('output', { attrs: { for: id } });
    input.addEventListener('input', () => {
      output.textContent = shareOf(Number(input.value), { ...shown, [name]: Number(input.value) });
    });
    input.addEventListener('change', () => change({ ...shown, [name]: Number(input.value) }));
    const row = h(
      'div',
      { className: 'weight-row' },
      h('label', { attrs: { for: id } }, componentLabel(name)),
      input,
      output,
    );
    return { name, input, output, row };
  });
  const hint = h('p', { className: 'hint' });
  const element = h('div', { className: 'weight-controls' }, ...rows.map((r) => r.row), hint);

  const update = (next: Readonly<Record<string, number>>, nextBusy: boolean) => {
    shown = { ...next };
    // Only what differs is written: an unchanged text or value costs the browser nothing.
    for (const { name, input, output } of rows) {
      const value = String(next[name] ?? 0);
      if (input.value !== value) input.value = value;
      updateText(output, shareOf(next[name] ?? 0, next));
    }
    const total = Object.values(next).reduce((a, b) => a + b, 0);
    updateAttribute(element, 'aria-busy', String(nextBusy));
    updateText(
      hint,
      total > 0
        ? nextBusy
          ? 'Re-scoring…'
          : 'Shares of the priority score; the zones are re-ranked when you let go of a slider.'
        : 'Give at least one component a weight.',
    );
  };
  update(weights, busy);
  return { element, components, update };
}
