/**
 * How often hexreach's Local Moran permutation test (spdep scheme, 999 permutations, spdep's
 * p) and spdep's `localmoran_perm` call the same Chicago 2018 cells significant at 0.05, at
 * resolution 9, against how often two R runs with different seeds agree. Needs R with spdep
 * (see lisaAgreement.R); not part of `npm run bench`. Run: npx tsx packages/core/bench/lisaAgreement.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHICAGO_RES9_WINDOW, readChicago2018 } from '../../../tests/chicagoConfig.js';
import { parseConfig } from '../src/config/parseConfig.js';
import { analyze } from '../src/pipeline/analyze.js';
import { kRingWeights } from '../src/weights/kRingWeights.js';

const config = parseConfig(
  {
    ...CHICAGO_RES9_WINDOW,
    statistics: ['gistar', 'lisa'],
    // CHICAGO_RES9_WINDOW is parsed, its p-values named for its scheme: name spdep's here.
    hotspots: {
      ...CHICAGO_RES9_WINDOW.hotspots,
      scheme: 'spdep',
      permutations: 999,
      pValue: 'spdep',
    },
    lisa: { ...CHICAGO_RES9_WINDOW.lisa, pValue: 'spdep' },
  },
  'chicago',
);
const result = analyze(await readChicago2018(config), config);
const { offsets, neighbors } = kRingWeights(result.grid, { k: 1, selfIncluded: false });
const lists = Array.from({ length: result.grid.cells.length }, (_, i) =>
  Array.from(neighbors.subarray(offsets[i], offsets[i + 1])),
);
const dir = mkdtempSync(join(tmpdir(), 'hexreach-lisa-'));
writeFileSync(join(dir, 'values.json'), JSON.stringify(Array.from(result.binned.count)));
writeFileSync(join(dir, 'neighbors.json'), JSON.stringify(lists));
const script = fileURLToPath(new URL('./lisaAgreement.R', import.meta.url));
execFileSync('Rscript', [script, dir], { stdio: 'inherit' });
const r = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8')) as Record<string, number[]>;
const ours = Array.from(result.lisa?.pSim ?? []);
const significant = (p: number) => p < 0.05;
const agree = (a: number[], b: number[]) =>
  a.filter((p, i) => significant(p) === significant(b[i])).length / a.length;
const share = (a: number[]) => a.filter(significant).length / a.length;
const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
console.log(`Chicago 2018, resolution 9, ${ours.length} cells, 999 permutations, spdep scheme`);
console.log(
  `significant at 0.05: hexreach ${pct(share(ours))}, R (seed 1) ${pct(share(r.seed1))}, R (seed 2) ${pct(share(r.seed2))}`,
);
console.log(
  `same call, hexreach and R (seed 1): ${pct(agree(ours, r.seed1))}; (seed 2): ${pct(agree(ours, r.seed2))}`,
);
console.log(`same call, R seed 1 and R seed 2: ${pct(agree(r.seed1, r.seed2))}`);
