import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { demoCityPmtiles } from './demoCityBasemap.js';
import { writePmtiles } from './pmtilesWriter.js';

/** The `pmtiles` library's reader over bytes in memory. */
const memory = (bytes: Uint8Array): Source => ({
  getKey: () => 'memory',
  getBytes: async (offset, length) => ({
    data: bytes.slice(offset, offset + length).buffer as ArrayBuffer,
  }),
});

describe('writePmtiles', () => {
  it('writes an archive the pmtiles library reads back: header, metadata and each tile', async () => {
    const tiles = [
      { z: 3, x: 2, y: 5, data: Uint8Array.of(1, 2, 3) },
      { z: 0, x: 0, y: 0, data: Uint8Array.of(9) },
      { z: 3, x: 1, y: 5, data: Uint8Array.of(4, 5) },
    ];
    const archive = new PMTiles(
      memory(
        writePmtiles(tiles, { metadata: { name: 't' }, bounds: [-1, -2, 3, 4], center: [1, 1, 2] }),
      ),
    );
    const header = await archive.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      minZoom: 0,
      maxZoom: 3,
      tileType: 1,
      minLon: -1,
      maxLat: 4,
      centerZoom: 2,
    });
    expect(await archive.getMetadata()).toEqual({ name: 't' });
    for (const tile of tiles) {
      const read = await archive.getZxy(tile.z, tile.x, tile.y);
      expect(new Uint8Array(read!.data)).toEqual(tile.data);
    }
    expect(await archive.getZxy(3, 0, 0)).toBeUndefined();
  });

  it('refuses an empty archive and a tile given twice', () => {
    const options = { metadata: {}, bounds: [0, 0, 1, 1], center: [0, 0, 0] } as const;
    expect(() => writePmtiles([], options)).toThrow(/no tile/);
    const tile = { z: 1, x: 1, y: 1, data: Uint8Array.of(1) };
    expect(() => writePmtiles([tile, tile], options)).toThrow(/twice/);
  });
});

describe('demoCityPmtiles', () => {
  it('holds the demo streets as vector tiles in the Protomaps schema', async () => {
    const bytes = demoCityPmtiles();
    const archive = new PMTiles(memory(bytes));
    const header = await archive.getHeader();
    expect([header.minZoom, header.maxZoom]).toEqual([9, 14]);
    const [lng, lat] = [header.centerLon, header.centerLat];
    // The tile under the centre at zoom 12 has roads with names and the land.
    const n = 2 ** 12;
    const x = Math.floor(((lng + 180) / 360) * n);
    const s = Math.sin((lat * Math.PI) / 180);
    const y = Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
    const tile = new VectorTile(
      new PbfReader(new Uint8Array((await archive.getZxy(12, x, y))!.data)),
    );
    expect(Object.keys(tile.layers).sort()).toEqual(expect.arrayContaining(['earth', 'roads']));
    const roads = tile.layers.roads;
    const kinds = new Set(
      Array.from({ length: roads.length }, (_, i) => roads.feature(i).properties.kind),
    );
    expect(kinds.has('minor_road')).toBe(true);
    expect(bytes.length).toBeLessThan(2_000_000);
  });
});
