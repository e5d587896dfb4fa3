import { describe, expect, it } from 'vitest';
import {
  hashToReferenceVisibility,
  referencesToHashParam,
  withReferenceHashParam,
} from '../../src/state/referenceHash.js';

describe('referencesToHashParam and hashToReferenceVisibility', () => {
  it('keep each reference layer by name with whether it is shown, round trip', () => {
    const layers = [
      { name: 'wards', visible: true },
      { name: 'beats 2024: north, south', visible: false },
    ];
    const param = referencesToHashParam(layers);
    expect(param).toBe('ref=wards:1,beats%202024%3A%20north%2C%20south:0');
    const shown = hashToReferenceVisibility(`#active=score&${param}`);
    expect([...shown]).toEqual([
      ['wards', true],
      ['beats 2024: north, south', false],
    ]);
  });

  it('write nothing without layers and read nothing from a malformed part', () => {
    expect(referencesToHashParam([])).toBe('');
    expect([...hashToReferenceVisibility('#ref=wards:2,:1,%E0%A4%A:1,parks')]).toEqual([]);
  });
});

describe('withReferenceHashParam', () => {
  it('replaces, adds or removes the reference part and keeps the rest in order', () => {
    expect(withReferenceHashParam('#active=score&ref=wards:1&step=3', 'ref=wards:0')).toBe(
      '#active=score&step=3&ref=wards:0',
    );
    expect(withReferenceHashParam('', 'ref=wards:1')).toBe('#ref=wards:1');
    expect(withReferenceHashParam('#ref=wards:1', '')).toBe('');
  });
});
