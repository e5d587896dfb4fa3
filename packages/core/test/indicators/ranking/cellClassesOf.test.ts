import { describe, expect, it } from 'vitest';
import { cellClassesOf } from '../../../src/indicators/ranking/cellClassesOf.js';

describe('cellClassesOf', () => {
  it('splits each group into the cells the mask includes and those it leaves out', () => {
    const classes = cellClassesOf(Uint32Array.of(0, 1, 0, 0), 2, [1, 1, 1, 0]);
    expect(Array.from(classes.classOf)).toEqual([0, 1, 0, 2]);
    expect(Array.from(classes.representative)).toEqual([0, 1, 3]);
    expect(Array.from(classes.size)).toEqual([2, 1, 1]);
    expect(Array.from(classes.included)).toEqual([1, 1, 0]);
    expect(classes.count).toBe(3);
  });

  it('keeps the groups as they are without a mask, groups without cells making no class', () => {
    const classes = cellClassesOf(Uint32Array.of(3, 3, 1, 3), 5);
    expect(Array.from(classes.classOf)).toEqual([0, 0, 1, 0]);
    expect(Array.from(classes.size)).toEqual([3, 1]);
    expect(Array.from(classes.included)).toEqual([1, 1]);
  });

  it('includes a cell for any mask entry but 0, NaN too', () => {
    const classes = cellClassesOf(Uint32Array.of(0, 0, 0), 1, [2, Number.NaN, 0]);
    expect(Array.from(classes.classOf)).toEqual([0, 0, 1]);
  });
});
