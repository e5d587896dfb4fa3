import { describe, expect, it } from 'vitest';
import {
  emergingColors,
  jointClassColors,
  lisaColors,
  partnerClassColors,
} from '../../src/map/categoryPalettes.js';
import { availableLayers, isCellLayer, otherColumns } from '../../src/map/layerCatalog.js';
import { hashToViewState, viewStateToHash } from '../../src/state/hashState.js';
import { defaultViewState } from '../../src/state/viewState.js';

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

  it('titles the Gi* bins FDR-corrected when the run says its bins are', () => {
    const title = (fdr: boolean | undefined) =>
      availableLayers({
        numericColumns: ['gi_bin'],
        zones: undefined,
        organizations: undefined,
        summary: fdr === undefined ? undefined : { parameters: { hotspots: { fdr } } },
      }).find((l) => l.id === 'gi_bin')?.title;
    expect(title(true)).toBe('Hotspots (Gi* confidence, FDR-corrected)');
    expect(title(false)).toBe('Hotspots (Gi* confidence)');
    expect(title(undefined)).toBe('Hotspots (Gi* confidence)');
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

describe('availableLayers with text columns', () => {
  const results = {
    numericColumns: ['incidents', 'gi_bin', 'score', 'need_index', 'trust_deficit', 'trust_mean'],
    textColumns: ['lisa_quadrant', 'eh_pattern', 'joint_class', 'partner_class', 'reasons', 'zone'],
    zones: undefined,
    organizations: undefined,
  };

  it('offers a categories layer for each known text column and a trust layer, hidden at first', () => {
    const layers = availableLayers(results);
    expect(layers.map((l) => l.id)).toEqual([
      'outline',
      'score',
      'gi_bin',
      'lisa',
      'emerging',
      'joint_class',
      'need_index',
      'partner_class',
      'trust',
      'incidents',
      'column',
    ]);
    const byId = new Map(layers.map((l) => [l.id, l]));
    expect(byId.get('lisa')).toMatchObject({
      kind: 'categories',
      column: 'lisa_quadrant',
      categories: lisaColors,
      visibleByDefault: false,
    });
    expect(byId.get('emerging')).toMatchObject({
      column: 'eh_pattern',
      categories: emergingColors,
    });
    expect(byId.get('joint_class')?.categories).toBe(jointClassColors);
    expect(byId.get('partner_class')?.categories).toBe(partnerClassColors);
    expect(byId.get('trust')).toMatchObject({
      kind: 'numeric',
      column: 'trust_deficit',
      scheme: 'purples',
    });
    // Free text (reasons) and zone ids get no categories layer.
    expect(layers.filter((l) => l.kind === 'categories')).toHaveLength(4);
  });

  it('leaves the category layers out when the run wrote no such column', () => {
    const layers = availableLayers({ ...results, textColumns: ['joint_class'] });
    expect(layers.filter((l) => l.kind === 'categories').map((l) => l.id)).toEqual(['joint_class']);
    // A numeric column of that name (an edited file) is not text: no categories layer.
    const numeric = availableLayers({
      ...results,
      numericColumns: ['eh_pattern'],
      textColumns: [],
    });
    expect(numeric.some((l) => l.kind === 'categories')).toBe(false);
  });

  it('treats category layers as cell layers: legend, style, opacity 0.85, kept in the hash', () => {
    const layers = availableLayers(results);
    expect(layers.filter(isCellLayer).map((l) => l.id)).toContain('emerging');
    const defaults = defaultViewState(layers, 'trust_mean');
    expect(defaults.layers.lisa).toMatchObject({ visible: false, opacity: 0.85 });
    const view = {
      ...defaults,
      active: 'lisa',
      order: ['lisa', ...defaults.order.filter((id) => id !== 'lisa')],
      layers: {
        ...defaults.layers,
        lisa: { ...defaults.layers.lisa, visible: true, opacity: 0.5 },
        emerging: { ...defaults.layers.emerging, visible: true },
      },
    };
    expect(hashToViewState(viewStateToHash(view), defaults, results.numericColumns)).toEqual(view);
  });
});

describe('otherColumns', () => {
  it('lists the numeric columns without a layer of their own', () => {
    expect(
      otherColumns(['score', 'population', 'rate_per_1000', 'trust_deficit', 'area_households']),
    ).toEqual(['population', 'area_households']);
  });
});
