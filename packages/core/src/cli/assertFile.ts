import { existsSync, statSync } from 'node:fs';
import { HexreachError } from '../errors.js';

/**
 * Throws `E_NOT_FOUND` with a one-line message unless `path` is a file: the message every input
 * and the configuration give for a path that is wrong, naming what the file was for.
 *
 * @param path - the file's path, as given
 * @param what - what the file is for (`incidents`, `configuration` …)
 * @throws HexreachError `E_NOT_FOUND` for a path that does not exist or is not a file
 * @example
 * ```ts
 * assertFile('no-such.csv', 'incidents'); // throws "incidents file not found: no-such.csv"
 * ```
 */
export function assertFile(path: string, what: string): void {
  if (!existsSync(path))
    throw new HexreachError('E_NOT_FOUND', `${what} file not found: ${path}`, path);
  if (!statSync(path).isFile())
    throw new HexreachError('E_NOT_FOUND', `${what} path is not a file: ${path}`, path);
}
