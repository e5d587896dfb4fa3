import { HexreachError } from '@hexreach/core';
import type { ResultSource } from './ResultSource.js';
import type { ResultFileName } from './results.js';

/**
 * A {@link ResultSource} over a folder URL (`?results=results/`) on the viewer's own origin, as
 * `hexreach view` serves it. Other origins are refused: the viewer makes no request the user did
 * not see coming, and a link cannot make it fetch from elsewhere.
 *
 * @param folder - the folder URL, relative to `base` or absolute; a trailing `/` is added
 * @param base - the page address (default `location.href`)
 * @returns the source
 * @throws HexreachError `E_INPUT` when the URL is malformed or on another origin
 * @example
 * ```ts
 * const source = urlResultSource('results/'); // fetches results/cells.geojson …
 * ```
 */
export function urlResultSource(folder: string, base: string = location.href): ResultSource {
  let url: URL;
  try {
    url = new URL(folder.endsWith('/') ? folder : `${folder}/`, base);
  } catch {
    throw new HexreachError('E_INPUT', `results=${folder}: not a valid URL`, folder);
  }
  const page = new URL(base);
  if (url.origin !== page.origin) {
    throw new HexreachError(
      'E_INPUT',
      `results=${folder}: results are loaded only from this viewer's own address (${page.origin}), not from ${url.origin}`,
      folder,
    );
  }
  const read = async (name: ResultFileName): Promise<Response | undefined> => {
    const fileUrl = new URL(name, url);
    let response: Response;
    try {
      response = await fetch(fileUrl, { credentials: 'same-origin', cache: 'no-cache' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new HexreachError('E_INPUT', `${fileUrl.pathname}: could not be fetched (${reason})`);
    }
    if (response.status === 404) return undefined;
    if (!response.ok) {
      throw new HexreachError(
        'E_INPUT',
        `${fileUrl.pathname}: the server answered ${response.status} ${response.statusText}`,
      );
    }
    return response;
  };
  return {
    description: url.pathname,
    readText: async (name) => (await read(name))?.text(),
    readBytes: async (name) => {
      const response = await read(name);
      return response === undefined ? undefined : new Uint8Array(await response.arrayBuffer());
    },
  };
}
