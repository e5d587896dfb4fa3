import type { Random } from './random.js';

/** An incident row as written, before any is broken. */
export interface IncidentRow {
  readonly date: string;
  readonly category: string;
  readonly lat: string;
  readonly lng: string;
}

/** A broken row of incidents.csv, as the facts and the README list it. */
export interface BadRowFact {
  /** 1-based data row, equal to the row's id. */
  readonly row: number;
  readonly problem: string;
  readonly reason: string;
}

interface BadRow {
  readonly problem: string;
  readonly reason: string;
  readonly make: (row: IncidentRow) => string[];
}

/** Rows a careful reader must reject; each names the reason code hexreach reports for it. */
const BAD_ROWS: readonly BadRow[] = [
  {
    problem: 'latitude and longitude empty',
    reason: 'missing-coordinates',
    make: (r) => [r.date, r.category, '', ''],
  },
  {
    problem: 'latitude and longitude empty',
    reason: 'missing-coordinates',
    make: (r) => [r.date, r.category, '', ''],
  },
  {
    problem: 'longitude empty',
    reason: 'missing-coordinates',
    make: (r) => [r.date, r.category, r.lat, ''],
  },
  {
    problem: 'latitude and longitude swapped',
    reason: 'swapped-coordinates',
    make: (r) => [r.date, r.category, r.lng, r.lat],
  },
  {
    problem: 'latitude and longitude swapped',
    reason: 'swapped-coordinates',
    make: (r) => [r.date, r.category, r.lng, r.lat],
  },
  {
    problem: 'latitude is "N/A"',
    reason: 'invalid-coordinates',
    make: (r) => [r.date, r.category, 'N/A', r.lng],
  },
  {
    problem: 'latitude off by a misplaced digit (beyond 90°)',
    reason: 'out-of-range-coordinates',
    make: (r) => [r.date, r.category, `4${r.lat}`, r.lng],
  },
  {
    problem: 'coordinates 0, 0 (the placeholder of a failed geocode)',
    reason: 'invalid-coordinates',
    make: (r) => [r.date, r.category, '0.000000', '0.000000'],
  },
  {
    problem: 'date "unknown"',
    reason: 'invalid-date',
    make: (r) => ['unknown', r.category, r.lat, r.lng],
  },
  {
    problem: 'date written day-first (month 31)',
    reason: 'invalid-date',
    make: (r) => [`31/${r.date.slice(0, 2)}/${r.date.slice(6)}`, r.category, r.lat, r.lng],
  },
  {
    problem: 'impossible date (30 February)',
    reason: 'invalid-date',
    make: (r) => [`02/30/2024 ${r.date.slice(11)}`, r.category, r.lat, r.lng],
  },
];

/**
 * The data rows of incidents.csv, ids first: each bad row follows a good row drawn in its own
 * stretch of the file (one draw per bad row).
 */
export function withBadRows(
  goodRows: readonly IncidentRow[],
  random: Random,
): { rows: string[][]; badRows: BadRowFact[] } {
  const badAfter = new Map<number, BadRow>();
  const spacing = Math.floor(goodRows.length / BAD_ROWS.length);
  BAD_ROWS.forEach((bad, k) => {
    badAfter.set(k * spacing + 50 + Math.floor(random() * (spacing - 100)), bad);
  });
  const rows: string[][] = [];
  const badRows: BadRowFact[] = [];
  goodRows.forEach((row, i) => {
    rows.push([String(rows.length + 1), row.date, row.category, row.lat, row.lng]);
    const bad = badAfter.get(i);
    if (bad !== undefined) {
      badRows.push({ row: rows.length + 1, problem: bad.problem, reason: bad.reason });
      rows.push([String(rows.length + 1), ...bad.make(row)]);
    }
  });
  return { rows, badRows };
}
