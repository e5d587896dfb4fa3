/** The most characters one CSV field may hold: 1 MB of text (1,048,576 characters). */
export const MAX_CSV_FIELD_LENGTH = 1 << 20;

/** Why a {@link CsvRecordSplitter} stopped: a field longer than its maximum. */
export interface CsvFieldOverflow {
  /** Whether the field was quoted (then most likely opened by a stray `"`). */
  readonly quoted: boolean;
}

/** Cuts streamed CSV text into whole records; see {@link createCsvRecordSplitter}. */
export interface CsvRecordSplitter {
  /**
   * Takes the next piece of text and returns the records it completes (with their line ends),
   * possibly `''`; the unfinished record is kept for the next piece. After an overflow it
   * returns the records before the overflowing one and ignores any further text.
   */
  push(text: string): string;
  /** The unfinished record at the end of the input (`''` when the text ended with a line end). */
  end(): string;
  /** Set once a field is longer than the maximum; the records from it on are not returned. */
  readonly overflow: CsvFieldOverflow | undefined;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;

// Scanner states: at the start of a field, in an unquoted field, in a quoted field, and just
// after a quote inside a quoted field (closing it, or the first of an escaped pair `""`).
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;

/**
 * A scanner that cuts CSV text arriving in pieces into whole records, looking at each character
 * once, and stops at a field longer than `maxFieldLength`. papaparse, fed a stream, parses a
 * record cut by a piece's end again from its start with every further piece: a 16 MB line took
 * 7.8 s, and a stray quote near the top of a 1 GB file, which makes the rest of the file one
 * field, hours. Fed whole records, it parses every character once. Quotes follow papaparse: a
 * field is quoted when it starts with `"`, `""` inside is a quote, and a quote followed by
 * something else than spaces, a delimiter or a line end does not close it. A record ends at `\n`,
 * or at a `\r` not followed by `\n`, outside quotes. Where the scanner and papaparse disagreed,
 * papaparse would only see a record cut short, which it reads correctly, as before.
 *
 * @param delimiter - the field delimiter (one character, as papaparse detected it)
 * @param maxFieldLength - the most characters a field may hold (default {@link MAX_CSV_FIELD_LENGTH})
 * @returns the splitter; feed it with `push` and finish with `end`
 * @throws never (an overflow is reported in `overflow`)
 * @example
 * ```ts
 * const splitter = createCsvRecordSplitter(',');
 * splitter.push('a,b\n1,"x'); // 'a,b\n'
 * splitter.push('y"\n2,z');    // '1,"xy"\n'
 * splitter.end();              // '2,z'
 * ```
 */
export function createCsvRecordSplitter(
  delimiter: string,
  maxFieldLength = MAX_CSV_FIELD_LENGTH,
): CsvRecordSplitter {
  const splitter: SplitterState = {
    delimiter,
    delimiterCode: delimiter.length === 1 ? delimiter.charCodeAt(0) : -1,
    maxFieldLength,
    state: FIELD_START,
    fieldLength: 0,
    pendingCr: false,
    pending: [],
    overflow: undefined,
  };
  return {
    push: (text) => push(splitter, text),
    end: () => {
      const rest = splitter.overflow === undefined ? splitter.pending.join('') : '';
      splitter.pending = [];
      return rest;
    },
    get overflow() {
      return splitter.overflow;
    },
  };
}

/** A splitter's settings and what it carries from one piece of text to the next. */
interface SplitterState {
  readonly delimiter: string;
  readonly delimiterCode: number;
  readonly maxFieldLength: number;
  /** The scanner state at the end of the previous piece. */
  state: number;
  /** How long the field open at the end of the previous piece already is. */
  fieldLength: number;
  /** A `\r` ended the previous piece outside quotes: a record end unless `\n` follows. */
  pendingCr: boolean;
  /** The pieces of the unfinished record. */
  pending: string[];
  overflow: CsvFieldOverflow | undefined;
}

function push(splitter: SplitterState, text: string): string {
  if (splitter.overflow !== undefined || text === '') return '';
  let lastEnd = -1;
  if (splitter.pendingCr) {
    splitter.pendingCr = false;
    if (text.charCodeAt(0) !== LF) lastEnd = 0;
  }
  lastEnd = scan(splitter, text, lastEnd);
  if (splitter.overflow !== undefined) {
    const records = lastEnd < 0 ? '' : cut(splitter, text, lastEnd);
    splitter.pending = [];
    return records;
  }
  if (lastEnd < 0) {
    splitter.pending.push(text);
    return '';
  }
  const records = cut(splitter, text, lastEnd);
  if (lastEnd < text.length) splitter.pending.push(text.slice(lastEnd));
  return records;
}

/** Takes `text` up to `end` as completing the records held, and returns them. */
function cut(splitter: SplitterState, text: string, end: number): string {
  const { pending } = splitter;
  const records = pending.length === 0 ? text.slice(0, end) : pending.join('') + text.slice(0, end);
  splitter.pending = [];
  return records;
}

/**
 * Where the last whole record in the next piece ends (`lastEndBefore` when none does); stops at
 * a field longer than the maximum, setting `overflow`.
 */
function scan(splitter: SplitterState, text: string, lastEndBefore: number): number {
  const { delimiter, delimiterCode, maxFieldLength } = splitter;
  const n = text.length;
  // Where the last whole record in `text` ends; locals keep the loop off the state object.
  let lastEnd = lastEndBefore;
  let s = splitter.state;
  let length = splitter.fieldLength;
  let lf = nextIndex(text, '\n', 0);
  let cr = nextIndex(text, '\r', 0);
  let quote = nextIndex(text, '"', 0);
  let comma = nextIndex(text, delimiter, 0);
  let i = 0;
  while (i < n) {
    if (s === QUOTED) {
      if (quote < i) quote = nextIndex(text, '"', i);
      length += quote - i;
      if (length > maxFieldLength) return overflowed(splitter, lastEnd, true);
      i = quote + 1;
      if (quote < n) s = QUOTE_SEEN;
      continue;
    }
    if (s === QUOTE_SEEN) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        // `""`: a quote inside the field.
        s = QUOTED;
        length++;
        i++;
        continue;
      }
      if (c === SPACE) {
        i++;
        continue;
      }
      if (c !== delimiterCode && c !== LF && c !== CR) {
        // A quote followed by other text does not close the field (papaparse: InvalidQuotes).
        s = QUOTED;
        continue;
      }
      s = FIELD_START;
    }
    // Outside quotes: the stretch up to the next line end or quote holds delimiters and text.
    if (lf < i) lf = nextIndex(text, '\n', i);
    if (cr < i) cr = nextIndex(text, '\r', i);
    if (quote < i) quote = nextIndex(text, '"', i);
    const end = Math.min(lf, cr, quote);
    if (end > i) {
      if (comma < i) comma = nextIndex(text, delimiter, i);
      if (comma >= end) {
        length += end - i;
      } else {
        // The longest field here is at most the stretch: check fields only when it is long.
        if (
          length + (end - i) > maxFieldLength &&
          longestField(text, i, end, length, delimiterCode) > maxFieldLength
        )
          return overflowed(splitter, lastEnd, false);
        length = end - 1 - text.lastIndexOf(delimiter, end - 1);
        comma = nextIndex(text, delimiter, end);
      }
      if (length > maxFieldLength) return overflowed(splitter, lastEnd, false);
      s = text.charCodeAt(end - 1) === delimiterCode ? FIELD_START : UNQUOTED;
      if (s === FIELD_START) length = 0;
    }
    if (end === n) break;
    if (end === quote) {
      if (s === FIELD_START) {
        s = QUOTED;
        length = 0;
      } else {
        // A quote inside an unquoted field is text.
        s = UNQUOTED;
        if (++length > maxFieldLength) return overflowed(splitter, lastEnd, false);
      }
    } else {
      s = FIELD_START;
      length = 0;
      if (end === lf) lastEnd = end + 1;
      else if (end + 1 === n) splitter.pendingCr = true;
      else if (text.charCodeAt(end + 1) !== LF) lastEnd = end + 1;
    }
    i = end + 1;
  }
  splitter.state = s;
  splitter.fieldLength = length;
  return lastEnd;
}

/**
 * The next `what` in `text` at or after `from` (`text.length`: none), found with indexOf, which
 * runs far faster than a loop over every character.
 */
function nextIndex(text: string, what: string, from: number): number {
  const at = what === '' ? -1 : text.indexOf(what, from);
  return at < 0 ? text.length : at;
}

/** The longest field in `text` from `from` to `to` (no quotes or line ends there). */
function longestField(
  text: string,
  from: number,
  to: number,
  before: number,
  delimiterCode: number,
): number {
  let longest = 0;
  let length = before;
  for (let k = from; k < to; k++) {
    if (text.charCodeAt(k) === delimiterCode) {
      longest = Math.max(longest, length);
      length = 0;
    } else {
      length++;
    }
  }
  return Math.max(longest, length);
}

/** Records an overflowing field; the records before it end at `lastEnd`. */
function overflowed(splitter: SplitterState, lastEnd: number, quoted: boolean): number {
  splitter.overflow = { quoted };
  return lastEnd;
}
