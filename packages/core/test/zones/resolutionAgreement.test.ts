import { describe, expect, it } from 'vitest';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { cellToChildren, cellToParent, gridDisk } from '../../src/hex/h3.js';
import { resolutionAgreement } from '../../src/zones/resolutionAgreement.js';
import { codeOf } from '../helpers/errors.js';
import { expectAllClose } from '../helpers/tolerance.js';

const CENTER = '882664c1a9fffff';

/** The mask of `grid` with 1 on the listed cells. */
function maskOf(cells: readonly string[], selected: readonly string[]): Uint8Array {
  const set = new Set(selected);
  return Uint8Array.from(cells, (c) => (set.has(c) ? 1 : 0));
}

describe('resolutionAgreement', () => {
  const base = gridFromCells(gridDisk(CENTER, 2));

  it('gives a base cell 1 when its parent is selected at the coarser resolution, else 0', () => {
    const coarse = gridFromCells(base.cells.map((c) => cellToParent(c, 7)));
    const chosen = cellToParent(CENTER, 7);
    const share = resolutionAgreement(base, coarse, maskOf(coarse.cells, [chosen]));
    const expected = base.cells.map((c) => (cellToParent(c, 7) === chosen ? 1 : 0));
    expectAllClose(share, expected, 0);
    expect(expected.filter((v) => v === 1).length).toBeGreaterThan(0);
    expect(expected.filter((v) => v === 0).length).toBeGreaterThan(0);
  });

  it('gives a base cell the share of its 7 children selected at the finer resolution', () => {
    const fine = gridFromCells(base.cells.flatMap((c) => cellToChildren(c, 9)));
    const whole = base.cells.find((c) => c !== CENTER)!;
    const selected = [...cellToChildren(CENTER, 9).slice(0, 3), ...cellToChildren(whole, 9)];
    const share = resolutionAgreement(base, fine, maskOf(fine.cells, selected));
    const expected = base.cells.map((c) => (c === CENTER ? 3 / 7 : c === whole ? 1 : 0));
    expectAllClose(share, expected, 1e-15);
  });

  it('counts only the children the finer grid has, and gives NaN where it has none or lacks the parent', () => {
    const [a, b] = cellToChildren(CENTER, 9);
    const fine = gridFromCells([a, b]);
    const share = resolutionAgreement(base, fine, maskOf(fine.cells, [a]));
    base.cells.forEach((c, i) => {
      if (c === CENTER) expect(share[i]).toBe(0.5);
      else expect(Number.isNaN(share[i])).toBe(true);
    });
    const coarse = gridFromCells([cellToParent(CENTER, 7)]);
    const up = resolutionAgreement(base, coarse, [1]);
    base.cells.forEach((c, i) => {
      if (cellToParent(c, 7) === coarse.cells[0]) expect(up[i]).toBe(1);
      else expect(Number.isNaN(up[i])).toBe(true);
    });
  });

  it('compares cell by cell at the same resolution', () => {
    const mask = maskOf(base.cells, [CENTER]);
    expectAllClose(resolutionAgreement(base, base, mask), Array.from(mask), 0);
  });

  it('goes down more than one resolution through all 49 grandchildren', () => {
    const finer = gridFromCells(cellToChildren(CENTER, 10));
    const selected = finer.cells.slice(0, 7);
    const share = resolutionAgreement(
      gridFromCells([CENTER]),
      finer,
      maskOf(finer.cells, selected),
    );
    expectAllClose(share, [7 / 49], 1e-15);
  });

  it('shares over 6 children below a pentagon', () => {
    const pentagon = '8009fffffffffff';
    const children = cellToChildren(pentagon, 1);
    expect(children.length).toBe(6);
    const fine = gridFromCells(children);
    const share = resolutionAgreement(
      gridFromCells([pentagon]),
      fine,
      maskOf(fine.cells, children.slice(0, 3)),
    );
    expectAllClose(share, [0.5], 1e-15);
  });

  it('rejects a selection that does not match the other grid', () => {
    expect(codeOf(() => resolutionAgreement(base, base, new Uint8Array(3)))).toBe('E_ARGUMENT');
  });
});
