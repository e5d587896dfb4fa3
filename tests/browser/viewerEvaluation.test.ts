import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { interpolateRdBu } from 'd3-scale-chromatic';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { serveViewer, type ViewerServer } from '../../packages/core/src/cli/serveViewer.js';
import { once } from '../../packages/core/test/helpers/once.js';
import { hexreach, root, tempDir } from '../helpers.js';
import {
  canvasHistogram,
  cellCentre,
  launchChromium,
  mapIdle,
  pixelsNear,
  screenshot,
  type TestWindow,
  toPagePoint,
  viewerDist,
} from './harness.js';

/** The parts of evaluation.json this test reads. */
interface EvaluationJson {
  zones: {
    id: string;
    crime: { change: number; p: number };
    displacement: { reading: string };
    sentence: string;
  }[];
}

/** `hexreach evaluate` on the demo's planted intervention, served with the built viewer. */
const served = once(async () => {
  const out = tempDir('hexreach-evaluation-');
  const run = hexreach([
    'evaluate',
    '--config',
    join(root, 'examples/evaluate.config.json'),
    '--out',
    out,
    '--quiet',
  ]);
  if (run.status !== 0)
    throw new Error(`hexreach evaluate exited with ${run.status}: ${run.stderr}`);
  started.server = await serveViewer({ resultsDir: out, viewerDist });
  started.browser = await launchChromium();
  const pageErrors: string[] = [];
  const newPage = async () => {
    const page = await started.browser?.newPage({ viewport: { width: 1280, height: 800 } });
    if (page === undefined) throw new Error('no browser');
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  };
  const json: EvaluationJson = JSON.parse(readFileSync(join(out, 'evaluation.json'), 'utf8'));
  const outlines = JSON.parse(readFileSync(join(out, 'evaluation-zones.geojson'), 'utf8'));
  return { out, server: started.server, newPage, pageErrors, json, outlines };
});
const started: { server?: ViewerServer; browser?: Awaited<ReturnType<typeof launchChromium>> } = {};
afterAll(async () => {
  await started.browser?.close();
  await started.server?.close();
});

const channels = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const toHex = (rgb: readonly number[]) =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/**
 * The colour a change should have, worked out here independently of the viewer's code: RdBu,
 * symmetric around 0 out to the largest |change| rounded up to 10 %, a fall blue.
 */
function expectedColor(change: number, changes: readonly number[]): string {
  const limit = Math.ceil(Math.max(...changes.map(Math.abs)) * 10) / 10;
  const t = Math.min(1, Math.max(0, 0.5 - change / (2 * limit)));
  const rgb = /rgb\((\d+), (\d+), (\d+)\)/.exec(interpolateRdBu(t));
  if (rgb === null) throw new Error(`not rgb(): ${interpolateRdBu(t)}`);
  return toHex(rgb.slice(1).map(Number));
}

/** A colour drawn at `opacity` over `ground`. */
function over(color: string, ground: string, opacity: number): string {
  const [fill, under] = [channels(color), channels(ground)];
  return toHex(fill.map((c, k) => c * opacity + under[k] * (1 - opacity)));
}

async function waitForZones(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('#evaluation .evaluation-zone').length === n,
    count,
    { timeout: 60_000 },
  );
  await mapIdle(page);
}

