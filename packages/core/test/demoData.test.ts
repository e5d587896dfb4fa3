import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { area, bbox, booleanPointInPolygon, featureCollection, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  demoCityBinaryFiles,
  makeDemoCity,
  TRACT_PROPERTY_NAMES,
} from '../../../data/makeDemoCity.js';
import { lngLatToCell, polygonToCellsOverlapping } from '../src/hex/h3.js';
import { expectClose } from './helpers/tolerance.js';

const demoDir = fileURLToPath(new URL('../../../data/demo/', import.meta.url));
const script = fileURLToPath(new URL('../../../data/makeDemoCity.ts', import.meta.url));
const FILE_NAMES = [
  'README.md',
  'incidents.csv',
  'organizations.geojson',
  'surveys.csv',
  'tracts.geojson',
] as const;
/** The same tracts and incidents as a state-plane shapefile zip and as Parquet. */
const BINARY_NAMES = ['incidents.parquet', 'tracts.zip'] as const;
const ALL_NAMES = [...FILE_NAMES, ...BINARY_NAMES].sort();

// The committed files are the fixture; every check below reads them, never a fresh draw.
const committed = Object.fromEntries(
  FILE_NAMES.map((name) => [name, readFileSync(join(demoDir, name), 'utf8')]),
) as Record<(typeof FILE_NAMES)[number], string>;
const { files: generated, facts } = makeDemoCity();

type TractProperties = Record<string, string | number | null>;
const tracts = JSON.parse(committed['tracts.geojson']) as FeatureCollection<
  Polygon | MultiPolygon,
  TractProperties
>;
const organizations = JSON.parse(committed['organizations.geojson']) as FeatureCollection<
  Point,
  Record<string, string | number>
>;

function csvRows(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split('\n');
  if (lines.pop() !== '') throw new Error('a CSV of data/demo does not end with a newline');
  return { header: lines[0].split(','), rows: lines.slice(1).map((line) => line.split(',')) };
}
const incidents = csvRows(committed['incidents.csv']);
const surveys = csvRows(committed['surveys.csv']);

/** Strict `MM/DD/YYYY hh:mm:ss AM` reader: NaN for anything else, including impossible dates. */
function parsePortalDate(text: string): number {
  const m = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d):(\d\d) (AM|PM)$/.exec(text);
  if (m === null) return Number.NaN;
  const [month, day, year, hour12, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || hour12 < 1 || hour12 > 12) return Number.NaN;
  const ms = Date.UTC(
    year,
    month - 1,
    day,
    (hour12 % 12) + (m[7] === 'PM' ? 12 : 0),
    minute,
    second,
  );
  return new Date(ms).getUTCDate() === day ? ms : Number.NaN;
}

/** Index of the tract containing `[lng, lat]`, or −1. */
const tractBoxes = tracts.features.map((f) => bbox(f));
function tractOf(p: Position): number {
  for (let i = 0; i < tracts.features.length; i++) {
    const b = tractBoxes[i];
    if (p[0] < b[0] || p[0] > b[2] || p[1] < b[1] || p[1] > b[3]) continue;
    if (booleanPointInPolygon(p, tracts.features[i])) return i;
  }
  return -1;
}

const tractIndex = new Map(tracts.features.map((f, i) => [f.properties.tract_id as string, i]));
const badRowNumbers = new Set(facts.badRows.map((b) => b.row));
const goodIncidents = incidents.rows
  .filter((_, i) => !badRowNumbers.has(i + 1))
  .map((r) => ({
    time: parsePortalDate(r[1]),
    category: r[2],
    lat: Number(r[3]),
    lng: Number(r[4]),
  }));
const incidentTract = goodIncidents.map((r) => tractOf([r.lng, r.lat]));
const tractAreaKm2 = tracts.features.map((f) => area(f) / 1e6);

function ringSignedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++)
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Incidents within `radiusKm` of `[lng, lat]`, per calendar year. */
function countNear(centre: readonly [number, number], radiusKm: number): Record<string, number> {
  const counts: Record<string, number> = { 2023: 0, 2024: 0 };
  for (const r of goodIncidents) {
    const dx = (r.lng - centre[0]) * 111.32 * Math.cos((centre[1] * Math.PI) / 180);
    const dy = (r.lat - centre[1]) * 111.05;
    if (Math.hypot(dx, dy) <= radiusKm) counts[new Date(r.time).getUTCFullYear()]++;
  }
  return counts;
}

