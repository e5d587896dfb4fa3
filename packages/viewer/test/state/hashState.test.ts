import { describe, expect, it } from 'vitest';
import { availableLayers } from '../../src/map/layerCatalog.js';
import { hashToSettings, hashToViewState, viewStateToHash } from '../../src/state/hashState.js';
import { defaultViewState, type ViewState } from '../../src/state/viewState.js';

const layers = availableLayers({
  numericColumns: ['incidents', 'rate_per_1000', 'gi_bin', 'need_index', 'score', 'population'],
  zones: { type: 'FeatureCollection', features: [] },
  organizations: undefined,
});
const defaults = defaultViewState(layers, 'population');
const columns = [
  'incidents',
  'rate_per_1000',
  'gi_bin',
  'need_index',
  'score',
  'population',
  'area_x',
];

describe('viewStateToHash and hashToViewState', () => {
  it('restore the same view from the hash they write', () => {
    const view: ViewState = {
      active: 'need_index',
      order: ['score', 'zones', 'outline', 'need_index', 'gi_bin', 'rate', 'incidents', 'column'],
      layers: {
        ...defaults.layers,
        score: {
          ...defaults.layers.score,
          visible: false,
          opacity: 0.4,
          method: 'jenks',
          classes: 7,
          scheme: 'magma',
        },
        need_index: { ...defaults.layers.need_index, visible: true, method: 'equal', classes: 3 },
        column: { ...defaults.layers.column, visible: true, column: 'area_x' },
      },
      camera: { zoom: 12.5, lat: 42.34567, lng: -101.34567 },
      step: undefined,
      weights: { hotspot: 0.5, need: 0.25, 'odd:name,&': 0 },
      filters: { from: '2024-01-01', to: '2024-07-01', excluded: ['THEFT', 'A,B&C'] },
    };
    const hash = viewStateToHash(view);
    expect(hash).toMatch(
      /^#map=12\.50\/42\.34567\/-101\.34567&active=need_index&order=score,zones,/,
    );
    expect(hashToViewState(hash, defaults, columns)).toEqual(view);
  });

  it('keeps the defaults for an empty hash', () => {
    expect(hashToViewState('', defaults, columns)).toEqual(defaults);
    expect(hashToViewState('#', defaults, columns)).toEqual(defaults);
  });

  it('ignores malformed pieces and unknown layers, applying only what is valid', () => {
    const view = hashToViewState(
      '#map=99/1000/5&active=nope&order=zones,bogus,zones&score=1,7,median,40,rainbow&incidents=1,0.5,jenks,4,blues&%E0%A4%A=1',
      defaults,
      columns,
    );
    expect(view.camera).toBeUndefined();
    expect(view.active).toBe(defaults.active);
    expect(view.order[0]).toBe('zones');
    expect(new Set(view.order)).toEqual(new Set(defaults.order));
    expect(view.order).toHaveLength(defaults.order.length);
    expect(view.layers.score).toEqual({ ...defaults.layers.score, visible: true });
    expect(view.layers.incidents).toEqual({
      ...defaults.layers.incidents,
      visible: true,
      opacity: 0.5,
      method: 'jenks',
      classes: 4,
      scheme: 'blues',
    });
    expect('bogus' in view.layers).toBe(false);
  });

  it('accepts for the column layer only a numeric column of the results', () => {
    const bad = hashToViewState('#column=1,1,quantile,5,viridis,%3Cimg%3E', defaults, columns);
    expect(bad.layers.column.column).toBe('population');
    const good = hashToViewState('#column=1,1,quantile,5,viridis,area_x', defaults, columns);
    expect(good.layers.column.column).toBe('area_x');
  });

  it('survives a column name with commas and ampersands', () => {
    const odd = 'a,b&c=d';
    const view: ViewState = {
      ...defaults,
      layers: { ...defaults.layers, column: { ...defaults.layers.column, column: odd } },
    };
    const back = hashToViewState(viewStateToHash(view), defaults, [...columns, odd]);
    expect(back.layers.column.column).toBe(odd);
  });
});

describe('the time step and the weights in the hash', () => {
  const timed = defaultViewState(layers, 'population', 24);

  it('starts at the last step and restores any step from 0 to it, clamping beyond', () => {
    expect(timed.step).toBe(23);
    expect(hashToViewState('#step=0', timed, columns).step).toBe(0);
    expect(hashToViewState(viewStateToHash({ ...timed, step: 7 }), timed, columns).step).toBe(7);
    expect(hashToViewState('#step=99', timed, columns).step).toBe(23);
    for (const bad of ['-1', '2.5', 'x', ''])
      expect(hashToViewState(`#step=${bad}`, timed, columns).step).toBe(23);
    expect(hashToViewState('#step=3', defaults, columns).step).toBeUndefined();
  });

  it('takes weights only when every one is a name with a value in 0…1', () => {
    expect(hashToViewState('#weights=hotspot:0.4,need:0.6', defaults, columns).weights).toEqual({
      hotspot: 0.4,
      need: 0.6,
    });
    for (const bad of ['hotspot:2', 'hotspot:0.4,need', ':0.3', 'hotspot:-1'])
      expect(hashToViewState(`#weights=${bad}`, defaults, columns).weights).toBeUndefined();
  });
});

describe('hashToSettings', () => {
  it('reads the weights and incident filters a link asks for, before any results exist', () => {
    expect(hashToSettings('#weights=hotspot:1,need:0&from=2024-01-01&exclude=THEFT,ARSON')).toEqual(
      {
        weights: { hotspot: 1, need: 0 },
        filters: { from: '2024-01-01', excluded: ['THEFT', 'ARSON'] },
      },
    );
    expect(hashToSettings('#active=score')).toEqual({ weights: undefined, filters: undefined });
  });

  it('ignores dates that are not YYYY-MM-DD and empty exclusions', () => {
    expect(hashToSettings('#from=yesterday&to=2024-1-1&exclude=')).toEqual({
      weights: undefined,
      filters: undefined,
    });
  });
});

describe('defaultViewState', () => {
  it('shows the priority score, zones and outline, and makes the score the active layer', () => {
    expect(defaults.active).toBe('score');
    const visible = defaults.order.filter((id) => defaults.layers[id].visible);
    expect(visible).toEqual(['zones', 'outline', 'score']);
  });
});
