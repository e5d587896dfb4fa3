/**
 * A small shapefile writer for the demo city's tracts (polygons, a dBase III table of text and
 * number fields, a .prj and a .cpg, zipped): enough to ship the tracts as an analyst receives
 * them from a city portal, with no dependency but fflate's zip. Deterministic: the same features
 * give the same bytes (fixed dBase and zip dates).
 */
import { zipSync } from 'fflate';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** One dBase field: its name (at most 10 characters) and the property it is read from. */
export interface ShapefileField {
  readonly name: string;
  readonly property: string;
}

/** What a shapefile zip holds and how its coordinates are projected. */
export interface ShapefileSpec {
  /** The base name of the files inside the zip (`tracts` → `tracts.shp`, …). */
  readonly name: string;
  /** The fields of the .dbf, in order. */
  readonly fields: readonly ShapefileField[];
  /** The .prj: the coordinate system in ESRI well-known text. */
  readonly prj: string;
  /** `[lng, lat]` → `[x, y]` in that coordinate system. */
  readonly project: (position: Position) => Position;
}

const POLYGON = 5;
// A fixed date, in local time as DOS zip dates are: the zip's bytes do not depend on the day.
const ZIP_DATE = new Date(2025, 0, 1);

/**
 * The features as a zipped polygon shapefile (`.shp`, `.shx`, `.dbf`, `.prj`, `.cpg` UTF-8).
 * Rings are written clockwise for exteriors, as the shapefile specification has them.
 *
 * @example
 * ```ts
 * const zip = featuresToShapefileZip(tracts.features, { name: 'tracts', fields, prj, project });
 * ```
 */
export function featuresToShapefileZip(
  features: readonly Feature<Polygon | MultiPolygon>[],
  spec: ShapefileSpec,
): Uint8Array {
  const shapes = features.map((f) => shapeRecord(f.geometry, spec.project));
  const { shp, shx } = shpAndShx(shapes);
  const dbf = dbfTable(features, spec.fields);
  const file = (data: Uint8Array): [Uint8Array, { mtime: Date }] => [data, { mtime: ZIP_DATE }];
  const text = (s: string) => new TextEncoder().encode(s);
  return zipSync(
    {
      [`${spec.name}.shp`]: file(shp),
      [`${spec.name}.shx`]: file(shx),
      [`${spec.name}.dbf`]: file(dbf),
      [`${spec.name}.prj`]: file(text(spec.prj)),
      [`${spec.name}.cpg`]: file(text('UTF-8')),
    },
    { level: 9 },
  );
}

/** A polygon record's content: every ring of every part, exteriors clockwise. */
function shapeRecord(
  geometry: Polygon | MultiPolygon,
  project: (p: Position) => Position,
): Uint8Array {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // RFC 7946 winds exteriors counter-clockwise, shapefiles clockwise: every ring is reversed.
  const rings = polygons.flat().map((ring) => ring.map(project).reverse());
  const points = rings.reduce((n, ring) => n + ring.length, 0);
  const bytes = new Uint8Array(44 + 4 * rings.length + 16 * points);
  const view = new DataView(bytes.buffer);
  const xs = rings.flat().map((p) => p[0]);
  const ys = rings.flat().map((p) => p[1]);
  view.setInt32(0, POLYGON, true);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => {
    view.setFloat64(4 + 8 * i, v, true);
  });
  view.setInt32(36, rings.length, true);
  view.setInt32(40, points, true);
  let start = 0;
  let offset = 44 + 4 * rings.length;
  rings.forEach((ring, r) => {
    view.setInt32(44 + 4 * r, start, true);
    start += ring.length;
    for (const [x, y] of ring) {
      view.setFloat64(offset, x, true);
      view.setFloat64(offset + 8, y, true);
      offset += 16;
    }
  });
  return bytes;
}