describe('makeDemoCity (data/makeDemoCity.ts)', () => {
  it('writes, from the command line with the default seed, files byte-identical to data/demo', () => {
    const out = mkdtempSync(join(tmpdir(), 'hexreach-demo-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--out', out], {
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      expect(readdirSync(out).sort()).toEqual(ALL_NAMES);
      for (const name of ALL_NAMES)
        expect(readFileSync(join(out, name)).equals(readFileSync(join(demoDir, name))), name).toBe(
          true,
        );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('returns the committed files when called without options, so data/demo cannot drift', () => {
    // evaluation/ is the planted intervention, made from these files (demoEvaluation.test.ts).
    expect(readdirSync(demoDir).sort()).toEqual([...ALL_NAMES, 'evaluation'].sort());
    for (const name of FILE_NAMES) expect(generated[name] === committed[name], name).toBe(true);
  });

  it('makes the shapefile zip and the Parquet file byte for byte as committed', () => {
    const binaries = demoCityBinaryFiles(generated);
    for (const name of BINARY_NAMES) {
      expect(Buffer.from(binaries[name]).equals(readFileSync(join(demoDir, name))), name).toBe(
        true,
      );
    }
  });

  it('draws different tracts and incidents for another seed, keeping the planted design', () => {
    const other = makeDemoCity({ seed: 7 });
    expect(other.facts.seed).toBe(7);
    expect(other.files['incidents.csv']).not.toBe(committed['incidents.csv']);
    expect(other.files['tracts.geojson']).not.toBe(committed['tracts.geojson']);
    expect(other.facts.hotspots.map((h) => h.centre)).toEqual(facts.hotspots.map((h) => h.centre));
    expect(other.facts.tractCount).toBe(facts.tractCount);
  });

  it('rejects a seed that is not a 32-bit unsigned integer with E_ARGUMENT', () => {
    for (const seed of [-1, 1.5, 2 ** 32, Number.NaN])
      expect(() => makeDemoCity({ seed }), String(seed)).toThrow(
        expect.objectContaining({ code: 'E_ARGUMENT' }),
      );
  });

  it('keeps data/demo under 6 MB', () => {
    const bytes = FILE_NAMES.reduce((sum, name) => sum + statSync(join(demoDir, name)).size, 0);
    expect(bytes).toBeLessThan(6_000_000);
  });

  it('labels the data as synthetic at the top of the README', () => {
    const top = committed['README.md'].split('\n').slice(0, 8).join(' ');
    expect(top).toContain('SYNTHETIC');
    expect(top).toContain(`seed ${facts.seed}`);
    expect(top).toContain('not a real place');
    expect(top).toContain('Do not draw conclusions');
  });
});

describe('data/demo/tracts.geojson', () => {
  const features = tracts.features;
  const keys = TRACT_PROPERTY_NAMES;
  const percentKeys = keys.slice(6).filter((k) => k !== 'poverty_rate_moe');

  it('has 120–180 tracts with ids T001… and the same properties in the same order', () => {
    expect(features.length).toBeGreaterThanOrEqual(120);
    expect(features.length).toBeLessThanOrEqual(180);
    expect(features.length).toBe(facts.tractCount);
    features.forEach((f, i) => {
      expect(Object.keys(f.properties)).toEqual(keys);
      expect(f.properties.tract_id).toBe(`T${String(i + 1).padStart(3, '0')}`);
      expect(f.properties.name).toBe(`Tract ${i + 1}`);
    });
  });

  it('follows RFC 7946: closed rings, counterclockwise exteriors, clockwise holes, 6 decimals', () => {
    expect('crs' in tracts).toBe(false);
    for (const f of features) {
      const polys =
        f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const poly of polys)
        poly.forEach((ring, k) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[ring.length - 1]).toEqual(ring[0]);
          expect(Math.sign(ringSignedArea(ring)), `${f.properties.tract_id} ring ${k}`).toBe(
            k === 0 ? 1 : -1,
          );
          for (const p of ring) for (const v of p) expect(Math.round(v * 1e6) / 1e6).toBe(v);
        });
    }
  });

  it('has one MultiPolygon tract across the river and one tract with the park as a hole', () => {
    const multi = features.filter((f) => f.geometry.type === 'MultiPolygon');
    expect(multi.map((f) => f.properties.tract_id)).toEqual([facts.riverSpanTractId]);
    const withHole = features.filter(
      (f) => f.geometry.type === 'Polygon' && f.geometry.coordinates.length > 1,
    );
    expect(withHole.map((f) => f.properties.tract_id)).toEqual([facts.parkHostTractId]);
    const park = features[tractIndex.get(facts.parkTractId)!].geometry as Polygon;
    const hole = (withHole[0].geometry as Polygon).coordinates[1];
    expect([...hole].reverse()).toEqual(park.coordinates[0]);
  });

  it('tiles the land: the tracts do not overlap (their union has the area of their sum)', () => {
    const total = tractAreaKm2.reduce((a, b) => a + b, 0);
    const merged = union(featureCollection(features as Feature<Polygon | MultiPolygon>[]))!;
    expectClose(area(merged) / 1e6, total, 1e-4 * total, 'union km²');
    expect(total).toBeGreaterThan(120);
    expect(total).toBeLessThan(180);
  });

  it('has integer populations of 500–9000, one uninhabited park, and the stated total', () => {
    const populations = features.map((f) => f.properties.population as number);
    for (const p of populations) expect(Number.isInteger(p)).toBe(true);
    const empty = features.filter((f) => f.properties.population === 0);
    expect(empty.map((f) => f.properties.tract_id)).toEqual([facts.parkTractId]);
    for (const p of populations.filter((p) => p > 0)) {
      expect(p).toBeGreaterThanOrEqual(500);
      expect(p).toBeLessThanOrEqual(9000);
    }
    expect(populations.reduce((a, b) => a + b, 0)).toBe(facts.population);
    expect(committed['README.md']).toContain(
      String(facts.population).replace(/\B(?=(\d{3})+$)/g, ','),
    );
  });

  it('has about 2.5 residents per household', () => {
    for (const f of features) {
      const { population, households } = f.properties as Record<string, number>;
      expect(Number.isInteger(households)).toBe(true);
      if (population === 0) expect(households).toBe(0);
      else expect(population / households).toBeGreaterThan(1.5);
      if (population > 0) expect(population / households).toBeLessThan(3.7);
    }
    const people = features.reduce((s, f) => s + (f.properties.population as number), 0);
    const homes = features.reduce((s, f) => s + (f.properties.households as number), 0);
    expectClose(people / homes, 2.5, 0.25, 'residents per household');
  });

  it('keeps percentages in 0–100 with race and ethnicity adding up to 100 ± 0.1', () => {
    for (const f of features) {
      if (f.properties.population === 0) continue;
      for (const k of percentKeys) {
        const v = f.properties[k] as number;
        expect(v, `${f.properties.tract_id} ${k}`).toBeGreaterThanOrEqual(0);
        expect(v, `${f.properties.tract_id} ${k}`).toBeLessThanOrEqual(100);
      }
      const race = ['pct_white', 'pct_black', 'pct_hispanic', 'pct_asian', 'pct_other'];
      expectClose(
        race.reduce((s, k) => s + (f.properties[k] as number), 0),
        100,
        0.1,
        `${f.properties.tract_id} race sum`,
      );
      expect(f.properties.poverty_rate_moe as number).toBeGreaterThan(0);
    }
  });

  it('leaves median income null in the stated tracts and every rate null in the park', () => {
    const nullIncome = features
      .filter((f) => f.properties.median_income === null)
      .map((f) => f.properties.tract_id);
    expect(nullIncome).toEqual([...facts.missingIncomeTractIds, facts.parkTractId].sort());
    expect(facts.missingIncomeTractIds.length).toBe(3);
    for (const f of features) {
      expect(f.properties.median_income_moe === null).toBe(f.properties.median_income === null);
      if (f.properties.median_income === null) continue;
      expect(f.properties.median_income as number).toBeGreaterThan(10_000);
      expect(f.properties.median_income as number).toBeLessThan(250_000);
      expect(f.properties.median_income_moe as number).toBeGreaterThan(0);
    }
    const park = features[tractIndex.get(facts.parkTractId)!].properties;
    for (const k of keys.slice(4)) expect(park[k], k).toBeNull();
  });

  it('plants districts where poverty is high and income low', () => {
    const inDistricts = new Set(facts.districts.flatMap((d) => d.tractIds));
    const populated = features.filter((f) => f.properties.poverty_rate !== null);
    const poverty = (f: (typeof features)[number]) => f.properties.poverty_rate as number;
    const cityMedian = median(populated.map(poverty));
    for (const d of facts.districts) {
      expect(d.tractIds.length, d.name).toBeGreaterThanOrEqual(3);
      const rates = d.tractIds.map((id) => poverty(features[tractIndex.get(id)!]));
      expect(mean(rates), d.name).toBeGreaterThan(2 * cityMedian);
    }
    const outside = populated.filter((f) => !inDistricts.has(f.properties.tract_id as string));
    expect(median(outside.map(poverty))).toBeLessThan(cityMedian);
  });
});

describe('data/demo/incidents.csv', () => {
  it('has 45,000–55,000 rows with ids 1… and the portal columns', () => {
    expect(incidents.header).toEqual(['id', 'date', 'category', 'latitude', 'longitude']);
    expect(incidents.rows.length).toBe(facts.incidentRows);
    expect(incidents.rows.length).toBeGreaterThanOrEqual(45_000);
    expect(incidents.rows.length).toBeLessThanOrEqual(55_000);
    incidents.rows.forEach((r, i) => {
      expect(r.length).toBe(5);
      expect(r[0]).toBe(String(i + 1));
    });
  });

  it('breaks exactly the rows the README lists, each in the way it states', () => {
    const broken = incidents.rows.flatMap((r, i) => {
      const lat = Number(r[3]);
      const lng = Number(r[4]);
      const problem =
        r[3] === '' || r[4] === ''
          ? 'missing-coordinates'
          : Number.isNaN(lat) || Number.isNaN(lng)
            ? 'invalid-coordinates'
            : Math.abs(lat) > 90 && Math.abs(lng) <= 90
              ? 'swapped-coordinates'
              : Math.abs(lat) > 90 || Math.abs(lng) > 180
                ? 'out-of-range-coordinates'
                : lat === 0 && lng === 0
                  ? 'invalid-coordinates'
                  : Number.isNaN(parsePortalDate(r[1]))
                    ? 'invalid-date'
                    : undefined;
      return problem === undefined ? [] : [{ row: i + 1, reason: problem }];
    });
    expect(broken).toEqual(facts.badRows.map(({ row, reason }) => ({ row, reason })));
    expect(broken.length).toBeGreaterThanOrEqual(8);
    expect(broken.length).toBeLessThanOrEqual(15);
  });

  it('dates every other row in 2023–2024, in time order', () => {
    const times = goodIncidents.map((r) => r.time);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.UTC(2023, 0, 1));
    expect(Math.max(...times)).toBeLessThan(Date.UTC(2025, 0, 1));
    expect(times.findIndex((time, i) => i > 0 && time < times[i - 1])).toBe(-1);
  });

  it('uses at least 6 categories, theft the most common', () => {
    const counts = new Map<string, number>();
    for (const r of goodIncidents) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(6);
    expect([...counts.keys()].sort()).toEqual([...facts.categories]);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(top[0]).toBe('THEFT');
  });

  it('puts the stated number of incidents outside every tract (0.5 %)', () => {
    const outside = incidentTract.filter((t) => t < 0).length;
    expect(outside).toBe(facts.outsideIncidents);
    expectClose(outside / goodIncidents.length, 0.005, 0.001, 'outside share');
  });

  it('puts those incidents beyond every resolution-9 H3 cell that overlaps a tract', () => {
    const cells = new Set<string>();
    for (const f of tracts.features) {
      const parts =
        f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const rings of parts)
        for (const cell of polygonToCellsOverlapping(rings, 9)) cells.add(cell);
    }
    const outsideCells = goodIncidents.filter((r) => !cells.has(lngLatToCell(r.lng, r.lat, 9)));
    expect(outsideCells.length).toBe(facts.outsideIncidents);
  });

  it('has more incidents in summer (June–August) than in winter (December–February)', () => {
    const byMonth = new Array(12).fill(0);
    for (const r of goodIncidents) byMonth[new Date(r.time).getUTCMonth()]++;
    const summer = byMonth[5] + byMonth[6] + byMonth[7];
    const winter = byMonth[11] + byMonth[0] + byMonth[1];
    expect(summer / winter).toBeGreaterThan(1.2);
  });

  it('has a hotspot that emerges in 2024, one that fades, and steady ones', () => {
    for (const h of facts.hotspots) {
      const counts = countNear(h.centre, (1.5 * h.sigmaMeters) / 1000);
      if (h.activity === 'emerging') expect(counts[2024], h.name).toBeGreaterThan(5 * counts[2023]);
      else if (h.activity === 'fading')
        expect(counts[2023], h.name).toBeGreaterThan(3 * counts[2024]);
      else expectClose(counts[2024] / counts[2023], 1, 0.2, h.name);
    }
  });

  it('is dense in hotspots without need and sparse where need has no hotspot', () => {
    const perKm2: number[] = new Array(tracts.features.length).fill(0);
    incidentTract.forEach((t) => {
      if (t >= 0) perKm2[t] += 1 / tractAreaKm2[t];
    });
    const cityMedian = median(perKm2);
    const quiet = facts.districts.find((d) => !d.hasHotspot)!;
    expect(mean(quiet.tractIds.map((id) => perKm2[tractIndex.get(id)!]))).toBeLessThan(cityMedian);
    for (const d of facts.districts.filter((d) => d.hasHotspot))
      expect(mean(d.tractIds.map((id) => perKm2[tractIndex.get(id)!])), d.name).toBeGreaterThan(
        cityMedian,
      );
    const populated = tracts.features.filter((f) => f.properties.population !== 0);
    const povertyMedian = median(populated.map((f) => f.properties.poverty_rate as number));
    for (const h of facts.hotspots.filter((h) => h.activity === 'steady')) {
      const t = tractOf([...h.centre]);
      expect(perKm2[t], h.name).toBeGreaterThan(3 * cityMedian);
      const poverty = tracts.features[t].properties.poverty_rate as number;
      if (h.withNeed) expect(poverty, h.name).toBeGreaterThan(2 * povertyMedian);
      else expect(poverty, h.name).toBeLessThan(povertyMedian);
    }
  });
});

