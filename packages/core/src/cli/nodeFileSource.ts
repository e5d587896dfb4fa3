import { createReadStream, existsSync, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ByteSource, InputSource } from '../run/InputSource.js';
import { assertFile } from './assertFile.js';
import { displayPath } from './displayPath.js';

/**
 * A file on disk as an input of `readInputs`, named as messages show paths (see displayPath).
 * Whether the file is there is checked as it is read, so a missing file is reported when its
 * turn comes, after the files before it, as `hexreach analyze` always has.
 *
 * @param path - the file's path
 * @param what - what the file is for (`incidents`, `areas` …), for the message when it is missing
 * @returns the source; `text()` and `bytes()` reject and `stream()` throws `E_NOT_FOUND` for a
 *   missing file; `sibling('dbf')` is the file beside it with that extension (either case), if any
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
    async bytes() {
      assertFile(path, what);
      return fileByteSource(path, statSync(path).size);
    },
    sibling(extension) {
      const base = path.slice(0, path.length - extname(path).length);
      const found = [extension.toLowerCase(), extension.toUpperCase()]
        .map((ext) => `${base}.${ext}`)
        .find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
      return found === undefined ? undefined : nodeFileSource(found, what);
    },
  };
}

/** A file's bytes read on demand, a range at a time (Parquet reads one row group at a time). */
function fileByteSource(path: string, byteLength: number): ByteSource {
  return {
    byteLength,
    async slice(start, end = byteLength) {
      const length = Math.max(0, Math.min(end, byteLength) - start);
      const handle = await open(path, 'r');
      try {
        const bytes = new Uint8Array(length);
        let done = 0;
        while (done < length) {
          const { bytesRead } = await handle.read(bytes, done, length - done, start + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return bytes.buffer;
      } finally {
        await handle.close();
      }
    },
  };
}
