// shpjs ships no types; these are the two functions hexreach calls (shpjs/lib/index.js).
declare module 'shpjs' {
  /** The geometries of a `.shp`, one per record (null for a null shape), in GeoJSON. */
  export function parseShp(
    shp: DataView | ArrayBuffer | Uint8Array,
    prj?: string | false,
  ): (import('geojson').Geometry | null)[];
  /** The records of a `.dbf`, decoded with the encoding a `.cpg` names. */
  export function parseDbf(
    dbf: DataView | ArrayBuffer | Uint8Array,
    cpg?: string,
  ): Record<string, unknown>[];
}
