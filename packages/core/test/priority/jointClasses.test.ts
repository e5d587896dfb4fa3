import { describe, expect, it } from 'vitest';
import { JOINT_CLASS_LABELS, jointClasses } from '../../src/priority/jointClasses.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';

describe('jointClasses', () => {
  it('crosses "hot spot at 95 % or more" with "need at the 90th percentile or more" by default', () => {
    const giBin = Int8Array.from([3, 2, 1, 0, 3, 2, 1, 0]);
    const need = [0.95, 0.9, 0.99, 0.97, 0.5, 0.89, 0.1, 0];
    const joint = jointClasses(giBin, need);
    expect([...joint.code]).toEqual([3, 3, 2, 2, 1, 1, 0, 0]);
    expect(joint.labels[joint.code[0]]).toBe('hotspot and high need');
    expect(joint.labels[joint.code[2]]).toBe('high need without hotspot');
    expect(joint.labels[joint.code[4]]).toBe('hotspot without high need');
    expect(joint.labels[joint.code[6]]).toBe('neither');
  });

  it('never counts a cold spot as a hotspot', () => {
    const joint = jointClasses(Int8Array.from([-3, -2, -1]), [0.95, 0.2, 0.99]);
    expect([...joint.code]).toEqual([2, 0, 2]);
  });

  it('gives need unknown (code 4) to every cell without a need index, hot spot or not', () => {
    const joint = jointClasses(Int8Array.from([3, 0, -3, 2]), [
      Number.NaN,
      Number.NaN,
      Number.NaN,
      1,
    ]);
    expect([...joint.code]).toEqual([4, 4, 4, 3]);
    expect(joint.labels[4]).toBe('need unknown');
  });

  it('moves the cuts with hotspotBin and needAt', () => {
    const giBin = Int8Array.from([1, 2, 3, 3]);
    const need = [0.8, 0.8, 0.7, 0.79];
    expect([...jointClasses(giBin, need, { hotspotBin: 1, needAt: 0.8 }).code]).toEqual([
      3, 3, 1, 1,
    ]);
    expect([...jointClasses(giBin, need, { hotspotBin: 3, needAt: 0.7 }).code]).toEqual([
      2, 2, 3, 3,
    ]);
  });

  it('agrees with the class definition on random cells', () => {
    const random = mulberry32(11);
    const n = 500;
    const giBin = Int8Array.from({ length: n }, () => Math.floor(random() * 7) - 3);
    const need = Float64Array.from({ length: n }, () => (random() < 0.1 ? Number.NaN : random()));
    const { code, labels } = jointClasses(giBin, need);
    for (let i = 0; i < n; i++) {
      const hot = giBin[i] >= 2;
      const high = need[i] >= 0.9;
      const expected = Number.isNaN(need[i])
        ? 'need unknown'
        : hot && high
          ? 'hotspot and high need'
          : hot
            ? 'hotspot without high need'
            : high
              ? 'high need without hotspot'
              : 'neither';
      expect(labels[code[i]]).toBe(expected);
    }
  });

  it('returns the shared label list, one label per code 0–4', () => {
    const joint = jointClasses(Int8Array.from([0]), [0]);
    expect(joint.labels).toBe(JOINT_CLASS_LABELS);
    expect(joint.labels).toHaveLength(5);
  });

  it('rejects mismatched lengths and out-of-range options with E_ARGUMENT', () => {
    expect(codeOf(() => jointClasses(Int8Array.from([0, 1]), [0.5]))).toBe('E_ARGUMENT');
    expect(codeOf(() => jointClasses(Int8Array.from([0]), [0.5], { hotspotBin: 0 }))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => jointClasses(Int8Array.from([0]), [0.5], { hotspotBin: 2.5 }))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => jointClasses(Int8Array.from([0]), [0.5], { needAt: 1.2 }))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => jointClasses(Int8Array.from([0]), [0.5], { needAt: Number.NaN }))).toBe(
      'E_ARGUMENT',
    );
  });
});
