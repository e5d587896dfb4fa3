import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serveViewer } from '../../packages/core/src/cli/serveViewer.js';
import { demoCityPmtiles } from '../demoCityBasemap.js';
import { tempDir } from '../helpers.js';
import {
  expectNoDialogOrError,
  mapIdle,
  resultsLoaded,
  screenshot,
  type TestWindow,
  viewerDist,
  viewerFixture,
} from './harness.js';

/** Features the map has drawn in each of these layers of the basemap style. */
const renderedIn = (page: Page, layers: readonly string[]) =>
  page.evaluate((ids) => {
    const map = (window as unknown as TestWindow).hexreachTest.map;
    return Object.fromEntries(
      ids.map((id) => [
        id,
        map.getLayer(id) === undefined ? -1 : map.queryRenderedFeatures({ layers: [id] }).length,
      ]),
    );
  }, layers);

/** The centre of the zones' bounding box. */
function zonesCentre(zones: FeatureCollection): [number, number] {
  const positions = zones.features.flatMap(
    (f) => JSON.stringify(f.geometry).match(/-?\d+\.\d+,-?\d+\.\d+/g) ?? [],
  );
  const xy = positions.map((p) => p.split(',').map(Number));
  const xs = xy.map((p) => p[0]);
  const ys = xy.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

/** Waits until the basemap's source is on the map and every tile of it is loaded. */
const basemapLoaded = (page: Page) =>
  page.waitForFunction(
    () => {
      const map = (window as unknown as TestWindow).hexreachTest.map;
      return map.getSource('basemap') !== undefined && map.isSourceLoaded('basemap');
    },
    null,
    { timeout: 60_000 },
  );

describe('an offline PMTiles basemap in the viewer, in Chromium', () => {
  const viewer = viewerFixture(async (harness) => {
    const dir = tempDir('hexreach-basemap-');
    const archive = join(dir, 'city.pmtiles');
    writeFileSync(archive, demoCityPmtiles());
    // `hexreach view out --basemap city.pmtiles` serves it so: the results and the archive.
    const server = await serveViewer({
      resultsDir: harness.resultsDir,
      viewerDist,
      basemap: archive,
    });
    const page = await harness.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    return { page, requests, server, archive };
  });

  it('draws the streets, land, parks and labels of a local PMTiles file, with no remote request', async () => {
    const { harness, page, requests, server } = await viewer();
    try {
      expect(server.url).toContain('&basemap=basemap.pmtiles');
      await page.goto(`${server.url}&test`);
      await resultsLoaded(page);
      await basemapLoaded(page);
      await mapIdle(page);
      const layers = ['earth', 'landuse_park', 'roads_minor', 'roads_major', 'places_subplace'];
      // A busy machine may draw the tiles after the map first reports idle: wait until every
      // layer has features (or 60 s), asking for a new frame at each look (a tile that arrives
      // after the last frame is not drawn until something repaints), then check what is drawn.
      await page
        .waitForFunction(
          (ids) => {
            const map = (window as unknown as TestWindow).hexreachTest.map;
            const drawn = ids.every(
              (id) =>
                map.getLayer(id) !== undefined &&
                map.queryRenderedFeatures({ layers: [id] }).length > 0,
            );
            if (!drawn) map.triggerRepaint();
            return drawn;
          },
          layers,
          { timeout: 60_000, polling: 250 },
        )
        .catch(() => undefined);
      const drawn = await renderedIn(page, layers);
      // Land, parks, streets, and the districts' names in the page's own glyphs.
      for (const [layer, count] of Object.entries(drawn)) expect(count, layer).toBeGreaterThan(0);
      // The results are drawn over the basemap, the zones named by their tracts.
      expect(await page.textContent('#zones')).toContain('Z01 · Tract');
      const order = await page.evaluate(() =>
        (window as unknown as TestWindow).hexreachTest.map.getLayersOrder(),
      );
      expect(order.indexOf('hexreach-score')).toBeGreaterThan(order.indexOf('roads_major'));
      const remote = requests.filter(
        (url) => !/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(url),
      );
      expect(remote).toEqual([]);
      // The archive is read by ranges, as the pmtiles library reads a remote one.
      expect(requests.filter((url) => url.endsWith('/basemap.pmtiles')).length).toBeGreaterThan(1);
      // Closer in, with the cells fainter, as a planner would look at a zone's streets.
      const [lng, lat] = zonesCentre(harness.zones);
      await page.goto(
        `${server.url}&test#map=12.2/${lat.toFixed(4)}/${lng.toFixed(4)}&score=1,0.45,quantile,5,viridis`,
      );
      await resultsLoaded(page);
      await basemapLoaded(page);
      await mapIdle(page);
      await expect
        .poll(async () => (await renderedIn(page, ['roads_labels_major'])).roads_labels_major, {
          timeout: 30_000,
        })
        .toBeGreaterThan(0);
      await screenshot(page, 'pmtiles-basemap');
      expectNoDialogOrError(harness);
    } finally {
      await server.close();
    }
  });

  it('opens a PMTiles file chosen with "Open PMTiles…" in place, no server involved', async () => {
    const { harness, archive } = await viewer();
    const page = await harness.newPage();
    await page.goto(`${harness.server.url}&test`);
    await resultsLoaded(page);
    await page.setInputFiles('#basemap-pmtiles', archive);
    await basemapLoaded(page);
    await mapIdle(page);
    await expect
      .poll(async () => (await renderedIn(page, ['roads_minor'])).roads_minor)
      .toBeGreaterThan(0);
    expect(await page.textContent('#basemap-panel')).toContain(
      'Basemap: city.pmtiles (PMTiles, offline).',
    );
    await page.close();
    expectNoDialogOrError(harness);
  });

  it('takes a .pmtiles file dropped on the page as the basemap', async () => {
    const { harness, archive } = await viewer();
    const page = await harness.newPage();
    await page.goto(`${harness.server.url}&test`);
    await resultsLoaded(page);
    const bytes = [...readFileSync(archive)];
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(data)], 'dropped.pmtiles'));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
    }, bytes);
    await basemapLoaded(page);
    expect(await page.textContent('#basemap-panel')).toContain('Basemap: dropped.pmtiles');
    // The results stay as they were: a basemap is no data to analyse.
    expect(await page.textContent('#zones')).toContain('Z01 · Tract');
    await page.close();
    expectNoDialogOrError(harness);
  });

  it('reports a file that is not a PMTiles archive and keeps the map', async () => {
    const { harness } = await viewer();
    const page = await harness.newPage();
    await page.goto(`${harness.server.url}&test`);
    await resultsLoaded(page);
    await page.setInputFiles('#basemap-pmtiles', {
      name: 'city.pmtiles',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('not an archive'),
    });
    await expect
      .poll(() => page.textContent('#messages'))
      .toContain('The basemap city.pmtiles could not be opened');
    await page.close();
  });
});
