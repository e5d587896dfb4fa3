import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { type Browser, chromium, type Dialog, type Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { serveViewer, type ViewerServer } from '../../packages/core/src/cli/serveViewer.js';
import { once } from '../../packages/core/test/helpers/once.js';
import { demoRunDir, root, tempDir } from '../helpers.js';

/** Where screenshots go (git-ignored; CI keeps them as artefacts). */
export const artifacts = join(root, '.ci-artifacts', 'viewer');

/** The built viewer (`npm run build` builds it before the browser tests). */
export const viewerDist = join(root, 'packages/viewer/dist');

/** Cells as the CLI writes them. */
export type CellCollection = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;

/** What the viewer exposes on `window.hexreachTest` with `?test`. */
export interface TestHooks {
  readonly map: MapLibreMap;
  view(): { active: string; layers: Record<string, { visible: boolean; opacity: number }> };
  loads(): number;
  /** Each cell layer's visibility and opacity as drawn, by viewer layer id. */
  cellLayers(): Record<string, { visible: boolean; opacity: number }>;
}

/** The page's window with the test hooks. */
export type TestWindow = Window & { hexreachTest: TestHooks };

/** A served demo run, a browser and the dialogs (alert, confirm …) any page opened. */
export interface ViewerHarness {
  readonly resultsDir: string;
  readonly server: ViewerServer;
  readonly browser: Browser;
  readonly cells: CellCollection;
  readonly zones: FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;
  readonly dialogs: string[];
  readonly pageErrors: string[];
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Debian's Chromium with the flags of ../shared/BROWSER.md (no network, no sandbox). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Copies the demo run made once per test run (tests/globalSetup.ts: the CLI on the example
 * configuration, organizations included) into a temporary folder of its own — without
 * organizations.geojson when `organizations` is false — serves it with the built viewer on
 * 127.0.0.1 and launches Debian's Chromium with the flags of ../shared/BROWSER.md.
 */
export async function startViewerHarness(
  options: { readonly organizations?: boolean } = {},
): Promise<ViewerHarness> {
  if (!existsSync(join(viewerDist, 'index.html'))) {
    throw new Error(
      'packages/viewer/dist is missing: run "npm run build" before the browser tests',
    );
  }
  const resultsDir = tempDir('hexreach-viewer-');
  cpSync(demoRunDir('private'), resultsDir, { recursive: true });
  if (!(options.organizations ?? true)) rmSync(join(resultsDir, 'organizations.geojson'));
  mkdirSync(artifacts, { recursive: true });
  const server = await serveViewer({ resultsDir, viewerDist });
  const browser = await launchChromium();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  return {
    resultsDir,
    server,
    browser,
    cells: JSON.parse(readFileSync(join(resultsDir, 'cells.geojson'), 'utf8')),
    zones: JSON.parse(readFileSync(join(resultsDir, 'zones.geojson'), 'utf8')),
    dialogs,
    pageErrors,
    newPage: async (viewport = { width: 1280, height: 720 }) => {
      const page = await browser.newPage({ viewport });
      page.on('dialog', (dialog: Dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return page;
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A test file's viewer harness and what `make` prepares on it (a page, …), started by the first
 * test that asks for it and closed after the file's tests. Unlike a `beforeAll` hook, a failure
 * to start fails each test that asks, with the error, instead of marking the tests "skipped".
 *
 * @example
 * ```ts
 * const viewer = viewerFixture(async (harness) => ({ page: await harness.newPage() }));
 * it('draws', async () => { const { harness, page } = await viewer(); … });
 * ```
 */
export function viewerFixture<T extends object>(
  make: (harness: ViewerHarness) => Promise<T>,
  options: { readonly organizations?: boolean } = {},
): () => Promise<T & { harness: ViewerHarness }> {
  let started: ViewerHarness | undefined;
  afterAll(async () => {
    await started?.close();
  });
  return once(async () => {
    const harness = await startViewerHarness(options);
    started = harness;
    return { ...(await make(harness)), harness };
  });
}

/** Opens the viewer on the served results in test mode, with an optional hash, and waits for the map. */
export async function openViewer(page: Page, harness: ViewerHarness, hash = ''): Promise<void> {
  await page.goto(`${harness.server.url}&test${hash}`);
  await resultsLoaded(page);
  await mapIdle(page);
}

/** Waits (up to a minute) until the page has handed its first results to the map. */
export async function resultsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as TestWindow).hexreachTest?.loads() >= 1,
    null,
    { timeout: 60_000 },
  );
}

/** Waits until the map has drawn everything (tiles, data, transitions). */
export async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as TestWindow).hexreachTest.map;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/**
 * The map canvas's colours and how many pixels have each, read back through a 2D canvas
 * (the test build keeps the WebGL drawing buffer).
 */
export async function canvasHistogram(page: Page): Promise<Map<string, number>> {
  const entries = await page.evaluate(async () => {
    const canvas = (window as unknown as TestWindow).hexreachTest.map.getCanvas();
    const image = new Image();
    image.src = canvas.toDataURL('image/png');
    await image.decode();
    const copy = document.createElement('canvas');
    copy.width = image.width;
    copy.height = image.height;
    const context = copy.getContext('2d');
    if (context === null) throw new Error('no 2D context');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const rgb = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
    }
    return [...counts];
  });
  return new Map(entries.map(([rgb, n]) => [`#${rgb.toString(16).padStart(6, '0')}`, n]));
}

/** Pixels within `tolerance` (per channel) of `color`. */
export function pixelsNear(histogram: Map<string, number>, color: string, tolerance = 3): number {
  const target = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));
  let total = 0;
  for (const [hex, n] of histogram) {
    const rgb = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    if (rgb.every((c, k) => Math.abs(c - target[k]) <= tolerance)) total += n;
  }
  return total;
}

/** The legend rows of one layer, top (highest class) first, as the page shows them. */
export async function legendRows(
  page: Page,
  layerId: string,
): Promise<{ color: string; count: number; label: string }[]> {
  return page.$$eval(`#legend .legend[data-layer="${layerId}"] .legend-row`, (rows) =>
    rows.map((row) => ({
      color: row.getAttribute('data-color') ?? '',
      count: Number(row.getAttribute('data-count')),
      label: row.querySelector('.legend-label')?.textContent ?? '',
    })),
  );
}

/** The centre of a cell polygon (mean of its vertices), `[lng, lat]`. */
export function cellCentre(cell: Feature<Polygon | MultiPolygon>): [number, number] {
  const ring =
    cell.geometry.type === 'Polygon'
      ? cell.geometry.coordinates[0]
      : cell.geometry.coordinates[0][0];
  const n = ring.length - 1;
  let lng = 0;
  let lat = 0;
  for (let i = 0; i < n; i++) {
    lng += ring[i][0] / n;
    lat += ring[i][1] / n;
  }
  return [lng, lat];
}

/** Page coordinates of a map position (map.project plus the canvas's offset in the page). */
export async function toPagePoint(
  page: Page,
  lngLat: [number, number],
): Promise<{ x: number; y: number }> {
  return page.evaluate((position) => {
    const map = (window as unknown as TestWindow).hexreachTest.map;
    const point = map.project(position);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, lngLat);
}

/** Saves a screenshot under .ci-artifacts/viewer/. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage });
}

/** Fails unless no dialog opened and no script error happened. */
export function expectNoDialogOrError(harness: ViewerHarness): void {
  expect(harness.dialogs).toEqual([]);
  expect(harness.pageErrors).toEqual([]);
}
