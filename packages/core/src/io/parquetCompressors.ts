import { gunzipSync } from 'fflate';
import { decompress as decompressZstd } from 'fzstd';
import type { Compressors } from 'hyparquet';

/**
 * The Parquet codecs hexreach reads beyond hyparquet's own (uncompressed and Snappy, in plain
 * JavaScript): gzip by fflate and ZSTD by fzstd, both plain JavaScript too. Not
 * hyparquet-compressors: its Snappy compiles WebAssembly as it loads, which the viewer's
 * Content-Security-Policy (`script-src 'self'`) forbids. Brotli and LZ4 are not read.
 *
 * @example
 * ```ts
 * await parquetRead({ file, compressors: PARQUET_COMPRESSORS, onComplete });
 * ```
 */
export const PARQUET_COMPRESSORS: Compressors = {
  GZIP: (input) => gunzipSync(input),
  ZSTD: (input, outputLength) => decompressZstd(input, new Uint8Array(outputLength)),
};
