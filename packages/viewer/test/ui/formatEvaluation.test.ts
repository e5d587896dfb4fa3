import { describe, expect, it } from 'vitest';
import {
  engagementText,
  estimateText,
  formatChange,
  formatP,
  trustText,
  wdqText,
} from '../../src/ui/formatEvaluation.js';

const crime = {
  change: -0.3149,
  low: -0.47,
  high: -0.12,
  confidence: 0.9,
  p: 0.071,
  placebos: 999,
};
const trust = {
  change: 0.4263,
  low: 0.2431,
  high: 0.6094,
  before: 2.77,
  after: 3.2187,
  answersBefore: 126,
  answersAfter: 129,
  fewAnswers: false,
};

describe('formatEvaluation', () => {
  it('formatChange writes whole percentages with a true minus', () => {
    expect(formatChange(-0.3149)).toBe('−31 %');
    expect(formatChange(0.079)).toBe('+8 %');
    expect(formatChange(0.001)).toBe('0 %');
    expect(formatChange(Number.NaN)).toBe('—');
  });

  it('formatP writes three decimals, and < 0.001 below', () => {
    expect(formatP(0.0712)).toBe('0.071');
    expect(formatP(0.0002)).toBe('< 0.001');
    expect(formatP(Number.NaN)).toBe('—');
  });

  it('estimateText gives the change, its interval and the placebo p', () => {
    expect(estimateText(crime)).toBe(
      '−31 % (90 % CI −47 % to −12 %), p = 0.071 among 999 placebo zones',
    );
    expect(estimateText({ ...crime, change: Number.NaN })).toMatch(/^no estimate/);
  });

  it('wdqText gives the WDQ, its reading and the ring’s own change', () => {
    expect(
      wdqText({
        wdq: -0.4912,
        reading: 'some displacement into the surrounding ring',
        bufferChange: 0.12,
        bufferLow: -0.1,
        bufferHigh: 0.4,
      }),
    ).toBe('WDQ −0.49: some displacement into the surrounding ring (ring +12 %)');
    expect(
      wdqText({
        wdq: Number.NaN,
        reading: 'no reduction for the surrounding ring to absorb',
        bufferChange: Number.NaN,
        bufferLow: Number.NaN,
        bufferHigh: Number.NaN,
      }),
    ).toBe('WDQ —: no reduction for the surrounding ring to absorb');
  });

  it('trustText gives the change with its interval, or why it is not scored', () => {
    expect(trustText(trust, 0.9)).toBe(
      '+0.43 points (90 % CI +0.24 to +0.61); mean 2.77 → 3.22; answers: 126 before, 129 after',
    );
    expect(trustText({ ...trust, fewAnswers: true, answersBefore: 4 }, 0.9)).toBe(
      'too few answers to score (answers: 4 before, 129 after)',
    );
    expect(trustText(undefined, 0.9)).toBe('no survey answers');
  });

  it('engagementText describes the activities, or their absence', () => {
    const engagement = {
      events: 9,
      attendance: 246,
      attendancePer1000: 23.785,
      partners: ['A', 'B'],
      daysToFirstEvent: 74,
    };
    expect(engagementText(engagement)).toBe(
      '9 activities, 246 attending (23.8 per 1,000 residents), 2 partners; the first 74 days after the start',
    );
    expect(engagementText({ ...engagement, events: 0 })).toBe('no activity recorded');
    expect(engagementText(undefined)).toBe('no engagement log');
  });
});
