import type { IncidentFacts, IncidentFilters } from '../data/analyzeRawInputs.js';
import { h } from './dom.js';
import { formatNumber } from './format.js';

/**
 * The incident filters of an analysis run in this browser: a date window (first day included,
 * end day excluded, as the configuration's `incidents.from` / `incidents.to`) and a checkbox per
 * category with its number of incidents. "Apply" runs the analysis again in the worker with
 * them; "All incidents" clears them.
 *
 * @param facts - the dates and categories of the incidents read
 * @param filters - the filters of the results shown
 * @param busy - true while an analysis runs (Apply waits for it)
 * @param apply - called with the filters chosen
 * @returns the controls
 * @example
 * ```ts
 * replaceContent(panel, filterControls(outputs.incidents, outputs.filters, false, rerun));
 * ```
 */
export function filterControls(
  facts: IncidentFacts,
  filters: IncidentFilters,
  busy: boolean,
  apply: (filters: IncidentFilters) => void,
): HTMLElement {
  const dateInput = (id: string, value: string | undefined) => {
    const input = h('input', {
      attrs: { id, type: 'date', 'data-key': id, ...(facts.first ? { min: facts.first } : {}) },
    });
    if (facts.last !== undefined) input.max = nextDay(facts.last);
    input.value = value ?? '';
    return input;
  };
  const from = dateInput('filter-from', filters.from);
  const to = dateInput('filter-to', filters.to);
  const excluded = new Set(filters.excluded ?? []);
  const boxes = facts.categories.map(({ name, count }, i) => {
    const id = `filter-category-${i}`;
    const box = h('input', {
      attrs: { id, type: 'checkbox', 'data-key': id, 'data-category': name },
    });
    box.checked = !excluded.has(name);
    return {
      name,
      box,
      row: h(
        'li',
        {},
        h(
          'label',
          { attrs: { for: id } },
          box,
          ` ${name} `,
          h('span', { className: 'subtle' }, formatNumber(count)),
        ),
      ),
    };
  });
  const chosen = (): IncidentFilters => {
    const out = boxes.filter((b) => !b.box.checked).map((b) => b.name);
    return {
      ...(from.value === '' ? {} : { from: from.value }),
      ...(to.value === '' ? {} : { to: to.value }),
      ...(out.length === 0 ? {} : { excluded: out }),
    };
  };
  const applyButton = h(
    'button',
    { attrs: { type: 'button', id: 'filter-apply', 'data-key': 'filter-apply' } },
    busy ? 'Analysing…' : 'Apply',
  );
  applyButton.disabled = busy;
  applyButton.addEventListener('click', () => apply(chosen()));
  const resetButton = h(
    'button',
    { attrs: { type: 'button', id: 'filter-reset', 'data-key': 'filter-reset' } },
    'All incidents',
  );
  resetButton.disabled = busy;
  resetButton.addEventListener('click', () => apply({}));
  const range =
    facts.first === undefined
      ? 'The incidents have no dates.'
      : `Incidents from ${facts.first} to ${facts.last}.`;
  return h(
    'div',
    { className: 'filter-controls' },
    h('p', { className: 'hint' }, range),
    h('label', { attrs: { for: 'filter-from' } }, 'From (included)'),
    from,
    h('label', { attrs: { for: 'filter-to' } }, 'Until (excluded)'),
    to,
    facts.categories.length > 1
      ? h(
          'fieldset',
          { className: 'filter-categories' },
          h('legend', {}, 'Categories'),
          h('ul', {}, ...boxes.map((b) => b.row)),
        )
      : null,
    h('div', { className: 'filter-buttons' }, applyButton, resetButton),
  );
}

/** The day after `day` (YYYY-MM-DD): the exclusive end that still includes `day`. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
