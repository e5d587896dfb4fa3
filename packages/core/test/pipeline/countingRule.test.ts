import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parseConfig.js';
import { countingNote, countingRule } from '../../src/pipeline/countingRule.js';

const CATEGORIES = [
  'THEFT',
  'NARCOTICS',
  'BATTERY',
  'WEAPONS VIOLATION',
  'OTHER OFFENSE',
  '__proto__',
];

describe('countingRule: what the weighted count counts', () => {
  it('counts crimes against persons and property by default; society weighs 0 and is listed', () => {
    const rule = countingRule(parseConfig({}, 'test'), CATEGORIES);
    expect(rule.mode).toBe('harm');
    expect(rule.weights).toEqual({
      THEFT: 1,
      NARCOTICS: 0,
      BATTERY: 1,
      'WEAPONS VIOLATION': 0,
      'OTHER OFFENSE': 1,
      ['__proto__']: 1,
    });
    expect(Object.hasOwn(rule.weights, '__proto__')).toBe(true);
    expect(rule.society).toEqual(['NARCOTICS', 'WEAPONS VIOLATION']);
    expect(rule.unclassified).toEqual(['OTHER OFFENSE', '__proto__']);
  });

  it('lets a configured weight win over the class, and a configured class over the table', () => {
    const config = parseConfig(
      {
        incidents: {
          categoryWeights: { NARCOTICS: 2, BATTERY: 3 },
          classes: { 'OTHER OFFENSE': 'society' },
        },
      },
      'test',
    );
    const rule = countingRule(config, CATEGORIES);
    expect(rule.weights.NARCOTICS).toBe(2);
    expect(rule.weights.BATTERY).toBe(3);
    expect(rule.weights['OTHER OFFENSE']).toBe(0);
    expect(rule.society).toEqual(['WEAPONS VIOLATION', 'OTHER OFFENSE']);
    expect(rule.unclassified).toEqual(['__proto__']);
  });

  it('counts every category with "all", and says nothing', () => {
    const rule = countingRule(parseConfig({ incidents: { count: 'all' } }, 'test'), CATEGORIES);
    expect(Object.values(rule.weights).every((w) => w === 1)).toBe(true);
    expect(rule.society).toEqual([]);
    expect(countingNote(rule)).toBeUndefined();
  });

  it('says in one sentence what was counted, what was shown apart and what it could not classify', () => {
    const note = countingNote(countingRule(parseConfig({}, 'test'), CATEGORIES));
    expect(note).toBe(
      'What is counted (incidents.count: "harm"): crimes against persons and property (NIBRS); crimes against society (NARCOTICS, WEAPONS VIOLATION) record where police looked more than where residents were harmed, so they weigh 0 and are shown apart (society_incidents); OTHER OFFENSE, __proto__ could not be classified and are counted (name their classes in incidents.classes).',
    );
  });
});
