import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { demoRunDir } from './helpers.js';

const read = (name: string) => JSON.parse(readFileSync(join(demoRunDir('private'), name), 'utf8'));

describe('what the demo run counts (incidents.count: "harm", the default)', () => {
  it('lists the incidents of each class, which add up to those accepted', () => {
    const summary = read('summary.json');
    expect(summary.counted.mode).toBe('harm');
    expect(summary.counted.societyLeftOut).toEqual([
      'NARCOTICS',
      'CRIMINAL TRESPASS',
      'WEAPONS VIOLATION',
    ]);
    expect(summary.counted.unclassified).toEqual(['OTHER OFFENSE']);
    const byClass = summary.counted.incidentsByClass;
    expect(byClass.persons + byClass.property + byClass.society + byClass.unclassified).toBe(
      summary.inputs.incidents.accepted,
    );
  });

  it('shows crimes against society apart in every cell, adding up to the summary’s count', () => {
    const cells: FeatureCollection = read('cells.geojson');
    const society = cells.features.reduce(
      (sum, f) => sum + (f.properties?.society_incidents ?? 0),
      0,
    );
    expect(society).toBe(read('summary.json').counted.incidentsByClass.society);
    // Shown apart: within each cell's incidents, and present in some.
    for (const f of cells.features)
      expect(f.properties?.society_incidents).toBeLessThanOrEqual(f.properties?.incidents);
    expect(cells.features.some((f) => f.properties?.society_incidents > 0)).toBe(true);
  });

  it('says what it counted in the report, in one sentence', () => {
    const report = readFileSync(join(demoRunDir('private'), 'report.md'), 'utf8');
    expect(report).toContain(
      'What is counted (incidents.count: "harm"): crimes against persons and property (NIBRS)',
    );
  });
});
