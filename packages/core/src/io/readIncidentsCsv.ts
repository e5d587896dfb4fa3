import Papa from 'papaparse';
import { HexreachError } from '../errors.js';
import type { IncidentTable, ReadResult } from '../types.js';
import { detectColumns, type IncidentColumnNames, type IncidentColumns } from './detectColumns.js';
import { createIncidentTableBuilder, type IncidentTableBuilder } from './incidentTableBuilder.js';

/**
 * CSV text in any form that can be streamed: the whole text, a `Blob`/`File`, a WHATWG
 * `ReadableStream` of bytes (`fetch(…).body`, `blob.stream()`), or an async iterable of text or
 * bytes (a Node `Readable`, e.g. `fs.createReadStream(path)`). Bytes are decoded as UTF-8.
 */
export type CsvInput =
  | string
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<string | Uint8Array>;

/** Options of {@link readIncidentsCsv}. */
export interface ReadIncidentsCsvOptions {
  /** The file name (or input name) that rejections and errors refer to. */
  readonly source: string;
  /** Columns named by the user; the others are detected from the header. */
  readonly columns?: IncidentColumnNames;
  /** Called after each parsed chunk with the number of data rows read so far. */
  readonly onProgress?: (rowsRead: number) => void;
}

// papaparse is fastest on chunks of about 64 K characters: on 1 M rows, 4 M-character chunks take
// twice as long (larger arrays of rows outlive the young generation of the garbage collector).
const CHUNK_LENGTH = 1 << 16;

/** The events papaparse listens to on a Node-style stream. */
type StreamEvent = 'data' | 'end' | 'error';

/** Text chunks of a streamed input, with multi-byte UTF-8 characters kept whole across chunks. */
async function* textChunks(input: CsvInput): AsyncGenerator<string> {
  if (typeof input === 'string') {
    yield* slices(input);
    return;
  }
  const decoder = new TextDecoder('utf-8');
  const source = input instanceof Blob ? input.stream() : input;
  if ('getReader' in source && typeof source.getReader === 'function') {
    // Not every browser makes a ReadableStream async-iterable, so read it by hand.
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        yield* slices(decoder.decode(value, { stream: true }));
      }
    } finally {
      // Stops the source when reading ends early (an error in the file); a no-op at its end.
      reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  } else {
    for await (const chunk of source as AsyncIterable<string | Uint8Array>) {
      yield* slices(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    }
  }
  yield* slices(decoder.decode());
}

/** A text cut into pieces of at most CHUNK_LENGTH characters (slices share its memory). */
function* slices(text: string): Generator<string> {
  for (let start = 0; start < text.length; start += CHUNK_LENGTH) {
    yield text.slice(start, start + CHUNK_LENGTH);
  }
}

/** Whether every field of a row is empty or whitespace. */
function isBlank(row: readonly string[]): boolean {
  for (const field of row) if (field.trim() !== '') return false;
  return true;
}

/**
 * Feeds text chunks to papaparse through the Node-stream interface it accepts, so that every kind
 * of input streams the same way, with text already decoded (papaparse decodes each Buffer chunk
 * on its own, which would split multi-byte characters) and without FileReader (absent in Node).
 * Each chunk is parsed synchronously inside its `data` event, so no more than one chunk is held.
 */
function toPapaStream(chunks: AsyncGenerator<string>, isStopped: () => boolean) {
  const listeners: Partial<Record<StreamEvent, (value?: unknown) => void>> = {};
  const stream = {
    readable: true,
    read: () => null,
    pause: () => undefined,
    resume: () => undefined,
    on(event: StreamEvent, listener: (value?: unknown) => void) {
      listeners[event] = listener;
      return stream;
    },
    removeListener(event: StreamEvent) {
      delete listeners[event];
      return stream;
    },
    async pump(): Promise<void> {
      try {
        for await (const text of chunks) {
          if (isStopped()) break;
          listeners.data?.(text);
        }
        if (!isStopped()) listeners.end?.();
      } catch (error) {
        listeners.error?.(error);
      }
    },
  };
  return stream;
}

