import { describe, expect, it } from 'vitest';
import { evaluationWindow } from '../../src/evaluate/evaluationWindow.js';

const starts = Array.from({ length: 36 }, (_, t) => Date.UTC(2017, t, 1)); // Jan 2017 … Dec 2019
const end = Date.UTC(2020, 0, 1);

describe('evaluationWindow', () => {
  it('leaves the month the start falls in out of both periods', () => {
    const w = evaluationWindow(starts, end, Date.UTC(2018, 5, 15));
    expect(w).toMatchObject({ beforeFrom: 5, afterFrom: 18, months: 12, gap: 1 });
    expect(w.beforeDays).toBe(365); // June 2017 – May 2018
    expect(w.afterDays).toBe(365); // July 2018 – June 2019
  });

  it('starts the after period with the start`s month when it starts on the 1st', () => {
    const w = evaluationWindow(starts, end, Date.UTC(2019, 0, 1));
    expect(w).toMatchObject({ beforeFrom: 12, afterFrom: 24, months: 12, gap: 0 });
  });

  it('takes equal periods as long as the shorter side allows, and follows an end', () => {
    expect(evaluationWindow(starts, end, Date.UTC(2019, 8, 1)).months).toBe(4);
    const w = evaluationWindow(starts, end, Date.UTC(2018, 0, 1), { end: Date.UTC(2018, 3, 1) });
    expect(w).toMatchObject({ beforeFrom: 9, afterFrom: 12, months: 3 });
  });

  it('refuses a window the data do not hold, naming the date', () => {
    expect(() => evaluationWindow(starts, end, Date.UTC(2017, 0, 10))).toThrow(/2017-01-10/);
    expect(() => evaluationWindow(starts, end, Date.UTC(2019, 0, 1), { months: 13 })).toThrow(
      /13 month/,
    );
  });
});