describe('data/demo/organizations.geojson', () => {
  const types = ['nonprofit', 'faith-based', 'youth', 'school', 'cultural', 'business'];

  it('has about 60 partner Points inside the city, with a type and a positive capacity', () => {
    const features = organizations.features;
    expect(features.length).toBeGreaterThanOrEqual(50);
    expect(features.length).toBeLessThanOrEqual(70);
    expect(new Set(features.map((f) => f.properties.name)).size).toBe(features.length);
    for (const f of features) {
      expect(Object.keys(f.properties)).toEqual(['org_id', 'name', 'type', 'capacity']);
      expect(f.geometry.type).toBe('Point');
      expect(tractOf(f.geometry.coordinates)).toBeGreaterThanOrEqual(0);
      expect(types).toContain(f.properties.type);
      expect(Number.isInteger(f.properties.capacity)).toBe(true);
      expect(f.properties.capacity as number).toBeGreaterThan(0);
    }
    expect(new Set(features.map((f) => f.properties.type))).toEqual(new Set(types));
  });

  it('names exactly one organization with an HTML injection probe', () => {
    const probes = organizations.features.filter((f) => String(f.properties.name).includes('<'));
    expect(probes.map((f) => f.properties.name)).toEqual([
      'Youth Center <img src=x onerror=alert(1)>',
    ]);
    expect(facts.markupProbeName).toBe('Youth Center <img src=x onerror=alert(1)>');
  });
});

