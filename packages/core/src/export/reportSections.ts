import { assertArgument } from '../errors.js';
import type { ReportModel, ZoneReportRow } from './reportModel.js';
import { suppressSmallCount } from './suppressSmallCount.js';

/** A table of plain text cells; renderers escape them. */
export interface ReportTable {
  readonly kind: 'table';
  /** A short caption above the table; empty for none. */
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Per column, whether it holds numbers (right-aligned). */
  readonly numeric: readonly boolean[];
  /** A short table that reads better at its natural width than across the page. */
  readonly compact: boolean;
}

/** One piece of a section, as plain text; renderers escape every string. */
export type ReportBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | ReportTable
  | { readonly kind: 'figure'; readonly figure: 'map' | 'lorenz'; readonly caption: string };

/** A heading with its blocks. */
export interface ReportSection {
  /** A stable anchor made only of `[a-z0-9-]`, e.g. `zone-1`. */
  readonly id: string;
  /** 1 for the title, 2 for a section, 3 for a zone. */
  readonly level: 1 | 2 | 3;
  readonly heading: string;
  readonly blocks: readonly ReportBlock[];
}

/**
 * The content of the outreach report as plain text sections — title, zones (map, overview and one
 * section per zone with its reasons and partners), equity, concentration, privacy, data sources,
 * parameters and notes — with every number already formatted (locale-independent: `32,230`,
 * `4.53`, `93%`). `renderReportMarkdown` and `renderReportHtml` only lay it out and escape it,
 * so the two reports always say the same. In a public export (`privacy.public` with `minCount`)
 * zone incident counts from 1 to k − 1 are shown as `<k` even if the model holds the number.
 *
 * @param model - what the report shows
 * @returns the sections in reading order
 * @throws HexreachError `E_ARGUMENT` when `model` lacks its `zones`, `zoneGeometries` or `notes` lists
 * @example
 * ```ts
 * reportSections(model)[0].heading; // the title
 * ```
 */
export function reportSections(model: ReportModel): ReportSection[] {
  assertArgument(
    model !== null &&
      typeof model === 'object' &&
      Array.isArray(model.zones) &&
      Array.isArray(model.zoneGeometries) &&
      Array.isArray(model.notes),
    'reportSections',
    'model must have zones, zoneGeometries and notes lists',
    model,
  );
  const incidents = incidentFormatter(model);
  const sections: ReportSection[] = [titleSection(model), zonesOverviewSection(model, incidents)];
  model.zones.forEach((zone, i) => {
    sections.push({
      id: `zone-${i + 1}`,
      level: 3,
      heading: `${zone.name ?? zone.id} · rank ${zone.rank}`,
      blocks: zoneBlocks(zone, incidents),
    });
  });
  if (model.equity !== undefined) sections.push(equitySection(model.equity));
  if (model.concentration !== undefined) sections.push(concentrationSection(model.concentration));
  sections.push({ id: 'privacy', level: 2, heading: 'Privacy', blocks: privacyBlocks(model) });
  sections.push(sourcesSection(model), parametersSection(model));
  if (model.notes.length > 0)
    sections.push({
      id: 'notes',
      level: 2,
      heading: 'Notes',
      blocks: [{ kind: 'list', items: [...model.notes] }],
    });
  return sections;
}

type IncidentFormat = (value: number | string | null) => string;

/** Formats zone incident counts, showing small ones as `<k` in a public export. */
function incidentFormatter(model: ReportModel): IncidentFormat {
  const minCount = model.privacy?.public === true ? model.privacy.minCount : undefined;
  return (value) =>
    typeof value === 'number' && minCount !== undefined
      ? formatCount(suppressSmallCount(value, minCount))
      : formatCount(value);
}

