import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parseConfig.js';
import type { HexreachError } from '../../src/errors.js';
import { thrownBy } from '../helpers/errors.js';

function configError(data: unknown): HexreachError {
  return thrownBy(() => parseConfig(data, 'hexreach.config.json'));
}

describe('parseConfig', () => {
  it("names each scheme's reference pseudo p unless one is given, so summary.json says which", () => {
    const spdep = parseConfig({ hotspots: { scheme: 'spdep' } }, 'x.json');
    expect([spdep.hotspots.pValue, spdep.lisa.pValue]).toEqual(['spdep', 'spdep']);
    const conditional = parseConfig({ lisa: { pValue: 'two-sided' } }, 'x.json');
    expect([conditional.hotspots.pValue, conditional.lisa.pValue]).toEqual(['esda', 'two-sided']);
  });

  it('fills every default into an empty configuration', () => {
    const config = parseConfig({}, 'x.json');
    expect(config.resolution).toBe(8);
    expect(config.hotspots).toEqual({
      k: 1,
      scale: 'fixed',
      maxK: 6,
      fdr: true,
      mask: 'all',
      permutations: 999,
      scheme: 'lookup-table',
      pValue: 'esda',
    });
    expect(config.statistics).toEqual(['gistar']);
    expect(config.privacy).toEqual({ public: false, minCount: 5, epsilon: 1 });
    expect(config.rates).toEqual({ per: 1000, minPopulation: 100, smoothing: 'none' });
    expect(config.priority.weights).toEqual({
      hotspot: 0.4,
      crimeRate: 0.3,
      need: 0.3,
      trustDeficit: 0.15,
      partnerGap: 0.1,
    });
    expect(config.robustness).toEqual({
      draws: 200,
      concentration: 20,
      resolutions: true,
      robustAt: 0.8,
      moderateAt: 0.5,
    });
    expect(config.priority.normalization).toBe('percentile');
    expect(config.zones.minCells).toBe(1);
    expect(config.output).toEqual({ dir: 'out', precision: 6 });
    expect(config.strict).toBe(false);
    expect(config.indicators).toEqual([]);
  });

  it('keeps what the user gave, including a valid 0 weight', () => {
    const config = parseConfig(
      { priority: { weights: { crimeRate: 0 } }, resolution: 10 },
      'x.json',
    );
    expect(config.priority.weights.crimeRate).toBe(0);
    expect(config.resolution).toBe(10);
  });

  it('names the path of a wrong value and what was expected', () => {
    const error = configError({
      indicators: [
        { name: 'a', direction: 'higher' },
        { name: 'b', direction: 'lower' },
        { name: 'c', direction: 'up' },
      ],
    });
    expect(error.code).toBe('E_CONFIG');
    expect(error.message).toContain('hexreach.config.json');
    expect(error.message).toContain('indicators[2].direction');
    expect(error.message).toContain('"higher"|"lower"');
    expect(error.message).toContain('"up"');
  });

  it('rejects a resolution outside 6–11 and a misspelt key', () => {
    const error = configError({ resolution: 12, resolutoin: 9 });
    expect(error.message).toContain('resolution:');
    expect(error.message).toContain('Unrecognized key: "resolutoin"');
  });

  it('reports the received type of a wrong-typed value', () => {
    expect(configError({ hotspots: { k: '2' } }).message).toContain(
      'hotspots.k: expected number, received string',
    );
  });

  it('takes named places as a file and its name property, and refuses a misspelt key there', () => {
    expect(parseConfig({ places: { path: 'wards.geojson', name: 'ward' } }, 'x').places).toEqual({
      path: 'wards.geojson',
      name: 'ward',
    });
    expect(parseConfig({}, 'x').places).toBeUndefined();
    expect(configError({ places: { file: 'wards.geojson' } }).message).toContain('places');
  });

  it('ignores keys starting with // at any depth', () => {
    const config = parseConfig({ '//': 'note', hotspots: { '//k': 'ring size', k: 2 } }, 'x.json');
    expect(config.hotspots.k).toBe(2);
  });

  it('refuses both a threshold and a top N for zones', () => {
    expect(configError({ zones: { threshold: 0.5, topN: 10 } }).message).toContain(
      'one of threshold, topN or budget',
    );
  });

  it('refuses a date window bound that is not a date', () => {
    expect(configError({ incidents: { from: 'last spring' } }).message).toContain('incidents.from');
  });

  it('needs both periods for the change statistic, each in order', () => {
    expect(configError({ statistics: ['gistar', 'change'] }).message).toContain(
      'change.before and change.after',
    );
    const backwards = {
      before: { from: '2024-01-01', to: '2023-01-01' },
      after: { from: '2024-01-01', to: '2025-01-01' },
    };
    expect(configError({ statistics: ['change'], change: backwards }).message).toContain(
      'change.before',
    );
  });

  it('refuses a statistic listed twice and an automatic scale with a distance band', () => {
    expect(configError({ statistics: ['kde', 'kde'] }).message).toContain('listed twice');
    expect(configError({ hotspots: { scale: 'auto', distanceMeters: 500 } }).message).toContain(
      'hotspots.scale',
    );
  });

  it('refuses an indicator listed twice', () => {
    const error = configError({
      indicators: [
        { name: 'a', direction: 'higher' },
        { name: 'a', direction: 'lower' },
      ],
    });
    expect(error.message).toContain('indicators[1].name');
  });
});
