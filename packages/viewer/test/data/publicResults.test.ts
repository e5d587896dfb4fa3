import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResults } from '../../src/data/loadResults.js';
import { memoryResultSource } from '../../src/data/memoryResultSource.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

describe('the results of a public export (hexreach analyze --public) in the viewer', () => {
  let texts: Record<string, string>;

  beforeAll(() => {
    const out = mkdtempSync(join(tmpdir(), 'hexreach-viewer-public-'));
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'packages/core/dist/cli/main.js'),
        'analyze',
        '--config',
        join(root, 'examples/hexreach.config.json'),
        '--out',
        out,
        '--public',
        '--quiet',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    texts = Object.fromEntries(
      readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]),
    );
  }, 120_000);

  it('load, the suppressed counts ("<5") shown as no value with a note', async () => {
    const results = await loadResults(memoryResultSource('public run', texts));
    expect(results.numericColumns).toContain('incidents');
    const suppressed = results.cells.features.filter((f) => f.properties.incidents === '<5');
    expect(suppressed.length).toBeGreaterThan(0);
    const column = results.columns.incidents;
    results.cells.features.forEach((f, i) => {
      if (f.properties.incidents === '<5') expect(column[i]).toBeNaN();
      else expect(column[i]).toBe(f.properties.incidents);
    });
    expect(results.notes.join('\n')).toContain(
      `incidents: ${suppressed.length} cells hold a small count suppressed for privacy`,
    );
  });
});
