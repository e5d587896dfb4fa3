import { describe, expect, it } from 'vitest';
import { evaluateZones } from '../../src/evaluate/evaluateZones.js';
import { plantedPanel } from '../helpers/plantedPanel.js';

/** Evaluates the three planted zones of a seeded panel. */
function evaluatePlanted(seed: number, placebos = 199) {
  const panel = plantedPanel(seed);
  const zones = panel.zones.map((z) => ({ id: z.id, cells: z.cells, start: panel.start }));
  const evaluation = evaluateZones(
    { grid: panel.grid, contiguity: panel.contiguity, cube: panel.cube, zones },
    { placebos, seed: 11 },
  );
  return new Map(evaluation.zones.map((z) => [z.id, z]));
}

describe('evaluateZones on planted effects', () => {
  // Twelve months before and after 1 January 2019; the city rises 10 % in 2019.
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
  const runs = seeds.map((seed) => evaluatePlanted(seed));

  it('covers a planted 30 % drop with its 90 % interval in most panels', () => {
    const covered = runs.filter((r) => {
      const drop = r.get('drop')?.crime;
      return drop !== undefined && drop.low <= -0.3 && drop.high >= -0.3;
    }).length;
    // A 90 % interval covers the truth in about 90 % of panels: at least 6 of 8 here.
    expect(covered).toBeGreaterThanOrEqual(6);
    for (const r of runs) expect(r.get('drop')?.crime.p).toBeLessThan(0.05);
  });

  it('finds half of a 30 % drop displaced into the ring: a negative WDQ', () => {
    for (const r of runs) {
      const d = r.get('displaced');
      expect(d?.crime.change).toBeLessThan(-0.15);
      expect(d?.displacement.wdq).toBeLessThan(0);
      expect(d?.displacement.bufferChange).toBeGreaterThan(0);
    }
    const read = runs.filter((r) => r.get('displaced')?.displacement.reading === 'displacement');
    expect(read.length).toBeGreaterThanOrEqual(6);
  });

  it('does not find a change where none was planted in most panels', () => {
    const significant = runs.filter((r) => (r.get('none')?.crime.p ?? 0) < 0.1).length;
    expect(significant).toBeLessThanOrEqual(2);
  });

  it('describes each zone in one sentence', () => {
    const drop = runs[0].get('drop');
    expect(drop?.sentence).toMatch(
      /^Incidents fell \d+ % \(90 % CI −\d+ % to −\d+ %\) against matched areas; /,
    );
    expect(drop?.series.months).toHaveLength(24);
    expect(drop?.series.startIndex).toBe(12);
  });

  it('gives the same evaluation for the same seed', () => {
    const again = evaluatePlanted(1);
    expect(again.get('drop')).toEqual(runs[0].get('drop'));
  });
});

describe('evaluateZones with zones it cannot evaluate', () => {
  const panel = plantedPanel(1);
  const input = (zones: { id: string; cells: Int32Array; start: number }[]) => ({
    grid: panel.grid,
    contiguity: panel.contiguity,
    cube: panel.cube,
    zones,
  });

  it('refuses two zones sharing a cell, naming both', () => {
    const [a, b] = panel.zones;
    const shared = Int32Array.from([...b.cells, a.cells[0]]).sort();
    expect(() =>
      evaluateZones(
        input([
          { id: 'A', cells: a.cells, start: panel.start },
          { id: 'B', cells: shared, start: panel.start },
        ]),
        { placebos: 19 },
      ),
    ).toThrow(/zones A and B share the cell/);
  });

  it('refuses a start with no whole month of data before it', () => {
    const [a] = panel.zones;
    expect(() =>
      evaluateZones(input([{ id: 'A', cells: a.cells, start: Date.UTC(2018, 0, 10) }]), {
        placebos: 19,
      }),
    ).toThrow(/0 whole month\(s\) before 2018-01-10/);
  });
});

describe('evaluateZones on a zone busier than any cell outside', () => {
  it('warns that the matched comparison was far less busy before the start', () => {
    const panel = plantedPanel(2);
    const [zone] = panel.zones;
    // The zone five times as busy in every month: no cell outside comes near it.
    const counts = Float64Array.from(panel.cube.counts);
    for (let t = 0; t < panel.cube.steps; t++)
      for (const c of zone.cells) counts[t * panel.cube.cells + c] *= 5;
    const evaluation = evaluateZones(
      {
        grid: panel.grid,
        contiguity: panel.contiguity,
        cube: { ...panel.cube, counts },
        zones: [{ id: 'busy', cells: zone.cells, start: panel.start }],
      },
      { placebos: 19 },
    );
    expect(evaluation.notes).toHaveLength(1);
    expect(evaluation.notes[0]).toMatch(/^busy: its matched comparison had 0\.\d\d× its incidents/);
    const quiet = evaluatePlanted(2, 19);
    expect(quiet.get('drop')?.crime.comparison.before).toBeGreaterThan(0);
  });
});
