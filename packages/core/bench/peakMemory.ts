import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printRow, repoPath } from './report.js';

/**
 * The Chicago run of issue 17 — 2018's incidents, 791 tracts and 654 schools of ../shared/data,
 * resolution 9, Gi* + LISA + emerging hot spots, robustness as by default (200 weight draws,
 * re-runs at resolutions 8 and 10) — by the CLI in a child process: its wall time and peak
 * resident memory (the child's maxRSS, Node itself included). Target: peak under 400 MB.
 *
 * @example
 * ```ts
 * benchChicagoPeakMemory();
 * ```
 */
export function benchChicagoPeakMemory(): void {
  const data = repoPath('../shared/data');
  const dir = mkdtempSync(join(tmpdir(), 'hexreach-peak-'));
  try {
    const config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        inputs: {
          incidents: { path: join(data, 'chicago_crimes_2018.csv') },
          areas: { path: join(data, 'chicago_sdoh_tracts_2014.geojson') },
          organizations: { path: join(data, 'chicago_cps_schools_sy1920.geojson') },
        },
        resolution: 9,
        statistics: ['gistar', 'lisa', 'emerging'],
        population: 'Pop2014',
        attributes: [{ name: 'Blk14P', kind: 'rate' }],
        indicators: [
          { name: 'Pov14', direction: 'higher' },
          { name: 'EP_PCI', direction: 'lower' },
          { name: 'EP_NOHSDP', direction: 'higher' },
          { name: 'Unemp14', direction: 'higher' },
        ],
        incidents: { categoryWeights: { HOMICIDE: 10, ROBBERY: 3, BATTERY: 2, ASSAULT: 2 } },
        zones: { threshold: 0.85, minCells: 3 },
      }),
    );
    const child = fileURLToPath(new URL('./peakMemoryRun.ts', import.meta.url));
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', child, 'analyze', '--config', config, '--out', join(dir, 'out')],
      { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const { ms, maxRssBytes } = JSON.parse(output.trim().split('\n').pop()!) as {
      ms: number;
      maxRssBytes: number;
    };
    printRow(
      'Chicago 2018, res 9, Gi* + LISA + emerging + robustness (CLI)',
      `${(ms / 1000).toFixed(1)} s`,
      'wall, child process, reading and writing included',
    );
    printRow(
      '  peak resident memory of that process (maxRSS)',
      `${(maxRssBytes / 2 ** 20).toFixed(0)} MiB`,
      'target < 400 MB',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
