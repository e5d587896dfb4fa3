import { hitAt } from '../map/hitAt.js';
import { formatCellValue } from '../ui/format.js';
import { hideTooltip, showTooltip } from '../ui/tooltip.js';
import { tooltipRows } from '../ui/tooltipRows.js';
import type { ViewerContext } from './context.js';
import type { MapController } from './mapController.js';
import type { SelectionController } from './selectionController.js';

/**
 * Hovering the map: the cell under the pointer is outlined, and a tooltip names what the
 * pointer is on (an organization, a cell with its main values, or a zone with its rank).
 *
 * @param ctx - map, store and page
 * @param mapView - the layers drawn from the cells' mesh
 * @param selection - draws the hovered cell's outline
 * @example
 * ```ts
 * installHover(ctx, mapView, selection);
 * ```
 */
export function installHover(
  ctx: ViewerContext,
  mapView: Pick<MapController, 'drawn'>,
  selection: Pick<SelectionController, 'updateHighlight'>,
): void {
  const { map, store, ui } = ctx;

  const setHovered = (h3: string | undefined): void => {
    if (store.get().hovered === h3) return;
    store.set({ hovered: h3 });
    selection.updateHighlight();
  };

  const cellProperties = (h3: string): Record<string, unknown> | undefined => {
    const { cells, results } = store.get();
    const index = cells.index.get(h3);
    return index === undefined ? undefined : results?.cells.features[index].properties;
  };

  map.on('mousemove', (event) => {
    const hit = hitAt(map, store.get(), mapView.drawn(), event);
    if (hit === undefined) {
      setHovered(undefined);
      hideTooltip(ui.tooltip);
      map.getCanvas().style.cursor = '';
      return;
    }
    map.getCanvas().style.cursor = 'pointer';
    const { x, y } = event.point;
    if (hit.kind === 'organization') {
      const p = hit.feature.properties as Record<string, unknown>;
      setHovered(undefined);
      showTooltip(ui.tooltip, x, y, String(p.name), [['Type', String(p.type)]]);
    } else if (hit.kind === 'cell') {
      setHovered(hit.h3);
      const rows = tooltipRows(cellProperties(hit.h3) ?? { h3: hit.h3 }, store.get());
      showTooltip(ui.tooltip, x, y, `Cell ${hit.h3}`, rows);
    } else {
      setHovered(undefined);
      const props = store.get().shownZones?.list.find((z) => z.id === hit.id);
      showTooltip(ui.tooltip, x, y, `Zone ${hit.id}`, [
        ['Rank', formatCellValue('', props?.rank)],
        ['Mean score', formatCellValue('', props?.meanScore)],
      ]);
    }
  });

  map.getCanvas().addEventListener('mouseleave', () => {
    setHovered(undefined);
    hideTooltip(ui.tooltip);
  });
}
