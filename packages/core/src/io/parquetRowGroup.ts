import { HexreachError } from '../errors.js';

/**
 * Runs one read of a Parquet file's rows, turning a decoding failure (a codec hexreach does not
 * read, a corrupt page) into an `E_INPUT` error naming the file and the row group.
 *
 * @param source - the file's name
 * @param rowGroup - the 0-based row group read, or undefined for the whole file
 * @param read - the read
 * @returns what the read returns
 * @throws HexreachError `E_INPUT` naming the file and row group, with hyparquet's reason
 * @example
 * ```ts
 * await parquetRowGroup('incidents.parquet', 0, () => parquetRead({ file, rowStart: 0, rowEnd: 1000 }));
 * ```
 */
export async function parquetRowGroup<T>(
  source: string,
  rowGroup: number | undefined,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof HexreachError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const where = rowGroup === undefined ? '' : ` row group ${rowGroup}:`;
    throw new HexreachError('E_INPUT', `${source}:${where} cannot be decoded (${reason})`, source);
  }
}
