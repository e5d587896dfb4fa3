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
}
