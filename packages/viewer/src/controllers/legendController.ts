import { columnOf, type LayerColoring, layerById } from '../map/layerColoring.js';
import { organizationColors } from '../map/layers.js';
import { replaceContent } from '../ui/dom.js';
import { columnLabel } from '../ui/format.js';
import { categoryClassLegend, categoryLegend, classLegend } from '../ui/renderLegend.js';
import type { ViewerContext } from './context.js';

/** The legend over the map (see {@link createLegendController}). */
export interface LegendController {
  /** Draws the legend of each layer shown, top of the map first. */
  render(): void;
}

/**
 * The legend: one section per layer shown, from the classification that colours the map, and
 * a button folding it away (folded from the start on a phone-sized window).
 *
 * @param ctx - store and page
 * @param coloring - the cell layers' classifications
 * @returns the controller
 * @example
 * ```ts
 * const legend = createLegendController(ctx, coloring);
 * legend.render();
 * ```
 */
export function createLegendController(
  ctx: ViewerContext,
  coloring: LayerColoring,
): LegendController {
  const { store, ui } = ctx;
  const setExpanded = (expanded: boolean): void => {
    ui.legendToggle.setAttribute('aria-expanded', String(expanded));
    ui.legend.hidden = !expanded;
  };
  ui.legendToggle.addEventListener('click', () =>
    setExpanded(ui.legendToggle.getAttribute('aria-expanded') !== 'true'),
  );
  // On a phone-sized window the legend starts folded, so that it does not hide the map.
  setExpanded(window.innerWidth >= 600);

  return {
    render: () => {
      const state = store.get();
      const { results, view } = state;
      if (view === undefined || results === undefined) return;
      const sections: HTMLElement[] = [];
      for (const id of view.order) {
        const layer = layerById(state.layers, id);
        const layerView = view.layers[id];
        if (layer === undefined || !layerView.visible) continue;
        if (layer.kind === 'numeric' || layer.kind === 'bins') {
          const classification = coloring.classificationOf(state, id);
          if (classification === undefined) continue;
          const column = columnOf(layer, layerView);
          const title =
            layer.id === 'column' && column !== undefined
              ? columnLabel(column, results.summary)
              : layer.title;
          sections.push(classLegend({ layerId: id, title, classification }));
        } else if (layer.kind === 'categories') {
          const classification = coloring.categoriesOf(state, layer);
          if (classification !== undefined)
            sections.push(categoryClassLegend({ layerId: id, title: layer.title, classification }));
        } else if (layer.kind === 'organizations' && results.organizations !== undefined) {
          const colors = organizationColors(
            results.organizations.features.map((f) => f.properties.type),
          );
          sections.push(
            categoryLegend({
              layerId: id,
              title: 'Organizations by type',
              entries: colors.entries,
            }),
          );
        }
      }
      ui.legendBox.hidden = sections.length === 0;
      replaceContent(ui.legend, ...sections);
    },
  };
}