function titleSection(model: ReportModel): ReportSection {
  const zoneWord = model.zones.length === 1 ? 'zone' : 'zones';
  return {
    id: 'title',
    level: 1,
    heading: model.title,
    blocks: [
      {
        kind: 'paragraph',
        text: `hexreach ${model.version} · seed ${model.seed} · ${model.zones.length} priority ${zoneWord}`,
      },
      {
        kind: 'paragraph',
        text: 'Priority zones are groups of adjacent H3 cells where the outreach priority score is highest: where incidents concentrate, residents are most vulnerable and partners can help. Each zone lists why it was chosen and which organizations nearby could take part. This report is for community outreach, not enforcement.',
      },
    ],
  };
}

/** The map and the table of all zones, or why there is none. */
function zonesOverviewSection(model: ReportModel, incidents: IncidentFormat): ReportSection {
  const hasRobustness = model.zones.some((z) => z.robustness !== undefined);
  const overview: ReportBlock[] = [];
  if (model.zoneGeometries.length > 0 || model.studyOutline !== undefined)
    overview.push({
      kind: 'figure',
      figure: 'map',
      caption: hasRobustness
        ? 'The zones over the study area, coloured by how robust they are to other weights and resolutions.'
        : 'The zones over the study area.',
    });
  if (model.zones.length === 0) {
    overview.push({
      kind: 'paragraph',
      text: 'No cell met the selection rule, so there is no priority zone. Lower the threshold or select the top N cells.',
    });
  } else {
    overview.push(zonesTable(model.zones, hasRobustness, incidents));
  }
  return { id: 'zones', level: 2, heading: 'Priority zones', blocks: overview };
}

function zonesTable(
  zones: readonly ZoneReportRow[],
  hasRobustness: boolean,
  incidents: IncidentFormat,
): ReportTable {
  return table(
    '',
    [
      ['Zone', false],
      ['Rank', true],
      ['Mean score', true],
      ...(hasRobustness ? ([['Robustness', false]] as [string, boolean][]) : []),
      ['Area (km²)', true],
      ['Residents', true],
      ['Incidents', true],
      ['Top categories', false],
    ],
    zones.map((z) => [
      z.name ?? z.id,
      String(z.rank),
      formatNumber(z.meanScore, 3),
      ...(hasRobustness ? [robustnessShort(z)] : []),
      formatNumber(z.areaKm2, 2),
      formatNumber(z.population, 0),
      incidents(z.incidents),
      z.topCategories === '' ? '—' : z.topCategories,
    ]),
  );
}

function equitySection(equity: NonNullable<ReportModel['equity']>): ReportSection {
  const { rows, selectedPopulation, totalPopulation } = equity;
  const blocks: ReportBlock[] = [];
  if (selectedPopulation !== null && totalPopulation !== null && totalPopulation > 0)
    blocks.push({
      kind: 'paragraph',
      text: `The zones are home to ${formatNumber(selectedPopulation, 0)} of the study area's ${formatNumber(totalPopulation, 0)} residents (${formatPercent(selectedPopulation / totalPopulation, 1)}).`,
    });
  blocks.push(
    {
      kind: 'paragraph',
      text: 'Residents of the zones against all residents of the study area. A ratio above 1 means the group or measure is larger in the zones than across the study area; below 1, the outreach reaches it less.',
    },
    table(
      '',
      [
        ['Group or measure', false],
        ['In the zones', true],
        ['Study area', true],
        ['Ratio', true],
      ],
      rows.map((r) => [
        r.label === '' ? r.name : r.label,
        withUnit(r.selected, r.unit),
        withUnit(r.all, r.unit),
        r.ratio === null || !Number.isFinite(r.ratio) ? '—' : `${formatNumber(r.ratio, 2)}×`,
      ]),
    ),
  );
  return { id: 'equity', level: 2, heading: 'Whom the zones reach', blocks };
}

