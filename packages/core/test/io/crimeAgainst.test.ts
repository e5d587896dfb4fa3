import { describe, expect, it } from 'vitest';
import { type CrimeAgainst, crimeAgainst } from '../../src/io/crimeAgainst.js';

describe('crimeAgainst', () => {
  it('classifies every City of Chicago primary type of 2018 but "other" and "non-criminal"', () => {
    const expected: Record<CrimeAgainst, string[]> = {
      persons: [
        'BATTERY',
        'ASSAULT',
        'OFFENSE INVOLVING CHILDREN',
        'CRIM SEXUAL ASSAULT',
        'SEX OFFENSE',
        'HOMICIDE',
        'STALKING',
        'KIDNAPPING',
        'INTIMIDATION',
        'HUMAN TRAFFICKING',
      ],
      property: [
        'THEFT',
        'CRIMINAL DAMAGE',
        'DECEPTIVE PRACTICE',
        'BURGLARY',
        'MOTOR VEHICLE THEFT',
        'ROBBERY',
        'ARSON',
      ],
      society: [
        'NARCOTICS',
        'CRIMINAL TRESPASS',
        'WEAPONS VIOLATION',
        'PUBLIC PEACE VIOLATION',
        'INTERFERENCE WITH PUBLIC OFFICER',
        'PROSTITUTION',
        'LIQUOR LAW VIOLATION',
        'GAMBLING',
        'CONCEALED CARRY LICENSE VIOLATION',
        'OBSCENITY',
        'PUBLIC INDECENCY',
      ],
    };
    for (const [against, names] of Object.entries(expected))
      for (const name of names) expect(crimeAgainst(name), name).toBe(against);
    for (const name of ['OTHER OFFENSE', 'NON-CRIMINAL', 'NON-CRIMINAL (SUBJECT SPECIFIED)'])
      expect(crimeAgainst(name), name).toBeUndefined();
  });

  it('reads NIBRS offence names and other portals’ categories whatever their case and punctuation', () => {
    expect(crimeAgainst('Burglary/Breaking & Entering')).toBe('property');
    expect(crimeAgainst('Destruction/Damage/Vandalism of Property')).toBe('property');
    expect(crimeAgainst('Theft From Coin-Operated Machine or Device')).toBe('property');
    expect(crimeAgainst('Murder & Nonnegligent Manslaughter')).toBe('persons');
    expect(crimeAgainst('Kidnapping/Abduction')).toBe('persons');
    expect(crimeAgainst('Drug/Narcotic Violations')).toBe('society');
    expect(crimeAgainst('Curfew/Loitering/Vagrancy Violations')).toBe('society');
    expect(crimeAgainst('Larceny Theft')).toBe('property');
    expect(crimeAgainst('Malicious Mischief')).toBe('property');
    expect(crimeAgainst('  drug offense ')).toBe('society');
    expect(crimeAgainst('Offences Against The Family And Children')).toBe('persons');
  });

  it('takes the configuration’s classes first, by the same matching', () => {
    const extra = new Map<string, CrimeAgainst>([
      ['Other Offense', 'society'],
      ['criminal-trespass', 'property'],
    ]);
    expect(crimeAgainst('OTHER OFFENSE', extra)).toBe('society');
    expect(crimeAgainst('CRIMINAL TRESPASS', extra)).toBe('property');
    expect(crimeAgainst('THEFT', extra)).toBe('property');
  });

  it('classifies no prototype name: the table is a Map', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty'])
      expect(crimeAgainst(name), name).toBeUndefined();
  });
});
