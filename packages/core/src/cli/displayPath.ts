import { isAbsolute, relative } from 'node:path';

/**
 * How a path is shown in messages and outputs: relative to the working folder when inside it,
 * so that summaries do not carry a user's home folder around.
 *
 * @param path - an absolute or relative path
 * @returns the path relative to the working folder, or as given when outside it
 * @example
 * ```ts
 * displayPath('/home/ana/city/incidents.csv'); // 'incidents.csv' when run from /home/ana/city
 * ```
 */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
