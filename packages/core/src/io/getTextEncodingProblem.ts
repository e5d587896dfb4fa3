/** How many characters at the start of a file are looked at. */
const SAMPLE_LENGTH = 1024;
const NUL = 0;
const REPLACEMENT = 0xfffd;

/**
 * Why a file's text, decoded as UTF-8, is not UTF-8 text: a UTF-16 file (its byte-order mark
 * FF FE or FE FF decodes to two U+FFFD, and its ASCII characters come with a NUL byte each, at
 * every other position) or a binary file (other NUL bytes: a spreadsheet, an archive). Looks at
 * the first 1,024 characters only.
 *
 * @param text - the start of a file as decoded as UTF-8 (more is fine)
 * @param source - the file name, for the message
 * @returns a one-line message naming the file and what to do, or undefined for text
 * @throws never
 * @example
 * ```ts
 * getTextEncodingProblem('\ufffd\ufffdl\0a\0t\0', 'x.csv'); // 'x.csv: UTF-16 text; save the file as UTF-8'
 * getTextEncodingProblem('lat,lng\n', 'x.csv'); // undefined
 * ```
 */
export function getTextEncodingProblem(text: string, source: string): string | undefined {
  const n = Math.min(text.length, SAMPLE_LENGTH);
  const bom = text.charCodeAt(0) === REPLACEMENT && text.charCodeAt(1) === REPLACEMENT;
  const nulAt = [0, 0];
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === NUL) nulAt[i % 2]++;
  const nuls = nulAt[0] + nulAt[1];
  // ASCII in UTF-16: a NUL at one parity for most characters, none at the other.
  const most = Math.max(nulAt[0], nulAt[1]);
  const utf16 = most > 0 && most >= n / 8 && Math.min(nulAt[0], nulAt[1]) <= most / 10;
  if (bom || utf16) {
    return `${source}: UTF-16 text; save the file as UTF-8`;
  }
  if (nuls > 0) {
    return `${source}: not a text file (NUL bytes at the start: a spreadsheet or an archive?); save it as UTF-8 text`;
  }
  return undefined;
}
