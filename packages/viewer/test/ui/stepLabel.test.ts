import { describe, expect, it } from 'vitest';
import { stepLabel } from '../../src/ui/stepLabel.js';

describe('stepLabel', () => {
  it('names a month with its days, February of a leap year included', () => {
    expect(stepLabel('month', '2018-01-01')).toBe('Jan 2018 (1–31)');
    expect(stepLabel('month', '2018-02-01')).toBe('Feb 2018 (1–28)');
    expect(stepLabel('month', '2024-02-01')).toBe('Feb 2024 (1–29)');
  });

  it('names a quarter with its first and last days', () => {
    expect(stepLabel('quarter', '2018-07-01')).toBe('Q3 2018 (1 Jul–30 Sep)');
  });

  it('gives a week Monday to Sunday, across a month or a year', () => {
    expect(stepLabel('week', '2018-08-06')).toBe('6–12 Aug 2018');
    expect(stepLabel('week', '2018-07-30')).toBe('30 Jul–5 Aug 2018');
    expect(stepLabel('week', '2018-12-31')).toBe('31 Dec 2018–6 Jan 2019');
  });

  it('says which days a partial step kept per day covers: the last ones of the first step', () => {
    // Chicago 2018 ends on 8 August; a series that starts on 10 January.
    expect(stepLabel('month', '2018-08-01', { days: 8, first: false })).toBe(
      'Aug 2018 (1–8 of 31 days)',
    );
    expect(stepLabel('month', '2018-01-01', { days: 22, first: true })).toBe(
      'Jan 2018 (10–31 of 31 days)',
    );
    expect(stepLabel('quarter', '2018-07-01', { days: 39, first: false })).toBe(
      'Q3 2018 (1 Jul–8 Aug of 92 days)',
    );
    // A whole step is named as usual.
    expect(stepLabel('month', '2018-07-01', { days: 31, first: false })).toBe('Jul 2018 (1–31)');
  });

  it('falls back to the start as given for a step it does not know', () => {
    expect(stepLabel('day', '2018-08-06')).toBe('2018-08-06');
    expect(stepLabel('month', 'soon')).toBe('soon');
  });
});
