import { describe, expect, it } from 'vitest';
import { availableLayers, otherColumns } from '../../src/map/layerCatalog.js';

describe('availableLayers', () => {
  it('offers a layer for each known column the results carry, overlays on top', () => {
    const layers = availableLayers({
      numericColumns: ['incidents', 'rate_per_1000', 'gi_bin', 'score', 'need_index', 'gi_z'],
      zones: { type: 'FeatureCollection', features: [] },
      organizations: { type: 'FeatureCollection', features: [] },
    });
    expect(layers.map((l) => l.id)).toEqual([
      'organizations',
      'zones',
      'outline',
      'score',
      'gi_bin',
      'need_index',
      'rate',
      'incidents',
      'column',
    ]);
    expect(layers.find((l) => l.id === 'rate')?.column).toBe('rate_per_1000');
    expect(layers.find((l) => l.id === 'gi_bin')?.kind).toBe('bins');
  });

  it('leaves out layers whose column or file is missing', () => {
    const layers = availableLayers({
      numericColumns: ['incidents', 'gi_bin', 'rate_per_100000'],
      zones: undefined,
      organizations: undefined,
    });
    expect(layers.map((l) => l.id)).toEqual(['outline', 'gi_bin', 'rate', 'incidents']);
    expect(layers.find((l) => l.id === 'rate')?.title).toBe('Incidents per 100,000 residents');
    // Without a score, the hotspot bins are shown at first.
    expect(layers.find((l) => l.id === 'gi_bin')?.visibleByDefault).toBe(true);
  });
});

describe('otherColumns', () => {
  it('lists the numeric columns without a layer of their own', () => {
    expect(otherColumns(['score', 'population', 'rate_per_1000', 'area_households'])).toEqual([
      'population',
      'area_households',
    ]);
  });
});