describe('data/demo/surveys.csv', () => {
  const answers = surveys.rows.map((r) => ({
    date: r[1],
    tract: tractOf([Number(r[3]), Number(r[2])]),
    trust: Number(r[4]),
    safe: Number(r[5]),
  }));

  it('has about 1,200 answers on a 1–5 scale, dated April–October 2024, inside tracts', () => {
    expect(surveys.header).toEqual([
      'id',
      'date',
      'latitude',
      'longitude',
      'trust_police',
      'feel_safe',
    ]);
    expect(answers.length).toBe(facts.surveyCount);
    expect(answers.length).toBeGreaterThanOrEqual(1_000);
    expect(answers.length).toBeLessThanOrEqual(1_400);
    expect(surveys.rows.map((r) => r[0])).toEqual(answers.map((_, i) => String(i + 1)));
    for (const a of answers) {
      expect(a.date >= '2024-04-01' && a.date <= '2024-10-31', a.date).toBe(true);
      expect(a.tract).toBeGreaterThanOrEqual(0);
      for (const v of [a.trust, a.safe]) expect([1, 2, 3, 4, 5]).toContain(v);
    }
  });

  it('has fewer than 3 answers in exactly the stated tracts and none in the park', () => {
    const perTract = new Array(tracts.features.length).fill(0);
    for (const a of answers) perTract[a.tract]++;
    const sparse = tracts.features
      .filter((f, i) => (f.properties.population as number) > 0 && perTract[i] < 3)
      .map((f) => f.properties.tract_id);
    expect(sparse).toEqual([...facts.sparseSurveyTractIds]);
    expect(sparse.length).toBeGreaterThanOrEqual(2);
    expect(sparse.length).toBeLessThanOrEqual(8);
    expect(perTract[tractIndex.get(facts.parkTractId)!]).toBe(0);
    expect(Math.max(...perTract)).toBeGreaterThan(3 * median(perTract));
  });

  it('shows lower trust in disadvantaged districts than elsewhere', () => {
    const inDistricts = new Set(
      facts.districts.flatMap((d) => d.tractIds.map((id) => tractIndex.get(id)!)),
    );
    const inside = answers.filter((a) => inDistricts.has(a.tract)).map((a) => a.trust);
    const elsewhere = answers.filter((a) => !inDistricts.has(a.tract)).map((a) => a.trust);
    expect(mean(elsewhere) - mean(inside)).toBeGreaterThan(0.5);
  });
});
