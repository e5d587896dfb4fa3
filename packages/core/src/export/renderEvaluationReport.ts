import type { CrimeChange } from '../evaluate/crimeChange.js';
import type { EvaluationRun } from '../evaluate/evaluateRun.js';
import { escapeHtml } from './escapeHtml.js';
import { seriesToSvg } from './seriesToSvg.js';

const pct = (x: number) =>
  Number.isFinite(x)
    ? `${x < 0 ? '−' : x > 0 ? '+' : ''}${Math.abs(Math.round(x * 1000) / 10)} %`
    : '–';
const dec = (x: number, d = 2) =>
  Number.isFinite(x) ? (x < 0 ? `−${Math.abs(x).toFixed(d)}` : x.toFixed(d)) : '–';
const count = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const ci = (c: CrimeChange) => `${pct(c.low)} to ${pct(c.high)}`;

/** The sentences of the method, shared by the HTML and Markdown reports. */
function methodText(run: EvaluationRun): string[] {
  const s = run.settings;
  return [
    `Each zone's incidents in the months before and after its start are compared with a comparison group: ${run.matching.rule} (${run.matching.poolCells.toLocaleString('en-US')} cells to choose from). The estimate is the ratio of the zone's after/before ratio to the comparison's, minus one: −18 % means 18 % fewer incidents than the comparison's trend implies.`,
    `Intervals and p-values come from ${s.placebos} placebo zones per zone: zones of the same size drawn at random outside every zone and its ring (seed ${s.seed}), each estimated in the same way. The p-value is the share of placebos with an estimate at least as extreme; the ${Math.round(s.confidence * 100)} % interval is as wide as the placebos' own spread requires.`,
    `Displacement: the weighted displacement quotient of Bowers & Johnson (2003), WDQ = (Da/Ca − Db/Cb) / (Ra/Ca − Rb/Cb), for the ring of ${s.bufferK} cell(s) around the zone (D), the zone (R) and the comparison (C), before (b) and after (a). Read only when the zone fell against the comparison: positive is a diffusion of benefits, negative displacement, below −1 more displaced than prevented; a ring whose own change is not significant shows no measurable displacement.`,
    'Engagement is descriptive: where the work went, not what it caused.',
  ];
}

/**
 * The outcome report of `hexreach evaluate` as one self-contained HTML page (report.html): the
 * method in words, all zones together, per zone its sentence, figures and a before/after chart
 * (zone, ring and comparison by month, the start marked), the engagement and the notes. No
 * script, font or link; every text from the data is HTML-escaped.
 *
 * @param run - the evaluation
 * @returns the HTML document
 * @example
 * ```ts
 * writeFileSync('report.html', renderEvaluationHtml(run));
 * ```
 */
