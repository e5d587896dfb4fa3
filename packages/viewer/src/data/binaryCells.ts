import type { CellBinaryColumn, CellBinaryTable } from '@hexreach/core/export';
import { splitAntimeridian } from '@hexreach/core/export';
import { cellHalvesToRing } from '@hexreach/core/grid';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ParsedCells } from './parseCells.js';
import type { CellFeature, CellProperties } from './results.js';

/** A count a public export (`--public`) suppressed: `"<5"` for 1…4. */
const SUPPRESSED = /^<\d+$/;

/**
 * The cells of a `cells.bin` (read by core's `binaryToCellColumns`) as {@link parseCells} gives
 * those of `cells.geojson`: the same columns, texts and suppressed counts, and features whose
 * polygons are rebuilt from the H3 indexes (a cell across the antimeridian split in two, as
 * cells.geojson writes it; not rounded). A feature's properties are made on first use: the
 * viewer reads them for one cell at a time, and making them all costs a second on 50,000 cells
 * of 80 columns.
 *
 * @param table - the file, read
 * @returns what parseCells returns for the same run's cells.geojson
 * @example
 * ```ts
 * const { cells, columns } = binaryCells(binaryToCellColumns(bytes));
 * columns.score[0];
 * ```
 */
export function binaryCells(table: CellBinaryTable): ParsedCells {
  const numericColumns: string[] = [];
  const columns: Record<string, Float64Array> = Object.create(null);
  const textColumns: string[] = [];
  const texts: Record<string, (string | null)[]> = Object.create(null);
  const suppressedCounts: [string, number][] = [];
  for (const column of table.columns) {
    const kind = columnKind(column);
    if (kind.numeric && column.numbers !== undefined) {
      numericColumns.push(column.name);
      columns[column.name] = column.numbers;
      if (kind.suppressed > 0) suppressedCounts.push([column.name, kind.suppressed]);
    } else if (kind.text && column.labels !== undefined) {
      textColumns.push(column.name);
      texts[column.name] = [...column.labels];
    }
  }
  const features: CellFeature[] = table.cells.map((_, i) => new BinaryCellFeature(table, i));
  const cells: FeatureCollection<Polygon | MultiPolygon, CellProperties> = {
    type: 'FeatureCollection',
    features,
  };
  // As parseCells: a column named `__proto__` is an own property like any other.
  const suppressed = Object.fromEntries(suppressedCounts);
  return { cells, cellIds: table.cells, numericColumns, columns, textColumns, texts, suppressed };
}

/**
 * How parseCells would class the column: numeric (numbers and nulls, or numbers and suppressed
 * counts, which it counts), text (texts and nulls), or neither.
 */
function columnKind(column: CellBinaryColumn): {
  numeric: boolean;
  text: boolean;
  suppressed: number;
} {
  const numbers = column.numbers;
  let hasNumber = false;
  if (numbers !== undefined)
    for (let i = 0; i < numbers.length && !hasNumber; i++) hasNumber = !Number.isNaN(numbers[i]);
  const labels = column.labels;
  if (labels === undefined) return { numeric: hasNumber, text: false, suppressed: 0 };
  // The writer keeps labels only for columns with a text: texts and nulls are a text column.
  if (!hasNumber) return { numeric: false, text: true, suppressed: 0 };
  let labelled = 0;
  for (const label of labels) {
    if (label === null) continue;
    if (!SUPPRESSED.test(label)) return { numeric: false, text: false, suppressed: 0 };
    labelled++;
  }
  return { numeric: true, text: false, suppressed: labelled };
}

/**
 * A cell feature whose polygon is made now and whose properties on first use, then kept (and
 * updated in place by a re-score, as those of cells.geojson's features are).
 */
class BinaryCellFeature {
  readonly type = 'Feature';
  readonly geometry: Polygon | MultiPolygon;
  #properties: CellProperties | undefined;

  constructor(
    private readonly table: CellBinaryTable,
    private readonly index: number,
  ) {
    const ring = cellHalvesToRing(table.cellHalves[2 * index], table.cellHalves[2 * index + 1]);
    this.geometry = splitAntimeridian({ type: 'Polygon', coordinates: [ring] });
  }

  get properties(): CellProperties {
    this.#properties ??= cellProperties(this.table, this.index);
    return this.#properties;
  }

  set properties(properties: CellProperties) {
    this.#properties = properties;
  }

  /** As cells.geojson writes the feature (JSON.stringify would leave out a getter's value). */
  toJSON(): CellFeature {
    return { type: 'Feature', geometry: this.geometry, properties: this.properties };
  }
}

/** One cell's properties as cells.geojson holds them: `h3`, then each column's value or null. */
function cellProperties(table: CellBinaryTable, i: number): CellProperties {
  const properties: Record<string, unknown> = { h3: table.cells[i] };
  for (const column of table.columns) {
    const label = column.labels?.[i] ?? null;
    const number = column.numbers?.[i] ?? Number.NaN;
    properties[column.name] = label ?? (Number.isNaN(number) ? null : number);
  }
  return properties as CellProperties;
}
