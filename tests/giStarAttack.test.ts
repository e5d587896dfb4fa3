import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { attackRecovery, giStarAttack } from './giStarAttack.js';
import { demoRunDir } from './helpers.js';

const read = (kind: 'private' | 'public', name: string) =>
  JSON.parse(readFileSync(join(demoRunDir(kind), name), 'utf8'));
const cellsOf = (kind: 'private' | 'public'): FeatureCollection => read(kind, 'cells.geojson');

// The reconstruction attack of issue 13: a least-squares fit of the Gi* equations to the
// published gi_z. On a suppression-only export it recovered every count written "<5"; on the
// noisy export it recovers the noisy counts, which are what gi_z was computed from.
describe('the Gi* reconstruction attack on the demo city’s public export', () => {
  it('gives a small true count no more often than the noise itself would (+ 5 points)', () => {
    const summary = read('public', 'summary.json');
    const cellTable = summary.privacy.tables.find((t: { table: string }) =>
      t.table.startsWith('incidents per cell and weight group'),
    );
    const result = attackRecovery(cellsOf('private'), cellsOf('public'), cellTable.epsilon);
    expect(result.cells).toBeGreaterThan(50);
    expect(result.rate).toBeLessThanOrEqual(result.zeroNoise + 0.05);
  });

  it('still solves the equations: it infers a count for every cell written "<5"', () => {
    const published = cellsOf('public');
    const suppressed = published.features.filter(
      (f) => f.properties?.weighted_incidents === '<5',
    ).length;
    expect(suppressed).toBeGreaterThan(20);
    expect(giStarAttack(published).size).toBe(suppressed);
  });
});
