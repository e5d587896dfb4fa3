import { readFileSync } from 'node:fs';
import { parseJson } from '../io/parseJson.js';
import { assertFile } from './assertFile.js';
import { displayPath } from './displayPath.js';

/**
 * Reads and parses a JSON file, naming the file and position of any syntax error.
 *
 * @param path - the file's path
 * @param what - what the file is for, for the message when it is missing
 * @returns the parsed JSON
 * @throws HexreachError `E_NOT_FOUND` for a missing file, `E_INPUT` for invalid JSON
 * @example
 * ```ts
 * const raw = readJsonFile('hexreach.config.json', 'configuration');
 * ```
 */
export function readJsonFile(path: string, what: string): unknown {
  assertFile(path, what);
  return parseJson(readFileSync(path, 'utf8'), displayPath(path));
}
