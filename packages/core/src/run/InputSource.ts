/**
 * Random access to a file's bytes, for the binary formats (Parquet read row group by row group,
 * zipped shapefiles): the shape of hyparquet's `AsyncBuffer`, so a source's bytes go to it as
 * they are.
 */
export interface ByteSource {
  /** The file's size in bytes. */
  readonly byteLength: number;
  /** The bytes from `start` to `end` (exclusive; the end of the file when omitted). */
  slice(start: number, end?: number): Promise<ArrayBuffer>;
}

/**
 * An input file as `readInputs` reads it, wherever it lives: a file on disk in the CLI (see
 * `nodeFileSource`), a dropped `File` or any `Blob` in the viewer. Reading goes through it so
 * that this folder never touches `node:` modules, which the viewer's worker cannot bundle.
 */
export interface InputSource {
  /** The file as messages, rejections and summary.json name it (e.g. `data/incidents.csv`). */
  readonly name: string;
  /** The whole file as UTF-8 text, for the JSON inputs; rejects when it cannot be read. */
  text(): Promise<string>;
  /**
   * The file's content in chunks, for the CSV inputs (never held whole): bytes or text, as
   * `readIncidentsCsv` accepts them. May throw when the file cannot be opened.
   */
  stream(): ReadableStream<Uint8Array> | AsyncIterable<string | Uint8Array>;
  /**
   * Random access to the bytes, for Parquet and shapefiles; a source without it can give only
   * CSV and JSON. Rejects when the file cannot be read.
   */
  bytes?(): Promise<ByteSource>;
  /**
   * The file beside this one with the same base name and another extension (`dbf` for a
   * shapefile's `.shp`: its attributes, `prj`, `cpg`), or undefined when there is none.
   */
  sibling?(extension: string): InputSource | undefined;
}
