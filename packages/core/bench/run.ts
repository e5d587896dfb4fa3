/**
 * `npm run bench`: prints figures as ratios against baselines measured in the same run, and the
 * machine. Numbers, not assertions: timed tests are flaky on shared machines.
 */

import { benchViewer } from '../../viewer/bench/viewerBench.js';
import { benchAnalyze, benchWholeRuns } from './analyzeBench.js';
import { benchEmerging } from './emerging.js';
import { benchEvaluation } from './evaluationCalibration.js';
import { benchIngestion } from './ingestion.js';
import { benchLargeCsv } from './largeCsv.js';
import { benchOutreach } from './outreach.js';
import { benchPermutations } from './permutations.js';
import { benchPrivacy } from './privacyUtility.js';
import { printMachine } from './report.js';
import { benchRescore } from './rescore.js';

const runs = Number(process.env.BENCH_RUNS ?? 3);
printMachine();
console.log(`(median of ${runs} runs unless stated)\n`);
await benchIngestion(runs);
// The 1 GB file takes a few minutes to write and read; BENCH_LARGE=0 leaves it out.
if (process.env.BENCH_LARGE !== '0') await benchLargeCsv();
console.log('');
await benchAnalyze(runs);
console.log('');
await benchWholeRuns(runs);
console.log('');
await benchPermutations(1);
console.log('');
await benchEmerging(runs);
console.log('');
await benchOutreach(runs);
console.log('');
await benchRescore(runs);
console.log('');
await benchPrivacy();
console.log('');
await benchEvaluation();
console.log('');
await benchViewer(runs);
