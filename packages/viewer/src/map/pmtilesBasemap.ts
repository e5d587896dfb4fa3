import { addProtocol, type Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import { FileSource, PMTiles, Protocol } from 'pmtiles';
import { pmtilesStyle } from './pmtilesStyle.js';

const protocol = new Protocol({ metadata: true });
let installed = false;

/**
 * Opens a PMTiles archive — a file picked or dropped (read in place, by slices), or a URL of the
 * page's own server (read by HTTP range requests, as `hexreach view --basemap` serves one) —
 * through the `pmtiles` library, whose protocol MapLibre then reads its tiles with, and gives
 * the basemap style for it (`pmtilesStyle`).
 *
 * @param source - the archive: a File, or a URL relative to the page
 * @returns the style, and the archive's name for the status line
 * @throws Error when it is not a PMTiles archive (the library's message), or holds no vector tiles
 * @example
 * ```ts
 * const { style } = await openPmtilesBasemap(file);
 * map.setStyle(style);
 * ```
 */
export async function openPmtilesBasemap(
  source: File | string,
): Promise<{ readonly style: StyleSpecification; readonly name: string }> {
  if (!installed) {
    addProtocol('pmtiles', protocol.tile);
    installed = true;
  }
  const archive =
    typeof source === 'string'
      ? new PMTiles(new URL(source, location.href).href)
      : new PMTiles(new FileSource(source));
  const header = await archive.getHeader();
  if (header.tileType !== 1) {
    throw new Error('it holds no vector tiles (MVT): raster basemaps are not supported');
  }
  const metadata = (await archive.getMetadata()) as {
    vector_layers?: { id?: unknown }[];
    attribution?: unknown;
  };
  protocol.add(archive);
  const key = archive.source.getKey();
  const vectorLayers = (metadata.vector_layers ?? [])
    .map((layer) => layer.id)
    .filter((id): id is string => typeof id === 'string');
  return {
    style: pmtilesStyle(`pmtiles://${key}`, {
      vectorLayers,
      attribution: typeof metadata.attribution === 'string' ? metadata.attribution : undefined,
    }),
    name: typeof source === 'string' ? (source.split('/').pop() ?? source) : source.name,
  };
}

/**
 * Gives the map a small grey dot for each icon a basemap style names and no sprite holds (the
 * Protomaps style's POI, town and shield icons): the viewer ships no sprite sheet, and draws
 * these few icons in the page instead, so the places they mark still show, offline. Without
 * this, MapLibre warns once per missing icon and draws nothing there.
 *
 * @example
 * ```ts
 * fillMissingIcons(map);
 * ```
 */
/** A 7 × 7 grey dot, drawn once. */
const DOT = (() => {
  const size = 7;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = (x - 3) ** 2 + (y - 3) ** 2 <= 9;
      data.set(inside ? [110, 110, 110, 255] : [0, 0, 0, 0], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
})();

export function fillMissingIcons(map: MapLibreMap): void {
  map.on('styleimagemissing', (event) => {
    if (!map.hasImage(event.id)) {
      map.addImage(event.id, DOT);
    }
  });
}