describe('an evaluation in the viewer, in Chromium', () => {
  const opened = once(async () => {
    const s = await served();
    const page = await s.newPage();
    await page.goto(`${s.server.url}&test`);
    await waitForZones(page, s.json.zones.length);
    return { ...s, page };
  });

  it('opens the folder hexreach view serves and colours each zone by its estimated change', async () => {
    const { page, json, pageErrors } = await opened();
    expect(await page.textContent('#status')).toMatch(
      /^Evaluation of 3 zones \(2023-01-01 – 2024-12-31\)/,
    );
    const changes = json.zones.map((z) => z.crime.change);
    const scale = (change: number) => expectedColor(change, changes);
    const listed = await page.$$eval('#evaluation .evaluation-zone', (buttons) =>
      buttons.map((b) => ({
        id: b.getAttribute('data-zone'),
        color: b.getAttribute('data-color'),
      })),
    );
    expect(listed).toEqual(json.zones.map((z) => ({ id: z.id, color: scale(z.crime.change) })));
    // Z02, the planted 30 % drop, is blue; Z03, untouched, is not.
    const z02 = scale(json.zones[1].crime.change);
    expect(Number.parseInt(z02.slice(5, 7), 16)).toBeGreaterThan(
      Number.parseInt(z02.slice(1, 3), 16),
    );
    const drawn = await page.evaluate(() => {
      const map = (window as unknown as TestWindow).hexreachTest.map;
      return {
        opacity: map.getPaintProperty('hexreach.evaluation-fill', 'fill-opacity') as number,
        background: map.getPaintProperty('background', 'background-color') as string,
      };
    });
    const overBackground = (color: string) => over(color, drawn.background, drawn.opacity);
    const histogram = await canvasHistogram(page);
    for (const zone of json.zones) {
      expect(
        pixelsNear(histogram, overBackground(scale(zone.crime.change))),
        zone.id,
      ).toBeGreaterThan(500);
    }
    const legend = await page.getAttribute(
      '#evaluation-legend .evaluation-legend-bar',
      'data-colors',
    );
    expect(legend?.split(' ')[0]).toBe('#053061'); // RdBu's blue end: the largest fall
    expect(await page.isVisible('#evaluation-legend')).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('shows the first zone’s sentence, estimate, WDQ, trust, engagement and chart', async () => {
    const { page, json } = await opened();
    const field = (name: string) =>
      page.textContent(`#evaluation .evaluation-zone-details [data-field="${name}"]`);
    const first = json.zones[0];
    expect(await page.textContent('#evaluation .evaluation-sentence')).toBe(first.sentence);
    expect(await field('estimate')).toMatch(
      /^−\d+ % \(90 % CI −\d+ % to \+\d+ %\), p = 0\.\d{3} among 999 placebo zones$/,
    );
    expect(await field('wdq')).toContain(first.displacement.reading);
    expect(await field('trust')).toMatch(/points \(90 % CI/);
    expect(await field('engagement')).toMatch(/^9 activities, 246 attending/);
    const chart = await page.$eval('#evaluation img.evaluation-chart', (img) => ({
      src: img.getAttribute('src') ?? '',
      alt: img.getAttribute('alt') ?? '',
      width: (img as HTMLImageElement).naturalWidth,
    }));
    expect(chart.src.startsWith('data:image/svg+xml')).toBe(true);
    expect(decodeURIComponent(chart.src)).toContain('matched comparison');
    expect(chart.alt).toMatch(/2023-01 to 2024-12, the start in 2024-01$/);
    expect(chart.width).toBeGreaterThan(0);
    // Too small to read in the panel: a click shows it larger, Escape closes it.
    await page.click('#evaluation .image-button');
    const large = await page.waitForSelector('dialog.image-dialog[open] img');
    expect((await large.boundingBox())?.width).toBeGreaterThan(600);
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.image-dialog', { state: 'detached' });
  });

  it('selects a zone clicked on the map', async () => {
    const { page, json, outlines } = await opened();
    const z02 = outlines.features.find(
      (f: { properties: { id: string } }) => f.properties.id === 'Z02',
    );
    const point = await toPagePoint(page, cellCentre(z02));
    await page.mouse.click(point.x, point.y);
    await page.waitForSelector('#evaluation .evaluation-zone-details[data-zone="Z02"]');
    expect(await page.textContent('#evaluation .evaluation-sentence')).toBe(json.zones[1].sentence);
    expect(
      await page.getAttribute('#evaluation .evaluation-zone[data-zone="Z02"]', 'aria-pressed'),
    ).toBe('true');
    await mapIdle(page);
    await screenshot(page, 'evaluation');
  });

  it('draws the zones again on a style that replaces the map’s (a basemap)', async () => {
    const { page } = await opened();
    const layers = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const map = (window as unknown as TestWindow).hexreachTest.map;
          map.once('idle', () => resolve(map.getStyle().layers.map((layer) => layer.id)));
          map.setStyle(
            {
              version: 8,
              sources: {},
              layers: [
                { id: 'land', type: 'background', paint: { 'background-color': '#eeeeee' } },
              ],
            },
            { diff: false },
          );
        }),
    );
    expect(layers).toEqual([
      'land',
      'hexreach.evaluation-fill',
      'hexreach.evaluation-outline',
      'hexreach.evaluation-selected',
    ]);
  });

  it('opens evaluation.json and its outlines chosen as files, and names a broken file', async () => {
    const { out, newPage, json, pageErrors } = await served();
    const { server } = await served();
    const page = await newPage();
    await page.goto(`${new URL(server.url).origin}/?test`);
    await page.waitForFunction(() => (window as unknown as TestWindow).hexreachTest !== undefined);
    await page.setInputFiles(
      '#open-files',
      ['evaluation.json', 'evaluation-zones.geojson', 'evaluation.csv'].map((n) => join(out, n)),
    );
    await waitForZones(page, json.zones.length);
    expect(await page.isHidden('#welcome')).toBe(true);
    const broken = join(tempDir('hexreach-broken-'), 'evaluation.json');
    writeFileSync(broken, '{"command": "evaluate", "zones": [{"id": 5}]}');
    await page.setInputFiles('#open-files', broken);
    await expect
      .poll(() => page.textContent('#messages'))
      .toContain('evaluation.json: zones[0].id is 5, expected a string');
    expect(await page.textContent('#messages')).toContain(
      'still shows the evaluation loaded before',
    );
    expect(await page.$$eval('#evaluation .evaluation-zone', (b) => b.length)).toBe(
      json.zones.length,
    );
    expect(pageErrors).toEqual([]);
  });

  it('evaluates the raw files in the worker, as hexreach evaluate does', async () => {
    const { newPage, server, json, pageErrors } = await served();
    const page = await newPage();
    await page.goto(`${new URL(server.url).origin}/?test`);
    await page.waitForFunction(() => (window as unknown as TestWindow).hexreachTest !== undefined);
    const evaluation = join(root, 'data/demo/evaluation');
    // The configuration names its inputs by paths; the viewer matches them by file name.
    await page.setInputFiles('#open-files', [
      join(root, 'examples/evaluate.config.json'),
      join(root, 'data/demo/tracts.geojson'),
      ...['incidents.csv', 'surveys.csv', 'zones.geojson', 'engagement.csv'].map((name) =>
        join(evaluation, name),
      ),
    ]);
    await waitForZones(page, json.zones.length);
    expect(await page.textContent('#status')).toMatch(/from evaluation in this browser of /);
    const facts = await page.$$eval('#evaluation .evaluation-zone .zone-facts', (spans) =>
      spans.map((span) => span.textContent),
    );
    const cliFacts = json.zones.map(
      (z) =>
        `${z.crime.change < 0 ? '−' : '+'}${Math.abs(Math.round(z.crime.change * 100))} % against matched areas, p = ${z.crime.p.toFixed(3)}`,
    );
    expect(facts).toEqual(cliFacts);
    expect(await page.textContent('#evaluation .evaluation-sentence')).toBe(json.zones[0].sentence);
    expect(pageErrors).toEqual([]);
  });
});
