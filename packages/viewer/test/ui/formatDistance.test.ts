import { describe, expect, it } from 'vitest';
import { formatDistance } from '../../src/ui/formatDistance.js';

describe('formatDistance', () => {
  it('writes whole metres below one kilometre', () => {
    expect(formatDistance(0)).toBe('0 m');
    expect(formatDistance(289.4)).toBe('289 m');
    expect(formatDistance(999.4)).toBe('999 m');
  });

  it('writes kilometres with one decimal from one kilometre', () => {
    expect(formatDistance(999.6)).toBe('1.0 km');
    expect(formatDistance(1196)).toBe('1.2 km');
    expect(formatDistance(12_540)).toBe('12.5 km');
  });

  it('writes a dash for a missing or negative distance', () => {
    expect(formatDistance(Number.NaN)).toBe('—');
    expect(formatDistance(-1)).toBe('—');
  });
});
