import { existsSync } from 'node:fs';
import { readDemoInputs } from '../../../data/readDemoInputs.js';
import { readExampleConfig } from '../../../data/readExampleConfig.js';
import { CHICAGO_RES9_WINDOW, readChicago2018 } from '../../../tests/chicagoConfig.js';
import { attackRecovery } from '../../../tests/giStarAttack.js';
import type { HexreachConfig } from '../src/config/configSchema.js';
import { parseConfig } from '../src/config/parseConfig.js';
import { analysisToCells } from '../src/export/analysisToCells.js';
import type { AnalysisResult, AnalyzeInputs } from '../src/pipeline/analysisResult.js';
import { analyze } from '../src/pipeline/analyze.js';
import { median, printRow, repoPath } from './report.js';

const EPSILONS = [0.5, 1, 2, 4];
/** Public runs per ε, each with its own noise (seeded, so that the table is reproducible). */
const SEEDS = [1, 2, 3];

/** How close a public run comes to the private one. */
interface Utility {
  /** Share of the private run's 95 % hot cells (gi_bin ≥ 2) still 95 % hot. */
  readonly hotKept: number;
  /** Share of the cells of the private run's top-5 zones in the public run's top 5. */
  readonly topZones: number;
  /** Mean absolute error of the published cell incident counts. */
  readonly mae: number;
  /** Share of cells with 1–4 incidents whose true weighted count the Gi* attack gets exactly. */
  readonly attack: number;
}

function utilityOf(truth: AnalysisResult, noisy: AnalysisResult): Utility {
  let hot = 0;
  let kept = 0;
  let error = 0;
  for (let c = 0; c < truth.grid.cells.length; c++) {
    if (truth.hotspots.bin[c] >= 2) {
      hot++;
      if (noisy.hotspots.bin[c] >= 2) kept++;
    }
    error += Math.abs(truth.binned.incidents[c] - noisy.binned.incidents[c]);
  }
  const top = (r: AnalysisResult) => new Set(r.zones.slice(0, 5).flatMap((z) => z.cells));
  const truthTop = top(truth);
  const noisyTop = top(noisy);
  let common = 0;
  for (const cell of truthTop) if (noisyTop.has(cell)) common++;
  const cellTable = noisy.noisy!.privacy.tables.find((t) => t.table === 'byGroup')!;
  const attack = attackRecovery(analysisToCells(truth), analysisToCells(noisy), cellTable.epsilon);
  return {
    hotKept: hot === 0 ? Number.NaN : kept / hot,
    topZones: truthTop.size === 0 ? Number.NaN : common / truthTop.size,
    mae: error / truth.grid.cells.length,
    attack: attack.rate,
  };
}

/** The utility table of one city, and the time of a public run against a private one. */
function benchCity(label: string, inputs: AnalyzeInputs, config: HexreachConfig): void {
  const privateSeconds: number[] = [];
  const timedPrivate = () => {
    const t = performance.now();
    const result = analyze(inputs, config);
    privateSeconds.push((performance.now() - t) / 1000);
    return result;
  };
  const truth = timedPrivate();
  const publicSeconds: number[] = [];
  for (const epsilon of EPSILONS) {
    const rows = SEEDS.map((noiseSeed) => {
      const t = performance.now();
      const noisy = analyze(inputs, {
        ...config,
        privacy: { ...config.privacy, public: true, epsilon, noiseSeed },
      });
      publicSeconds.push((performance.now() - t) / 1000);
      // A private run between public ones, so that both are timed as warm and as often.
      timedPrivate();
      return utilityOf(truth, noisy);
    });
    const mean = (pick: (u: Utility) => number) =>
      rows.reduce((s, u) => s + pick(u), 0) / rows.length;
    printRow(
      `privacy: ${label}, ε = ${epsilon}`,
      `${(100 * mean((u) => u.hotKept)).toFixed(1)} % hot`,
      `top-5 zones ${(100 * mean((u) => u.topZones)).toFixed(1)} % of cells, count MAE ${mean((u) => u.mae).toFixed(2)}, attack exact ${(100 * mean((u) => u.attack)).toFixed(1)} % (means of ${SEEDS.length} noise draws)`,
    );
  }
  printRow(
    `privacy: ${label}, public run / private run`,
    `${(median(publicSeconds) / median(privateSeconds)).toFixed(2)}×`,
    `medians of ${publicSeconds.length} runs each: public ${median(publicSeconds).toFixed(2)} s, private ${median(privateSeconds).toFixed(2)} s`,
  );
}

/**
 * The utility of the public export at ε = 0.5, 1, 2, 4 on the demo city and on Chicago 2018 at
 * resolution 9, against the private run of the same data: what a department trades for ε.
 */
export async function benchPrivacy(): Promise<void> {
  const example = readExampleConfig();
  const demo = parseConfig(
    { ...example, robustness: { ...example.robustness, draws: 0, resolutions: false } },
    'example',
  );
  benchCity('demo city', await readDemoInputs(demo), demo);
  if (!existsSync(repoPath('../shared/data/chicago_crimes_2018.csv'))) {
    printRow('privacy: Chicago 2018', 'skipped', '../shared/data not found');
    return;
  }
  const chicago = CHICAGO_RES9_WINDOW;
  benchCity('Chicago 2018 res 9', await readChicago2018(chicago), chicago);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPrivacy();
