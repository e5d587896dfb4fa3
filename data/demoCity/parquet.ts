/**
 * The demo city's incidents as Parquet (hyparquet-writer), column for column the rows of
 * incidents.csv: coordinates as doubles (a text that is not a number, such as "N/A", cannot be a
 * double and is written null), the date and category as the CSV's text.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';

/** Rows per row group: small enough that the demo's 50,000 rows make several groups. */
const ROW_GROUP_SIZE = 10_000;

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * incidents.csv's text as a Parquet file of the same rows and columns.
 *
 * @example
 * ```ts
 * const parquet = incidentsCsvToParquet(files['incidents.csv']);
 * ```
 */
export function incidentsCsvToParquet(csv: string): Uint8Array {
  const lines = csv.split('\n').filter((line) => line !== '');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((line) => line.split(','));
  const column = (name: string) => rows.map((row) => row[header.indexOf(name)]);
  const number = (text: string) => (NUMBER.test(text) ? Number(text) : null);
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: column('id').map(Number), type: 'INT32' },
      { name: 'date', data: column('date'), type: 'STRING' },
      { name: 'category', data: column('category'), type: 'STRING' },
      { name: 'latitude', data: column('latitude').map(number), type: 'DOUBLE' },
      { name: 'longitude', data: column('longitude').map(number), type: 'DOUBLE' },
    ],
    rowGroupSize: ROW_GROUP_SIZE,
    createdBy: 'hexreach data/makeDemoCity.ts',
  });
  return new Uint8Array(buffer);
}
