import type { ReportModel } from './reportModel.js';
import { type ReportBlock, reportSections } from './reportSections.js';

/**
 * The outreach report as Markdown (`report.md`, CommonMark with GitHub-style tables): the same
 * sections as `report.html` (see `reportSections`), with the figures replaced by a pointer to the
 * HTML report. Every text from the data is escaped so that it shows literally: Markdown
 * punctuation, `|` in tables and `<`/`>` (which Markdown would otherwise pass through as HTML) are
 * backslash-escaped, and line breaks inside a value become spaces. No date of the run appears, so
 * the same model always gives the same text.
 *
 * @param model - what the report shows
 * @returns the Markdown text, ending in a newline
 * @throws HexreachError `E_ARGUMENT` when `model` lacks its `zones`, `zoneGeometries` or `notes` lists
 * @example
 * ```ts
 * writeFileSync('out/report.md', renderReportMarkdown(model));
 * ```
 */
export function renderReportMarkdown(model: ReportModel): string {
  const out: string[] = [];
  for (const section of reportSections(model)) {
    out.push(`${'#'.repeat(section.level)} ${escapeMarkdown(section.heading)}`, '');
    for (const block of section.blocks) out.push(...renderBlock(block), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function renderBlock(block: ReportBlock): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [escapeMarkdown(block.text)];
    case 'list':
      return block.items.map((item) => `- ${escapeMarkdown(item)}`);
    case 'figure':
      return [
        `_${escapeMarkdown(block.caption)} The ${block.figure === 'map' ? 'map' : 'chart'} is drawn in report.html._`,
      ];
    case 'table': {
      const row = (cells: readonly string[]) => `| ${cells.map(escapeInline).join(' | ')} |`;
      const rule = `| ${block.numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`;
      return [
        ...(block.caption === '' ? [] : [`**${escapeMarkdown(block.caption)}**`, '']),
        row(block.header),
        rule,
        ...block.rows.map(row),
      ];
    }
  }
}

/**
 * Text that Markdown shows literally where a block starts (heading, paragraph, list item): as
 * {@link escapeInline}, and a line-starting marker (`#`, `+`, `-`, `=`, `1.`) is escaped too.
 */
function escapeMarkdown(text: string): string {
  return escapeInline(text)
    .replace(/^(\s*)([#+\-=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/**
 * Text that Markdown shows literally inside a line: inline punctuation and `<`, `>`, `|` are
 * backslash-escaped (CommonMark §2.4) and line breaks become spaces, so a value can neither end a
 * table row nor start a block.
 */
function escapeInline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]<>|~&!]/g, '\\$&');
}