function concentrationSection(c: NonNullable<ReportModel['concentration']>): ReportSection {
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: `Gini coefficient ${formatNumber(c.gini, 3)} (generalised for few incidents: ${formatNumber(c.generalizedGini, 3)}). 0 means incidents are spread evenly over the cells; values near 1 mean a few cells hold almost all of them.`,
    },
  ];
  if (c.topShares.length > 0)
    blocks.push(
      table(
        '',
        [
          ['Cells with the most incidents', false],
          ['Share of incidents', true],
        ],
        c.topShares.map((t) => [
          `top ${formatPercent(t.cellShare, 0)}`,
          formatPercent(t.incidentShare, 1),
        ]),
        true,
      ),
    );
  if (c.lorenz.cellShare.length > 0)
    blocks.push({
      kind: 'figure',
      figure: 'lorenz',
      caption:
        'Lorenz curve: the share of incidents (up) held by the share of cells with the most incidents (across). The dashed diagonal is a perfectly even spread.',
    });
  return {
    id: 'concentration',
    level: 2,
    heading: 'How concentrated incidents are',
    blocks,
  };
}

function sourcesSection(model: ReportModel): ReportSection {
  const inputs = Object.entries(model.inputs ?? {});
  return {
    id: 'sources',
    level: 2,
    heading: 'Data sources',
    blocks:
      inputs.length === 0
        ? [{ kind: 'paragraph', text: 'No input was recorded.' }]
        : [
            table(
              '',
              [
                ['Input', false],
                ['File', false],
                ['Read', true],
                ['Accepted', true],
                ['Rejected', true],
                ['Outside', true],
                ['Warnings', true],
              ],
              inputs.map(([role, c]) => [
                role,
                c.path,
                formatNumber(c.read, 0),
                formatNumber(c.accepted, 0),
                formatNumber(c.rejected ?? null, 0),
                formatNumber(c.outside ?? null, 0),
                formatNumber(c.warnings ?? null, 0),
              ]),
            ),
          ],
  };
}

function parametersSection(model: ReportModel): ReportSection {
  const settings: [string, string][] = [];
  settingRows(model.parameters, '', settings);
  return {
    id: 'parameters',
    level: 2,
    heading: 'Parameters',
    blocks: [
      {
        kind: 'paragraph',
        text: `Seed ${model.seed}: the same inputs, parameters and seed give the same zones and the same report.`,
      },
      settings.length === 0
        ? { kind: 'paragraph', text: 'No parameter was recorded.' }
        : table(
            '',
            [
              ['Setting', false],
              ['Value', false],
            ],
            settings,
          ),
    ],
  };
}

/** The detail of one zone: its measures, reasons and partners. */
function zoneBlocks(zone: ZoneReportRow, incidents: IncidentFormat): ReportBlock[] {
  const rows: string[][] = [
    [
      'Priority score',
      `mean ${formatNumber(zone.meanScore, 3)}, highest ${formatNumber(zone.maxScore, 3)}`,
    ],
  ];
  if (zone.robustness !== undefined) {
    const r = zone.robustness;
    const stable =
      r.stableShare === undefined
        ? ''
        : `; ${formatPercent(r.stableShare, 0)} of its cells in at least half`;
    rows.push([
      'Robustness',
      `${r.label}: its cells were selected in ${formatPercentDown(r.meanProbability)} of the checks on average${stable}`,
    ]);
  }
  rows.push(
    ['Area', `${formatNumber(zone.areaKm2, 2)} km²`],
    ['Residents', formatNumber(zone.population, 0)],
    ['Incidents', incidents(zone.incidents)],
    ['Top categories', zone.topCategories === '' ? '—' : zone.topCategories],
  );
  if (zone.trend !== undefined) rows.push(['Incident trend', zone.trend]);
  if (zone.need !== undefined) rows.push(['Need index (mean, 0–1)', formatNumber(zone.need, 2)]);
  if (zone.trust !== undefined) rows.push(['Trust (mean)', formatNumber(zone.trust, 2)]);
  if (zone.jointClass !== undefined) rows.push(['Joint class', zone.jointClass]);
  const blocks: ReportBlock[] = [
    table(
      '',
      [
        ['Measure', false],
        ['Value', false],
      ],
      rows,
    ),
  ];
  if (zone.reasons !== undefined && zone.reasons.length > 0)
    blocks.push(
      { kind: 'paragraph', text: 'Why this zone:' },
      { kind: 'list', items: [...zone.reasons] },
    );
  if (zone.partners !== undefined)
    blocks.push(
      zone.partners.length === 0
        ? {
            kind: 'paragraph',
            text: 'No organization of a relevant type was found nearby: a partner gap.',
          }
        : table(
            'Suggested partners',
            [
              ['Organization', false],
              ['Type', false],
              ['Distance', true],
            ],
            zone.partners.map((p) => [p.name, p.type, formatDistance(p.distanceMeters)]),
          ),
    );
  return blocks;
}

