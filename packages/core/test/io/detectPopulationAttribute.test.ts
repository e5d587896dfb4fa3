import { describe, expect, it } from 'vitest';
import { detectPopulationAttribute } from '../../src/io/detectPopulationAttribute.js';

describe('detectPopulationAttribute', () => {
  it('finds the usual population names, case-insensitively, as spelled in the file', () => {
    expect(detectPopulationAttribute({ GEOID: 1, Population: 2 })).toBe('Population');
    expect(detectPopulationAttribute({ pop: 2 })).toBe('pop');
    expect(detectPopulationAttribute({ TOT_POP: 2 })).toBe('TOT_POP');
    expect(detectPopulationAttribute({ total_pop: 2 })).toBe('total_pop');
    expect(detectPopulationAttribute({ 'Total Population': 2 })).toBe('Total Population');
    expect(detectPopulationAttribute({ B01003_001E: 2 })).toBe('B01003_001E');
  });

  it('finds year-stamped names such as Pop2014, taking the latest year', () => {
    expect(detectPopulationAttribute({ geoid10: 1, Pop2014: 2, PDENS14: 3 })).toBe('Pop2014');
    expect(detectPopulationAttribute({ POP2010: 1, POP2020: 2, pop_2015: 3 })).toBe('POP2020');
    expect(detectPopulationAttribute({ '2000_POP': 1, '2010_POP': 2 })).toBe('2010_POP');
  });

  it('prefers a plain total over year-stamped columns (community areas: TOT_POP)', () => {
    expect(detectPopulationAttribute({ '2000_POP': 1, '2010_POP': 2, TOT_POP: 3 })).toBe('TOT_POP');
  });

  it('finds nothing in names that only contain "pop" as part of a word', () => {
    expect(detectPopulationAttribute({ popular: 1, PDENS14: 2, pop_density: 3 })).toBeUndefined();
    expect(detectPopulationAttribute({})).toBeUndefined();
  });
});
