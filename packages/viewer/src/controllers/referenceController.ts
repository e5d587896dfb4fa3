import { blobSource } from '../data/blobSource.js';
import type { PickedFile } from '../data/fileResultSource.js';
import { parseReferenceLayer, referenceLayerOf } from '../data/parseReferenceLayer.js';
import { referenceLayerSpecs, referenceSourceId } from '../map/referenceLayers.js';
import {
  hashToReferenceVisibility,
  referencesToHashParam,
  withReferenceHashParam,
} from '../state/referenceHash.js';
import type { ShownReferenceLayer } from '../state/store.js';
import { errorMessage } from '../ui/describeResults.js';
import { replaceContent } from '../ui/dom.js';
import { showMessage } from '../ui/messages.js';
import { referenceList } from '../ui/referenceList.js';
import type { ViewerContext } from './context.js';

/** The reference layers (see {@link createReferenceController}). */
export interface ReferenceController {
  /** Reads GeoJSON files as reference layers and draws them; a bad file is reported alone. */
  add(files: readonly PickedFile[]): Promise<void>;
  /** Puts the reference layers back on top (after the results are drawn or reordered). */
  raise(): void;
}

/**
 * Reference layers: any GeoJSON given the role "reference" — picked with "Add outlines…", or
 * dropped on a map showing results without any incident file — is drawn as outlines with its
 * names (wards, beats, parks) above the cells, listed with a check box to show or hide it, and
 * kept in the URL hash by name (`ref=wards:1`): a link opened again shows or hides each layer
 * of that name as it was once its file is added. They stay over new results and a new basemap.
 *
 * @param ctx - map, store and page
 * @returns the controller
 * @example
 * ```ts
 * const references = createReferenceController(ctx);
 * await references.add([{ file, path: 'wards.geojson' }]);
 * ```
 */
export function createReferenceController(ctx: ViewerContext): ReferenceController {
  const { map, store, ui } = ctx;
  let next = 0;

  const layerIds = (layer: ShownReferenceLayer) =>
    referenceLayerSpecs(layer.n, layer.nameProperty, layer.visible).map((spec) => spec.id);

  const draw = (layer: ShownReferenceLayer): void => {
    const source = referenceSourceId(layer.n);
    if (map.getSource(source) === undefined)
      map.addSource(source, { type: 'geojson', data: layer.data });
    for (const spec of referenceLayerSpecs(layer.n, layer.nameProperty, layer.visible)) {
      if (map.getLayer(spec.id) === undefined) map.addLayer(spec);
      else map.setLayoutProperty(spec.id, 'visibility', layer.visible ? 'visible' : 'none');
    }
  };

  const drawAll = (): void => {
    if (!map.isStyleLoaded()) return;
    for (const layer of store.get().references) draw(layer);
  };

  const raise = (): void => {
    for (const layer of store.get().references)
      for (const id of layerIds(layer)) if (map.getLayer(id) !== undefined) map.moveLayer(id);
  };

  const writeHash = (): void => {
    const hash = withReferenceHashParam(
      location.hash,
      referencesToHashParam(store.get().references),
    );
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  };

  const setVisible = (n: number, visible: boolean): void => {
    store.update((state) => ({
      references: state.references.map((l) => (l.n === n ? { ...l, visible } : l)),
    }));
  };

  const render = (): void => {
    replaceContent(ui.references, referenceList(store.get().references, setVisible));
  };

  store.subscribe((state, previous) => {
    if (state.references === previous.references) return;
    drawAll();
    raise();
    render();
    writeHash();
  });
  // A new basemap style drops every layer: the references are drawn again on it.
  map.on('style.load', () => {
    drawAll();
    raise();
  });
  ui.referenceFiles.addEventListener('change', () => {
    const files = Array.from(ui.referenceFiles.files ?? []).map((file) => ({
      file,
      path: file.name,
    }));
    ui.referenceFiles.value = '';
    void add(files);
  });

  const add = async (files: readonly PickedFile[]): Promise<void> => {
    const asked = hashToReferenceVisibility(location.hash);
    const added: ShownReferenceLayer[] = [];
    for (const { file, path } of files) {
      try {
        const layer = /\.zip$/i.test(file.name)
          ? referenceLayerOf(await zippedShapefile(file), path)
          : parseReferenceLayer(await file.text(), path);
        added.push({ ...layer, n: next++, visible: asked.get(layer.name) ?? true });
      } catch (error) {
        showMessage(
          ui.messages,
          'error',
          `Could not add ${file.name} as a reference layer: ${errorMessage(error)}`,
        );
      }
    }
    if (added.length === 0) return;
    // A layer of the same name is replaced: the link keeps layers by name.
    const names = new Set(added.map((l) => l.name));
    const kept = store.get().references.filter((l) => !names.has(l.name));
    for (const layer of store.get().references) {
      if (!names.has(layer.name)) continue;
      for (const id of layerIds(layer)) if (map.getLayer(id) !== undefined) map.removeLayer(id);
      if (map.getSource(referenceSourceId(layer.n)) !== undefined)
        map.removeSource(referenceSourceId(layer.n));
    }
    store.set({ references: [...kept, ...added] });
  };

  render();
  return { add, raise };
}

/**
 * The features of a zipped shapefile, reprojected to WGS84 from its `.prj`. The readers
 * (shapefile, projections, Parquet) load on first use, so the page does not carry them.
 */
async function zippedShapefile(file: File): Promise<unknown> {
  const { readFeatureSource } = await import('@hexreach/core/run');
  const { data } = await readFeatureSource(blobSource(file.name, file));
  // Plain JSON, as a GeoJSON file gives: what MapLibre's worker can be handed.
  return JSON.parse(JSON.stringify(data));
}
