import type { ZoneSeries } from '../evaluate/evaluateZones.js';
import { escapeHtml } from './escapeHtml.js';

const LINES = [
  { key: 'zone', label: 'zone', color: '#d94801', dash: '' },
  { key: 'buffer', label: 'surrounding ring', color: '#6a51a3', dash: '5 3' },
  { key: 'comparison', label: 'matched comparison', color: '#4d4d4d', dash: '2 3' },
] as const;

/**
 * A before/after line chart of one zone as inline SVG: incidents per day by month in the zone,
 * its ring and its matched comparison, the start marked by a vertical line. Self-contained (no
 * font or script), for report.html.
 *
 * @param series - the zone's monthly series
 * @param options - width and height in pixels, and a title for screen readers
 * @returns the SVG element as text
 * @example
 * ```ts
 * seriesToSvg(evaluation.zones[0].series, { title: 'Z01' });
 * ```
 */
export function seriesToSvg(
  series: ZoneSeries,
  options: { readonly width?: number; readonly height?: number; readonly title?: string } = {},
): string {
  const width = options.width ?? 560;
  const height = options.height ?? 220;
  const pad = { left: 44, right: 12, top: 12, bottom: 40 };
  const n = series.months.length;
  const values = [...series.zone, ...series.buffer, ...series.comparison].filter(Number.isFinite);
  const top = Math.max(1e-9, ...values) * 1.1;
  const x = (i: number) => pad.left + (n <= 1 ? 0 : (i / (n - 1)) * (width - pad.left - pad.right));
  const y = (v: number) => pad.top + (1 - v / top) * (height - pad.top - pad.bottom);
  const path = (list: readonly number[]) =>
    list
      .map((v, i) =>
        Number.isFinite(v)
          ? `${i === 0 || !Number.isFinite(list[i - 1]) ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`
          : '',
      )
      .join('');
  const startX = x(series.startIndex - 0.5);
  const ticks = [0, top / 2 / 1.1, top / 1.1].map(
    (v) =>
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e0e0e0"/><text x="${pad.left - 4}" y="${(y(v) + 4).toFixed(1)}" font-size="10" text-anchor="end" fill="#555">${v.toFixed(v < 1 ? 2 : 1)}</text>`,
  );
  const labels = series.months
    .map((m, i) =>
      i % Math.max(1, Math.ceil(n / 8)) === 0
        ? `<text x="${x(i).toFixed(1)}" y="${height - pad.bottom + 14}" font-size="10" text-anchor="middle" fill="#555">${escapeHtml(m.slice(0, 7))}</text>`
        : '',
    )
    .join('');
  const legend = LINES.map(
    (l, k) =>
      `<line x1="${pad.left + k * 150}" x2="${pad.left + k * 150 + 22}" y1="${height - 8}" y2="${height - 8}" stroke="${l.color}" stroke-width="2" stroke-dasharray="${l.dash}"/><text x="${pad.left + k * 150 + 26}" y="${height - 4}" font-size="11" fill="#333">${l.label}</text>`,
  ).join('');
  const lines = LINES.map(
    (l) =>
      `<path d="${path(series[l.key])}" fill="none" stroke="${l.color}" stroke-width="2" stroke-dasharray="${l.dash}"/>`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title ?? 'incidents per day by month')}">${ticks.join('')}<line x1="${startX.toFixed(1)}" x2="${startX.toFixed(1)}" y1="${pad.top}" y2="${height - pad.bottom}" stroke="#111" stroke-dasharray="4 3"/><text x="${(startX + 4).toFixed(1)}" y="${pad.top + 10}" font-size="10" fill="#111">start</text>${lines}${labels}${legend}<text x="12" y="${pad.top + 4}" font-size="10" fill="#555" transform="rotate(-90 12 ${pad.top + 4})" text-anchor="end">per day</text></svg>`;
}
