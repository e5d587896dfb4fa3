/**
 * Generates the demo city's planted intervention (data/demo/evaluation/), for `hexreach evaluate`:
 * the demo incidents with effects planted after 1 January 2024 in three zones, the zones, an
 * engagement log and two survey waves. SYNTHETIC, like the demo city it starts from; seeded, so the
 * same demo city and seed write byte-identical files.
 *
 * - Z01 "Quarry Row": incidents after the start drop 30 % (each kept with probability 0.7).
 * - Z02 "Downtown": a 30 % drop, half of it displaced: half the removed incidents reappear in the
 *   ring of cells around the zone.
 * - Z03 "East Riverside": no change.
 * Each zone is an H3 cell (resolution 9) of the planted hotspot and the two rings around it.
 * Trust in Z01 rises 0.5 points between the 2023 and the 2024 survey wave (120 answers a zone
 * and wave, 400 across the city); Z01 and Z02 get
 * meetings and events, Z03 none.
 *
 * Run: `npx tsx data/makeDemoEvaluation.ts` (after data/makeDemoCity.ts; reads data/demo/).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  cellsToMultiPolygonCoordinates,
  cellToLngLat,
  gridDisk,
  lngLatToCell,
} from '../packages/core/src/hex/h3.js';
import { parseDate } from '../packages/core/src/io/parseDate.js';
import { mulberry32 } from '../packages/core/src/util/random.js';
import { toLngLat } from './demoCity/degrees.js';
import { HOTSPOTS } from './demoCity/hotspots.js';

/** The planted start of the work in every zone. */
export const START = '2024-01-01';
const RESOLUTION = 9;
const SEED = 2026;

/** The zones and what is planted in each. */
export const PLANTED = [
  { id: 'Z01', hotspot: 'Quarry Row', keep: 0.7, displaced: 0, trustRise: 0.5, events: 9 },
  { id: 'Z02', hotspot: 'Downtown', keep: 0.7, displaced: 0.5, trustRise: 0, events: 5 },
  { id: 'Z03', hotspot: 'East Riverside', keep: 1, displaced: 0, trustRise: 0, events: 0 },
] as const;

/** The files of the planted intervention, by name. */
export interface DemoEvaluationFiles {
  readonly 'README.md': string;
  readonly 'incidents.csv': string;
  readonly 'zones.geojson': string;
  readonly 'engagement.csv': string;
  readonly 'surveys.csv': string;
}

/**
 * Plants the intervention in the demo incidents. Pure: the demo's incidents.csv in, the four
 * files out.
 *
 * @param incidentsCsv - data/demo/incidents.csv
 * @returns the files
 * @example
 * ```ts
 * const files = makeDemoEvaluation(readFileSync('data/demo/incidents.csv', 'utf8'));
 * ```
 */
export function makeDemoEvaluation(incidentsCsv: string): DemoEvaluationFiles {
  const random = mulberry32(SEED);
  const start = parseDate(START);
  const zones = PLANTED.map((planted) => {
    const spot = HOTSPOTS.find((h) => h.name === planted.hotspot);
    if (spot === undefined) throw new Error(`no hotspot ${planted.hotspot}`);
    const [lng, lat] = toLngLat([spot.x, spot.y]);
    const centre = lngLatToCell(lng, lat, RESOLUTION);
    const cells = new Set(gridDisk(centre, 2));
    const ring = gridDisk(centre, 3).filter((c) => !cells.has(c));
    return { ...planted, name: spot.name, cells, ring };
  });
  const zoneOfCell = new Map<string, (typeof zones)[number]>();
  for (const z of zones) for (const c of z.cells) zoneOfCell.set(c, z);

  const lines = incidentsCsv.trimEnd().split('\n');
  const out = [lines[0]];
  for (const line of lines.slice(1)) {
    const fields = line.split(',');
    const t = parseDate(fields[1] ?? '');
    const lat = Number(fields[3]);
    const lng = Number(fields[4]);
    const usable =
      fields.length === 5 && t >= start && Number.isFinite(lat) && Number.isFinite(lng);
    const zone = usable ? zoneOfCell.get(lngLatToCell(lng, lat, RESOLUTION)) : undefined;
    if (zone === undefined) {
      out.push(line);
      continue;
    }
    if (random() < zone.keep) {
      out.push(line);
    } else if (random() < zone.displaced) {
      // Displaced: the same incident, a few streets away, in a cell of the ring.
      const cell = zone.ring[Math.floor(random() * zone.ring.length)];
      const [x, y] = cellToLngLat(cell);
      const jitter = () => (random() - 0.5) * 0.001;
      fields[3] = (y + jitter()).toFixed(6);
      fields[4] = (x + jitter()).toFixed(6);
      out.push(fields.join(','));
    }
  }
  return {
    'README.md': README,
    'incidents.csv': `${out.join('\n')}\n`,
    'zones.geojson': zonesText(zones),
    'engagement.csv': engagementText(zones, random),
    'surveys.csv': surveysText(zones, random),
  };
}

