import type {
  CellProperties,
  OrganizationProperties,
  ResultSummary,
  ZoneProperties,
} from '../data/results.js';
import { componentColumn, componentLabel } from './componentLabel.js';
import { type Contribution, contributionChart } from './contributionChart.js';
import { h } from './dom.js';
import { columnLabel, formatCellValue, formatNumber } from './format.js';
import { formatDistance } from './formatDistance.js';
import { incidentChart } from './incidentChart.js';
import { readZoneDetails, type ZoneDetailFields, type ZonePartner } from './readZoneDetails.js';
import { zoneTitle } from './zoneTitle.js';

/** Each priority weight divided by their sum, by contribution column; undefined when unknown. */
function normalizedWeights(summary: ResultSummary | undefined): Record<string, number> | undefined {
  const weights = summary?.parameters?.priority?.weights;
  if (weights === undefined) return undefined;
  const total = Object.values(weights).reduce((s, w) => s + w, 0);
  if (!(total > 0)) return undefined;
  return Object.fromEntries(
    Object.entries(weights).map(([name, w]) => [componentColumn(name), w / total]),
  );
}

/** A bar per contribution column (`score_*`) the cells carry, in the order of the file. */
function contributions(
  columns: readonly string[],
  value: (column: string) => number,
  summary: ResultSummary | undefined,
): Contribution[] {
  const weights = normalizedWeights(summary);
  return columns
    .filter((c) => c.startsWith('score_'))
    .map((column) => ({
      label: componentLabel(column),
      value: value(column),
      max: weights?.[column],
    }));
}

function table(rows: readonly [string, string][]): HTMLElement {
  return h(
    'dl',
    { className: 'details-table' },
    ...rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]),
  );
}

