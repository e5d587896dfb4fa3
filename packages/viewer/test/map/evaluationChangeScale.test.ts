import { describe, expect, it } from 'vitest';
import { evaluationChangeScale, NO_ESTIMATE_COLOR } from '../../src/map/evaluationChangeScale.js';
import { evaluationLayers, evaluationMapData } from '../../src/map/evaluationLayers.js';

describe('evaluationChangeScale', () => {
  it('reaches out to the largest |change| rounded up to 10 %, symmetric around 0', () => {
    expect(evaluationChangeScale([-0.31, -0.23, 0.08]).limit).toBeCloseTo(0.4, 12);
    expect(evaluationChangeScale([0.3]).limit).toBeCloseTo(0.3, 12);
    expect(evaluationChangeScale([0.01]).limit).toBeCloseTo(0.1, 12);
    expect(evaluationChangeScale([-2.5]).limit).toBe(1);
    expect(evaluationChangeScale([Number.NaN]).limit).toBeCloseTo(0.1, 12);
  });

  it('colours a fall blue, a rise red, no change pale, and equal sizes equally strong', () => {
    const color = evaluationChangeScale([-0.4, 0.4]);
    expect(color(-0.4)).toBe('#053061'); // RdBu's blue end
    expect(color(0.4)).toBe('#67001f'); // RdBu's red end
    // The pale middle of d3's RdBu interpolator.
    expect(color(0)).toBe('#f2efee');
    expect(color(-9)).toBe(color(-0.4));
    const blue = Number.parseInt(color(-0.2).slice(5, 7), 16);
    const red = Number.parseInt(color(0.2).slice(1, 3), 16);
    expect(blue).toBeGreaterThan(Number.parseInt(color(-0.2).slice(1, 3), 16));
    expect(red).toBeGreaterThan(Number.parseInt(color(0.2).slice(5, 7), 16));
  });

  it('gives a zone without an estimate the neutral colour', () => {
    expect(evaluationChangeScale([0.2])(Number.NaN)).toBe(NO_ESTIMATE_COLOR);
  });
});

describe('evaluationMapData', () => {
  it('gives each outline the colour of its zone’s change', () => {
    const scale = evaluationChangeScale([-0.4, 0.1]);
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    const data = evaluationMapData(
      {
        zones: [
          { id: 'Z01', crime: { change: -0.4 } },
          { id: 'Z02', crime: { change: Number.NaN } },
        ] as never,
        outlines: {
          type: 'FeatureCollection',
          features: ['Z02', 'Z01'].map((id) => ({
            type: 'Feature' as const,
            geometry: square,
            properties: { id },
          })),
        },
      },
      scale,
    );
    expect(data.features.map((f) => f.properties)).toEqual([
      { id: 'Z02', color: NO_ESTIMATE_COLOR },
      { id: 'Z01', color: '#053061' },
    ]);
  });

  it('outlines the selected zone only', () => {
    const [, , selected] = evaluationLayers('Z02');
    expect(selected.filter).toEqual(['==', ['get', 'id'], 'Z02']);
  });
});
