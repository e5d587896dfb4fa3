import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HexreachConfigInput } from '../packages/core/src/config/configSchema.js';
import { readAreasGeoJson } from '../packages/core/src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../packages/core/src/io/readIncidentsCsv.js';
import { analyze } from '../packages/core/src/pipeline/analyze.js';
import { once } from '../packages/core/test/helpers/once.js';
import { root } from './helpers.js';

// The statistics options of analyze, on the demo city at resolution 8 (fast).
const base: HexreachConfigInput = { resolution: 8, population: 'population' };
const demo = once(async () => ({
  incidents: (
    await readIncidentsCsv(createReadStream(join(root, 'data/demo/incidents.csv'), 'utf8'), {
      source: 'incidents.csv',
    })
  ).data,
  areas: readAreasGeoJson(
    JSON.parse(readFileSync(join(root, 'data/demo/tracts.geojson'), 'utf8')),
    {
      source: 'tracts.geojson',
      attributes: [{ name: 'population', required: true }],
    },
  ).data,
}));

describe('analyze options', () => {
  it('chooses k at the first peak of Moran’s z over k-rings with hotspots.scale "auto"', async () => {
    const { incidents, areas } = await demo();
    const result = analyze({ incidents, areas }, { ...base, hotspots: { scale: 'auto', maxK: 5 } });
    const { k, z, method } = result.hotspotScale;
    expect(method).toBe('auto');
    expect(z).toHaveLength(5);
    // The chosen k is where z stops rising (a local maximum), or the largest z when it never falls.
    const i = k! - 1;
    const isPeak = i < z!.length - 1 ? z![i] > z![i + 1] : z![i] === Math.max(...z!);
    expect(isPeak).toBe(true);
    for (let j = 1; j < i; j++) expect(z![j]).toBeGreaterThanOrEqual(z![j - 1]);
  });

  it('tests only cells with residents or incidents with hotspots.mask "populated"', async () => {
    const { incidents, areas } = await demo();
    // At resolution 10 six cells lie wholly in the park: neither residents nor incidents (at 9,
    // every cell over the park overlaps its host tract a little, and so has residents).
    const result = analyze(
      { incidents, areas },
      {
        ...base,
        resolution: 10,
        hotspots: { mask: 'populated' },
        robustness: { draws: 0, resolutions: false },
      },
    );
    const population = result.attributes.population;
    let untested = 0;
    for (let i = 0; i < result.grid.cells.length; i++) {
      const populated = result.binned.incidents[i] > 0 || population[i] > 0;
      if (!populated) untested++;
      expect(Number.isNaN(result.hotspots.z[i]), result.grid.cells[i]).toBe(!populated);
    }
    expect(untested).toBeGreaterThan(0);
  });

  it('uses a distance band instead of k-rings with hotspots.distanceMeters', async () => {
    const { incidents, areas } = await demo();
    const result = analyze({ incidents, areas }, { ...base, hotspots: { distanceMeters: 1500 } });
    expect(result.hotspotScale).toMatchObject({ method: 'distance', distanceMeters: 1500 });
    expect(result.hotspots.z.some((z) => z > 2.58)).toBe(true);
  });

  it('computes a kernel density whose integral is the weighted incident count', async () => {
    const { incidents, areas } = await demo();
    const result = analyze(
      { incidents, areas },
      { ...base, statistics: ['gistar', 'kde'], kde: { bandwidthMeters: 1200 } },
    );
    const kde = result.kde!;
    let mass = 0;
    for (let i = 0; i < kde.density.length; i++) mass += kde.density[i] * result.areaKm2[i];
    const total = result.binned.count.reduce((s, v) => s + v, 0);
    // Kernel mass leaks past the study area's edge, so the integral falls a little short.
    expect(mass / total).toBeGreaterThan(0.9);
    expect(mass / total).toBeLessThanOrEqual(1.0001);
    expect(kde.ratio!.some(Number.isFinite)).toBe(true);
  });

  it('smooths rates by empirical Bayes and scores the smoothed rate', async () => {
    const { incidents, areas } = await demo();
    const raw = analyze({ incidents, areas }, base);
    const eb = analyze(
      { incidents, areas },
      { ...base, rates: { smoothing: 'global', minPopulation: 1 } },
    );
    const smoothed = eb.smoothedRate!;
    const finite = (a: Float64Array) => Array.from(a).filter(Number.isFinite);
    // Shrinkage toward the city rate narrows the range.
    expect(Math.max(...finite(smoothed))).toBeLessThan(Math.max(...finite(raw.rate)));
    expect(Math.min(...finite(smoothed))).toBeGreaterThan(Math.min(...finite(raw.rate)));
    expect(raw.smoothedRate).toBeUndefined();
    // The priority's crime-rate component is the smoothed rate, normalised.
    const normalizedRate = eb.priority.normalized.crimeRate;
    const order = (a: ArrayLike<number>) =>
      Array.from(a, (v, i) => [v, i])
        .filter(([v]) => Number.isFinite(v))
        .sort((x, y) => x[0] - y[0] || x[1] - y[1])
        .map(([, i]) => i);
    expect(order(normalizedRate)).toEqual(order(smoothed));
  });

  it("gives esda's p_sim with the conditional scheme and spdep's with spdep, unless pValue says", async () => {
    const { incidents, areas } = await demo();
    const run = (hotspots: object, lisa: object = {}) =>
      analyze(
        { incidents, areas },
        {
          ...base,
          statistics: ['gistar', 'lisa'],
          hotspots: { permutations: 99, ...hotspots },
          lisa,
        },
      );
    const pSims = (result: ReturnType<typeof run>) => [result.hotspots.pSim, result.lisa!.pSim];
    const conditional = run({});
    expect(pSims(conditional)).toEqual(pSims(run({ pValue: 'esda' }, { pValue: 'esda' })));
    const folded = run({ pValue: 'folded' }, { pValue: 'folded' });
    expect(pSims(folded)).not.toEqual(pSims(conditional));
    // esda's p_sim is the tail on the observed side, so it never exceeds about ½.
    expect(Math.max(...conditional.hotspots.pSim!.filter((p) => !Number.isNaN(p)))).toBeLessThan(
      0.51,
    );
    const spdep = run({ scheme: 'spdep' });
    expect(pSims(spdep)).toEqual(
      pSims(run({ scheme: 'spdep', pValue: 'spdep' }, { pValue: 'spdep' })),
    );
  });
});

