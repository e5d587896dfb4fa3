import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeDemoEvaluation, PLANTED } from '../../../data/makeDemoEvaluation.js';

const demoDir = fileURLToPath(new URL('../../../data/demo/', import.meta.url));

describe('the demo city`s planted intervention (data/demo/evaluation)', () => {
  const files = makeDemoEvaluation(readFileSync(join(demoDir, 'incidents.csv'), 'utf8'));

  it('is what data/makeDemoEvaluation.ts writes from the committed demo city, byte for byte', () => {
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(join(demoDir, 'evaluation', name), 'utf8'), name).toBe(text);
    }
  });

  it('has three zones of 19 cells with their start, and removes incidents only after it', () => {
    const zones = JSON.parse(files['zones.geojson']);
    expect(zones.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(
      PLANTED.map((p) => p.id),
    );
    const before = (text: string) =>
      text.split('\n').filter((l) => /^\d+,\d\d\/\d\d\/2023/.test(l)).length;
    const demo = readFileSync(join(demoDir, 'incidents.csv'), 'utf8');
    expect(before(files['incidents.csv'])).toBe(before(demo));
    const all = (text: string) => text.trim().split('\n').length;
    expect(all(files['incidents.csv'])).toBeLessThan(all(demo));
  });
});
