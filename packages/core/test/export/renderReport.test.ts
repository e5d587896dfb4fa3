import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/export/renderReportHtml.js';
import { renderReportMarkdown } from '../../src/export/renderReportMarkdown.js';
import type { ReportModel } from '../../src/export/reportModel.js';
import { reportSections } from '../../src/export/reportSections.js';
import { codeOf } from '../helpers/errors.js';

const model: ReportModel = JSON.parse(
  readFileSync(new URL('../fixtures/report/model.json', import.meta.url), 'utf8'),
);
const MALICIOUS = '<img src=x onerror=alert(1)>';
/** Text the fixture's user data holds that looks like a link; it must stay text. */
const USER_URL = 'https://example.org';

const VOID = new Set([
  'meta',
  'br',
  'hr',
  'img',
  'input',
  'link',
  'col',
  'wbr',
  'area',
  'base',
  'source',
]);

/** Every start or end tag of the document (escaped text holds no `<`, so these are real tags). */
function tags(html: string): string[] {
  return html.match(/<\/?[a-zA-Z][^>]*>/g) ?? [];
}

/** Whether every element that is opened is closed, in order. */
function balanced(html: string): boolean {
  const stack: string[] = [];
  for (const tag of tags(html)) {
    const name = /^<\/?([a-zA-Z][\w:-]*)/.exec(tag)![1].toLowerCase();
    if (tag.startsWith('</')) {
      if (stack.pop() !== name) return false;
    } else if (!VOID.has(name) && !tag.endsWith('/>')) stack.push(name);
  }
  return stack.length === 0;
}

/** The lines of each Markdown table (consecutive lines starting with `|`). */
function markdownTables(md: string): string[][] {
  const tables: string[][] = [];
  let current: string[] = [];
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length > 0) {
      tables.push(current);
      current = [];
    }
  }
  if (current.length > 0) tables.push(current);
  return tables;
}

/** Number of cell separators: `|` not escaped by a backslash. */
function pipes(line: string): number {
  return (line.replaceAll('\\\\', '').match(/(?<!\\)\|/g) ?? []).length;
}

