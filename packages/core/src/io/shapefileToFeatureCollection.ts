import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { parseDbf, parseShp } from 'shpjs';
import { HexreachError } from '../errors.js';
import { rewindRfc7946 } from '../export/rewindRfc7946.js';
import { createRecord } from '../util/createRecord.js';
import { dbfEncoding } from './dbfEncoding.js';
import { type PrjTransform, prjToWgs84 } from './prjToWgs84.js';

/** The files of one shapefile, read into memory (a zip's entries, or the files side by side). */
export interface ShapefileParts {
  /** The input as messages name it: the `.zip`, or the `.shp`. */
  readonly source: string;
  /** The `.shp`: geometries. */
  readonly shp: Uint8Array;
  /** The `.dbf`: one attribute record per geometry. */
  readonly dbf: Uint8Array | undefined;
  /** The `.prj`'s text: the coordinate system, in well-known text. */
  readonly prj: string | undefined;
  /** The `.cpg`'s text: the `.dbf`'s encoding. */
  readonly cpg: string | undefined;
  /** The name of each part as messages name it (`tracts.zip: tracts.prj`). */
  readonly names: {
    readonly shp: string;
    readonly dbf: string;
    readonly prj: string;
    readonly cpg: string;
  };
}

/** A shapefile as GeoJSON, and what its coordinates were. */
export interface ShapefileRead {
  /** One feature per record, in record order, so that feature i is record i (0-based). */
  readonly collection: FeatureCollection<Geometry | null>;
  /** The coordinate system the `.prj` names; undefined without a `.prj` (degrees assumed). */
  readonly crs: string | undefined;
  /** What was done to the coordinates, in one sentence for summary.json's notes. */
  readonly note: string;
}

const FILE_CODE = 9994;
// Null, point, polyline, polygon, multipoint, and their Z and M variants.
const SHAPE_TYPES = new Set([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28]);

/**
 * A shapefile as a GeoJSON FeatureCollection in WGS84 longitude/latitude, for the GeoJSON readers
 * (areas, organizations) to validate record by record: geometries by shpjs from the `.shp`,
 * attributes from the `.dbf` decoded as the `.cpg` says, coordinates reprojected with proj4 from
 * the coordinate system of the `.prj` (a state plane in feet, UTM, NAD83…) and rings wound as
 * RFC 7946 has them. Feature i is record i (0-based), a null shape a feature with a null geometry
 * (which the readers reject naming it). A blank numeric field is null (missing), not NaN.
 *
 * @param parts - the `.shp`, `.dbf`, `.prj` and `.cpg`, and their names
 * @returns the features, the coordinate system and a note saying how the coordinates were read
 * @throws HexreachError `E_INPUT` naming the file, and the record where there is one, when the
 *   `.shp` is not a shapefile or is cut short, a record's shape type differs from the file's,
 *   the `.dbf` is missing or holds another number of records, the `.prj` or `.cpg` cannot be
 *   read, or coordinates without a `.prj` are not degrees
 * @example
 * ```ts
 * const { collection, crs } = shapefileToFeatureCollection({ source: 'tracts.zip', shp, dbf, prj, cpg: 'UTF-8', names });
 * readAreasGeoJson(collection, { source: 'tracts.zip', attributes: [{ name: 'population', required: true }] });
 * ```
 */
