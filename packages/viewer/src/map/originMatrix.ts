/**
 * The map's projection matrix with a translation to `origin` folded in, for positions given as
 * float32 offsets from it (see `cellMesh`): the product is taken in float64 and only then
 * stored as float32, so positions keep sub-millimetre detail at any zoom.
 *
 * @param matrix - MapLibre's matrix for Web Mercator 0…1 (`defaultProjectionData.mainMatrix`)
 * @param origin - the Web Mercator point the positions are relative to
 * @param out - receives the 16 entries, column-major
 * @returns `out`
 * @example
 * ```ts
 * gl.uniformMatrix4fv(location, false, originMatrix(input.defaultProjectionData.mainMatrix, mesh.origin, matrix));
 * ```
 */
export function originMatrix(
  matrix: ArrayLike<number>,
  origin: readonly [number, number],
  out: Float32Array,
): Float32Array {
  const [x, y] = origin;
  for (let i = 0; i < 12; i++) out[i] = matrix[i];
  for (let row = 0; row < 4; row++)
    out[12 + row] = matrix[row] * x + matrix[4 + row] * y + matrix[12 + row];
  return out;
}
