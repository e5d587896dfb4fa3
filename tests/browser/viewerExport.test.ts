import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  artifacts,
  expectNoDialogOrError,
  legendRows,
  openViewer,
  viewerFixture,
} from './harness.js';

/** Presses an export button (opening the Export menu first) and returns the file it saves. */
async function exported(page: Page, key: string): Promise<{ name: string; bytes: Buffer }> {
  const menu = page.locator('details.settings', { hasText: 'Export' });
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.click(`[data-export="${key}"]`),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the viewer exports', () => {
  const viewer = viewerFixture(async (harness) => {
    const page = await harness.newPage();
    await openViewer(page, harness);
    return { page };
  });

  it("saves every zone as GeoJSON and CSV equal to the CLI's files, byte for byte", async () => {
    const { harness, page } = await viewer();
    const geojson = await exported(page, 'zones-geojson');
    expect(geojson.name).toBe('zones.geojson');
    expect(geojson.bytes.toString('utf8')).toBe(
      readFileSync(join(harness.resultsDir, 'zones.geojson'), 'utf8'),
    );
    const csv = await exported(page, 'zones-csv');
    expect(csv.name).toBe('zones.csv');
    expect(csv.bytes.toString('utf8')).toBe(
      readFileSync(join(harness.resultsDir, 'zones.csv'), 'utf8'),
    );
  });

  it('saves only the selected zone when asked', async () => {
    const { harness, page } = await viewer();
    const second = harness.zones.features[1];
    const id = String(second.properties?.id);
    await page.click(`#zones [data-zone="${id}"]`);
    await page.check('#export-scope-selected');
    const geojson = await exported(page, 'zones-geojson');
    expect(geojson.name).toBe(`zone-${id}.geojson`);
    const saved = JSON.parse(geojson.bytes.toString('utf8'));
    expect(saved.type).toBe('FeatureCollection');
    expect(saved.features).toEqual([second]);
    const csv = (await exported(page, 'zones-csv')).bytes.toString('utf8').trimEnd().split('\n');
    const cliCsv = readFileSync(join(harness.resultsDir, 'zones.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(csv).toEqual([cliCsv[0], cliCsv[2]]);
    await page.check('#export-scope-all');
  });

  it("saves the run's report", async () => {
    const { harness, page } = await viewer();
    const report = await exported(page, 'report');
    expect(report.name).toBe('report.html');
    expect(report.bytes.toString('utf8')).toBe(
      readFileSync(join(harness.resultsDir, 'report.html'), 'utf8'),
    );
  });

  it('saves the map as a PNG with its legend beside it', async () => {
    const { harness, page } = await viewer();
    const png = await exported(page, 'map-png');
    expect(png.name).toBe('hexreach-map.png');
    writeFileSync(join(artifacts, 'export-map.png'), png.bytes);
    const size = pngSize(png.bytes);
    const canvas = await page.evaluate(() => {
      const c = document.querySelector('#map canvas') as HTMLCanvasElement;
      return { width: c.width, height: c.height };
    });
    expect(size.width).toBeGreaterThan(canvas.width);
    expect(size.height).toBeGreaterThanOrEqual(canvas.height);
    // Every legend colour of the score layer is in the image's legend column, right of the map.
    const colors = (await legendRows(page, 'score')).map((r) => r.color);
    expect(colors.length).toBeGreaterThan(1);
    const found = await page.evaluate(
      async ({ base64, left, colors }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const data = context.getImageData(left, 0, image.width - left, image.height).data;
        const present = new Set<string>();
        for (let i = 0; i < data.length; i += 4) {
          const hex = `#${[data[i], data[i + 1], data[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
          present.add(hex);
        }
        return colors.filter((c) => present.has(c));
      },
      { base64: png.bytes.toString('base64'), left: canvas.width, colors },
    );
    expect(found).toEqual(colors);
    expectNoDialogOrError(harness);
  });
});