/** The .shp and its index .shx: a 100-byte header each, then the records (or their offsets). */
function shpAndShx(records: readonly Uint8Array[]): { shp: Uint8Array; shx: Uint8Array } {
  const shpLength = 100 + records.reduce((n, r) => n + 8 + r.length, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * records.length);
  const box = records.reduce(
    (b, r) => {
      const v = new DataView(r.buffer);
      return [
        Math.min(b[0], v.getFloat64(4, true)),
        Math.min(b[1], v.getFloat64(12, true)),
        Math.max(b[2], v.getFloat64(20, true)),
        Math.max(b[3], v.getFloat64(28, true)),
      ];
    },
    [Infinity, Infinity, -Infinity, -Infinity],
  );
  writeHeader(new DataView(shp.buffer), shpLength, box);
  writeHeader(new DataView(shx.buffer), shx.length, box);
  const shpView = new DataView(shp.buffer);
  const shxView = new DataView(shx.buffer);
  let offset = 100;
  records.forEach((record, i) => {
    shpView.setInt32(offset, i + 1); // record numbers start at 1, big-endian
    shpView.setInt32(offset + 4, record.length / 2); // lengths in 16-bit words
    shp.set(record, offset + 8);
    shxView.setInt32(100 + 8 * i, offset / 2);
    shxView.setInt32(104 + 8 * i, record.length / 2);
    offset += 8 + record.length;
  });
  return { shp, shx };
}

function writeHeader(view: DataView, byteLength: number, box: readonly number[]): void {
  view.setInt32(0, 9994);
  view.setInt32(24, byteLength / 2);
  view.setInt32(28, 1000, true);
  view.setInt32(32, POLYGON, true);
  box.forEach((v, i) => {
    view.setFloat64(36 + 8 * i, v, true);
  });
}

/** A dBase III table: text fields (`C`) for strings, number fields (`N`) for numbers; null blank. */
function dbfTable(features: readonly Feature[], fields: readonly ShapefileField[]): Uint8Array {
  const encoder = new TextEncoder();
  const columns = fields.map((field) => {
    const values = features.map((f) => f.properties?.[field.property] ?? null);
    const numeric = values.every((v) => v === null || typeof v === 'number');
    const decimals = numeric
      ? Math.max(0, ...values.map((v) => (v === null ? 0 : (String(v).split('.')[1] ?? '').length)))
      : 0;
    const texts = values.map((v) =>
      v === null ? '' : numeric ? (v as number).toFixed(decimals) : String(v),
    );
    const width = Math.max(1, ...texts.map((t) => encoder.encode(t).length));
    return { field, numeric, decimals, texts, width };
  });
  const headerLength = 32 + 32 * columns.length + 1;
  const recordLength = 1 + columns.reduce((n, c) => n + c.width, 0);
  const bytes = new Uint8Array(headerLength + recordLength * features.length + 1);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, 0x03);
  view.setUint8(1, 125); // last update 2025-01-01, fixed so that the bytes do not change
  view.setUint8(2, 1);
  view.setUint8(3, 1);
  view.setUint32(4, features.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  columns.forEach((c, i) => {
    const at = 32 + 32 * i;
    bytes.set(encoder.encode(c.field.name).slice(0, 10), at);
    view.setUint8(at + 11, (c.numeric ? 'N' : 'C').charCodeAt(0));
    view.setUint8(at + 16, c.width);
    view.setUint8(at + 17, c.decimals);
  });
  bytes[headerLength - 1] = 0x0d;
  for (let r = 0; r < features.length; r++) {
    let at = headerLength + r * recordLength;
    bytes[at++] = 0x20; // not deleted
    for (const c of columns) {
      const text = encoder.encode(c.texts[r]);
      const cell = new Uint8Array(c.width).fill(0x20);
      cell.set(text, c.numeric ? c.width - text.length : 0); // numbers right-aligned
      bytes.set(cell, at);
      at += c.width;
    }
  }
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}
