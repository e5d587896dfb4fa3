import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { giStarAttack } from './giStarAttack.js';
import { demoRunDir } from './helpers.js';

const cellsOf = (kind: 'private' | 'public'): FeatureCollection =>
  JSON.parse(readFileSync(join(demoRunDir(kind), 'cells.geojson'), 'utf8'));

// The reconstruction attack a differentially private export must resist (issue 13). Today's
// public export only suppresses small counts, and the attack recovers them: this test shows the
// attack works, so that the test of the private export, when it lands, cannot pass vacuously.
describe('the Gi* reconstruction attack on the demo city’s public export', () => {
  it('recovers every weighted count written as "<5" from gi_z and the published counts', () => {
    const truth = new Map(
      cellsOf('private').features.map((f) => [f.properties?.h3, f.properties?.weighted_incidents]),
    );
    const published = cellsOf('public');
    const suppressed = published.features.filter(
      (f) => f.properties?.weighted_incidents === '<5',
    ).length;
    const inferred = giStarAttack(published);
    expect(inferred.size).toBe(suppressed);
    expect(suppressed).toBeGreaterThan(50);
    let exact = 0;
    for (const [cell, count] of inferred) if (truth.get(cell) === count) exact++;
    expect(exact).toBe(suppressed);
  });
});
