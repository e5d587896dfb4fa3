const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const CHAR_0 = 48;
const CHAR_PLUS = 43;
const CHAR_MINUS = 45;
const CHAR_DOT = 46;
const CHAR_COMMA = 44;
const CHAR_SLASH = 47;
const CHAR_COLON = 58;
const CHAR_SPACE = 32;
const CHAR_T = 84;
const CHAR_LOWER_T = 116;
const CHAR_Z = 90;
const CHAR_LOWER_Z = 122;

/** Digit value of the character at `i`, or −1 when it is not an ASCII digit (or past the end). */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - CHAR_0;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Value of the two digits at `i`, or −1. */
function twoDigitsAt(text: string, i: number): number {
  const a = digitAt(text, i);
  const b = digitAt(text, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (month 1–12), for years ≥ 0.
 * Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Milliseconds of a validated calendar date at midnight UTC, or NaN when the day does not exist. */
function dateToMs(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day) * MS_PER_DAY;
}

/**
 * Milliseconds of a time of day `h[h]:mm[:ss[.fff]]` starting at `i` (one-digit hours occur in
 * US exports), with the index after what was read in `end.at`; NaN when malformed or hour > 23.
 */
function timeToMs(text: string, i: number, stop: number, end: { at: number }): number {
  let hour = digitAt(text, i);
  if (hour < 0) return Number.NaN;
  let p = i + 1;
  const hourLow = digitAt(text, p);
  if (hourLow >= 0) {
    hour = hour * 10 + hourLow;
    p++;
  }
  if (hour > 23) return Number.NaN;
  if (text.charCodeAt(p) !== CHAR_COLON) return Number.NaN;
  const minute = twoDigitsAt(text, p + 1);
  if (minute < 0 || minute > 59) return Number.NaN;
  p += 3;
  let seconds = 0;
  let ms = 0;
  if (p < stop && text.charCodeAt(p) === CHAR_COLON) {
    seconds = twoDigitsAt(text, p + 1);
    if (seconds < 0 || seconds > 59) return Number.NaN;
    p += 3;
    const mark = text.charCodeAt(p);
    if (p < stop && (mark === CHAR_DOT || mark === CHAR_COMMA)) {
      p++;
      // Only milliseconds are kept; further digits are read and truncated.
      let scale = 100;
      const first = p;
      for (let d = digitAt(text, p); p < stop && d >= 0; d = digitAt(text, ++p)) {
        ms += d * scale;
        scale /= 10;
      }
      if (p === first) return Number.NaN;
      ms = Math.floor(ms);
    }
  }
  end.at = p;
  return ((hour * 60 + minute) * 60 + seconds) * 1000 + ms;
}

// Where timeToMs stopped; one shared object so that parsing a row allocates nothing.
const cursor = { at: 0 };

/** `YYYY-MM-DD[(T| )hh:mm[:ss[.fff]]][Z|±hh[:mm]]` between `s` and `e`. */
function isoToMs(text: string, s: number, e: number): number {
  const yearHigh = twoDigitsAt(text, s);
  const yearLow = twoDigitsAt(text, s + 2);
  const month = twoDigitsAt(text, s + 5);
  const day = twoDigitsAt(text, s + 8);
  if (yearHigh < 0 || yearLow < 0 || month < 0 || day < 0) return Number.NaN;
  if (text.charCodeAt(s + 7) !== CHAR_MINUS) return Number.NaN;
  const date = dateToMs(yearHigh * 100 + yearLow, month, day);
  let p = s + 10;
  if (p === e) return date;
  const separator = text.charCodeAt(p);
  if (separator !== CHAR_T && separator !== CHAR_LOWER_T && separator !== CHAR_SPACE) {
    return Number.NaN;
  }
  // ISO hours always have two digits, so the colon must be third.
  if (text.charCodeAt(p + 3) !== CHAR_COLON) return Number.NaN;
  const time = timeToMs(text, p + 1, e, cursor);
  p = cursor.at;
  if (p === e) return date + time;
  const zone = text.charCodeAt(p);
  if (zone === CHAR_Z || zone === CHAR_LOWER_Z) return p + 1 === e ? date + time : Number.NaN; // 'Z' or 'z'
  if (zone !== CHAR_PLUS && zone !== CHAR_MINUS) return Number.NaN;
  const offsetHours = twoDigitsAt(text, p + 1);
  if (offsetHours < 0 || offsetHours > 23) return Number.NaN;
  p += 3;
  let offsetMinutes = 0;
  if (p < e) {
    if (text.charCodeAt(p) === CHAR_COLON) p++;
    offsetMinutes = twoDigitsAt(text, p);
    if (offsetMinutes < 0 || offsetMinutes > 59 || p + 2 !== e) return Number.NaN;
  }
  const offset = (offsetHours * 60 + offsetMinutes) * MS_PER_MINUTE;
  // A local time at +hh:mm is that much later than UTC, so the offset is subtracted.
  return date + time + (zone === CHAR_PLUS ? -offset : offset);
}

/** `M[M]/D[D]/YYYY[ h[h]:mm[:ss[.fff]][ AM|PM]]` between `s` and `e`. */
function usToMs(text: string, s: number, e: number): number {
  let p = s;
  let month = digitAt(text, p++);
  if (month < 0) return Number.NaN;
  if (text.charCodeAt(p) !== CHAR_SLASH) {
    const d = digitAt(text, p++);
    if (d < 0) return Number.NaN;
    month = month * 10 + d;
  }
  if (text.charCodeAt(p++) !== CHAR_SLASH) return Number.NaN;
  let day = digitAt(text, p++);
  if (day < 0) return Number.NaN;
  if (text.charCodeAt(p) !== CHAR_SLASH) {
    const d = digitAt(text, p++);
    if (d < 0) return Number.NaN;
    day = day * 10 + d;
  }
  if (text.charCodeAt(p++) !== CHAR_SLASH) return Number.NaN;
  const yearHigh = twoDigitsAt(text, p);
  const yearLow = twoDigitsAt(text, p + 2);
  if (yearHigh < 0 || yearLow < 0) return Number.NaN;
  const date = dateToMs(yearHigh * 100 + yearLow, month, day);
  p += 4;
  if (p === e) return date;
  if (text.charCodeAt(p) !== CHAR_SPACE) return Number.NaN;
  while (text.charCodeAt(p) === CHAR_SPACE) p++;
  let time = timeToMs(text, p, e, cursor);
  p = cursor.at;
  if (p === e) return date + time;
  while (text.charCodeAt(p) === CHAR_SPACE) p++;
  const meridiem = text.charCodeAt(p) | 0x20; // 'a' or 'p', either case
  if ((meridiem !== 0x61 && meridiem !== 0x70) || (text.charCodeAt(p + 1) | 0x20) !== 0x6d) {
    return Number.NaN;
  }
  if (p + 2 !== e) return Number.NaN;
  const hour = Math.floor(time / 3_600_000);
  if (hour < 1 || hour > 12) return Number.NaN;
  // 12 AM is midnight and 12 PM is noon: the 12 wraps to 0 before adding the afternoon.
  if (hour === 12) time -= 12 * 3_600_000;
  if (meridiem === 0x70) time += 12 * 3_600_000;
  return date + time;
}

/**
 * Reads a date or date-time as milliseconds since 1970-01-01 of its wall-clock time, read as UTC.
 * A time without an offset is not shifted to any time zone (city exports give local times); a
 * trailing `Z` or `±hh:mm` is honoured. Accepted, with surrounding whitespace:
 * - ISO 8601: `2018-01-01`, `2018-01-01T13:45:00`, `2018-01-01 13:45:00`, `2018-01-01 13:45`,
 *   with optional fractional seconds (kept to the millisecond) and `Z`, `±hh`, `±hhmm` or `±hh:mm`;
 * - US portal exports: `MM/DD/YYYY`, `MM/DD/YYYY hh:mm[:ss] AM|PM` (12-hour) and
 *   `MM/DD/YYYY HH:mm[:ss]` (24-hour); one-digit months, days and hours are allowed.
 *
 * Impossible dates and times (2018-02-30, month 13, hour 25, 13:00 PM) give NaN. Parsing is
 * done on character codes without `Date.parse`, whose accepted formats vary by engine.
 *
 * @param text - the date as written in the file
 * @returns milliseconds since the epoch, or NaN when `text` is empty or not a valid date
 * @throws never
 * @example
 * ```ts
 * parseDate('2018-07-04 13:45:00'); // Date.UTC(2018, 6, 4, 13, 45)
 * parseDate('07/04/2018 01:45:00 PM'); // the same
 * parseDate('2018-07-04T13:45:00-05:00'); // Date.UTC(2018, 6, 4, 18, 45)
 * parseDate('2018-02-30'); // NaN
 * ```
 */
export function parseDate(text: string): number {
  let s = 0;
  let e = text.length;
  while (s < e && text.charCodeAt(s) <= CHAR_SPACE) s++;
  while (e > s && text.charCodeAt(e - 1) <= CHAR_SPACE) e--;
  if (e - s < 8) return Number.NaN;
  if (text.charCodeAt(s + 4) === CHAR_MINUS) return e - s < 10 ? Number.NaN : isoToMs(text, s, e);
  return usToMs(text, s, e);
}
