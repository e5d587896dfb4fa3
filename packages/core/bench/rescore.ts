import { readDemoInputs } from '../../../data/readDemoInputs.js';
import { readExampleConfig } from '../../../data/readExampleConfig.js';
import type { HexreachConfig } from '../src/config/configSchema.js';
import { analysisToCellColumns } from '../src/export/analysisToCellColumns.js';
import type { AnalysisResult } from '../src/pipeline/analysisResult.js';
import { analyze } from '../src/pipeline/analyze.js';
import { createScorer, type PriorityWeights } from '../src/priority/createScorer.js';
import { median, printRow } from './report.js';

/** Slider positions, cycled so that zones, ranks and reasons change from one re-scoring to the next. */
const WEIGHT_SETS: readonly Partial<PriorityWeights>[] = [
  { hotspot: 0.6 },
  { need: 0.8, hotspot: 0.1 },
  { partnerGap: 0.5 },
  { crimeRate: 0.6, trustDeficit: 0.3 },
  { hotspot: 0.35, crimeRate: 0.15, need: 0.3, trustDeficit: 0.1, partnerGap: 0.1 },
];

function milliseconds(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}

/**
 * Re-scoring with new priority weights (`createScorer(result).full`, what the viewer's weight sliders
 * need) against the full `analyze` of the same inputs, both timed in this run: the demo city
 * (incidents, tracts, organizations, surveys, the example configuration) at resolution 11,
 * 65,949 cells. The baseline `analyze` runs without robustness, which `createScorer(result).full` leaves
 * out by default; `analyze` with the configured 200 weight draws (without the re-run at
 * resolution 10) is what a slider move cost before. Also the export of the re-scored cells'
 * columns (`analysisToCellColumns`), which the viewer's worker sends to the page, and one
 * re-scoring with the weight draws.
 */
export async function benchRescore(runs: number): Promise<void> {
  const example = readExampleConfig();
  const config: HexreachConfig = {
    ...example,
    resolution: 11,
    robustness: { ...example.robustness, resolutions: false },
  };
  const withoutRobustness: HexreachConfig = {
    ...config,
    robustness: { ...config.robustness, draws: 0 },
  };
  const inputs = await readDemoInputs(config);

  const full: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    analyze(inputs, withoutRobustness);
    full.push(performance.now() - start);
  }
  const drawsStart = performance.now();
  const analysis: AnalysisResult = analyze(inputs, config);
  const withDrawsMs = performance.now() - drawsStart;

  // Many slider moves per analysis: the first few warm the JIT up and are not counted.
  const rescores = Math.max(20, 10 * runs);
  const times: number[] = [];
  const steps: Record<string, number[]> = { priority: [], zones: [], reasons: [] };
  const columns: number[] = [];
  let zones = 0;
  for (let k = -5; k < rescores; k++) {
    const start = performance.now();
    const rescored = createScorer(analysis).full(WEIGHT_SETS[(k + 5) % WEIGHT_SETS.length]);
    const end = performance.now();
    analysisToCellColumns(rescored);
    const exported = performance.now();
    if (k < 0) continue;
    times.push(end - start);
    columns.push(exported - end);
    for (const step of Object.keys(steps)) steps[step].push(rescored.durations[step] * 1000);
    zones = Math.max(zones, rescored.zones.length);
  }
  const fullMs = median(full);
  const rescoreMs = median(times);
  printRow(
    `analyze, demo city at res 11, no robustness (baseline, ${runs} runs)`,
    `${(fullMs / 1000).toFixed(3)} s`,
    `${analysis.grid.cells.length.toLocaleString('en-US')} cells`,
  );
  printRow(
    `  createScorer(…).full, new weights (${rescores} re-scorings)`,
    milliseconds(rescoreMs),
    `${(fullMs / rescoreMs).toFixed(0)} × faster; up to ${zones} zones`,
  );
  printRow(
    '    of which priority / zones / reasons and zone details',
    Object.values(steps)
      .map((t) => median(t).toFixed(1))
      .join(' / '),
    'ms',
  );
  printRow('  analysisToCellColumns of the re-scored result', milliseconds(median(columns)));
  printRow(
    `  analyze with ${config.robustness.draws} weight draws (1 run)`,
    `${(withDrawsMs / 1000).toFixed(3)} s`,
    `${(withDrawsMs / rescoreMs).toFixed(0)} × a re-scoring`,
  );

  const start = performance.now();
  const drawn = createScorer(analysis).full(WEIGHT_SETS[1], { robustness: true });
  const robustMs = performance.now() - start;
  printRow(
    `  createScorer(…).full with robustness (${drawn.robustness!.draws} weight draws, 1 run)`,
    `${(robustMs / 1000).toFixed(3)} s`,
    `${(robustMs / rescoreMs).toFixed(0)} × a re-scoring without`,
  );
}