describe('renderReportHtml', () => {
  const html = renderReportHtml(model);

  it('is one well-formed HTML document', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(balanced(html)).toBe(true);
  });

  it('names every zone in a heading and on the map', () => {
    for (const zone of model.zones) {
      expect(html).toContain(`<h3>${zone.id} · rank ${zone.rank}</h3>`);
      expect(html).toMatch(new RegExp(`<text [^>]*>${zone.id}</text>`));
    }
  });

  it('shows data text literally: a malicious organization name is escaped, not markup', () => {
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(MALICIOUS);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<title>Outreach zones — Demo &amp; &lt;Test&gt;</title>');
    expect(html).toContain('pct_&lt;script&gt;');
  });

  it('loads nothing: no script, no src or href attribute, no url() and no link outside user text', () => {
    for (const tag of tags(html)) {
      expect(tag).not.toMatch(
        /\s(src|href|xlink:href|srcset|action|formaction|background|poster)\s*=/i,
      );
      expect(tag).not.toMatch(/\son\w+\s*=/i);
    }
    expect(html).not.toMatch(/url\(|@import|<link|<iframe|<object|<embed/i);
    expect(html.replaceAll(USER_URL, '')).not.toMatch(/https?:\/\//);
    expect(html).toContain(USER_URL);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('draws the map and the Lorenz curve as inline SVG', () => {
    expect(html.match(/<svg /g)?.length).toBe(2);
    expect(html).toContain('<polyline points="52,256');
    for (const label of ['robust', 'moderate', 'fragile'])
      expect(html).toContain(`>${label}</text>`);
  });

  it('has print styles', () => {
    expect(html).toContain('@media print');
    expect(html).toContain('@page');
    expect(html).toContain('break-inside: avoid');
  });

  it('holds each zone table: score, robustness, area, residents, incidents, categories, need, trust, class, reasons and partners', () => {
    const z01 = html.slice(html.indexOf('<h3>Z01'), html.indexOf('<h3>Z02'));
    for (const text of [
      'mean 0.892, highest 0.989',
      'robust: its cells were selected in 93% of the checks on average; 100% of its cells in at least half',
      '4.53 km²',
      '32,230',
      '4,553',
      'BATTERY 956; THEFT 859; ASSAULT 589',
      '<td>0.91</td>',
      '<td>2.71</td>',
      'significant hotspot and ≥90th-percentile need',
      '<li>94th percentile need</li>',
      '<caption>Suggested partners</caption>',
      '<td class="num">420 m</td>',
      '<td class="num">1.5 km</td>',
      'Boys | Girls *Club* [see] https://example.org',
    ])
      expect(z01).toContain(text);
    const z03 = html.slice(html.indexOf('<h3>Z03'));
    expect(z03).toContain('a partner gap');
  });

  it('suppresses a small zone count in a public export even when the model holds the number', () => {
    const z03 = html.slice(html.indexOf('<h3>Z03'), html.indexOf('<h2>', html.indexOf('<h3>Z03')));
    expect(z03).toContain('<td>Incidents</td><td>&lt;5</td>');
    const internal = renderReportHtml({ ...model, privacy: { public: false } });
    const z03Internal = internal.slice(internal.indexOf('<h3>Z03'));
    expect(z03Internal).toContain('<td>Incidents</td><td>3</td>');
    expect(internal).toContain('Internal export');
  });

  it('states the privacy rules, the data sources, the seed and the parameters, but no date', () => {
    expect(html).toContain(
      '<li>cell and zone incident counts from 1 to 4 written as &quot;&lt;5&quot;</li>',
    );
    expect(html).toContain('<td>orgs&lt;1&gt;.geojson</td>');
    expect(html).toContain('<td class="num">50,261</td>');
    expect(html).toContain('seed 42');
    expect(html).toContain('<td>priority.weights.hotspot</td><td>0.4</td>');
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(renderReportHtml(model)).toBe(html);
  });

  it('writes the equity table with ratios', () => {
    expect(html).toContain(
      '<td>Black residents</td><td class="num">61.2%</td><td class="num">30.4%</td><td class="num">2.01×</td>',
    );
    expect(html).toContain('38,000 USD');
    expect(html).toContain(
      'The zones are home to 34,330 of the study area&#39;s 658,012 residents (5.2%).',
    );
  });
});

describe('renderReportMarkdown', () => {
  const md = renderReportMarkdown(model);

  it('writes well-formed tables: a separator line and the same number of cells on every line', () => {
    const tables = markdownTables(md);
    expect(tables.length).toBeGreaterThan(8);
    for (const table of tables) {
      expect(table.length).toBeGreaterThanOrEqual(3);
      expect(table[1]).toMatch(/^\|( -{3}:? \|)+$/);
      for (const line of table) expect(pipes(line)).toBe(pipes(table[0]));
    }
  });

  it('shows data text literally: no raw markup, escaped pipes and markers', () => {
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(md).not.toMatch(/(?<!\\)</);
    expect(md).toContain('Boys \\| Girls \\*Club\\* \\[see\\] https://example.org');
    expect(md).toContain('- 1\\. hotspot \\| 99% confidence');
    expect(md).toContain('- \\# not a heading');
    expect(md.startsWith('# Outreach zones — Demo \\& \\<Test\\>\n')).toBe(true);
  });

  it('has a section per zone and points to the HTML report for the figures', () => {
    for (const zone of model.zones) expect(md).toContain(`### ${zone.id} · rank ${zone.rank}\n`);
    expect(md).toContain('The map is drawn in report.html.');
    expect(md).toContain('The chart is drawn in report.html.');
  });

  it('says the same as the HTML report', () => {
    expect(md).toContain('| Incidents | \\<5 |');
    expect(md).toContain('| top 10% | 47.9% |');
    expect(md.endsWith('\n')).toBe(true);
    expect(renderReportMarkdown(model)).toBe(md);
  });
});

describe('reportSections', () => {
  it('orders the sections: title, zones, one per zone, equity, concentration, privacy, sources, parameters, notes', () => {
    expect(reportSections(model).map((s) => s.id)).toEqual([
      'title',
      'zones',
      'zone-1',
      'zone-2',
      'zone-3',
      'equity',
      'concentration',
      'privacy',
      'sources',
      'parameters',
      'notes',
    ]);
  });

  it('flattens the parameters into setting rows', () => {
    const parameters = reportSections(model).find((s) => s.id === 'parameters')!;
    const table = parameters.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['resolution', '8'],
      ['population', 'population'],
      [
        'indicators[0]',
        'name: poverty_rate, direction: higher, weight: 1, label: People in poverty (%)',
      ],
      ['priority.normalization', 'percentile'],
      ['priority.weights.hotspot', '0.4'],
      ['priority.weights.crimeRate', '0.2'],
      ['priority.weights.need', '0.4'],
      ['zones.threshold', '0.8'],
      ['zones.minCells', '3'],
      ['statistics', 'gistar'],
    ]);
  });

  it('explains an empty selection and leaves out what the model does not have', () => {
    const sections = reportSections({
      title: 't',
      version: '0',
      seed: 0,
      parameters: undefined,
      inputs: {},
      zones: [],
      zoneGeometries: [],
      notes: [],
    });
    expect(sections.map((s) => s.id)).toEqual([
      'title',
      'zones',
      'privacy',
      'sources',
      'parameters',
    ]);
    expect(JSON.stringify(sections[1])).toContain('no priority zone');
    expect(
      renderReportHtml({ ...model, zones: [], zoneGeometries: [], studyOutline: undefined }),
    ).not.toContain('<h3>');
  });

  it('rejects a model without its lists', () => {
    expect(codeOf(() => reportSections({} as ReportModel))).toBe('E_ARGUMENT');
    expect(codeOf(() => renderReportHtml(null as unknown as ReportModel))).toBe('E_ARGUMENT');
  });
});
