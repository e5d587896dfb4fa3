import { assertArgument } from '../errors.js';
import { escapeHtml } from './escapeHtml.js';

/** Options of {@link lorenzToSvg}. */
export interface LorenzToSvgOptions {
  /** Width of the drawing in CSS pixels (default 360). */
  readonly width?: number;
  /** Height of the drawing in CSS pixels (default 300). */
  readonly height?: number;
  /** Points to mark on the curve, e.g. the top 1, 5, 10 and 20 % of cells. */
  readonly marks?: readonly { readonly cellShare: number; readonly incidentShare: number }[];
  /** Accessible title (default `Concentration of incidents over cells`). */
  readonly title?: string;
}

const MARGIN = { left: 52, right: 14, top: 14, bottom: 44 };

/**
 * A concentration chart as an inline SVG: the Lorenz curve of incidents over cells (share of
 * cells on x, share of incidents on y; cells sorted from most to fewest incidents, so the curve
 * lies above the diagonal) with the diagonal of a perfectly even spread, axes in percent and the
 * marked points. The further the curve bows from the diagonal, the more incidents concentrate in
 * few cells (the Gini coefficient is twice the area between them). Self-contained, no external
 * reference.
 *
 * @param lorenz - the curve's points: `cellShare` and `incidentShare`, equal length, each 0–1
 * @param options - size, marked points and title
 * @returns the SVG element as text
 * @throws HexreachError `E_ARGUMENT` when the lists differ in length, a share is not in 0–1, or
 *   a size is not > 0
 * @example
 * ```ts
 * lorenzToSvg(result.concentration.lorenz, { marks: result.concentration.topShares });
 * ```
 */
export function lorenzToSvg(
  lorenz: { readonly cellShare: readonly number[]; readonly incidentShare: readonly number[] },
  options: LorenzToSvgOptions = {},
): string {
  const fn = 'lorenzToSvg';
  const width = options.width ?? 360;
  const height = options.height ?? 300;
  const marks = options.marks ?? [];
  assertArgument(
    Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0,
    fn,
    `width and height must be > 0, got ${width} × ${height}`,
    { width, height },
  );
  assertArgument(
    lorenz.cellShare.length === lorenz.incidentShare.length,
    fn,
    `cellShare and incidentShare must have the same length, got ${lorenz.cellShare.length} and ${lorenz.incidentShare.length}`,
    lorenz,
  );
  const inUnit = (v: number) => v >= 0 && v <= 1;
  for (const list of [
    lorenz.cellShare,
    lorenz.incidentShare,
    ...marks.map((m) => [m.cellShare, m.incidentShare]),
  ])
    for (const v of list) assertArgument(inUnit(v), fn, `shares must be in 0–1, got ${v}`, v);

  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const x = (share: number) => MARGIN.left + share * plotW;
  const y = (share: number) => MARGIN.top + (1 - share) * plotH;
  const f = (v: number) => String(Math.round(v * 10) / 10);
  const out: string[] = [
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">`,
    `<title>${escapeHtml(options.title ?? 'Concentration of incidents over cells')}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(
      `<line x1="${f(x(0))}" y1="${f(y(t))}" x2="${f(x(1))}" y2="${f(y(t))}" stroke="#e5e5e5"/>`,
      `<line x1="${f(x(t))}" y1="${f(y(0))}" x2="${f(x(t))}" y2="${f(y(1))}" stroke="#e5e5e5"/>`,
      `<text x="${f(x(0) - 6)}" y="${f(y(t))}" text-anchor="end" dominant-baseline="central" font-size="11" fill="#444444">${t * 100}%</text>`,
      `<text x="${f(x(t))}" y="${f(y(0) + 14)}" text-anchor="middle" font-size="11" fill="#444444">${t * 100}%</text>`,
    );
  }
  out.push(
    `<rect x="${f(x(0))}" y="${f(y(1))}" width="${f(plotW)}" height="${f(plotH)}" fill="none" stroke="#888888"/>`,
    `<line x1="${f(x(0))}" y1="${f(y(0))}" x2="${f(x(1))}" y2="${f(y(1))}" stroke="#888888" stroke-dasharray="4 3"/>`,
    `<text x="${f(x(0.5))}" y="${f(height - 8)}" text-anchor="middle" font-size="12" fill="#222222">share of cells, most incidents first</text>`,
    `<text transform="translate(14 ${f(y(0.5))}) rotate(-90)" text-anchor="middle" font-size="12" fill="#222222">share of incidents</text>`,
  );
  if (lorenz.cellShare.length > 0) {
    const points = lorenz.cellShare
      .map((c, i) => `${f(x(c))},${f(y(lorenz.incidentShare[i]))}`)
      .join(' ');
    out.push(`<polyline points="${points}" fill="none" stroke="#d94801" stroke-width="2"/>`);
  }
  for (const m of marks)
    out.push(
      `<circle cx="${f(x(m.cellShare))}" cy="${f(y(m.incidentShare))}" r="3.5" fill="#d94801" stroke="#ffffff" stroke-width="1"><title>${escapeHtml(
        `${Math.round(m.cellShare * 100)}% of cells: ${Math.round(m.incidentShare * 100)}% of incidents`,
      )}</title></circle>`,
    );
  out.push('</svg>');
  return out.join('');
}
