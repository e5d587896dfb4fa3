import { describe, expect, it } from 'vitest';
import { lorenzToSvg } from '../../src/export/lorenzToSvg.js';
import { codeOf } from '../helpers/errors.js';

const curve = { cellShare: [0, 0.1, 0.5, 1], incidentShare: [0, 0.5, 0.9, 1] };

describe('lorenzToSvg', () => {
  it('draws the curve from the bottom-left to the top-right corner of the plot, with the diagonal', () => {
    const svg = lorenzToSvg(curve, { width: 360, height: 300 });
    const points = /<polyline points="([^"]+)"/.exec(svg)![1].split(' ');
    expect(points.length).toBe(4);
    // Plot area: x from 52 to 346, y from 256 (share 0) up to 14 (share 1).
    expect(points[0]).toBe('52,256');
    expect(points[3]).toBe('346,14');
    expect(points[1]).toBe('81.4,135');
    expect(svg).toContain(
      '<line x1="52" y1="256" x2="346" y2="14" stroke="#888888" stroke-dasharray="4 3"/>',
    );
  });

  it('marks the given points and labels the axes in percent', () => {
    const svg = lorenzToSvg(curve, { marks: [{ cellShare: 0.1, incidentShare: 0.5 }] });
    expect(svg.match(/<circle /g)?.length).toBe(1);
    expect(svg).toContain('10% of cells: 50% of incidents');
    for (const tick of ['0%', '25%', '50%', '75%', '100%']) expect(svg).toContain(`>${tick}<`);
  });

  it('references nothing outside itself', () => {
    expect(lorenzToSvg(curve)).not.toMatch(/href|src=|url\(|https?:/);
  });

  it('draws axes but no curve for an empty curve', () => {
    const svg = lorenzToSvg({ cellShare: [], incidentShare: [] });
    expect(svg).toContain('<svg');
    expect(svg).not.toContain('<polyline');
  });

  it('rejects lists of different lengths, shares outside 0–1 and bad sizes', () => {
    expect(codeOf(() => lorenzToSvg({ cellShare: [0, 1], incidentShare: [0] }))).toBe('E_ARGUMENT');
    expect(codeOf(() => lorenzToSvg({ cellShare: [0, 1.2], incidentShare: [0, 1] }))).toBe(
      'E_ARGUMENT',
    );
    expect(
      codeOf(() => lorenzToSvg(curve, { marks: [{ cellShare: Number.NaN, incidentShare: 0 }] })),
    ).toBe('E_ARGUMENT');
    expect(codeOf(() => lorenzToSvg(curve, { width: 0 }))).toBe('E_ARGUMENT');
  });
});
