import { describe, expect, it } from 'vitest';
import { PARTNER_CLASS_LABELS, partnerClasses } from '../../src/priority/partnerClasses.js';
import { codeOf } from '../helpers/errors.js';

describe('partnerClasses', () => {
  it('marks high-need cells without a partner as gap and with partners as leverage', () => {
    const code = partnerClasses([0.95, 0.85, 0.8, 0.3, 0.79], Uint32Array.from([0, 4, 1, 0, 2]));
    expect([...code]).toEqual([1, 2, 2, 0, 0]);
    expect(PARTNER_CLASS_LABELS[code[0]]).toBe('gap');
    expect(PARTNER_CLASS_LABELS[code[1]]).toBe('leverage');
    expect(PARTNER_CLASS_LABELS[code[3]]).toBe('none');
  });

  it('leaves cells of unknown need as none, with or without partners', () => {
    const code = partnerClasses([Number.NaN, Number.NaN], Uint32Array.from([0, 3]));
    expect([...code]).toEqual([0, 0]);
  });

  it('uses needAt as the high-need cut, inclusive', () => {
    const code = partnerClasses([0.5, 0.49], Uint32Array.from([0, 0]), { needAt: 0.5 });
    expect([...code]).toEqual([1, 0]);
  });

  it('rejects mismatched lengths and needAt outside [0, 1] with E_ARGUMENT', () => {
    expect(codeOf(() => partnerClasses([0.5], Uint32Array.from([0, 1])))).toBe('E_ARGUMENT');
    expect(codeOf(() => partnerClasses([0.5], Uint32Array.from([0]), { needAt: -0.1 }))).toBe(
      'E_ARGUMENT',
    );
  });
});
