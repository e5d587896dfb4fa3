import { HexreachError } from '../errors.js';

// Code pages as ESRI writes them in a .cpg ("1252", "ANSI 1252", "65001").
const CODE_PAGE = /^(?:ANSI\s*)?(\d+)$/i;

/**
 * The text encoding of a shapefile's `.dbf`, from its `.cpg` (`UTF-8`, `ISO-8859-1`, `1252`,
 * `ANSI 1252`, `65001`…), as a label `TextDecoder` knows.
 *
 * @param cpg - the `.cpg` file's text, or undefined when there is none (then UTF-8)
 * @param file - the `.cpg` file's name, for the error message
 * @returns the encoding label
 * @throws HexreachError `E_INPUT` naming the file when the encoding is not one the platform
 *   decodes
 * @example
 * ```ts
 * dbfEncoding('ANSI 1252', 'tracts.cpg'); // 'windows-1252'
 * dbfEncoding(undefined, 'tracts.cpg'); // 'utf-8'
 * ```
 */
export function dbfEncoding(cpg: string | undefined, file: string): string {
  const text = cpg?.trim() ?? '';
  if (text === '') return 'utf-8';
  const codePage = CODE_PAGE.exec(text)?.[1];
  const label =
    codePage === undefined ? text : codePage === '65001' ? 'utf-8' : `windows-${codePage}`;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new HexreachError(
      'E_INPUT',
      `${file}: the .dbf encoding ${JSON.stringify(text)} is not one this reader decodes (write UTF-8, ISO-8859-1 or a Windows code page such as 1252)`,
      text,
    );
  }
}
