import { type ClassMethod, classMethods } from '../map/classify.js';
import { type SchemeName, sequentialSchemes } from '../map/colorSchemes.js';
import type { LayerDefinition } from '../map/layerCatalog.js';
import { CLASS_RANGE, type LayerView } from '../state/viewState.js';
import { h } from './dom.js';

/** What the style controls ask the app to do. */
export interface StyleActions {
  change(
    id: string,
    patch: Partial<Pick<LayerView, 'method' | 'classes' | 'scheme' | 'column'>>,
  ): void;
}

/**
 * The classification controls of the active layer: method, number of classes, colour scheme,
 * and for the "any column" layer the column. Gi* bins have fixed classes and get a sentence.
 *
 * @example
 * ```ts
 * replaceContent(panel, styleControls(layer, view.layers[layer.id], columns, labelOf, actions));
 * ```
 */
export function styleControls(
  layer: LayerDefinition,
  view: LayerView,
  columns: readonly string[],
  labelOf: (column: string) => string,
  actions: StyleActions,
): HTMLElement {
  if (layer.kind === 'bins') {
    return h(
      'p',
      { className: 'hint' },
      'Fixed classes: Gi* hot and cold spots at 90, 95 and 99 % confidence (ColorBrewer RdBu).',
    );
  }
  if (layer.kind === 'categories') {
    return h(
      'p',
      { className: 'hint' },
      'Fixed categories, one colour each (colour-blind-safe ColorBrewer and Okabe–Ito colours); a value hexreach does not list is grey.',
    );
  }
  const field = (label: string, key: string, control: HTMLSelectElement) => {
    control.id = `style-${key}`;
    control.dataset.key = `style-${key}`;
    return h(
      'div',
      { className: 'field' },
      h('label', { attrs: { for: control.id } }, label),
      control,
    );
  };
  const select = (options: [string, string][], value: string, onChange: (v: string) => void) => {
    const s = h(
      'select',
      {},
      ...options.map(([v, text]) => h('option', { attrs: { value: v } }, text)),
    );
    s.value = value;
    s.addEventListener('change', () => onChange(s.value));
    return s;
  };
  const fields: HTMLElement[] = [];
  if (layer.id === 'column') {
    fields.push(
      field(
        'Column',
        'column',
        select(
          columns.map((c) => [c, labelOf(c) === c ? c : `${labelOf(c)} (${c})`]),
          view.column ?? '',
          (column) => actions.change(layer.id, { column }),
        ),
      ),
    );
  }
  fields.push(
    field(
      'Method',
      'method',
      select(Object.entries(classMethods), view.method, (v) =>
        actions.change(layer.id, { method: v as ClassMethod }),
      ),
    ),
    field(
      'Classes',
      'classes',
      select(
        Array.from({ length: CLASS_RANGE.max - CLASS_RANGE.min + 1 }, (_, i) => {
          const k = String(CLASS_RANGE.min + i);
          return [k, k];
        }),
        String(view.classes),
        (v) => actions.change(layer.id, { classes: Number(v) }),
      ),
    ),
    field(
      'Colours',
      'scheme',
      select(
        Object.entries(sequentialSchemes).map(([k, s]) => [k, s.label]),
        view.scheme,
        (v) => actions.change(layer.id, { scheme: v as SchemeName }),
      ),
    ),
  );
  return h('div', { className: 'style-controls' }, ...fields);
}
