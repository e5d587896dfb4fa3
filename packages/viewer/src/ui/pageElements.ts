/**
 * The element of the page with an id.
 *
 * @throws Error when the page has no such element (index.html and the code disagree)
 * @example
 * ```ts
 * const input = byId<HTMLInputElement>('open-files');
 * ```
 */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`hexreach viewer: the page has no #${id}`);
  return element as T;
}

/**
 * The elements of index.html the viewer fills or listens to.
 *
 * @returns them by role
 * @example
 * ```ts
 * const ui = pageElements();
 * ui.status.textContent = 'No results loaded';
 * ```
 */
export function pageElements() {
  return {
    map: byId('map'),
    status: byId('status'),
    messages: byId('messages'),
    layers: byId('layers'),
    styleControls: byId('style-controls'),
    styleLayerName: byId('style-layer-name'),
    legend: byId('legend'),
    legendBox: byId('legend-box'),
    legendToggle: byId<HTMLButtonElement>('legend-toggle'),
    zones: byId('zones'),
    details: byId('details'),
    tooltip: byId('tooltip'),
    welcome: byId('welcome'),
    dropOverlay: byId('drop-overlay'),
    openFiles: byId<HTMLInputElement>('open-files'),
    openFolder: byId<HTMLInputElement>('open-folder'),
    basemapPanel: byId('basemap-panel'),
    referenceFiles: byId<HTMLInputElement>('reference-files'),
    references: byId('references'),
    progress: byId('progress'),
    progressLabel: byId('progress-label'),
    progressBar: byId<HTMLProgressElement>('progress-bar'),
    progressCancel: byId<HTMLButtonElement>('progress-cancel'),
    weightsPanel: byId('panel-weights'),
    weights: byId('weights'),
    exportPanel: byId('export-panel'),
    filtersPanel: byId('panel-filters'),
    filters: byId('filters'),
    timePanel: byId('panel-time'),
    time: byId('time'),
    evaluationPanel: byId('panel-evaluation'),
    evaluation: byId('evaluation'),
    evaluationLegend: byId('evaluation-legend'),
  };
}

/** The page's elements (see {@link pageElements}). */
export type PageElements = ReturnType<typeof pageElements>;