function privacyBlocks(model: ReportModel): ReportBlock[] {
  const privacy = model.privacy;
  if (privacy?.public !== true)
    return [
      {
        kind: 'paragraph',
        text: 'Internal export: counts are exact, small ones included. Do not publish this report; run with --public for a version that can be shared.',
      },
    ];
  const rules =
    privacy.rules !== undefined && privacy.rules.length > 0
      ? [...privacy.rules]
      : privacy.minCount === undefined
        ? []
        : [`counts from 1 to ${privacy.minCount - 1} are shown as "<${privacy.minCount}"`];
  return [
    {
      kind: 'paragraph',
      text: 'Public export: no incident location, date or record appears in this report or the files published with it. These rules were applied:',
    },
    ...(rules.length > 0 ? [{ kind: 'list' as const, items: rules }] : []),
  ];
}

function table(
  caption: string,
  columns: readonly (readonly [string, boolean])[],
  rows: readonly (readonly string[])[],
  compact = false,
): ReportTable {
  return {
    kind: 'table',
    caption,
    header: columns.map(([name]) => name),
    numeric: columns.map(([, numeric]) => numeric),
    rows,
    compact,
  };
}

function robustnessShort(zone: ZoneReportRow): string {
  const r = zone.robustness;
  return r === undefined ? '—' : `${r.label} (${formatPercentDown(r.meanProbability)})`;
}

/** The configuration as `path → value` rows; `//` comment keys are skipped. */
function settingRows(value: unknown, path: string, out: [string, string][]): void {
  if (Array.isArray(value)) {
    if (value.every((v) => !isObject(v))) {
      out.push([path, value.length === 0 ? '(none)' : value.map(formatSetting).join(', ')]);
      return;
    }
    value.forEach((item, i) => {
      if (isObject(item) && Object.values(item).every((v) => !isObject(v) && !Array.isArray(v)))
        out.push([
          `${path}[${i}]`,
          Object.entries(item)
            .map(([k, v]) => `${k}: ${formatSetting(v)}`)
            .join(', '),
        ]);
      else settingRows(item, `${path}[${i}]`, out);
    });
    return;
  }
  if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (key.startsWith('//')) continue;
      settingRows(v, path === '' ? key : `${path}.${key}`, out);
    }
    return;
  }
  if (path !== '' && value !== undefined) out.push([path, formatSetting(value)]);
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatSetting(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * A number with `digits` decimals and `,` thousands separators, the same in every locale;
 * `—` when missing.
 */
function formatNumber(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const fixed = Math.abs(value).toFixed(digits);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

function formatPercent(share: number | null, digits: number): string {
  return share === null || !Number.isFinite(share) ? '—' : `${formatNumber(share * 100, digits)}%`;
}

/**
 * A probability as a whole percentage rounded down, so that a value shown as 80% is never below
 * a threshold of 0.8 (0.799 would round to a misleading 80%); the 1e-9 absorbs binary error such
 * as 0.29 × 100 = 28.999….
 */
function formatPercentDown(share: number): string {
  return Number.isFinite(share) ? `${Math.floor(share * 100 + 1e-9)}%` : '—';
}

function formatCount(value: number | string | null): string {
  return typeof value === 'string' ? value : formatNumber(value, 0);
}

function formatDistance(meters: number): string {
  if (!Number.isFinite(meters)) return '—';
  return meters < 1000 ? `${formatNumber(meters, 0)} m` : `${formatNumber(meters / 1000, 1)} km`;
}

function withUnit(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === '%') return `${formatNumber(value, 1)}%`;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return unit === '' ? formatNumber(value, digits) : `${formatNumber(value, digits)} ${unit}`;
}