export function shapefileToFeatureCollection(parts: ShapefileParts): ShapefileRead {
  const { source, names } = parts;
  const records = checkShp(parts.shp, `${source}: ${names.shp}`);
  if (parts.dbf === undefined) {
    throw new HexreachError(
      'E_INPUT',
      `${source}: no ${names.dbf} beside ${names.shp}: a shapefile's attributes are in its .dbf`,
      source,
    );
  }
  const attributes = parseDbf(view(parts.dbf), dbfEncoding(parts.cpg, `${source}: ${names.cpg}`));
  if (attributes.length !== records) {
    throw new HexreachError(
      'E_INPUT',
      `${source}: ${names.dbf} holds ${attributes.length} records but ${names.shp} ${records}: the files are not of one shapefile`,
      source,
    );
  }
  const geometries = parseShp(view(parts.shp));
  const transform =
    parts.prj === undefined ? undefined : prjToWgs84(parts.prj, `${source}: ${names.prj}`);
  if (transform === undefined) assertDegrees(parts.shp, source, names.prj);
  else assertOnEarth(parts.shp, transform, `${source}: ${names.prj}`);
  const features: Feature<Geometry | null>[] = geometries.map((geometry, i) => ({
    type: 'Feature',
    properties: recordProperties(attributes[i]),
    geometry: geometry === null ? null : toWgs84(geometry, transform),
  }));
  const note =
    transform === undefined
      ? `${source}: shapefile without a .prj; coordinates read as WGS84 longitude/latitude`
      : `${source}: shapefile reprojected from ${transform.crs} (${names.prj}) to WGS84 longitude/latitude`;
  return { collection: { type: 'FeatureCollection', features }, crs: transform?.crs, note };
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Checks the header and walks the record headers, so that a file cut short or a record of
 * another shape type is an error naming the record rather than records silently lost.
 */
function checkShp(shp: Uint8Array, name: string): number {
  const data = view(shp);
  if (shp.byteLength < 100 || data.getInt32(0) !== FILE_CODE) {
    throw new HexreachError(
      'E_INPUT',
      `${name}: not a shapefile (no file code 9994 in its first bytes)`,
      name,
    );
  }
  const fileType = data.getInt32(32, true);
  if (!SHAPE_TYPES.has(fileType)) {
    throw new HexreachError('E_INPUT', `${name}: unknown shape type ${fileType}`, name);
  }
  let offset = 100;
  let record = 0;
  while (offset < shp.byteLength) {
    if (offset + 12 > shp.byteLength) {
      throw new HexreachError(
        'E_INPUT',
        `${name}: record ${record} (feature ${record}): the file ends inside its header (cut short?)`,
        name,
      );
    }
    const length = data.getInt32(offset + 4) * 2;
    if (length < 4 || offset + 8 + length > shp.byteLength) {
      throw new HexreachError(
        'E_INPUT',
        `${name}: record ${record} (feature ${record}): its ${length} bytes run past the end of the file (cut short?)`,
        name,
      );
    }
    const type = data.getInt32(offset + 8, true);
    if (type !== 0 && type !== fileType) {
      throw new HexreachError(
        'E_INPUT',
        `${name}: record ${record} (feature ${record}): shape type ${type} in a file of shape type ${fileType}`,
        name,
      );
    }
    offset += 8 + length;
    record++;
  }
  return record;
}

/** The header's bounding box: xmin, ymin, xmax, ymax. */
function headerBox(shp: Uint8Array): [number, number, number, number] {
  const data = view(shp);
  return [
    data.getFloat64(36, true),
    data.getFloat64(44, true),
    data.getFloat64(52, true),
    data.getFloat64(60, true),
  ];
}

/** Without a `.prj`, coordinates must already be degrees: projected ones would pass unnoticed. */
function assertDegrees(shp: Uint8Array, source: string, prjName: string): void {
  const [xmin, ymin, xmax, ymax] = headerBox(shp);
  if (xmin >= -180 && xmax <= 180 && ymin >= -90 && ymax <= 90) return;
  throw new HexreachError(
    'E_INPUT',
    `${source}: no ${prjName} and the coordinates (x ${xmin}…${xmax}, y ${ymin}…${ymax}) are not longitude/latitude degrees: add the shapefile's .prj`,
    source,
  );
}

/** A `.prj` that does not fit the data (degrees read as feet…) puts its corners off the Earth. */
function assertOnEarth(shp: Uint8Array, transform: PrjTransform, name: string): void {
  const [xmin, ymin, xmax, ymax] = headerBox(shp);
  for (const [x, y] of [
    [xmin, ymin],
    [xmax, ymax],
  ]) {
    const [lng, lat] = transform.toWgs84(x, y);
    if (!(Math.abs(lng) <= 180 && Math.abs(lat) <= 90)) {
      throw new HexreachError(
        'E_INPUT',
        `${name}: in ${transform.crs}, the corner (${x}, ${y}) of the shapefile's extent is not on the Earth (${lng}, ${lat}): is the .prj the data's?`,
        name,
      );
    }
  }
}

/** A `.dbf` record as GeoJSON properties: blank numbers null, dates as ISO `YYYY-MM-DD`. */
function recordProperties(record: Record<string, unknown>): Record<string, unknown> {
  const properties = createRecord<unknown>();
  for (const [key, value] of Object.entries(record)) {
    properties[key] =
      typeof value === 'number' && Number.isNaN(value)
        ? null
        : value instanceof Date
          ? Number.isNaN(value.getTime())
            ? null
            : `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`
          : value;
  }
  return properties;
}

/** The geometry in WGS84, polygons wound as RFC 7946 has them (shapefiles wind the other way). */
function toWgs84(geometry: Geometry, transform: PrjTransform | undefined): Geometry {
  const position = (p: Position): Position =>
    transform === undefined ? [p[0], p[1]] : transform.toWgs84(p[0], p[1]);
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: position(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: geometry.coordinates.map(position) };
    case 'MultiLineString':
      return { type: geometry.type, coordinates: geometry.coordinates.map((l) => l.map(position)) };
    case 'Polygon':
      return rewindRfc7946({
        type: 'Polygon',
        coordinates: geometry.coordinates.map((ring) => ring.map(position)),
      });
    case 'MultiPolygon':
      return rewindRfc7946({
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) =>
          polygon.map((ring) => ring.map(position)),
        ),
      });
    default:
      return geometry;
  }
}
