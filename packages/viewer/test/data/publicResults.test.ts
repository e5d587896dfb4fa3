import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoRunDir } from '../../../../tests/helpers.js';
import { loadResults } from '../../src/data/loadResults.js';
import { memoryResultSource } from '../../src/data/memoryResultSource.js';

describe('the results of a public export (hexreach analyze --public) in the viewer', () => {
  // `hexreach analyze --config examples/hexreach.config.json --public`, run once (tests/globalSetup.ts).
  const texts = (): Record<string, string> => {
    const out = demoRunDir('public');
    return Object.fromEntries(
      readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]),
    );
  };

  it('load, the suppressed counts ("<5") shown as no value with a note', async () => {
    const results = await loadResults(memoryResultSource('public run', texts()));
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
