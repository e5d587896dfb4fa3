import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  canvasHistogram,
  expectNoDialogOrError,
  legendRows,
  mapIdle,
  pixelsNear,
  screenshot,
  type TestWindow,
  viewerFixture,
} from './harness.js';

const loads = (page: Page) =>
  page.evaluate(() => (window as unknown as TestWindow).hexreachTest.loads());

describe('loading results into the viewer, in Chromium', () => {
  const viewer = viewerFixture(async (harness) => {
    writeFileSync(join(harness.resultsDir, 'notes.txt'), 'an analyst’s notes');
    const origin = new URL(harness.server.url).origin;
    return { page: await harness.newPage(), origin };
  });

  it('starts on an empty offline map that says how to open results', async () => {
    const { page, origin } = await viewer();
    await page.goto(`${origin}/?test`);
    await page.waitForFunction(() => (window as unknown as TestWindow).hexreachTest !== undefined);
    expect(await page.isVisible('#welcome')).toBe(true);
    expect(await page.textContent('#status')).toBe('No results loaded');
    await screenshot(page, 'welcome');
  });

  it('loads the files chosen with "Open files…" and lists those it does not know', async () => {
    const { harness, page } = await viewer();
    await page.setInputFiles(
      '#open-files',
      [
        'cells.geojson',
        'zones.geojson',
        'summary.json',
        'organizations.geojson',
        'rejected.csv',
        'notes.txt',
      ].map((name) => join(harness.resultsDir, name)),
    );
    await expect.poll(() => loads(page)).toBe(1);
    await mapIdle(page);
    expect(await page.textContent('#status')).toMatch(/1,426 cells, 2 zones, 60 organizations/);
    expect(await page.textContent('#messages')).toContain('Not used: notes.txt');
    expect(await page.textContent('#messages')).not.toContain('rejected.csv');
    expect(await page.isHidden('#welcome')).toBe(true);
  });

  it('reports invalid JSON with the file, line and column, and keeps the map as it was', async () => {
    const { page } = await viewer();
    const before = await legendRows(page, 'score');
    await page.setInputFiles('#open-files', {
      name: 'cells.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(
        '{"type": "FeatureCollection",\n "features": [ {"type": "Feature",, } ]}',
      ),
    });
    const alert = page.locator('#messages [role="alert"]');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/cells\.geojson: invalid JSON at line 2, column \d+/);
    expect(await alert.textContent()).toContain('The map still shows the results loaded before');
    expect(await loads(page)).toBe(1);
    expect(await page.textContent('#status')).toMatch(/1,426 cells/);
    expect(await legendRows(page, 'score')).toEqual(before);
    await mapIdle(page);
    const histogram = await canvasHistogram(page);
    const drawn = before.filter((row) => pixelsNear(histogram, row.color, 40) > 100);
    expect(drawn.length).toBe(before.length);
    await screenshot(page, 'error-invalid-json');
  });

  it('reports a structural problem naming the file and the feature', async () => {
    const { harness, page } = await viewer();
    const zones = JSON.parse(readFileSync(join(harness.resultsDir, 'zones.geojson'), 'utf8'));
    zones.features[1].properties.rank = 'second';
    await page.setInputFiles('#open-files', [
      {
        name: 'cells.geojson',
        mimeType: 'application/geo+json',
        buffer: readFileSync(join(harness.resultsDir, 'cells.geojson')),
      },
      {
        name: 'zones.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(zones)),
      },
    ]);
    const alert = page.locator('#messages [role="alert"]');
    await expect
      .poll(() => alert.textContent())
      .toContain('zones.geojson: feature 1: rank is "second", expected an integer ≥ 1');
    expect(await loads(page)).toBe(1);
  });

  it('loads a whole results folder chosen with "Open folder…"', async () => {
    const { harness, page } = await viewer();
    await page.setInputFiles('#open-folder', harness.resultsDir);
    await expect.poll(() => loads(page)).toBe(2);
    expect(await page.textContent('#status')).toMatch(/1,426 cells, 2 zones, 60 organizations/);
    expect(await page.locator('#messages [role="alert"]').count()).toBe(0);
  });

  it('loads files dropped on the page', async () => {
    const { harness, page } = await viewer();
    const cells = readFileSync(join(harness.resultsDir, 'cells.geojson'), 'utf8');
    const zones = readFileSync(join(harness.resultsDir, 'zones.geojson'), 'utf8');
    const dropped = await page.evaluateHandle(
      ([cellsText, zonesText]) => {
        const transfer = new DataTransfer();
        transfer.items.add(
          new File([cellsText], 'cells.geojson', { type: 'application/geo+json' }),
        );
        transfer.items.add(
          new File([zonesText], 'zones.geojson', { type: 'application/geo+json' }),
        );
        return transfer;
      },
      [cells, zones],
    );
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: dropped });
    expect(await page.isVisible('#drop-overlay')).toBe(true);
    await screenshot(page, 'drop-overlay');
    await page.dispatchEvent('body', 'drop', { dataTransfer: dropped });
    await expect.poll(() => loads(page)).toBe(3);
    expect(await page.isHidden('#drop-overlay')).toBe(true);
    // Dropped without organizations.geojson and summary.json: the organization layer is gone.
    expect(await page.textContent('#status')).toMatch(
      /1,426 cells, 2 zones · |1,426 cells, 2 zones$/,
    );
    expect(await page.locator('#layer-organizations').count()).toBe(0);
  });

  it('refuses ?results= on another origin, requesting nothing from it', async () => {
    const { harness, origin } = await viewer();
    const fresh = await harness.newPage();
    const requested: string[] = [];
    fresh.on('request', (request) => requested.push(request.url()));
    await fresh.goto(`${origin}/?test&results=${encodeURIComponent('http://example.org/out/')}`);
    const alert = fresh.locator('#messages [role="alert"]');
    await expect.poll(() => alert.textContent()).toMatch(/only from this viewer's own address/);
    expect(requested.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
    await fresh.goto(`${origin}/?test&results=nothing/`);
    await expect
      .poll(() => fresh.locator('#messages [role="alert"]').textContent())
      .toMatch(/cells\.geojson was not found in \/nothing\//);
    await fresh.close();
  });

  it('draws a basemap style set by URL under the data, remembers it, and goes back offline', async () => {
    const { harness, origin } = await viewer();
    // A style on the same server stands in for a tile server: a background in a colour no layer uses.
    writeFileSync(
      join(harness.resultsDir, 'basemap-style.json'),
      JSON.stringify({
        version: 8,
        sources: {},
        layers: [{ id: 'paper', type: 'background', paint: { 'background-color': '#123456' } }],
      }),
    );
    const fresh = await harness.newPage();
    await fresh.goto(`${harness.server.url}&test`);
    await expect.poll(() => loads(fresh)).toBe(1);
    await mapIdle(fresh);
    await fresh.locator('details.settings', { hasText: 'Basemap' }).locator('summary').click();
    await fresh.fill('#basemap-url', 'not a url');
    await fresh.click('text=Use basemap');
    await expect.poll(() => fresh.textContent('#messages')).toMatch(/not an http\(s\) URL/);
    await fresh.fill('#basemap-url', `${origin}/results/basemap-style.json`);
    await fresh.click('text=Use basemap');
    const withBasemap = async () => {
      await mapIdle(fresh);
      const histogram = await canvasHistogram(fresh);
      const rows = await legendRows(fresh, 'score');
      return {
        background: pixelsNear(histogram, '#123456', 2),
        // Cells are drawn at opacity 0.85 over the basemap: look for colours near the legend's.
        cells: rows.filter((row) => pixelsNear(histogram, row.color, 40) > 100).length,
        classes: rows.length,
      };
    };
    await expect
      .poll(async () => (await withBasemap()).background, { timeout: 20_000 })
      .toBeGreaterThan(1000);
    const drawn = await withBasemap();
    expect(drawn.cells).toBe(drawn.classes);
    await screenshot(fresh, 'basemap');

    await fresh.reload();
    await expect.poll(() => loads(fresh)).toBe(1);
    await expect
      .poll(async () => (await withBasemap()).background, { timeout: 20_000 })
      .toBeGreaterThan(1000);
    await fresh.locator('details.settings', { hasText: 'Basemap' }).locator('summary').click();
    await fresh.click('text=No basemap');
    await expect.poll(async () => (await withBasemap()).background, { timeout: 20_000 }).toBe(0);
    expect((await withBasemap()).cells).toBe(drawn.classes);
    await fresh.close();
    expectNoDialogOrError(harness);
  });
});
