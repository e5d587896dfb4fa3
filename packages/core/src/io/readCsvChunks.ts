import Papa from 'papaparse';
import { HexreachError } from '../errors.js';
import {
  type CsvRecordSplitter,
  createCsvRecordSplitter,
  MAX_CSV_FIELD_LENGTH,
} from './csvRecordSplitter.js';
import { getTextEncodingProblem } from './getTextEncodingProblem.js';

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

/** What {@link readCsvChunks} hands each chunk of rows to. */
export interface CsvChunkReader {
  /** Takes the next rows (the header is the first row of the first call); throwing stops reading. */
  rows(rows: string[][]): void;
  /** Data rows read so far (the header not counted), for messages. */
  rowsRead(): number;
  /**
   * Optionally takes a chunk of whole records as text instead of `rows`, when papaparse would
   * split it plainly: no quote and no `\r` in it, and `\n` the line break papaparse found. Its
   * rows are then `text.split('\n')` without the empty ones, each `split(delimiter)` — what
   * papaparse gives for such text — and a reader may parse its fields in place without making
   * those strings. Returns false to have papaparse parse the chunk after all.
   */
  records?(text: string, delimiter: string): boolean;
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

/**
 * A stand-in for a Node stream, the interface papaparse accepts for streamed text: every kind of
 * input streams the same way, with text already decoded (papaparse decodes each Buffer chunk on
 * its own, which would split multi-byte characters) and without FileReader (absent in Node).
 * papaparse parses each chunk synchronously inside its `data` event, so no more than one chunk
 * is held.
 */
function createPapaStream() {
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
    emit(event: StreamEvent, value?: string) {
      listeners[event]?.(value);
    },
  };
  return stream;
}

/** papaparse's guess of the delimiter from the first rows, as it guesses for a stream. */
function guessDelimiter(sample: string): string {
  return Papa.parse<string[]>(sample, { preview: 10, skipEmptyLines: true }).meta.delimiter;
}

/**
 * Streams a CSV through papaparse in chunks of rows, so that no file is ever held whole: the
 * delimiter is detected, quoted fields may hold delimiters, quotes and newlines, empty lines are
 * dropped. papaparse is handed whole records only (see `createCsvRecordSplitter`), so reading
 * takes time in proportion to the file's length however long its lines, and a field may hold at
 * most 1 MB of text ({@link MAX_CSV_FIELD_LENGTH} characters): a longer one, such as the rest of
 * a file after a stray quote, is refused once its first megabyte is read. One implementation
 * for every CSV reader of hexreach.
 *
 * @param input - the CSV as a string, Blob/File, ReadableStream, or Node Readable / async iterable
 * @param source - the file name for messages
 * @param reader - receives each chunk of rows
 * @returns a promise settled when the input is read, or rejected with the reader's error, the
 *   stream's error, or HexreachError `E_INPUT` for a quoted field that is never closed or a
 *   field longer than 1 MB, naming the row (or the header), or for UTF-16 or binary bytes
 * @example
 * ```ts
 * let count = 0;
 * await readCsvChunks('a,b\n1,2\n', 'x.csv', { rows: (rows) => { count += rows.length; }, rowsRead: () => 0 });
 * // count 2 (header included)
 * ```
 */
export function readCsvChunks(
  input: CsvInput,
  source: string,
  reader: CsvChunkReader,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let headerRead = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    const where = () => (headerRead ? `row ${reader.rowsRead() + 1}` : 'the header');
    const config: Papa.ParseLocalConfig<string[], Papa.LocalFile> = {
      header: false,
      // Empty lines are dropped here; readers skip whitespace-only ones without a cost per row.
      skipEmptyLines: true,
      chunk(results, parser) {
        if (settled) return;
        linebreak = results.meta.linebreak;
        try {
          if (results.data.length > 0) headerRead = true;
          reader.rows(results.data);
          if (results.errors.some((error) => error.code === 'MissingQuotes')) {
            // The unclosed field swallowed the rest of the file: its rows would vanish unseen.
            const rows = reader.rowsRead();
            const row = rows === 0 ? 'the header' : `row ${rows}`;
            throw new HexreachError(
              'E_INPUT',
              `${source}: a quoted field in ${row} is never closed (a stray " character?), so the rest of the file would be read as one field`,
              rows,
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
        resolve();
      },
      error(error) {
        fail(error);
      },
    };
    const stream = createPapaStream();
    let splitter: CsvRecordSplitter | undefined;
    let delimiter = '';
    // papaparse's line break, known once it has parsed a chunk (it guesses it from the first).
    let linebreak: string | undefined;
    const deliver = (records: string) => {
      const plain =
        linebreak === '\n' &&
        reader.records !== undefined &&
        records.indexOf('"') < 0 &&
        records.indexOf('\r') < 0;
      if (plain && reader.records!(records, delimiter)) return;
      stream.emit('data', records);
    };
    // The delimiter is guessed from the first 64 K characters, as papaparse would guess it.
    const start = (sample: string) => {
      const encoding = getTextEncodingProblem(sample, source);
      if (encoding !== undefined) throw new HexreachError('E_INPUT', encoding, source);
      delimiter = guessDelimiter(sample);
      splitter = createCsvRecordSplitter(delimiter);
      Papa.parse<string[], Papa.LocalFile>(stream as unknown as Papa.LocalFile, {
        ...config,
        delimiter,
      });
      feed(sample);
    };
    const feed = (text: string) => {
      const records = splitter!.push(text);
      if (records !== '' && !settled) deliver(records);
      const overflow = splitter!.overflow;
      if (overflow !== undefined && !settled) {
        const size = `1 MB (${MAX_CSV_FIELD_LENGTH.toLocaleString('en-US')} characters)`;
        throw new HexreachError(
          'E_INPUT',
          overflow.quoted
            ? `${source}: a quoted field in ${where()} runs on past ${size}, the most a field may hold: a stray " character?`
            : `${source}: a field in ${where()} is longer than ${size}, the most a field may hold`,
          MAX_CSV_FIELD_LENGTH,
        );
      }
    };
    const pump = async () => {
      const head: string[] = [];
      let headLength = 0;
      for await (const text of textChunks(input)) {
        if (settled) return;
        if (splitter !== undefined) {
          feed(text);
          continue;
        }
        head.push(text);
        headLength += text.length;
        if (headLength >= CHUNK_LENGTH) start(head.join(''));
      }
      if (settled) return;
      if (splitter === undefined) start(head.join(''));
      const rest = splitter!.end();
      if (rest !== '' && !settled) deliver(rest);
      if (!settled) stream.emit('end');
    };
    pump().catch(fail);
  });
}

/** Whether every field of a row is empty or whitespace: a blank line, not a record. */
export function isBlankRow(row: readonly string[]): boolean {
  for (const field of row) if (field.trim() !== '') return false;
  return true;
}

/** A header row without the UTF-8 byte-order mark some exports put before the first name. */
export function withoutBom(header: readonly string[]): string[] {
  const out = header.slice();
  if (out.length > 0 && out[0].charCodeAt(0) === 0xfeff) out[0] = out[0].slice(1);
  return out;
}
