import type { IncidentFacts, IncidentFilters } from '../data/analyzeRawInputs.js';
import { h } from './dom.js';
import { formatNumber } from './format.js';

/**
 * The incident filters of an analysis run in this browser: a date window (first day included,
 * end day excluded, as the configuration's `incidents.from` / `incidents.to`), chosen with two
 * sliders over the days the incidents span or typed as dates, and a checkbox per category with
 * its number of incidents. "Apply" runs the analysis again in the worker with
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
  const sliders =
    facts.first === undefined || facts.last === undefined
      ? []
      : [
          dateSlider('filter-from-range', 'First day', from, facts.first, nextDay(facts.last), 0),
          dateSlider('filter-to-range', 'End day', to, facts.first, nextDay(facts.last), 1),
        ];
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
    sliders[0] ?? null,
    h('label', { attrs: { for: 'filter-to' } }, 'Until (excluded)'),
    to,
    sliders[1] ?? null,
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

const DAY_MS = 86_400_000;

/**
 * A slider over the days from `first` to `end`, kept in step with the date input it sits under
 * (moving one moves the other). `side` 0 starts at `first`, 1 at `end`, when the input is empty.
 */
function dateSlider(
  id: string,
  label: string,
  input: HTMLInputElement,
  first: string,
  end: string,
  side: 0 | 1,
): HTMLInputElement {
  const dayOf = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
  const [lo, hi] = [dayOf(first), dayOf(end)];
  const slider = h('input', {
    attrs: {
      id,
      type: 'range',
      min: '0',
      max: String(hi - lo),
      step: '1',
      'data-key': id,
      'aria-label': `${label} of the incidents used`,
    },
  });
  const sync = () => {
    const day = input.value === '' ? (side === 0 ? lo : hi) : dayOf(input.value);
    slider.value = String(Math.min(hi, Math.max(lo, day)) - lo);
    slider.setAttribute(
      'aria-valuetext',
      input.value === '' ? (side === 0 ? first : end) : input.value,
    );
  };
  sync();
  slider.addEventListener('input', () => {
    input.value = new Date((lo + Number(slider.value)) * DAY_MS).toISOString().slice(0, 10);
    slider.setAttribute('aria-valuetext', input.value);
  });
  input.addEventListener('input', sync);
  input.addEventListener('change', sync);
  return slider;
}
