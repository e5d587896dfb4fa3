/**
 * The viewer's speed in headless Chromium (issue: "first-render time for 50,000 cells and the
 * slider-to-repaint time"), printed by `npm run bench`, never asserted by a timed test.
 *
 * The city is the demo city (data/demo) at H3 resolution 11, its tracts taken from the centre
 * outwards until the grid has 50,000 cells (all 150 tracts give about 66,000). The analysis runs
 * with 99 Gi* permutations, 20 robustness weight draws without resolution re-runs and 20
 * need-interval draws, so that each in-browser analysis takes seconds, not minutes; everything
 * else is the example configuration. The files go to a temporary folder. The first render is
 * timed from cells.bin and, in turn, from the same results without it (cells.geojson, as older
 * runs wrote them), each split into phases the page marks: page ready (`hexreach:results-
 * requested`), the cells' file fetched (its resource timing), decoded (`hexreach:cells-decoded`:
 * columns read and polygons rebuilt, or the GeoJSON parsed and checked), handed over to the map
 * (`loads()`), drawn (GPU done). The analysis of the raw files in the viewer's worker is timed
 * from giving it the files to the map drawn, each run on a page of its own, split by the
 * worker's progress labels and the page's marks; the slider moves on the last run's page.
 *
 * Alone: `npx tsx packages/viewer/bench/viewerBench.ts` (BENCH_RUNS, default 3; BENCH_VIEWER=
 * render or slider for one of the two).
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { type Browser, chromium, type Page } from 'playwright-core';
import { median, printMachine, printRow, repoPath } from '../../core/bench/report.js';
import { serveViewer, type ViewerServer } from '../../core/src/cli/serveViewer.js';
import { polygonToCellsOverlapping } from '../../core/src/hex/h3.js';

const TARGET_CELLS = 50_000;
const RESOLUTION = 11;
const VIEWPORT = { width: 1280, height: 720 };
/** The priority weight the slider moves, and the values it is released at (cycled). */
const SLIDER = 'hotspot';
const SLIDER_VALUES = [0.1, 0.6, 0.25, 0.8, 0.45];
/** Slider moves timed (at least; more with BENCH_RUNS): each lands on another value than the last. */
const MOVES = 11;

/** What the viewer exposes on `window.hexreachTest` with `?test` (the part used here). */
interface BenchWindow extends Window {
  hexreachTest?: {
    map: MapLibreMap;
    loads(): number;
    lastRescore?(): RescoreTimes | undefined;
    /** `performance.now()` once the GPU has finished the map's next frame (a polled fence). */
    frameFinished(): Promise<number>;
  };
}

/** The page's timings of its last re-score, in ms from the slider's release (see testHooks.ts). */
interface RescoreTimes {
  /** The worker's new scores and zones (summaries, each cell's zone) arrived. */
  readonly scored: number;
  /** The cell layers had their new colours. */
  readonly colored: number;
  /** The zones' outlines, rank labels and the ranked list were updated. */
  readonly zonesShown: number;
  /** MapLibre had drawn the frame with them all, and the GPU had finished it. */
  readonly painted: number;
  /** The worker's whole re-score (zones' outlines and reasons, cells' reasons, summary) arrived. */
  readonly worker: number;
  /** It was applied to the results and handed to the map and panels. */
  readonly total: number;
}

type AreaFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

/** Times of one first render, in ms from the start of navigation. */
interface RenderTimes {
  /** The file the cells were read from: cells.bin, or cells.geojson without it. */
  readonly file: string;
  /** Its size. */
  readonly bytes: number;
  /** The app asked for the results (its code loaded, the map made). */
  readonly requested: number;
  /** The last byte of the cells' file arrived. */
  readonly fetched: number;
  /** The cells were decoded: columns read, polygons rebuilt (cells.bin) or parsed (cells.geojson). */
  readonly decoded: number;
  /** The app has parsed and checked the results and handed them to MapLibre (loads() ≥ 1). */
  readonly handedOver: number;
  /** MapLibre has tiled the data and drawn the frame ('idle' after the hand-over). */
  readonly drawn: number;
  /** Where the app put the map (fitted to the cells, clear of the legend). */
  readonly camera: Camera;
}

/** A map position. */
interface Camera {
  readonly center: [number, number];
  readonly zoom: number;
}

