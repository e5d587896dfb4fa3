import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { rejectionsToCsv } from '../export/rejectionsToCsv.js';
import type { Rejection } from '../types.js';
import type { OutputFile } from './writeOutputs.js';

/** `rejected.csv` being written, one batch of lines at a time; see {@link openRejectedCsv}. */
export interface RejectedCsvFile {
  /** Appends a rejected record (a sink for the readers). */
  write(rejection: Rejection): void;
  /** Writes what is left and closes the file; returns its manifest entry. Call once. */
  close(): OutputFile;
  /** Closes the file without writing what is left (the run failed; the file will be deleted). */
  abort(): void;
}

/** Records per write: about 0.5 MB of text, so memory stays flat however many are rejected. */
const BATCH = 4096;

/**
 * Creates `path` (usually the run's temporary folder's rejected.csv) with the header line of
 * `rejectionsToCsv`, and appends rejected records to it as they come, in batches, hashing what
 * is written so the manifest needs no second read of a file that may hold millions of lines.
 * Writes are synchronous: a reader's sink is called synchronously, and the order is the
 * reading order.
 *
 * @param path - the file to create (replaced if it exists)
 * @returns the writer
 * @throws the file system's error when the file cannot be created or written
 * @example
 * ```ts
 * const csv = openRejectedCsv(join(staging.path, 'rejected.csv'));
 * await readIncidentsCsv(stream, { source: 'incidents.csv', onRejection: csv.write });
 * const entry = csv.close(); // { name: 'rejected.csv', bytes, sha256 }
 * ```
 */
export function openRejectedCsv(path: string): RejectedCsvFile {
  const fd = openSync(path, 'w');
  const hash = createHash('sha256');
  let bytes = 0;
  let batch: Rejection[] = [];
  let open = true;

  function append(text: string): void {
    const data = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset);
    hash.update(data);
    bytes += data.length;
  }

  function flush(): void {
    if (batch.length === 0) return;
    const lines = rejectionsToCsv(batch, { header: false });
    batch = [];
    append(lines);
  }

  append(rejectionsToCsv([]));
  return {
    write(rejection) {
      batch.push(rejection);
      if (batch.length === BATCH) flush();
    },
    close() {
      flush();
      closeSync(fd);
      open = false;
      return { name: basename(path), bytes, sha256: hash.digest('hex') };
    },
    abort() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
