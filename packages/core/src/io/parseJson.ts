import { HexreachError } from '../errors.js';
import { getTextEncodingProblem } from './getTextEncodingProblem.js';

const CHAR_TAB = 9;
const CHAR_LF = 10;
const CHAR_CR = 13;
const CHAR_SPACE = 32;
const CHAR_QUOTE = 34;
const CHAR_PLUS = 43;
const CHAR_COMMA = 44;
const CHAR_MINUS = 45;
const CHAR_DOT = 46;
const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_COLON = 58;
const CHAR_BRACKET_OPEN = 91;
const CHAR_BACKSLASH = 92;
const CHAR_BRACKET_CLOSE = 93;
const CHAR_BRACE_OPEN = 123;
const CHAR_BRACE_CLOSE = 125;

function skipWhitespace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== CHAR_SPACE && c !== CHAR_LF && c !== CHAR_CR && c !== CHAR_TAB) return i;
    i++;
  }
}

function isDigit(c: number): boolean {
  return c >= CHAR_0 && c <= CHAR_9;
}

// The scanners below return the index after what they read, or `~position` (always negative) of
// the first character that cannot be there.

function scanString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === CHAR_QUOTE) return j + 1;
    if (c < CHAR_SPACE) return ~j;
    if (c === CHAR_BACKSLASH) {
      const next = text[j + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return ~(j + 2);
        j += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
        j++;
      } else {
        return ~(j + 1);
      }
    }
  }
  return ~text.length;
}

function scanDigits(text: string, i: number): number {
  if (!isDigit(text.charCodeAt(i))) return ~i;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

function scanNumber(text: string, i: number): number {
  if (text.charCodeAt(i) === CHAR_MINUS) i++;
  if (text.charCodeAt(i) === CHAR_0) i++;
  else {
    i = scanDigits(text, i);
    if (i < 0) return i;
  }
  if (text.charCodeAt(i) === CHAR_DOT) {
    i = scanDigits(text, i + 1);
    if (i < 0) return i;
  }
  if ((text.charCodeAt(i) | 0x20) === 0x65) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === CHAR_PLUS || sign === CHAR_MINUS) i++;
    i = scanDigits(text, i);
  }
  return i;
}

function scanLiteral(text: string, i: number, literal: string): number {
  for (let k = 0; k < literal.length; k++) {
    if (text.charCodeAt(i + k) !== literal.charCodeAt(k)) return ~(i + k);
  }
  return i + literal.length;
}

/** A property name and its colon, from `i`; returns where the value starts. */
function scanKey(text: string, i: number): number {
  i = skipWhitespace(text, i);
  if (text.charCodeAt(i) !== CHAR_QUOTE) return ~i;
  i = scanString(text, i);
  if (i < 0) return i;
  i = skipWhitespace(text, i);
  return text.charCodeAt(i) === CHAR_COLON ? i + 1 : ~i;
}

/**
 * The index of the first character where `text` stops being JSON (RFC 8259), or −1 when it is
 * valid. Used only after JSON.parse failed, when its message gives no position (V8 before
 * Node 22 says `Unexpected token '}', "…" is not valid JSON`).
 */
function findSyntaxError(text: string): number {
  const open: number[] = [];
  let i = 0;
  for (;;) {
    // A value starts at i.
    i = skipWhitespace(text, i);
    if (i >= text.length) return text.length;
    const c = text.charCodeAt(i);
    if (c === CHAR_BRACE_OPEN || c === CHAR_BRACKET_OPEN) {
      const close = c === CHAR_BRACE_OPEN ? CHAR_BRACE_CLOSE : CHAR_BRACKET_CLOSE;
      const inside = skipWhitespace(text, i + 1);
      if (text.charCodeAt(inside) === close) {
        i = inside + 1;
      } else {
        open.push(close);
        i = c === CHAR_BRACE_OPEN ? scanKey(text, i + 1) : i + 1;
        if (i < 0) return ~i;
        continue;
      }
    } else if (c === CHAR_QUOTE) {
      i = scanString(text, i);
    } else if (c === CHAR_MINUS || isDigit(c)) {
      i = scanNumber(text, i);
    } else if (c === 0x74) {
      i = scanLiteral(text, i, 'true');
    } else if (c === 0x66) {
      i = scanLiteral(text, i, 'false');
    } else if (c === 0x6e) {
      i = scanLiteral(text, i, 'null');
    } else {
      return i;
    }
    if (i < 0) return ~i;
    // A value ended at i: close containers until a comma asks for the next value.
    for (;;) {
      i = skipWhitespace(text, i);
      if (open.length === 0) return i < text.length ? i : -1;
      if (i >= text.length) return text.length;
      const next = text.charCodeAt(i);
      const close = open[open.length - 1];
      if (next === close) {
        open.pop();
        i++;
      } else if (next === CHAR_COMMA) {
        i = close === CHAR_BRACE_CLOSE ? scanKey(text, i + 1) : i + 1;
        if (i < 0) return ~i;
        break;
      } else {
        return i;
      }
    }
  }
}

