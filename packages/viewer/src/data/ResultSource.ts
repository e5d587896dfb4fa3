import type { ResultFileName } from './results.js';

/**
 * Where results come from: files the user picked or dropped, or a folder URL on the viewer's
 * own origin. The loader asks only for the files it knows by name, so a source never lists or
 * reads anything else.
 */
export interface ResultSource {
  /** What the user sees as the origin of the results ("results/", "3 files"). */
  readonly description: string;
  /**
   * The text of one results file, or undefined when the source does not have it.
   *
   * @throws HexreachError `E_INPUT` when the file exists but cannot be read
   */
  readText(name: ResultFileName): Promise<string | undefined>;
  /**
   * The bytes of one results file (`cells.bin`), or undefined when the source does not have it.
   *
   * @throws HexreachError `E_INPUT` when the file exists but cannot be read
   */
  readBytes(name: ResultFileName): Promise<Uint8Array | undefined>;
}
