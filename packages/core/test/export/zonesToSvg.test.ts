import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { zonesToSvg } from '../../src/export/zonesToSvg.js';
import { codeOf } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

function zone(id: string, geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', properties: { id }, geometry };
}

const box = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

/** The label texts with their positions. */
function labels(svg: string): { x: number; y: number; text: string }[] {
  return [
    ...svg.matchAll(
      /<text x="([\d.]+)" y="([\d.]+)" text-anchor="middle" dominant-baseline="central"[^>]*>([^<]*)<\/text>/g,
    ),
  ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] }));
}

describe('zonesToSvg', () => {
  it('scales longitude by the cosine of the middle latitude', () => {
    // 1° × 1° at 60° N is half as wide as it is tall.
    const svg = zonesToSvg(
      [zone('Z01', { type: 'Polygon', coordinates: [box(0, 59.5, 1, 60.5)] })],
      {
        width: 232,
        maxHeight: 1000,
      },
    );
    expect(svg).toMatch(/^<svg viewBox="0 0 232 432" width="232" height="432"/);
  });

  it('fits a tall area within maxHeight', () => {
    const svg = zonesToSvg([zone('Z01', { type: 'Polygon', coordinates: [box(0, 0, 0.1, 5)] })], {
      width: 720,
      maxHeight: 400,
    });
    expect(svg).toMatch(/height="400"/);
  });

  it('draws the outline, then each zone filled and labelled with its id (escaped)', () => {
    const svg = zonesToSvg(
      [
        zone('Z01', { type: 'Polygon', coordinates: [box(0, 0, 1, 1)] }),
        zone('<b>', {
          type: 'MultiPolygon',
          coordinates: [[box(2, 2, 3, 3)], [box(4, 4, 4.2, 4.2)]],
        }),
      ],
      {
        outline: { type: 'Polygon', coordinates: [box(-1, -1, 5, 5)] },
        fillById: { Z01: '#54278f' },
        legend: [{ label: 'robust & sure', color: '#54278f' }],
      },
    );
    expect(svg.indexOf('fill="#f0f0f0"')).toBeLessThan(svg.indexOf('fill="#54278f"'));
    expect(svg.match(/fill-rule="evenodd"/g)?.length).toBe(3);
    expect(svg).toContain('fill="#d94801"');
    expect(labels(svg).map((l) => l.text)).toEqual(['Z01', '&lt;b&gt;']);
    expect(svg).toContain('robust &amp; sure');
    expect(svg).not.toContain('<b>');
  });

  it('labels a ring-shaped zone inside the ring, not in its hole', () => {
    const ring: Polygon = {
      type: 'Polygon',
      coordinates: [box(0, 0, 10, 10), box(3, 3, 7, 7).reverse()],
    };
    const svg = zonesToSvg([zone('Z01', ring)], { width: 232 });
    const [label] = labels(svg);
    const scale = 200 / (10 * Math.cos((5 * Math.PI) / 180));
    const lngOf = (x: number) => (x - 16) / (scale * Math.cos((5 * Math.PI) / 180));
    expectClose(label.y, 16 + 5 * scale, 0.1);
    const lng = lngOf(label.x);
    expect(lng < 3 || lng > 7).toBe(true);
  });

  it('labels a convex zone at its centroid', () => {
    const svg = zonesToSvg([zone('Z01', { type: 'Polygon', coordinates: [box(0, 0, 2, 2)] })], {
      width: 232,
    });
    const [label] = labels(svg);
    expectClose(label.x, 116, 0.1);
    expectClose(label.y, 116, 0.1);
  });

  it('adds a scale bar of a round length', () => {
    // 10° of longitude over 200 px near the equator: about 5.6 km per pixel, a fifth of the width ≈ 257 km.
    const svg = zonesToSvg([zone('Z01', { type: 'Polygon', coordinates: [box(0, 0, 10, 10)] })], {
      width: 232,
    });
    expect(svg).toContain('200 km · north up');
  });

  it('references nothing outside itself', () => {
    const svg = zonesToSvg([
      zone('https://x', { type: 'Polygon', coordinates: [box(0, 0, 1, 1)] }),
    ]);
    expect(svg.replaceAll('https://x', '')).not.toMatch(/href|src=|url\(|https?:/);
  });

  it('says so when there is nothing to draw', () => {
    expect(zonesToSvg([])).toContain('No zone to draw');
  });

  it('rejects non-polygonal geometries, non-finite coordinates and colours that are not colours', () => {
    const square = zone('Z01', { type: 'Polygon', coordinates: [box(0, 0, 1, 1)] });
    const point = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [0, 0] },
    };
    expect(codeOf(() => zonesToSvg([point as never]))).toBe('E_ARGUMENT');
    expect(
      codeOf(() =>
        zonesToSvg([zone('Z01', { type: 'Polygon', coordinates: [box(0, 0, Number.NaN, 1)] })]),
      ),
    ).toBe('E_ARGUMENT');
    expect(codeOf(() => zonesToSvg([square], { fill: 'url(https://x/y.svg#a)' }))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => zonesToSvg([square], { fillById: { Z01: '"><script>' } }))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => zonesToSvg([square], { width: -1 }))).toBe('E_ARGUMENT');
  });
});
