import { unzipSync } from 'fflate';
import { HexreachError } from '../errors.js';
import type { ShapefileParts } from '../io/shapefileToFeatureCollection.js';
import type { ByteSource, InputSource } from './InputSource.js';

const PART = /\.(shp|dbf|prj|cpg)$/i;

/**
 * The files of a shapefile given as an input: the entries of a `.zip` (one shapefile in it,
 * folders allowed, macOS `__MACOSX` copies ignored), or a `.shp` with the `.dbf`, `.prj` and
 * `.cpg` of the same name beside it.
 *
 * @param source - the `.zip` or the `.shp`; it must give its bytes (`bytes()`), and for a `.shp`
 *   its siblings (`sibling()`)
 * @returns the parts, read into memory, and their names
 * @throws HexreachError `E_INPUT` naming the file when it cannot be unzipped, holds no shapefile
 *   or several, or the source cannot give bytes
 * @example
 * ```ts
 * const parts = await shapefilePartsOf(nodeFileSource('tracts.zip', 'areas'));
 * const { collection } = shapefileToFeatureCollection(parts);
 * ```
 */
export async function shapefilePartsOf(source: InputSource): Promise<ShapefileParts> {
  const bytes = await bytesOf(source);
  const head = new Uint8Array(await bytes.slice(0, 4));
  const all = new Uint8Array(await bytes.slice(0, bytes.byteLength));
  return head[0] === 0x50 && head[1] === 0x4b
    ? zipParts(source.name, all)
    : sideBySide(source, all);
}

async function bytesOf(source: InputSource): Promise<ByteSource> {
  if (source.bytes === undefined) {
    throw new HexreachError(
      'E_INPUT',
      `${source.name}: this input gives no bytes to read a shapefile from`,
      source.name,
    );
  }
  return source.bytes();
}

function zipParts(source: string, zip: Uint8Array): ShapefileParts {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, {
      filter: (file) => PART.test(file.name) && !file.name.includes('__MACOSX'),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HexreachError(
      'E_INPUT',
      `${source}: not a zip file that can be read (${reason})`,
      source,
    );
  }
  const files = new Map(
    Object.entries(entries).map(([name, data]) => [name.toLowerCase(), { name, data }]),
  );
  const layers = [...files.keys()].filter((name) => name.endsWith('.shp'));
  if (layers.length !== 1) {
    throw new HexreachError(
      'E_INPUT',
      layers.length === 0
        ? `${source}: no .shp in the zip (a shapefile zip holds name.shp, name.dbf, name.prj)`
        : `${source}: ${layers.length} shapefiles in the zip (${layers.map((l) => files.get(l)?.name).join(', ')}); give one`,
      source,
    );
  }
  const base = layers[0].slice(0, -4);
  const part = (ext: string) => files.get(`${base}.${ext}`);
  const shpName = part('shp')?.name ?? `${base}.shp`;
  const stem = shpName.slice(0, -4);
  const text = (ext: string) => {
    const data = part(ext)?.data;
    return data === undefined ? undefined : new TextDecoder().decode(data);
  };
  return {
    source,
    shp: part('shp')?.data ?? new Uint8Array(),
    dbf: part('dbf')?.data,
    prj: text('prj'),
    cpg: text('cpg'),
    names: { shp: shpName, dbf: `${stem}.dbf`, prj: `${stem}.prj`, cpg: `${stem}.cpg` },
  };
}

async function sideBySide(source: InputSource, shp: Uint8Array): Promise<ShapefileParts> {
  const sibling = (ext: string) => source.sibling?.(ext);
  const dbf = sibling('dbf');
  const prj = sibling('prj');
  const cpg = sibling('cpg');
  const stem = (source.name.split(/[\\/]/).pop() ?? source.name).replace(/\.shp$/i, '');
  let dbfBytes: Uint8Array | undefined;
  if (dbf?.bytes !== undefined) {
    const bytes = await dbf.bytes();
    dbfBytes = new Uint8Array(await bytes.slice(0, bytes.byteLength));
  }
  return {
    source: source.name,
    shp,
    dbf: dbfBytes,
    prj: prj === undefined ? undefined : await prj.text(),
    cpg: cpg === undefined ? undefined : await cpg.text(),
    names: { shp: `${stem}.shp`, dbf: `${stem}.dbf`, prj: `${stem}.prj`, cpg: `${stem}.cpg` },
  };
}
