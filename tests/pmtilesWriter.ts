import { zxyToTileId } from 'pmtiles';

/** One tile of an archive: its address and its (uncompressed) bytes. */
export interface PmtilesTile {
  readonly z: number;
  readonly x: number;
  readonly y: number;
  readonly data: Uint8Array;
}

/** What the archive's header and metadata say besides the tiles. */
export interface PmtilesOptions {
  /** The JSON metadata (for vector tiles, `vector_layers` as TileJSON 3.0 has them). */
  readonly metadata: Readonly<Record<string, unknown>>;
  /** `[minLng, minLat, maxLng, maxLat]`. */
  readonly bounds: readonly [number, number, number, number];
  /** `[lng, lat, zoom]`. */
  readonly center: readonly [number, number, number];
}

const HEADER_BYTES = 127;

/**
 * Writes a PMTiles v3 archive (protomaps/PMTiles spec/v3/spec.md): the 127-byte header, the root
 * directory, the JSON metadata and the tile data, with no leaf directory (the root holds every
 * entry: enough for a test's few hundred tiles, whose root stays under the 16,384 bytes a
 * reader fetches first), nothing compressed (compression 1, None) and tiles clustered in tile-id
 * order. No writer is on npm; the format is short.
 *
 * @param tiles - MVT tiles (tile type 1), any order, one per address
 * @param options - metadata, bounds and centre
 * @returns the archive's bytes
 * @throws Error when there is no tile, two share an address, or the root would pass 16,384 bytes
 * @example
 * ```ts
 * writeFileSync('city.pmtiles', writePmtiles(tiles, { metadata: { vector_layers }, bounds, center }));
 * ```
 */
export function writePmtiles(tiles: readonly PmtilesTile[], options: PmtilesOptions): Uint8Array {
  if (tiles.length === 0) throw new Error('writePmtiles: no tile');
  const sorted = tiles
    .map((tile) => ({ ...tile, id: zxyToTileId(tile.z, tile.x, tile.y) }))
    .sort((a, b) => a.id - b.id);
  const entries: { id: number; offset: number; length: number }[] = [];
  let offset = 0;
  for (const tile of sorted) {
    if (entries.at(-1)?.id === tile.id)
      throw new Error(`writePmtiles: tile ${tile.z}/${tile.x}/${tile.y} twice`);
    entries.push({ id: tile.id, offset, length: tile.data.length });
    offset += tile.data.length;
  }
  const root = directoryBytes(entries);
  if (HEADER_BYTES + root.length > 16_384)
    throw new Error('writePmtiles: root directory too large');
  const metadata = new TextEncoder().encode(JSON.stringify(options.metadata));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const dataOffset = metadataOffset + metadata.length;
  const zooms = sorted.map((t) => t.z);
  const header = new DataView(new ArrayBuffer(HEADER_BYTES));
  new Uint8Array(header.buffer).set(new TextEncoder().encode('PMTiles'), 0);
  header.setUint8(7, 3);
  const u64 = (at: number, value: number) => header.setBigUint64(at, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, dataOffset); // no leaf directories: an empty section where the data starts
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, offset);
  u64(72, entries.length); // addressed tiles
  u64(80, entries.length); // tile entries
  u64(88, entries.length); // tile contents
  header.setUint8(96, 1); // clustered
  header.setUint8(97, 1); // internal compression: none
  header.setUint8(98, 1); // tile compression: none
  header.setUint8(99, 1); // MVT
  header.setUint8(100, Math.min(...zooms));
  header.setUint8(101, Math.max(...zooms));
  const e7 = (at: number, degrees: number) => header.setInt32(at, Math.round(degrees * 1e7), true);
  const [minLng, minLat, maxLng, maxLat] = options.bounds;
  e7(102, minLng);
  e7(106, minLat);
  e7(110, maxLng);
  e7(114, maxLat);
  header.setUint8(118, options.center[2]);
  e7(119, options.center[0]);
  e7(123, options.center[1]);
  const out = new Uint8Array(dataOffset + offset);
  out.set(new Uint8Array(header.buffer), 0);
  out.set(root, rootOffset);
  out.set(metadata, metadataOffset);
  let at = dataOffset;
  for (const tile of sorted) {
    out.set(tile.data, at);
    at += tile.data.length;
  }
  return out;
}

/**
 * A directory as the spec serializes it: the number of entries, then the tile ids as deltas, the
 * run lengths (1: no run), the lengths, and the offsets (0 when contiguous with the entry
 * before, else offset + 1), every number a varint.
 */
function directoryBytes(
  entries: readonly { id: number; offset: number; length: number }[],
): Uint8Array {
  const bytes: number[] = [];
  const varint = (value: number) => {
    let v = value;
    while (v >= 0x80) {
      bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    bytes.push(v);
  };
  varint(entries.length);
  let last = 0;
  for (const e of entries) {
    varint(e.id - last);
    last = e.id;
  }
  for (const _ of entries) varint(1);
  for (const e of entries) varint(e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    varint(i > 0 && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(bytes);
}
