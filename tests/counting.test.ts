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

  it('shows crimes against society apart in every cell, and leaves them out of the weighted count', () => {
    const cells: FeatureCollection = read('cells.geojson');
    const society = cells.features.reduce(
      (sum, f) => sum + (f.properties?.society_incidents ?? 0),
      0,
    );
    expect(society).toBe(read('summary.json').counted.incidentsByClass.society);
    // A cell of crimes against society alone has incidents but no weighted count.
    const only = cells.features.filter(
      (f) =>
        f.properties?.incidents > 0 && f.properties?.incidents === f.properties?.society_incidents,
    );
    for (const f of only) expect(f.properties?.weighted_incidents).toBe(0);
  });

  it('says what it counted in the report, in one sentence', () => {
    const report = readFileSync(join(demoRunDir('private'), 'report.md'), 'utf8');
    expect(report).toContain(
      'What is counted (incidents.count: "harm"): crimes against persons and property (NIBRS)',
    );
  });
});
