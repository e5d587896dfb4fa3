import { describe, expect, it } from 'vitest';
import type { CellMesh } from '../../src/map/cellMesh.js';
import { cellRasterFrame } from '../../src/map/cellRasterFrame.js';

/** A mesh of square cells of side `side`, lower-left corners at `corners` (offsets from the origin). */
function squares(corners: [number, number][], side: number): CellMesh {
  const positions = new Float32Array(
    corners.flatMap(([x, y]) => [x, y, x + side, y, x + side, y + side, x, y + side]),
  );
  return {
    cellCount: corners.length,
    origin: [0.5, 0.5],
    positions,
    vertexCells: Uint32Array.from(corners.flatMap((_, c) => [c, c, c, c])),
    ringStarts: Uint32Array.from([...corners.keys(), corners.length], (r) => r * 4),
    triangles: Uint32Array.from(
      corners.flatMap((_, c) => [0, 1, 2, 0, 2, 3].map((v) => c * 4 + v)),
    ),
  };
}

describe('cellRasterFrame', () => {
  it('covers the bounds in square texels, an eighth of an edge when the size allows', () => {
    // Two cells of side 0.5 side by side: bounds 1 × 0.5, texel 0.5 / 8.
    const frame = cellRasterFrame(
      squares(
        [
          [0, 0],
          [0.5, 0],
        ],
        0.5,
      ),
      4096,
    )!;
    expect(frame.min).toEqual([0, 0]);
    expect(frame.texel).toBeCloseTo(0.0625, 12);
    expect([frame.columns, frame.rows]).toEqual([16, 8]);
    expect(frame.extent[0]).toBeCloseTo(1, 12);
    expect(frame.extent[1]).toBeCloseTo(0.5, 12);
  });

  it('keeps the longer side within maxSize texels, coarser than an eighth of an edge', () => {
    // Cells of side 1 spread over 100 × 10: at most 64 texels across, so a texel is 100 / 64.
    const frame = cellRasterFrame(
      squares(
        [
          [-50, 0],
          [49, 9],
        ],
        1,
      ),
      64,
    )!;
    expect(frame.min).toEqual([-50, 0]);
    expect(frame.texel).toBeCloseTo(100 / 64, 12);
    expect([frame.columns, frame.rows]).toEqual([64, 7]);
    expect(frame.extent[0]).toBeGreaterThanOrEqual(100 - 1e-9);
    expect(frame.extent[1]).toBeGreaterThanOrEqual(10);
  });

  it('is undefined for a mesh without cells', () => {
    expect(cellRasterFrame(squares([], 1), 4096)).toBeUndefined();
  });
});