/** A share 0…1 as a whole percentage, rounded down so "selected in 100 %" means every check. */
function percentDown(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)} %`;
}

/** Partners as a table (name, type, distance); names are inserted as text. */
function partnerTable(partners: readonly ZonePartner[]): HTMLElement {
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('th', { attrs: { scope: 'col' } }, 'Name'),
      h('th', { attrs: { scope: 'col' } }, 'Type'),
      h('th', { className: 'numeric', attrs: { scope: 'col' } }, 'Distance'),
    ),
  );
  const body = h(
    'tbody',
    {},
    ...partners.map((p) =>
      h(
        'tr',
        {},
        h('td', { className: 'partner-name' }, p.name),
        h('td', {}, p.type),
        h('td', { className: 'numeric' }, formatDistance(p.distanceMeters)),
      ),
    ),
  );
  return h('table', { className: 'partner-table' }, head, body);
}

/** The sections of a zone's descriptive fields, in reading order; absent fields are left out. */
function zoneSections(id: string, fields: ZoneDetailFields): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (fields.reasons !== undefined) {
    parts.push(
      h('h4', {}, 'Why this zone'),
      h('ul', { className: 'zone-reasons' }, ...fields.reasons.map((r) => h('li', {}, r))),
    );
  }
  const rows: [string, string][] = [];
  const r = fields.robustness;
  if (r !== undefined) {
    // meanProbability: how often the zone's cells were selected when the inputs were perturbed.
    rows.push(['Robustness', `${r.label} (${percentDown(r.meanProbability)} of checks)`]);
    if (r.stableShare !== undefined) rows.push(['Cells stable', percentDown(r.stableShare)]);
  }
  if (fields.jointClass !== undefined) rows.push(['Hotspot and need', fields.jointClass]);
  if (fields.need !== undefined) rows.push(['Need index', formatCellValue('', fields.need)]);
  if (fields.trust !== undefined) {
    const responses =
      fields.trustResponses === undefined
        ? ''
        : ` (${formatNumber(fields.trustResponses)} responses)`;
    rows.push(['Trust', `${formatCellValue('', fields.trust)}${responses}`]);
  }
  if (rows.length > 0) parts.push(table(rows));
  if (fields.partners !== undefined) {
    parts.push(
      h('h4', {}, 'Suggested partners'),
      fields.partners.length > 0
        ? partnerTable(fields.partners)
        : h('p', { className: 'hint' }, 'No organizations nearby.'),
    );
  }
  if (fields.incidentsByStep !== undefined || fields.trend !== undefined) {
    parts.push(h('h4', {}, 'Incidents over time'));
  }
  if (fields.incidentsByStep !== undefined) {
    const chart = incidentChart(fields.incidentsByStep, `Incidents per time step in zone ${id}`);
    parts.push(h('div', { className: 'incident-chart-box' }, chart));
  }
  if (fields.trend !== undefined) parts.push(h('p', { className: 'zone-trend' }, fields.trend));
  return parts;
}

/**
 * The details of one cell: its values (every column, labelled) and a bar chart of each score
 * component's contribution. A button opens the cell's zone.
 *
 * @example
 * ```ts
 * replaceContent(panel, cellDetails(feature.properties, results.summary, selectZone));
 * ```
 */
export function cellDetails(
  cell: CellProperties,
  summary: ResultSummary | undefined,
  openZone: (id: string) => void,
): HTMLElement {
  const number = (column: string) => {
    const v = cell[column];
    return typeof v === 'number' ? v : Number.NaN;
  };
  const parts: (HTMLElement | SVGElement)[] = [h('h3', {}, `Cell ${cell.h3}`)];
  const items = contributions(Object.keys(cell), number, summary);
  if (items.length > 0) {
    parts.push(
      h('h4', {}, `Priority score ${formatCellValue('score', cell.score)}: contributions`),
      contributionChart(
        items,
        `Contributions to the priority score ${formatCellValue('score', cell.score)}`,
      ),
    );
  }
  if (typeof cell.zone === 'string' && cell.zone !== '') {
    const zoneId = cell.zone;
    const button = h(
      'button',
      { className: 'link-button', attrs: { type: 'button' } },
      `Open zone ${zoneId}`,
    );
    button.addEventListener('click', () => openZone(zoneId));
    parts.push(h('p', {}, button));
  }
  const rows: [string, string][] = Object.keys(cell)
    .filter((k) => k !== 'h3')
    .map((k) => [columnLabel(k, summary), formatCellValue(k, cell[k])]);
  parts.push(table(rows));
  return h(
    'div',
    { className: 'details', attrs: { 'data-kind': 'cell', 'data-h3': cell.h3 } },
    ...parts,
  );
}

/**
 * The details of one zone: why it was chosen (its reasons), how robust it is, its joint class,
 * need and trust, the suggested partners, its incidents over time with their trend, then the
 * mean contribution of each score component over its cells and its other properties. Fields
 * the file does not carry (older results, public exports) are left out; text from the file is
 * inserted as text.
 *
 * @param zone - the zone's properties
 * @param cells - the properties of its cells
 * @param summary - the run's summary (for the component weights)
 * @example
 * ```ts
 * replaceContent(panel, zoneDetails(zone.properties, cellsOfZone, results.summary));
 * ```
 */
export function zoneDetails(
  zone: ZoneProperties,
  cells: readonly CellProperties[],
  summary: ResultSummary | undefined,
): HTMLElement {
  const mean = (column: string) => {
    let sum = 0;
    let n = 0;
    for (const c of cells) {
      const v = c[column];
      if (typeof v === 'number') {
        sum += v;
        n++;
      }
    }
    return n === 0 ? Number.NaN : sum / n;
  };
  const items = contributions(Object.keys(cells[0] ?? {}), mean, summary);
  const rows: [string, string][] = [
    ['Rank', formatNumber(zone.rank)],
    ['Cells', formatCellValue('', zone.cellCount)],
    ['Mean score', formatCellValue('', zone.meanScore)],
    ['Highest score', formatCellValue('', zone.maxScore)],
    ['Area (km²)', formatCellValue('', zone.areaKm2)],
    ['Residents', formatCellValue('', zone.population)],
    ['Incidents', formatCellValue('', zone.incidents)],
    ['Most frequent categories', formatCellValue('', zone.topCategories)],
  ];
  // The name lists three places at most; the details list every one.
  const places = Array.isArray(zone.places) ? zone.places.filter((p) => typeof p === 'string') : [];
  if (places.length > 0) rows.splice(1, 0, ['Places (largest share first)', places.join(', ')]);
  return h(
    'div',
    { className: 'details', attrs: { 'data-kind': 'zone', 'data-zone': zone.id } },
    h('h3', {}, `Zone ${zoneTitle(zone)}`),
    ...zoneSections(zone.id, readZoneDetails(zone)),
    items.length > 0 && h('h4', {}, 'Mean contributions to the priority score'),
    items.length > 0 &&
      contributionChart(items, `Mean contributions to the priority score in zone ${zone.id}`),
    table(rows),
  );
}

/**
 * The details of one organization: name, type and the other properties of its feature.
 *
 * @example
 * ```ts
 * replaceContent(panel, organizationDetails(feature.properties));
 * ```
 */
export function organizationDetails(organization: OrganizationProperties): HTMLElement {
  const rows: [string, string][] = [
    ['Type', organization.type],
    ...Object.entries(organization.original)
      .filter(([k]) => k !== 'name' && k !== 'type')
      .map(([k, v]): [string, string] => [k, formatCellValue(k, v)]),
  ];
  return h(
    'div',
    { className: 'details', attrs: { 'data-kind': 'organization' } },
    h('h3', { className: 'organization-name' }, organization.name),
    table(rows),
  );
}