/**
 * Reads incidents from a CSV file into columns, streaming it (a 1 GB file is never held whole),
 * with a reason for every row that cannot be used. The header row names the columns (a UTF-8 BOM
 * is removed); latitude, longitude, date and category are detected as in `detectColumns` unless
 * named. Rows are parsed by papaparse (the delimiter — comma, semicolon, tab, pipe — is detected;
 * quoted fields may hold delimiters, quotes and newlines; blank lines are skipped and not
 * counted); a row with fewer or more fields is still read by position.
 * Each row is validated as in `createIncidentTableBuilder`; rows are numbered from 1, the header
 * not counted. Dates are wall-clock times read as UTC (see `parseDate`).
 *
 * @param input - the CSV as a string, Blob/File, ReadableStream, or Node Readable / async iterable
 * @param options - the source name, named columns, and a progress callback
 * @returns the incidents, the rows read (accepted + rejected) and the rejections
 * @throws HexreachError `E_INPUT` (as a rejected promise) when the file is empty, has no
 *   coordinate columns, has a quoted field that is never closed, or has more than 65,535
 *   categories; `E_NOT_FOUND` when a named column does not exist; the stream's own error when
 *   reading fails
 * @example
 * ```ts
 * const csv = 'date,primary_type,latitude,longitude\n2018-01-01 00:00:00,THEFT,41.88,-87.63\n';
 * const { data, read, rejections } = await readIncidentsCsv(csv, { source: 'incidents.csv' });
 * // data.length 1, data.categories ['THEFT'], read 1, rejections []
 * // In Node: await readIncidentsCsv(fs.createReadStream(path), { source: path })
 * ```
 */
export function readIncidentsCsv(
  input: CsvInput,
  options: ReadIncidentsCsvOptions,
): Promise<ReadResult<IncidentTable>> {
  const { source, columns: named = {}, onProgress } = options;
  return new Promise((resolve, reject) => {
    let columns: IncidentColumns | undefined;
    let builder: IncidentTableBuilder | undefined;
    let rowsRead = 0;
    let settled = false;

    function fail(error: unknown): void {
      if (settled) return;
      settled = true;
      reject(error);
    }

    function readHeader(row: string[]): void {
      const header = row.slice();
      if (header.length > 0 && header[0].charCodeAt(0) === 0xfeff) header[0] = header[0].slice(1);
      columns = detectColumns(header, { ...named, source });
      builder = createIncidentTableBuilder(source, 'row', {
        hasCategory: columns.category >= 0,
        hasWeight: columns.weight >= 0,
        initialCapacity: 65_536,
      });
    }

    function readRows(rows: string[][]): void {
      let first = 0;
      if (columns === undefined) {
        if (rows.length === 0) return;
        readHeader(rows[0]);
        first = 1;
      }
      const { lng, lat, date, category, weight } = columns!;
      const table = builder!;
      for (let i = first; i < rows.length; i++) {
        const row = rows[i];
        // Blank lines, including whitespace- or delimiter-only ones, are not records. papaparse's
        // 'greedy' mode would skip them too, but by joining every row: a third more parse time.
        const lngText = row[lng];
        if (
          (lngText === undefined || lngText.length === 0 || lngText.charCodeAt(0) <= 32) &&
          isBlank(row)
        ) {
          continue;
        }
        rowsRead++;
        table.addValues(
          rowsRead,
          row[lng],
          row[lat],
          date >= 0 ? row[date] : undefined,
          category >= 0 ? row[category] : undefined,
          weight >= 0 ? row[weight] : undefined,
        );
      }
      onProgress?.(rowsRead);
    }

    const config: Papa.ParseLocalConfig<string[], Papa.LocalFile> = {
      header: false,
      // Empty lines are dropped here; whitespace-only ones in readRows, without a cost per row.
      skipEmptyLines: true,
      chunk(results, parser) {
        if (settled) return;
        try {
          readRows(results.data);
          if (results.errors.some((error) => error.code === 'MissingQuotes')) {
            // The unclosed field swallowed the rest of the file: its rows would vanish unseen.
            const where = rowsRead === 0 ? 'the header' : `row ${rowsRead}`;
            throw new HexreachError(
              'E_INPUT',
              `${source}: a quoted field in ${where} is never closed (a stray " character?), so the rest of the file would be read as one field`,
              rowsRead,
            );
          }
        } catch (error) {
          // Settle first: papaparse calls `complete` from inside abort().
          fail(error);
          parser.abort();
        }
      },
      complete() {
        if (settled) return;
        settled = true;
        if (builder === undefined) {
          reject(
            new HexreachError('E_INPUT', `${source}: the file is empty (no header row)`, source),
          );
        } else {
          resolve(builder.finish());
        }
      },
      error(error) {
        fail(error);
      },
    };

    const stream = toPapaStream(textChunks(input), () => settled);
    Papa.parse<string[], Papa.LocalFile>(stream as unknown as Papa.LocalFile, config);
    void stream.pump();
  });
}