// The demo city cut to end on Thursday 8 August 2024, as Chicago 2018 ends on 8 August.
const endsOn8August = once(async () => {
  const { areas } = await demo();
  const lines = readFileSync(join(root, 'data/demo/incidents.csv'), 'utf8').trimEnd().split('\n');
  const kept = lines.slice(1).filter((line) => {
    const [month, day, year] = line.split(',')[1].slice(0, 10).split('/').map(Number);
    return year === 2023 || month < 8 || (month === 8 && day <= 8);
  });
  const csv = [lines[0], ...kept].join('\n');
  return { incidents: (await readIncidentsCsv(csv, { source: 'incidents.csv' })).data, areas };
});

describe('analyze on a series that ends on the 8th of a month', () => {
  const config: HexreachConfigInput = {
    ...base,
    statistics: ['gistar', 'emerging', 'change'],
    change: {
      before: { from: '2023-01-01', to: '2024-01-01' },
      after: { from: '2024-01-01', to: '2025-01-01' },
    },
    robustness: { draws: 0, resolutions: false },
  };

  it('leaves the 8-day August out of the emerging hot spots and zone trends, and names it', async () => {
    const result = analyze(await endsOn8August(), config);
    expect(result.temporal?.coverage).toEqual({
      from: Date.UTC(2023, 0, 1),
      to: Date.UTC(2024, 7, 9),
    });
    expect(result.temporal?.partialSteps).toEqual([
      { start: Date.UTC(2024, 7, 1), end: Date.UTC(2024, 8, 1), days: 31, coveredDays: 8 },
    ]);
    expect(result.notes.some((n) => n.includes('2024-08-01') && n.includes('8 of its 31'))).toBe(
      true,
    );
    const cube = result.emerging!.cube;
    expect(cube.steps).toBe(19);
    expect(cube.stepStarts.at(-1)).toBe(Date.UTC(2024, 6, 1));
    expect(result.zoneDetails.length).toBeGreaterThan(0);
    for (const zone of result.zoneDetails) {
      expect(zone.trend?.stepStarts.at(-1)).toBe(Date.UTC(2024, 6, 1));
    }
    // The period after runs to 2025, but the data stop on 8 August: 221 days of exposure.
    expect(result.change?.beforeDays).toBe(365);
    expect(result.change?.afterDays).toBe(221);
  });

  it('keeps August per covered day with temporal.partial "rate"', async () => {
    const result = analyze(await endsOn8August(), { ...config, temporal: { partial: 'rate' } });
    expect(result.emerging!.cube.steps).toBe(20);
    expect(result.emerging!.days.at(-1)).toBe(8);
    expect(result.notes.some((n) => n.includes('per covered day'))).toBe(true);
    for (const zone of result.zoneDetails) expect(zone.trend?.days.at(-1)).toBe(8);
  });
});