/** 1-based line and column of a character index; `\n`, `\r\n` and a lone `\r` end lines. */
function positionToLineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CHAR_LF || (c === CHAR_CR && text.charCodeAt(i + 1) !== CHAR_LF)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

/**
 * The deepest nesting of arrays and objects {@link parseJson} accepts. GeoJSON needs 8 levels
 * (a MultiPolygon's positions in a FeatureCollection) and a configuration 4; code that walks
 * parsed JSON recursively (the configuration's schema, `JSON.stringify` in messages) would
 * exhaust the call stack on 100,000 levels.
 */
export const MAX_JSON_DEPTH = 256;

/**
 * Whether arrays and objects in `value` nest deeper than `limit` levels (`value` is level 1). It
 * recurses, but never more than `limit` calls deep, so the check cannot exhaust the stack.
 */
function isNestedDeeper(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit === 0) return true;
  const children = value as Record<string, unknown>;
  // Numbers (every coordinate) are skipped without a call.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] === 'object' && isNestedDeeper(value[i], limit - 1)) return true;
    }
    return false;
  }
  for (const key in children) {
    if (typeof children[key] === 'object' && isNestedDeeper(children[key], limit - 1)) return true;
  }
  return false;
}

/** The index in `text` of the bracket that opens level `limit + 1`, scanning strings as strings. */
function indexOfDepth(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CHAR_QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== CHAR_QUOTE; i++) {
        if (text.charCodeAt(i) === CHAR_BACKSLASH) i++;
      }
    } else if (c === CHAR_BRACE_OPEN || c === CHAR_BRACKET_OPEN) {
      if (++depth > limit) return i;
    } else if (c === CHAR_BRACE_CLOSE || c === CHAR_BRACKET_CLOSE) {
      depth--;
    }
  }
  return text.length;
}

/** `feature 3` when the too-deep value is inside the fourth feature of a FeatureCollection. */
function featureOf(root: unknown, limit: number): string {
  const features = (root as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return '';
  // The features sit at level 3 (root object, features array): their own limit is 2 less.
  const index = features.findIndex((f) => isNestedDeeper(f, limit - 2));
  return index < 0 ? '' : ` (feature ${index})`;
}

/**
 * Parses JSON text, and on a syntax error throws a message that names the file, the line and
 * the column, so a user can open the file at the fault. The position comes from the engine's
 * message: `(line L column C)` (V8 in Node ≥ 22) or `at position N` (earlier V8); when the
 * message has neither (`Unexpected token …, "…" is not valid JSON`, `Unexpected end of JSON
 * input`), the text is scanned for the first character that is not JSON. A UTF-8 byte-order mark
 * at the start is ignored. Arrays and objects nested more than {@link MAX_JSON_DEPTH} levels deep
 * are refused, since no hexreach input is: the code reading them would exhaust the call stack.
 *
 * @param text - the content of a JSON or GeoJSON file
 * @param source - the file name, for the message
 * @returns the parsed value
 * @throws HexreachError `E_INPUT` with `"<source>: invalid JSON at line L, column C: <reason>"`,
 *   `"<source>: UTF-16 text; save the file as UTF-8 …"`,
 *   or `"<source>: nested too deeply at line L, column C …"`
 * @example
 * ```ts
 * parseJson('{"type": "FeatureCollection", "features": []}', 'tracts.geojson');
 * parseJson('{"a": 1,\n}', 'x.json'); // throws E_INPUT 'x.json: invalid JSON at line 2, column 1: …'
 * ```
 */
export function parseJson(text: string, source: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    // A UTF-16 file fails on its NUL bytes; say so instead of quoting them.
    const encoding = getTextEncodingProblem(body, source);
    if (encoding !== undefined) throw new HexreachError('E_INPUT', encoding, source);
    const message = error.message;
    let line: number;
    let column: number;
    const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
    const position = /at position (\d+)/.exec(message);
    if (lineColumn !== null) {
      line = Number(lineColumn[1]);
      column = Number(lineColumn[2]);
    } else {
      const index = position !== null ? Number(position[1]) : findSyntaxError(body);
      ({ line, column } = positionToLineColumn(body, index < 0 ? body.length : index));
    }
    // The engine's message quotes the text ("…" is not valid JSON) and repeats the position.
    const reason = message
      .replace(/, (\.\.\.)?".*is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/ at position \d+.*$/s, '')
      .replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r')
      .replace(/\t/g, '\\t');
    throw new HexreachError(
      'E_INPUT',
      `${source}: invalid JSON at line ${line}, column ${column}: ${reason}`,
      { line, column },
    );
  }
  if (isNestedDeeper(value, MAX_JSON_DEPTH)) {
    const { line, column } = positionToLineColumn(body, indexOfDepth(body, MAX_JSON_DEPTH));
    throw new HexreachError(
      'E_INPUT',
      `${source}: nested too deeply at line ${line}, column ${column}${featureOf(value, MAX_JSON_DEPTH)}: more than ${MAX_JSON_DEPTH} levels of arrays and objects`,
      { line, column },
    );
  }
  return value;
}