export function renderEvaluationHtml(run: EvaluationRun): string {
  const e = escapeHtml;
  const zones = run.zones
    .map(
      (z) => `<section class="zone"><h3>${e(z.id)}${z.name !== z.id ? ` · ${e(z.name)}` : ''}</h3>
<p>${e(z.sentence)}</p>
<table class="measures"><tbody>
<tr><td>Periods</td><td>before ${e(z.window.before.from)} – ${e(z.window.before.to)}, after ${e(z.window.after.from)} – ${e(z.window.after.to)} (${z.window.months} months each; start ${e(z.start)})</td></tr>
<tr><td>Incidents in the zone (${z.cells} cells)</td><td class="num">${count(z.crime.zone.before)} → ${count(z.crime.zone.after)}</td></tr>
<tr><td>Matched comparison (${z.crime.comparison.cells} cells, weighted)</td><td class="num">${count(z.crime.comparison.before)} → ${count(z.crime.comparison.after)}</td></tr>
<tr><td>Change against the comparison</td><td class="num">${pct(z.crime.change)} (${Math.round(z.crime.confidence * 100)} % CI ${ci(z.crime)}), p = ${dec(z.crime.p, 3)}</td></tr>
<tr><td>Ring (${z.displacement.buffer.cells} cells)</td><td class="num">${count(z.displacement.buffer.before)} → ${count(z.displacement.buffer.after)}, ${pct(z.displacement.bufferChange)} against the comparison</td></tr>
<tr><td>WDQ</td><td class="num">${dec(z.displacement.wdq)} (${e(z.displacement.reading)})</td></tr>
${z.trust ? `<tr><td>Trust (answers before, after)</td><td class="num">${dec(z.trust.before)} → ${dec(z.trust.after)} (${z.trust.answersBefore}, ${z.trust.answersAfter}); against the comparison ${dec(z.trust.change)} (${dec(z.trust.low)} to ${dec(z.trust.high)})${z.trust.fewAnswers ? ', too few answers: not scored' : ''}</td></tr>` : ''}
${z.engagement ? `<tr><td>Engagement</td><td>${z.engagement.events} events, ${count(z.engagement.attendance)} attending (${dec(z.engagement.attendancePer1000, 1)} per 1,000 residents), partners: ${e(z.engagement.partners.join(', ') || 'none')}, first after ${Number.isFinite(z.engagement.daysToFirstEvent) ? `${z.engagement.daysToFirstEvent} days` : '–'}</td></tr>` : ''}
</tbody></table>
<figure>${seriesToSvg(z.series, { title: `${z.id}: incidents per day by month` })}<figcaption>Incidents per day by month in ${e(z.id)}, its ring and its matched comparison; the dashed line marks the start.</figcaption></figure>
</section>`,
    )
    .join('\n');
  const engagement = run.engagement
    ? `<h2>Engagement</h2><p>${run.engagement.reached} of ${run.zones.length} zones reached (${Math.round(run.engagement.share * 100)} %)${run.engagement.notReached.length > 0 ? `; not reached: ${e(run.engagement.notReached.join(', '))}` : ''}. ${run.engagement.outsideZones} activities were in no zone.</p>
<table class="compact"><caption>Engagement and crime change per zone (descriptive, not causal)</caption><thead><tr><th>zone</th><th class="num">events</th><th class="num">per 1,000 residents</th><th class="num">crime change</th></tr></thead><tbody>${run.zones
        .map(
          (z) =>
            `<tr><td>${e(z.id)}</td><td class="num">${z.engagement?.events ?? 0}</td><td class="num">${dec(z.engagement?.attendancePer1000 ?? Number.NaN, 1)}</td><td class="num">${pct(z.crime.change)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>hexreach outcomes</title><style>${STYLE}</style></head><body><main>
<h1>Did the outreach help? Outcomes of the priority zones</h1>
<p class="meta">${run.zones.length} zones · H3 resolution ${run.grid.resolution} · ${run.months.count} whole months of incidents, ${e(run.months.from)} – ${e(run.months.to)}${run.privacy.public ? ` · public: differentially private counts (ε = ${run.privacy.epsilon})` : ''}</p>
<h2>All zones together</h2>
<p>Incidents changed ${pct(run.all.change)} (${Math.round(run.all.confidence * 100)} % CI ${ci(run.all)}, p = ${dec(run.all.p, 3)}) against the matched comparisons: ${count(run.all.zone.before)} → ${count(run.all.zone.after)} in the zones.</p>
<h2>Outcomes</h2>
${zones}
${engagement}
<h2>Method</h2>
${methodText(run)
  .map((t) => `<p>${e(t)}</p>`)
  .join('\n')}
${run.notes.length > 0 ? `<h2>Notes</h2><ul>${run.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : ''}
</main></body></html>
`;
}

/**
 * The outcome report as Markdown (report.md): the same sections as the HTML, with the monthly
 * series as a table instead of a chart.
 *
 * @param run - the evaluation
 * @returns the Markdown text
 * @example
 * ```ts
 * writeFileSync('report.md', renderEvaluationMarkdown(run));
 * ```
 */
export function renderEvaluationMarkdown(run: EvaluationRun): string {
  const md = (s: string) => s.replace(/([\\`*_[\]|<>])/g, '\\$1');
  const lines = [
    '# Did the outreach help? Outcomes of the priority zones',
    '',
    `${run.zones.length} zones · H3 resolution ${run.grid.resolution} · ${run.months.count} whole months, ${run.months.from} – ${run.months.to}${run.privacy.public ? ` · public: differentially private counts (ε = ${run.privacy.epsilon})` : ''}`,
    '',
    '## All zones together',
    '',
    `Incidents changed ${pct(run.all.change)} (${Math.round(run.all.confidence * 100)} % CI ${ci(run.all)}, p = ${dec(run.all.p, 3)}) against the matched comparisons.`,
    '',
    '## Outcomes',
  ];
  for (const z of run.zones) {
    lines.push(
      '',
      `### ${md(z.id)}${z.name !== z.id ? ` · ${md(z.name)}` : ''}`,
      '',
      md(z.sentence),
      '',
      `- Periods: before ${z.window.before.from} – ${z.window.before.to}, after ${z.window.after.from} – ${z.window.after.to} (${z.window.months} months each)`,
      `- Incidents in the zone: ${count(z.crime.zone.before)} → ${count(z.crime.zone.after)}; matched comparison: ${count(z.crime.comparison.before)} → ${count(z.crime.comparison.after)}`,
      `- Change: ${pct(z.crime.change)} (${Math.round(z.crime.confidence * 100)} % CI ${ci(z.crime)}), p = ${dec(z.crime.p, 3)}`,
      `- Ring: ${pct(z.displacement.bufferChange)} against the comparison; WDQ ${dec(z.displacement.wdq)} (${z.displacement.reading})`,
      '',
      '| month | zone | ring | comparison |',
      '|---|---:|---:|---:|',
      ...z.series.months.map(
        (m, i) =>
          `| ${m.slice(0, 7)}${i === z.series.startIndex ? ' (start)' : ''} | ${dec(z.series.zone[i], 3)} | ${dec(z.series.buffer[i], 3)} | ${dec(z.series.comparison[i], 3)} |`,
      ),
    );
  }
  lines.push('', '## Method', '', ...methodText(run).flatMap((t) => [md(t), '']));
  if (run.notes.length > 0) lines.push('## Notes', '', ...run.notes.map((n) => `- ${md(n)}`), '');
  return `${lines.join('\n')}\n`;
}

const STYLE = `body{margin:0;color:#1a1a1a;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}main{max-width:960px;margin:0 auto;padding:24px 28px 48px}h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;padding-bottom:4px;border-bottom:2px solid #d94801}h3{font-size:17px;margin:24px 0 6px}.meta{color:#555;font-size:13px}table{border-collapse:collapse;margin:8px 0 12px;font-size:13.5px;width:100%}caption{text-align:left;font-weight:600;padding:4px 0}th,td{border:1px solid #d0d0d0;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}table.measures td:first-child{width:32%;color:#444}table.compact{width:auto;min-width:50%}figure{margin:12px 0}figure svg{display:block;max-width:100%;height:auto;border:1px solid #d0d0d0}figcaption{color:#555;font-size:13px}section.zone{border-left:4px solid #d94801;padding-left:12px;margin-top:18px;break-inside:avoid}`;
