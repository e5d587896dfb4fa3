import { describe, expect, it } from 'vitest';
import {
  readDisplacement,
  weightedDisplacementQuotient,
} from '../../src/evaluate/weightedDisplacementQuotient.js';

// WDQ = (Da/Ca − Db/Cb) / (Ra/Ca − Rb/Cb); TNE = [Rb·Ca/Cb − Ra] + [Db·Ca/Cb − Da]
// (Bowers & Johnson 2003; Guerette 2009, POP Tool Guide 10, appendix B).
describe('weightedDisplacementQuotient', () => {
  it('works the example of the README by hand: half the prevented burglaries move next door', () => {
    // Response area 120 → 80, buffer 90 → 110, control 600 → 540 (the city fell 10 %).
    const q = weightedDisplacementQuotient({
      responseBefore: 120,
      responseAfter: 80,
      bufferBefore: 90,
      bufferAfter: 110,
      controlBefore: 600,
      controlAfter: 540,
    });
    // Success measure 80/540 − 120/600 = 0.148148… − 0.2 = −0.0518519
    expect(q.successMeasure).toBeCloseTo(80 / 540 - 0.2, 12);
    // Buffer displacement measure 110/540 − 90/600 = 0.203704 − 0.15 = 0.0537037
    expect(q.bufferDisplacementMeasure).toBeCloseTo(110 / 540 - 0.15, 12);
    // WDQ = 0.0537037 / −0.0518519 = −1.0357: the displacement outweighs the benefit.
    expect(q.wdq).toBeCloseTo(-1.0357142857, 9);
    expect(q.reading).toBe('displacement larger than the benefit');
    // TNE = [120·0.9 − 80] + [90·0.9 − 110] = 28 − 29 = −1 incident.
    expect(q.totalNetEffect).toBeCloseTo(-1, 12);
  });

  it('reads a buffer that fell with the response area as a diffusion of benefits', () => {
    const q = weightedDisplacementQuotient({
      responseBefore: 100,
      responseAfter: 60,
      bufferBefore: 100,
      bufferAfter: 80,
      controlBefore: 500,
      controlAfter: 500,
    });
    expect(q.wdq).toBeCloseTo(0.5, 12);
    expect(q.reading).toBe('diffusion of benefits');
    expect(q.totalNetEffect).toBeCloseTo(60, 12);
  });

  it('has nothing to read when the response area did not fall against the control', () => {
    const q = weightedDisplacementQuotient({
      responseBefore: 50,
      responseAfter: 60,
      bufferBefore: 40,
      bufferAfter: 30,
      controlBefore: 100,
      controlAfter: 100,
    });
    expect(q.reading).toBe('no reduction to displace');
    const flat = weightedDisplacementQuotient({
      responseBefore: 50,
      responseAfter: 50,
      bufferBefore: 40,
      bufferAfter: 30,
      controlBefore: 100,
      controlAfter: 100,
    });
    expect(flat.wdq).toBeNaN();
  });

  it('calls a change in the buffer that is not significant no measurable displacement', () => {
    const q = weightedDisplacementQuotient({
      responseBefore: 100,
      responseAfter: 70,
      bufferBefore: 80,
      bufferAfter: 82,
      controlBefore: 400,
      controlAfter: 400,
    });
    expect(q.reading).toBe('displacement');
    expect(readDisplacement(q, false)).toBe('no measurable displacement');
    expect(readDisplacement(q, true)).toBe('displacement');
  });

  it('refuses a zero control count and negative counts', () => {
    const counts = {
      responseBefore: 1,
      responseAfter: 1,
      bufferBefore: 1,
      bufferAfter: 1,
      controlBefore: 0,
      controlAfter: 1,
    };
    expect(() => weightedDisplacementQuotient(counts)).toThrow(/control counts/);
    expect(() =>
      weightedDisplacementQuotient({ ...counts, controlBefore: 1, bufferAfter: -1 }),
    ).toThrow(/bufferAfter/);
  });
});