const README = `# The demo city's planted intervention (SYNTHETIC)

Made by \`npx tsx data/makeDemoEvaluation.ts\` from the demo city in \`data/demo/\`, for
\`hexreach evaluate\` (\`examples/evaluate.config.json\`). Nothing here describes a real place.

Work starts on ${START} in three zones, each an H3 cell (resolution 9) of a planted hotspot and
the two rings around it (19 cells):

| zone | hotspot | planted after the start |
|---|---|---|
| Z01 | Quarry Row | incidents drop 30 % (each kept with probability 0.7); trust rises 0.5 points; 9 activities |
| Z02 | Downtown | incidents drop 30 %, and half of the removed ones reappear in the ring around the zone; 5 activities |
| Z03 | East Riverside | nothing; no activity |

- \`incidents.csv\`: the demo incidents with the drops and moves above (bad rows kept as they were).
- \`zones.geojson\`: the three zones, each with \`id\`, \`name\` and \`start\`.
- \`engagement.csv\`: meetings, walks, events and referrals (coordinates or a zone id), one
  outside every zone, and two bad rows (no date; attendance −4).
- \`surveys.csv\`: trust in police (1–5) in June–November 2023 and 2024: 120 answers a zone and
  wave, 400 across the city.
`;

type Zone = (typeof PLANTED)[number] & { name: string; cells: Set<string>; ring: string[] };

function zonesText(zones: readonly Zone[]): string {
  const features = zones.map((z) => ({
    type: 'Feature',
    properties: { id: z.id, name: z.name, start: START },
    geometry: { type: 'MultiPolygon', coordinates: cellsToMultiPolygonCoordinates([...z.cells]) },
  }));
  return `${JSON.stringify({ type: 'FeatureCollection', name: 'hexreach demo city (SYNTHETIC): intervention zones', features })}\n`;
}

const PARTNERS = [
  'Quarry Row Library',
  'Eastside Youth League',
  'Harbor Tenants Union',
  'Old Mill Church',
];
const KINDS = ['community meeting', 'patrol walk', 'youth event', 'referral'];

function engagementText(zones: readonly Zone[], random: () => number): string {
  const rows = ['date,latitude,longitude,zone,kind,attendance,partner'];
  const day = (d: number) =>
    new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  for (const z of zones) {
    const cells = [...z.cells];
    for (let e = 0; e < z.events; e++) {
      const d = 10 + Math.floor(random() * 330);
      const kind = KINDS[Math.floor(random() * KINDS.length)];
      const attendance = kind === 'referral' ? 1 : 8 + Math.floor(random() * 40);
      const partner = PARTNERS[Math.floor(random() * PARTNERS.length)];
      if (e % 3 === 0) {
        rows.push(`${day(d)},,,${z.id},${kind},${attendance},${partner}`);
      } else {
        const [x, y] = cellToLngLat(cells[Math.floor(random() * cells.length)]);
        rows.push(`${day(d)},${y.toFixed(6)},${x.toFixed(6)},,${kind},${attendance},${partner}`);
      }
    }
  }
  // Work outside the zones, and two rows a log really has: a date missing, an attendance typo.
  rows.push('2024-05-04,42.35,-101.35,,community meeting,30,Old Mill Church');
  rows.push(',42.36,-101.36,,youth event,12,Eastside Youth League');
  rows.push('2024-06-11,,,Z02,patrol walk,-4,');
  return `${rows.join('\n')}\n`;
}

/** Two waves of trust answers (1–5): June–November 2023 and 2024; Z01 rises in the second. */
function surveysText(zones: readonly Zone[], random: () => number): string {
  const rows = ['id,date,latitude,longitude,trust_police'];
  let id = 0;
  const answer = (mean: number) =>
    Math.min(5, Math.max(1, Math.round(mean + (random() - 0.5) * 2.4)));
  for (const year of [2023, 2024]) {
    for (const z of zones) {
      // A door-to-door wave: 120 answers in each zone.
      const cells = [...z.cells];
      for (let k = 0; k < 120; k++) {
        const cell = cells[Math.floor(random() * cells.length)];
        const inZone = true;
        const [x, y] = cellToLngLat(cell);
        const date = new Date(
          Date.UTC(year, 5 + Math.floor(random() * 6), 1 + Math.floor(random() * 28)),
        );
        const mean = 2.6 + (year === 2024 && inZone ? z.trustRise : 0) + (year === 2024 ? 0.1 : 0);
        rows.push(
          `${++id},${date.toISOString().slice(0, 10)},${y.toFixed(6)},${x.toFixed(6)},${answer(mean)}`,
        );
      }
    }
    // Answers across the rest of the city, for the comparison cells.
    for (let k = 0; k < 400; k++) {
      const [x, y] = toLngLat([(random() - 0.5) * 9, (random() - 0.5) * 9]);
      const date = new Date(
        Date.UTC(year, 5 + Math.floor(random() * 6), 1 + Math.floor(random() * 28)),
      );
      rows.push(
        `${++id},${date.toISOString().slice(0, 10)},${y.toFixed(6)},${x.toFixed(6)},${answer(3 + (year === 2024 ? 0.1 : 0))}`,
      );
    }
  }
  return `${rows.join('\n')}\n`;
}

function runCli(): void {
  const demo = fileURLToPath(new URL('./demo/', import.meta.url));
  const files = makeDemoEvaluation(readFileSync(join(demo, 'incidents.csv'), 'utf8'));
  const out = join(demo, 'evaluation');
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
  console.log(`planted intervention → ${out}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  runCli();
