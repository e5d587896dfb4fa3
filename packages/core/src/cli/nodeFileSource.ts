import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { InputSource } from '../run/InputSource.js';
import { assertFile } from './assertFile.js';
import { displayPath } from './displayPath.js';

/**
 * A file on disk as an input of `readInputs`, named as messages show paths (see displayPath).
 * Whether the file is there is checked as it is read, so a missing file is reported when its
 * turn comes, after the files before it, as `hexreach analyze` always has.
 *
 * @param path - the file's path
 * @param what - what the file is for (`incidents`, `areas` …), for the message when it is missing
 * @returns the source; `text()` rejects and `stream()` throws `E_NOT_FOUND` for a missing file
 * @example
 * ```ts
 * const inputs = await readInputs(
 *   { incidents: nodeFileSource('data/incidents.csv', 'incidents'), areas: nodeFileSource('data/tracts.geojson', 'areas') },
 *   config,
 * );
 * ```
 */
export function nodeFileSource(path: string, what: string): InputSource {
  return {
    name: displayPath(path),
    async text() {
      assertFile(path, what);
      return readFile(path, 'utf8');
    },
    stream() {
      assertFile(path, what);
      // Decoded text in 1 MB reads: the CSV readers never hold the file whole.
      return createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
    },
  };
}
