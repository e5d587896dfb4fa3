import { h, replaceContent } from '../ui/dom.js';
import { type ZoneList, zoneList } from '../ui/renderZoneList.js';
import type { ViewerContext } from './context.js';

/** The ranked zone list (see {@link createZoneListController}). */
export interface ZoneListController {
  /** Shows the zones shown and the selected one, and refreshes the export panel with them. */
  render(): void;
}

/** What the zone list calls. */
export interface ZoneListActions {
  /** Selects a zone chosen in the list (flying to it). */
  readonly select: (id: string) => void;
  /** Redraws the export panel, which offers the zones and the selected one. */
  readonly renderExport: () => void;
}

/**
 * The ranked zone list, rewritten in place while the number of zones stays the same (as after
 * most re-scores).
 *
 * @param ctx - store and page
 * @param actions - selection and export
 * @returns the controller
 * @example
 * ```ts
 * const zones = createZoneListController(ctx, { select, renderExport: exporter.render });
 * zones.render();
 * ```
 */
export function createZoneListController(
  ctx: ViewerContext,
  actions: ZoneListActions,
): ZoneListController {
  const { store, ui } = ctx;
  let shown: ZoneList | undefined;
  return {
    render: () => {
      const { results, shownZones, selected } = store.get();
      // The export holds the results' zones: zones drawn ahead of a re-score's whole update
      // change nothing there until it is applied (and rebuilding the toolbar would cost the frame).
      if (shownZones?.ahead !== true) actions.renderExport();
      if (results === undefined) return;
      if (shownZones === undefined) {
        replaceContent(ui.zones, h('p', { className: 'hint' }, 'No zones.geojson loaded.'));
        return;
      }
      const selectedZone = selected?.kind === 'zone' ? selected.id : undefined;
      if (
        shown !== undefined &&
        shown.count === shownZones.list.length &&
        ui.zones.contains(shown.element)
      ) {
        shown.update(shownZones.list, selectedZone);
        return;
      }
      shown = zoneList(shownZones.list, selectedZone, actions.select);
      replaceContent(ui.zones, shown.element);
    },
  };
}
