import type { ShownReferenceLayer } from '../state/store.js';
import { h } from './dom.js';

/**
 * The list of reference layers: a check box per layer, named by its file, with its feature
 * count and the property its labels show; a hint when there is none.
 *
 * @param layers - the reference layers, in the order added
 * @param toggle - called with a layer's number and whether to show it
 * @returns the list (or the hint)
 * @example
 * ```ts
 * panel.append(referenceList(store.get().references, (n, visible) => show(n, visible)));
 * ```
 */
export function referenceList(
  layers: readonly ShownReferenceLayer[],
  toggle: (n: number, visible: boolean) => void,
): HTMLElement {
  if (layers.length === 0) {
    return h(
      'p',
      { className: 'hint' },
      'Add GeoJSON outlines (wards, beats, parks) to draw them with their names.',
    );
  }
  return h(
    'ul',
    { className: 'reference-list' },
    ...layers.map((layer) => {
      const id = `reference-${layer.n}`;
      const checkbox = h('input', {
        attrs: { type: 'checkbox', id, 'data-reference': layer.name },
      });
      checkbox.checked = layer.visible;
      checkbox.addEventListener('change', () => toggle(layer.n, checkbox.checked));
      const count = layer.data.features.length;
      const facts = `${count.toLocaleString('en-US')} feature${count === 1 ? '' : 's'}${layer.nameProperty === undefined ? ', no names' : `, names: ${layer.nameProperty}`}`;
      return h(
        'li',
        {},
        checkbox,
        h(
          'label',
          { attrs: { for: id } },
          layer.name,
          h('span', { className: 'subtle' }, ` · ${facts}`),
        ),
      );
    }),
  );
}
