import { isCellLayer, type LayerDefinition } from '../map/layerCatalog.js';
import type { ViewState } from '../state/viewState.js';
import { h } from './dom.js';

/** What the layer panel asks the app to do. */
export interface LayerPanelActions {
  toggle(id: string, visible: boolean): void;
  activate(id: string): void;
  opacity(id: string, value: number): void;
  move(id: string, delta: -1 | 1): void;
}

/**
 * The layer list, top of the map first: a checkbox to show each layer, a radio choosing the
 * layer whose style and legend are edited (cell layers), an opacity slider, and buttons moving
 * it up or down. Every control has a label and a `data-key` so focus survives re-rendering.
 *
 * @param layers - the layers available
 * @param view - the current view
 * @param actions - callbacks
 * @returns the list element
 * @example
 * ```ts
 * replaceContent(panel, layerPanel(layers, view, actions));
 * ```
 */
export function layerPanel(
  layers: readonly LayerDefinition[],
  view: ViewState,
  actions: LayerPanelActions,
): HTMLElement {
  const byId = new Map(layers.map((l) => [l.id, l]));
  const items = view.order.map((id, position) => {
    const layer = byId.get(id);
    const layerView = view.layers[id];
    if (layer === undefined || layerView === undefined) return null;
    const cellLayer = isCellLayer(layer);
    const checkbox = h('input', {
      attrs: { type: 'checkbox', id: `layer-${id}`, 'data-key': `visible-${id}` },
    });
    checkbox.checked = layerView.visible;
    checkbox.addEventListener('change', () => actions.toggle(id, checkbox.checked));
    const opacity = h('input', {
      className: 'opacity',
      attrs: {
        type: 'range',
        min: '0',
        max: '1',
        step: '0.05',
        'aria-label': `Opacity of ${layer.title}`,
        'data-key': `opacity-${id}`,
      },
    });
    opacity.value = String(layerView.opacity);
    opacity.addEventListener('input', () => actions.opacity(id, Number(opacity.value)));
    const up = h(
      'button',
      {
        className: 'icon-button',
        attrs: { type: 'button', 'aria-label': `Move ${layer.title} up`, 'data-key': `up-${id}` },
      },
      '▲',
    );
    up.disabled = position === 0;
    up.addEventListener('click', () => actions.move(id, -1));
    const down = h(
      'button',
      {
        className: 'icon-button',
        attrs: {
          type: 'button',
          'aria-label': `Move ${layer.title} down`,
          'data-key': `down-${id}`,
        },
      },
      '▼',
    );
    down.disabled = position === view.order.length - 1;
    down.addEventListener('click', () => actions.move(id, 1));
    let activeControl: HTMLElement | null = null;
    if (cellLayer) {
      const radio = h('input', {
        attrs: {
          type: 'radio',
          name: 'active-layer',
          'aria-label': `Edit style and legend of ${layer.title}`,
          title: 'Edit this layer’s classes and colours',
          'data-key': `active-${id}`,
        },
      });
      radio.checked = view.active === id;
      radio.addEventListener('change', () => {
        if (radio.checked) actions.activate(id);
      });
      activeControl = radio;
    }
    return h(
      'li',
      {
        className: `layer-item${view.active === id ? ' is-active' : ''}`,
        attrs: { 'data-layer': id },
      },
      h(
        'div',
        { className: 'layer-row' },
        checkbox,
        h('label', { attrs: { for: `layer-${id}` } }, layer.title),
        h('span', { className: 'layer-buttons' }, activeControl, up, down),
      ),
      layerView.visible && opacity,
    );
  });
  return h('ol', { className: 'layer-list' }, ...items);
}