/**
 * Prints the viewer's first render of 50,000 cells (median of `runs`) against MapLibre alone
 * drawing the same cells.geojson, and the time from releasing a weight slider to the cells,
 * zones and zone list repainted with the new scores, and to the panels updated (medians of
 * `runs` moves, at least {@link MOVES}; the first move, with the page's and the worker's code not
 * yet optimised by the JavaScript engine, is printed too). Skips with a printed reason when
 * Chromium, the built viewer or the built CLI is missing.
 *
 * @param runs - page loads per figure, and slider moves (at least {@link MOVES})
 * @returns when every figure is printed
 * @throws Error when the CLI or the in-browser analysis fails
 * @example
 * ```ts
 * await benchViewer(3);
 * ```
 */
export async function benchViewer(runs: number): Promise<void> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  // HEXREACH_VIEWER_DIST (as for `hexreach view`): e.g. a build with `vite build --minify false`,
  // whose traces name the functions.
  const viewerDist = process.env.HEXREACH_VIEWER_DIST ?? repoPath('packages/viewer/dist');
  const trace = process.env.HEXREACH_BENCH_TRACE === '1';
  // BENCH_VIEWER=render or =slider: one of the two (default both).
  const parts = new Set((process.env.BENCH_VIEWER ?? 'render,slider').split(','));
  const cli = repoPath('packages/core/dist/cli/main.js');
  const missing = [
    [chromiumPath, `${chromiumPath} not found (see ../shared/BROWSER.md)`],
    [join(viewerDist, 'index.html'), `${viewerDist} not built ("npm run build")`],
    [cli, 'packages/core/dist not built ("npm run build")'],
  ].find(([path]) => !existsSync(path));
  if (missing !== undefined) {
    printRow('viewer: first render and slider → repaint', 'skipped', missing[1]);
    return;
  }

  const dir = mkdtempSync(join(tmpdir(), 'hexreach-viewer-bench-'));
  let browser: Browser | undefined;
  try {
    const inputs = writeCity(dir);
    const resultsDir = join(dir, 'results');
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      [cli, 'analyze', '--config', inputs.config, '--out', resultsDir, '--quiet'],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    if (run.status !== 0) throw new Error(`hexreach analyze failed: ${run.stderr}`);
    const cliSeconds = (performance.now() - started) / 1000;
    copyFileSync(inputs.organizations, join(resultsDir, 'organizations.geojson'));
    const summary = JSON.parse(readFileSync(join(resultsDir, 'summary.json'), 'utf8'));
    const cellCount = Number(summary.cells?.count);
    console.log(
      `viewer: the demo city at resolution ${RESOLUTION}, ${inputs.tracts} of 150 tracts: ${cellCount.toLocaleString('en-US')} cells (hexreach analyze: ${cliSeconds.toFixed(1)} s)`,
    );

    const server = await serveViewer({ resultsDir, viewerDist });
    try {
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          '--no-sandbox',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
      const renderer = await withPage(browser, webglRenderer);
      console.log(`(Chromium ${browser.version()}, headless; WebGL: ${renderer})`);
      const origin = new URL(server.url).origin;

      if (parts.has('render')) {
        // Older outputs have no cells.bin: the viewer reads cells.geojson, as it did before.
        const geojsonDir = join(dir, 'results-geojson');
        cpSync(resultsDir, geojsonDir, { recursive: true });
        rmSync(join(geojsonDir, 'cells.bin'));
        const geojsonServer = await serveViewer({ resultsDir: geojsonDir, viewerDist });
        try {
          await benchFirstRender(browser, [server, geojsonServer], cellCount, runs, trace);
        } finally {
          await geojsonServer.close();
        }
      }
      if (!parts.has('slider')) return;

      // Each analysis on a page of its own; the slider moves on the last one's.
      const analyses: AnalysisTimes[] = [];
      for (let r = 1; r < runs; r++)
        analyses.push(
          await withPage(browser, (page) => analyseInBrowser(page, origin, inputs.files, false)),
        );
      await withPage(browser, async (page) => {
        analyses.push(await analyseInBrowser(page, origin, inputs.files, trace));
        const drawn = median(analyses.map((t) => t.drawn));
        const all = analyses.map((t) => seconds(t.drawn)).join(', ');
        printRow(
          `viewer: raw inputs analysed in the browser's worker, drawn (target < 6 s)`,
          seconds(drawn),
          `from giving the files; ${runs === 1 ? '1 run' : `median of ${runs} runs (${all})`}`,
        );
        printRow(
          '  of which: read / analysed / results written and received / decoded and shown / drawn',
          '',
          [
            median(analyses.map((t) => t.read)),
            median(analyses.map((t) => t.analysed - t.read)),
            median(analyses.map((t) => t.received - t.analysed)),
            median(analyses.map((t) => t.handedOver - t.received)),
            median(analyses.map((t) => t.drawn - t.handedOver)),
          ]
            .map(seconds)
            .join(' / '),
        );
        const moves: SliderMove[] = [];
        for (let m = 0; m < Math.max(MOVES, runs); m++) {
          moves.push(
            await moveSlider(page, SLIDER_VALUES[m % SLIDER_VALUES.length], m === 0 && trace),
          );
        }
        const painted = median(moves.map((t) => t.times.painted));
        const repaint = median(moves.map((t) => t.repainted));
        const plain: number[] = [];
        for (let r = 0; r < Math.max(3, runs); r++) plain.push(await page.evaluate(plainRepaint));
        const plainMs = median(plain);
        const ms = (values: number[]) => `${Math.round(median(values))} ms`;
        const paintedMs = moves.map((t) => t.times.painted).sort((a, b) => a - b);
        printRow(
          'slider release → cells, zones, labels and ranked list repainted (target < 100 ms)',
          seconds(painted),
          `median of ${moves.length} moves of the ${SLIDER} weight (first ${Math.round(moves[0].times.painted)} ms; fastest ${Math.round(paintedMs[0])}, slowest ${Math.round(paintedMs[paintedMs.length - 1])} ms; ${paintedMs.filter((t) => t < 100).length} of ${moves.length} under 100 ms); ${(painted / plainMs).toFixed(1)}× a plain repaint`,
        );
        printRow(
          '  of which: new scores and zones from the worker / cells recoloured / zones shown / frame drawn (GPU done)',
          '',
          [
            ms(moves.map((t) => t.times.scored)),
            ms(moves.map((t) => t.times.colored - t.times.scored)),
            ms(moves.map((t) => t.times.zonesShown - t.times.colored)),
            ms(moves.map((t) => t.times.painted - t.times.zonesShown)),
          ].join(' / '),
        );
        const first = moves[0].times;
        printRow(
          '  the first move: the same steps',
          '',
          [
            first.scored,
            first.colored - first.scored,
            first.zonesShown - first.colored,
            first.painted - first.zonesShown,
          ]
            .map((t) => `${Math.round(t)} ms`)
            .join(' / '),
        );
        printRow(
          '  baseline: a plain repaint of the same map, nothing changed',
          seconds(plainMs),
          'triggerRepaint → idle and GPU done, same page (software WebGL)',
        );
        printRow(
          'slider release → all updated (cell and zone details, panels), map idle',
          seconds(repaint),
          `median of ${moves.length} moves`,
        );
        printRow(
          '  of which: whole re-score from the worker / applied and shown / drawn',
          '',
          [
            ms(moves.map((t) => t.times.worker)),
            ms(moves.map((t) => t.times.total - t.times.worker)),
            ms(moves.map((t) => t.repainted - t.times.total)),
          ].join(' / '),
        );
        const phases = moves[moves.length - 1].phases;
        if (phases.length > 0) {
          console.log(
            `  worker progress during the last move: ${phases.map((p) => `${seconds(p.at)} ${p.label}`).join(' · ')}`,
          );
        }
      });
    } finally {
      await browser?.close();
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Prints the first render of the results from `servers[0]` (cells.bin and the rest) and of the
 * same results without cells.bin (`servers[1]`), with their phases, against MapLibre alone
 * drawing cells.geojson; medians of `runs` page loads each, taken in turn.
 */
async function benchFirstRender(
  browser: Browser,
  servers: readonly [ViewerServer, ViewerServer],
  cellCount: number,
  runs: number,
  trace: boolean,
): Promise<void> {
  const origin = new URL(servers[0].url).origin;
  const app: RenderTimes[][] = [[], []];
  const alone: number[] = [];
  for (let r = 0; r < runs; r++) {
    // Alternate them so that all see the same load from others on the machine.
    for (const [k, server] of servers.entries()) {
      const keep = r === 0 && k === 0;
      app[k].push(
        await withPage(browser, (page) =>
          firstRender(page, `${server.url}&test`, keep, keep && trace),
        ),
      );
    }
    alone.push(await withPage(browser, (page) => mapLibreAlone(page, origin, app[0][0].camera)));
  }
  const baseline = median(alone);
  for (const times of app) {
    const file = times[0].file;
    const drawn = median(times.map((t) => t.drawn));
    printRow(
      `viewer first render, ${cellCount.toLocaleString('en-US')} cells from ${file} (target < 2 s)`,
      seconds(drawn),
      `navigation → drawn; ${(drawn / baseline).toFixed(2)}× MapLibre alone; ${file}: ${megabytes(times[0].bytes)}, ${Math.round(times[0].bytes / cellCount)} bytes a cell`,
    );
    printRow(
      `  of which: page ready / ${file} fetched / decoded / handed over / drawn`,
      '',
      [
        median(times.map((t) => t.requested)),
        median(times.map((t) => t.fetched - t.requested)),
        median(times.map((t) => t.decoded - t.fetched)),
        median(times.map((t) => t.handedOver - t.decoded)),
        median(times.map((t) => t.drawn - t.handedOver)),
      ]
        .map(seconds)
        .join(' / '),
    );
  }
  printRow(
    '  baseline: MapLibre alone, cells.geojson as a GeoJSON source URL',
    seconds(baseline),
    'one fill layer, same page, same detection',
  );
}

/** Input files of the benchmark city and what they hold. */
interface CityInputs {
  /** Every file, as picked in the viewer (the configuration names them). */
  readonly files: string[];
  readonly config: string;
  readonly organizations: string;
  readonly tracts: number;
}

/**
 * Writes the benchmark city into `dir`: the demo incidents, organizations and surveys, the demo
 * tracts nearest the centre until their res-11 cover (the analysis grid: cells overlapping any
 * tract) reaches {@link TARGET_CELLS}, and the configuration.
 */
function writeCity(dir: string): CityInputs {
  const demo = repoPath('data/demo');
  const tracts = JSON.parse(
    readFileSync(join(demo, 'tracts.geojson'), 'utf8'),
  ) as FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;
  const centres = tracts.features.map(bboxCentre);
  const cityLng = centres.reduce((s, c) => s + c[0], 0) / centres.length;
  const cityLat = centres.reduce((s, c) => s + c[1], 0) / centres.length;
  const cosLat = Math.cos((cityLat * Math.PI) / 180);
  const distance = (c: Position) => Math.hypot((c[0] - cityLng) * cosLat, c[1] - cityLat);
  const order = tracts.features
    .map((_, i) => i)
    .sort((a, b) => distance(centres[a]) - distance(centres[b]));
  const cover = new Set<string>();
  const kept: AreaFeature[] = [];
  for (const i of order) {
    if (cover.size >= TARGET_CELLS) break;
    const feature = tracts.features[i];
    const parts =
      feature.geometry.type === 'Polygon'
        ? [feature.geometry.coordinates]
        : feature.geometry.coordinates;
    for (const rings of parts)
      for (const cell of polygonToCellsOverlapping(rings, RESOLUTION)) cover.add(cell);
    kept.push(feature);
  }
  writeFileSync(join(dir, 'tracts.geojson'), JSON.stringify({ ...tracts, features: kept }));
  for (const name of ['incidents.csv', 'organizations.geojson', 'surveys.csv']) {
    copyFileSync(join(demo, name), join(dir, name));
  }

  const config = JSON.parse(readFileSync(repoPath('examples/hexreach.config.json'), 'utf8'));
  for (const input of Object.values(config.inputs) as { path?: unknown }[]) {
    if (typeof input?.path === 'string') input.path = input.path.split('/').pop();
  }
  config.resolution = RESOLUTION;
  config.hotspots = { ...config.hotspots, permutations: 99 };
  config.robustness = { draws: 20, resolutions: false };
  config.uncertainty = { ...config.uncertainty, draws: 20 };
  config.output = { precision: config.output?.precision ?? 6 };
  const configPath = join(dir, 'hexreach.config.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  mkdirSync(join(dir, 'results'));
  return {
    files: [
      'incidents.csv',
      'tracts.geojson',
      'organizations.geojson',
      'surveys.csv',
      'hexreach.config.json',
    ].map((name) => join(dir, name)),
    config: configPath,
    organizations: join(dir, 'organizations.geojson'),
    tracts: kept.length,
  };
}

function bboxCentre(feature: AreaFeature): Position {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const rings =
    feature.geometry.type === 'Polygon'
      ? feature.geometry.coordinates
      : feature.geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [lng, lat] of ring) {
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return [(west + east) / 2, (south + north) / 2];
}

/** Runs `use` on a page of its own browser context (nothing cached or shared between runs). */
async function withPage<T>(browser: Browser, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // tsx compiles with esbuild's keepNames, which wraps named inner functions in `__name(…)`; the
  // functions handed to page.evaluate carry those calls into the page, so give it the helper.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const result = await use(page);
    if (errors.length > 0) throw new Error(`the viewer failed: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

/**
 * Opens the viewer on the served results and times, from the start of navigation, the arrival of
 * cells.geojson, the app's hand-over to MapLibre and the drawn map. The first run saves a
 * screenshot to .ci-artifacts/viewer/bench-50k.png.
 */
async function firstRender(
  page: Page,
  url: string,
  keepScreenshot: boolean,
  trace: boolean,
): Promise<RenderTimes> {
  if (trace) await startTrace(page, 'bench-first-render');
  await page.goto(url);
  await page.waitForFunction(() => (window as BenchWindow).hexreachTest !== undefined);
  const handedOver = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const hooks = (window as BenchWindow).hexreachTest;
        const poll = () => {
          if (hooks !== undefined && hooks.loads() >= 1) resolve(performance.now());
          else requestAnimationFrame(poll);
        };
        poll();
      }),
    undefined,
  );
  const drawn = await page.evaluate(mapDrawn, undefined);
  if (trace) await stopTrace(page);
  const { file, bytes, requested, fetched, decoded, camera } = await page.evaluate(() => {
    const mark = (name: string) =>
      performance.getEntriesByName(name, 'mark')[0] as PerformanceMark | undefined;
    const decodedMark = mark('hexreach:cells-decoded');
    const file = String(decodedMark?.detail ?? 'cells.geojson');
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => e.name.endsWith(`/${file}`)) as PerformanceResourceTiming | undefined;
    const map = (window as BenchWindow).hexreachTest?.map;
    const center = map?.getCenter();
    return {
      file,
      bytes: entry?.decodedBodySize ?? Number.NaN,
      requested: mark('hexreach:results-requested')?.startTime ?? Number.NaN,
      fetched: entry?.responseEnd ?? Number.NaN,
      decoded: decodedMark?.startTime ?? Number.NaN,
      camera: {
        center: [center?.lng ?? 0, center?.lat ?? 0] as [number, number],
        zoom: map?.getZoom() ?? 0,
      },
    };
  });
  if (keepScreenshot) {
    const artifacts = repoPath('.ci-artifacts/viewer');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'bench-50k.png') });
  }
  return { file, bytes, requested, fetched, decoded, handedOver, drawn, camera };
}

/**
 * The baseline: the same page without results, then MapLibre alone given cells.geojson as a
 * GeoJSON source URL (fetched, parsed and tiled in MapLibre's own worker) with one fill layer, at
 * the camera the app chose (same zoom, same tiles); ms from the start of navigation to the drawn
 * map. The app's extra time over this is what it adds: fetching and parsing on the main thread,
 * checking the cells, copying them to MapLibre's worker, its other layers and panels.
 */
async function mapLibreAlone(page: Page, origin: string, camera: Camera): Promise<number> {
  await page.goto(`${origin}/?test`);
  await page.waitForFunction(
    () => (window as BenchWindow).hexreachTest?.map.isStyleLoaded() === true,
  );
  await page.evaluate((view) => {
    const map = (window as BenchWindow).hexreachTest?.map;
    if (map === undefined) throw new Error('no map');
    map.addSource('bench-cells', { type: 'geojson', data: 'results/cells.geojson' });
    map.addLayer({
      id: 'bench-cells',
      type: 'fill',
      source: 'bench-cells',
      paint: {
        'fill-color': ['interpolate', ['linear'], ['get', 'score'], 0, '#fff7bc', 1, '#b30000'],
        'fill-opacity': 0.85,
      },
    });
    map.jumpTo(view);
  }, camera);
  return page.evaluate(mapDrawn, undefined);
}

/**
 * In the page: resolves with `performance.now()` when MapLibre has drawn everything it was given
 * (the next 'idle': sources loaded, tiles parsed, no transition, the frame rendered), checked with
 * `map.loaded()`, and the GPU has finished the frame (with software WebGL well after 'idle').
 */
async function mapDrawn(): Promise<number> {
  const hooks = (window as BenchWindow).hexreachTest;
  if (hooks === undefined) throw new Error('no test hooks');
  const finished = hooks.frameFinished();
  hooks.map.triggerRepaint();
  const at = await finished;
  if (!hooks.map.loaded()) throw new Error('idle but not loaded');
  return at;
}

/** The WebGL renderer Chromium draws with (no GPU here: a software one). */
async function webglRenderer(page: Page): Promise<string> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (gl === null) return 'unavailable';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info === null ? gl.RENDERER : info.UNMASKED_RENDERER_WEBGL));
  });
}

/** Times of an analysis of raw inputs in the page, in ms from giving it the files. */
interface AnalysisTimes {
  /** The inputs were read: the worker's progress label turned to "Analysing…". */
  readonly read: number;
  /** The analysis was done: the label turned to "Writing the results". */
  readonly analysed: number;
  /** The page had the results and began loading them (`hexreach:results-requested`). */
  readonly received: number;
  /** The page had decoded the cells and handed everything to the map and panels (loads() ≥ 1). */
  readonly handedOver: number;
  /** MapLibre had drawn the frame, and the GPU finished it. */
  readonly drawn: number;
}

/**
 * Gives the viewer the raw inputs (file picker) and times the worker's analysis until drawn,
 * split by the worker's progress labels (as the page shows them) and the page's marks.
 */
async function analyseInBrowser(
  page: Page,
  origin: string,
  files: string[],
  trace: boolean,
): Promise<AnalysisTimes> {
  await page.goto(`${origin}/?test`);
  await page.waitForFunction(() => (window as BenchWindow).hexreachTest !== undefined);
  if (trace) await startTrace(page, 'bench-analysis');
  const started = await page.evaluate(() => {
    const state = window as Window & { benchLabels?: { at: number; label: string }[] };
    const labels: { at: number; label: string }[] = [];
    state.benchLabels = labels;
    const label = document.getElementById('progress-label');
    if (label !== null)
      new MutationObserver(() =>
        labels.push({ at: performance.now(), label: label.textContent ?? '' }),
      ).observe(label, { childList: true, characterData: true, subtree: true });
    return performance.now();
  });
  await page.setInputFiles('#open-files', files);
  // Polled every frame in the page: a coarser poll (or waiting on a selector) adds its own delay.
  const shown = await page.evaluate(
    () =>
      new Promise<{ at: number; alert: string | null }>((resolve) => {
        const poll = () => {
          const alert = document.querySelector('#messages [role="alert"]');
          if (alert !== null) resolve({ at: performance.now(), alert: alert.textContent });
          else if (((window as BenchWindow).hexreachTest?.loads() ?? 0) >= 1)
            resolve({ at: performance.now(), alert: null });
          else requestAnimationFrame(poll);
        };
        poll();
      }),
    undefined,
  );
  if (shown.alert !== null) throw new Error(`the in-browser analysis failed: ${shown.alert}`);
  const drawn = await page.evaluate(mapDrawn, undefined);
  if (trace) await stopTrace(page);
  if ((await page.locator(`#weight-${SLIDER}`).count()) === 0) {
    throw new Error(`no #weight-${SLIDER} slider after the in-browser analysis`);
  }
  const marks = await page.evaluate(() => {
    const labels = (window as Window & { benchLabels?: { at: number; label: string }[] })
      .benchLabels;
    const firstLabel = (prefix: string) =>
      labels?.find((l) => l.label.startsWith(prefix))?.at ?? Number.NaN;
    return {
      read: firstLabel('Analysing'),
      analysed: firstLabel('Writing'),
      received:
        performance.getEntriesByName('hexreach:results-requested', 'mark').at(-1)?.startTime ??
        Number.NaN,
    };
  });
  return {
    read: marks.read - started,
    analysed: marks.analysed - started,
    received: marks.received - started,
    handedOver: shown.at - started,
    drawn: drawn - started,
  };
}

/** One slider move: ms from the release to each step, and the worker's progress labels. */
interface SliderMove {
  /** The page's own timings of the move. */
  readonly times: RescoreTimes;
  /** The map shows everything re-scored ({@link waitForRepaint}). */
  readonly repainted: number;
  /** The worker's progress labels with their time after the release. */
  readonly phases: { at: number; label: string }[];
}

/**
 * Releases the weight slider at `value` the way a person does (the value set, `input` while
 * dragging, `change` on release: what weightControls listens to) and times the repaint.
 */
async function moveSlider(page: Page, value: number, trace: boolean): Promise<SliderMove> {
  if (trace) await startTrace(page, 'bench-slider');
  const release = await page.evaluate(
    ({ id, value }) => {
      const input = document.getElementById(id) as HTMLInputElement | null;
      if (input === null) throw new Error(`no #${id}`);
      const state = window as BenchWindow & {
        benchPhases?: { at: number; label: string }[];
        benchObserver?: MutationObserver;
      };
      const hooks = state.hexreachTest;
      if (hooks === undefined) throw new Error('no test hooks');
      const label = document.getElementById('progress-label');
      const phases: { at: number; label: string }[] = [];
      state.benchPhases = phases;
      state.benchObserver?.disconnect();
      state.benchObserver = new MutationObserver(() =>
        phases.push({ at: performance.now(), label: label?.textContent ?? '' }),
      );
      if (label !== null)
        state.benchObserver.observe(label, { childList: true, characterData: true, subtree: true });
      const before = hooks.loads();
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const at = performance.now();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return { at, before };
    },
    { id: `weight-${SLIDER}`, value },
  );
  const done = await page.evaluate(waitForRepaint, release.before);
  if (trace) await stopTrace(page);
  const phases = await page.evaluate(() => {
    const state = window as Window & {
      benchPhases?: { at: number; label: string }[];
      benchObserver?: MutationObserver;
    };
    state.benchObserver?.disconnect();
    return state.benchPhases ?? [];
  });
  const times = await page.evaluate(() => (window as BenchWindow).hexreachTest?.lastRescore?.());
  if (times === undefined) throw new Error('the viewer did not time the re-score');
  return {
    times,
    repainted: done - release.at,
    phases: phases.map((p) => ({ at: p.at - release.at, label: p.label })),
  };
}

/**
 * In the page: the end of a slider move. The app counts each re-score it has fully shown
 * (cells, zones, list, panels) as a load, so this waits for the load counter to pass
 * `loadsBefore`, then for MapLibre's next 'idle' and the GPU done with that frame (everything
 * drawn); resolves with that time.
 */
function waitForRepaint(loadsBefore: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const hooks = (window as BenchWindow).hexreachTest;
    if (hooks === undefined) {
      reject(new Error('no test hooks'));
      return;
    }
    const poll = () => {
      if (hooks.loads() <= loadsBefore) {
        requestAnimationFrame(poll);
        return;
      }
      // With software WebGL the GPU finishes the frame well after 'idle'.
      hooks.frameFinished().then(resolve, reject);
      hooks.map.triggerRepaint();
    };
    poll();
  });
}

/**
 * With HEXREACH_BENCH_TRACE=1: records a Chrome trace (every thread: the page, its workers,
 * MapLibre's workers, the GPU process; with V8's sampling profiler) to
 * .ci-artifacts/viewer/NAME.json, to open in Chrome DevTools' Performance panel or Perfetto.
 */
async function startTrace(page: Page, name: string): Promise<void> {
  const browser = page.context().browser();
  if (browser === null) return;
  const artifacts = repoPath('.ci-artifacts/viewer');
  mkdirSync(artifacts, { recursive: true });
  await browser.startTracing(page, {
    path: join(artifacts, `${name}.json`),
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'disabled-by-default-v8.cpu_profiler',
      'blink.user_timing',
      'gpu',
      'toplevel',
    ],
  });
}

async function stopTrace(page: Page): Promise<void> {
  await page.context().browser()?.stopTracing();
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  printMachine();
  console.log(`(median of ${runs} runs unless stated)\n`);
  await benchViewer(runs);
}

/** In the page: milliseconds MapLibre takes to draw the unchanged map once more. */
function plainRepaint(): Promise<number> {
  return new Promise((resolve, reject) => {
    const hooks = (window as BenchWindow).hexreachTest;
    if (hooks === undefined) {
      reject(new Error('no test hooks'));
      return;
    }
    const start = performance.now();
    // With software WebGL the GPU finishes the frame well after 'idle'.
    hooks.frameFinished().then((at) => resolve(at - start), reject);
    hooks.map.triggerRepaint();
  });
}
