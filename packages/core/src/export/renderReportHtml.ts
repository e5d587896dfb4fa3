import { escapeHtml } from './escapeHtml.js';
import { lorenzToSvg } from './lorenzToSvg.js';
import type { ReportModel } from './reportModel.js';
import { type ReportBlock, reportSections } from './reportSections.js';
import { zonesToSvg } from './zonesToSvg.js';

/** Fill colours of zones by robustness label. */
const ROBUSTNESS_COLORS: Readonly<Record<string, string>> = {
  robust: '#54278f',
  moderate: '#9e9ac8',
  fragile: '#fdae6b',
};
const ZONE_COLOR = '#d94801';

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #ffffff; color: #1a1a1a; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; line-height: 1.25; }
h2 { font-size: 20px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #d94801; }
h3 { font-size: 17px; margin: 24px 0 6px; }
p { margin: 6px 0; }
.meta { color: #555555; font-size: 13px; }
table { border-collapse: collapse; margin: 8px 0 12px; font-size: 13.5px; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #d0d0d0; padding: 4px 8px; text-align: left; vertical-align: top; }
td { overflow-wrap: anywhere; }
th { background: #f3f3f3; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fafafa; }
table.measures td:first-child { width: 30%; color: #444444; }
table.compact { width: auto; min-width: 50%; }
thead { display: table-header-group; }
ul { margin: 4px 0 8px; padding-left: 22px; }
figure { margin: 12px 0; }
figure svg { display: block; max-width: 100%; height: auto; border: 1px solid #d0d0d0; }
figcaption { color: #555555; font-size: 13px; margin-top: 4px; }
section.zone { border-left: 4px solid #d94801; padding-left: 12px; margin-top: 18px; }
.privacy { background: #fff4e5; border: 1px solid #f0c080; padding: 2px 14px 8px; margin-top: 32px; }
.privacy h2 { margin-top: 10px; }
@media screen and (max-width: 720px) {
  main { padding: 12px 10px 32px; }
  table { font-size: 12px; }
  th, td { padding: 3px 4px; }
}
@page { size: A4; margin: 14mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  section.zone, figure, table.measures, table.compact { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  tbody tr:nth-child(even) td { background: none; }
}
`;

/**
 * The outreach report as one self-contained, printable HTML page (`report.html`): an SVG
 * overview map of the zones (coloured by robustness when known), a table per zone with its
 * reasons and suggested partners, the equity table, a Lorenz chart of how concentrated
 * incidents are, the privacy rules, data sources, parameters and seed (see `reportSections`).
 * Nothing is fetched: no script, font, image or link, only an inline style sheet and inline SVG,
 * and a Content-Security-Policy that forbids loading anything, so the page also works offline and
 * in an e-mail attachment. Every text from the data is HTML-escaped, so a name such as
 * `<img src=x onerror=alert(1)>` shows literally. No date of the run appears, so the same model
 * always gives the same page.
 *
 * @param model - what the report shows
 * @returns the HTML document as text
 * @throws HexreachError `E_ARGUMENT` when `model` lacks its `zones`, `zoneGeometries` or `notes`
 *   lists, a zone geometry is not polygonal, or the Lorenz curve's lists differ in length or
 *   leave 0–1
 * @example
 * ```ts
 * writeFileSync('out/report.html', renderReportHtml(model));
 * ```
 */
export function renderReportHtml(model: ReportModel): string {
  const sections = reportSections(model);
  const body: string[] = [];
  for (const section of sections) {
    const heading = `<h${section.level}>${escapeHtml(section.heading)}</h${section.level}>`;
    const blocks = section.blocks.map((block) => renderBlock(block, model)).join('\n');
    if (section.level === 1) body.push(`<header id="${section.id}">${heading}\n${blocks}</header>`);
    else {
      const className =
        section.level === 3 ? ' class="zone"' : section.id === 'privacy' ? ' class="privacy"' : '';
      body.push(`<section id="${section.id}"${className}>${heading}\n${blocks}</section>`);
    }
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderBlock(block: ReportBlock, model: ReportModel): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'figure': {
      const svg = block.figure === 'map' ? mapSvg(model) : lorenzSvg(model);
      return `<figure>${svg}<figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
    }
    case 'table': {
      const measures =
        block.header[0] === 'Measure'
          ? ' class="measures"'
          : block.compact
            ? ' class="compact"'
            : '';
      const cls = (c: number) => (block.numeric[c] ? ' class="num"' : '');
      const caption = block.caption === '' ? '' : `<caption>${escapeHtml(block.caption)}</caption>`;
      const head = block.header.map((h, c) => `<th${cls(c)}>${escapeHtml(h)}</th>`).join('');
      const rows = block.rows
        .map(
          (row) => `<tr>${row.map((v, c) => `<td${cls(c)}>${escapeHtml(v)}</td>`).join('')}</tr>`,
        )
        .join('\n');
      return `<table${measures}>${caption}<thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
    }
  }
}

function mapSvg(model: ReportModel): string {
  const fillById: Record<string, string> = {};
  const used = new Set<string>();
  for (const zone of model.zones) {
    const label = zone.robustness?.label;
    if (label === undefined || ROBUSTNESS_COLORS[label] === undefined) continue;
    fillById[zone.id] = ROBUSTNESS_COLORS[label];
    used.add(label);
  }
  const legend = Object.entries(ROBUSTNESS_COLORS)
    .filter(([label]) => used.has(label))
    .map(([label, color]) => ({ label, color }));
  return zonesToSvg(model.zoneGeometries, {
    outline: model.studyOutline,
    fillById,
    fill: ZONE_COLOR,
    legend,
  });
}

function lorenzSvg(model: ReportModel): string {
  const c = model.concentration;
  if (c === undefined) return '';
  return lorenzToSvg(c.lorenz, { marks: c.topShares });
}
