import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers.js';
import {
  expectNoDialogOrError,
  mapIdle,
  openViewer,
  screenshot,
  type TestWindow,
  viewerFixture,
} from './harness.js';

/** The demo's tracts 1–20 as "wards": polygons with a `name`, a reference layer to draw. */
const wards = () => {
  const tracts = JSON.parse(readFileSync(join(root, 'data/demo/tracts.geojson'), 'utf8'));
  return {
    name: 'wards.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(
      JSON.stringify({ type: 'FeatureCollection', features: tracts.features.slice(0, 20) }),
    ),
  };
};

/** Rendered features of a map layer, or 0 when it is not on the map. */
const rendered = (page: Page, layer: string) =>
  page.evaluate((id) => {
    const map = (window as unknown as TestWindow).hexreachTest.map;
    return map.getLayer(id) === undefined ? 0 : map.queryRenderedFeatures({ layers: [id] }).length;
  }, layer);

describe('reference layers in the viewer, in Chromium', () => {
  const viewer = viewerFixture(async (harness) => {
    const page = await harness.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    return { page, requests };
  });

  it('draws a GeoJSON added as a reference layer as outlines with its names, offline', async () => {
    const { harness, page, requests } = await viewer();
    await openViewer(page, harness);
    await page.setInputFiles('#reference-files', wards());
    await page.waitForSelector('[data-reference="wards"]');
    await mapIdle(page);
    // Labels need glyphs: drawn in the page from the bundled Noto Sans, no glyph server.
    await expect.poll(() => rendered(page, 'hexreach:reference-0-label')).toBeGreaterThan(0);
    expect(await rendered(page, 'hexreach:reference-0-line')).toBeGreaterThan(0);
    const layers = await page.evaluate(() =>
      (window as unknown as TestWindow).hexreachTest.map.getLayersOrder(),
    );
    // Above the results' layers, under nothing of theirs.
    expect(layers.at(-1)).toBe('hexreach:reference-0-label');
    expect(await page.textContent('#references')).toContain('wards · 20 features, names: name');
    expect(await page.evaluate(() => location.hash)).toContain('ref=wards:1');
    const remote = requests.filter(
      (url) => !/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(url),
    );
    expect(remote).toEqual([]);
    await screenshot(page, 'reference-layer');
    expectNoDialogOrError(harness);
  });

  it('hides it with its check box, keeps that in the hash by name, and restores it from a link', async () => {
    const { harness, page } = await viewer();
    await page.uncheck('[data-reference="wards"]');
    await mapIdle(page);
    expect(await rendered(page, 'hexreach:reference-0-line')).toBe(0);
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('ref=wards:0');
    // The same link opened again, the file added again: the layer comes back hidden.
    await openViewer(page, harness, hash.replace(/^#/, '#'));
    await page.setInputFiles('#reference-files', wards());
    await page.waitForSelector('[data-reference="wards"]');
    expect(await page.isChecked('[data-reference="wards"]')).toBe(false);
    expectNoDialogOrError(harness);
  });

  it('takes GeoJSON dropped without incidents on shown results as a reference layer', async () => {
    const { harness, page } = await viewer();
    await openViewer(page, harness);
    const file = wards();
    await page.evaluate(
      ({ text }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], 'beats.geojson', { type: 'application/geo+json' }));
        document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
      },
      { text: file.buffer.toString('utf8') },
    );
    await page.waitForSelector('[data-reference="beats"]');
    expect(await page.textContent('#messages')).not.toContain('no incident file');
    expectNoDialogOrError(harness);
  });

  it('takes a shapefile zip as a reference layer, reprojected from its state plane', async () => {
    const { harness, page } = await viewer();
    await openViewer(page, harness);
    // data/demo/tracts.zip: the demo tracts in Nebraska state plane (US feet), with a .prj.
    await page.setInputFiles('#reference-files', {
      name: 'tracts.zip',
      mimeType: 'application/zip',
      buffer: readFileSync(join(root, 'data/demo/tracts.zip')),
    });
    await page.waitForSelector('[data-reference="tracts"]');
    await mapIdle(page);
    const n = await page.evaluate(() => {
      const layers = (window as unknown as TestWindow).hexreachTest.map.getLayersOrder();
      return layers.filter((id) => id.startsWith('hexreach:reference-')).length;
    });
    expect(n).toBeGreaterThan(0);
    expect(await page.textContent('#references')).toContain('tracts · 150 features');
    // Drawn where the tracts are: over the results, so in view, in degrees.
    await expect
      .poll(async () => {
        const layer = await page.evaluate(() =>
          (window as unknown as TestWindow).hexreachTest.map
            .getLayersOrder()
            .find((id) => /^hexreach:reference-\d+-line$/.test(id)),
        );
        return layer === undefined ? 0 : rendered(page, layer);
      })
      .toBeGreaterThan(0);
    expectNoDialogOrError(harness);
  });
});
