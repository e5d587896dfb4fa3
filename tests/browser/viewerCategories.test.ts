import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import {
  type CellCollection,
  canvasHistogram,
  cellCentre,
  expectNoDialogOrError,
  legendRows,
  mapIdle,
  openViewer,
  pixelsNear,
  screenshot,
  type TestWindow,
  toPagePoint,
  type ViewerHarness,
  viewerFixture,
} from './harness.js';

/** The categories in the order the legend lists them, as `@hexreach/core` writes them. */
const lisaOrder = ['High-High', 'Low-Low', 'High-Low', 'Low-High', 'Not significant'];
const emergingKinds = [
  'New',
  'Consecutive',
  'Intensifying',
  'Persistent',
  'Diminishing',
  'Sporadic',
  'Oscillating',
  'Historical',
];
const emergingOrder = [
  ...emergingKinds.map((p) => `${p} Hot Spot`),
  ...emergingKinds.map((p) => `${p} Cold Spot`),
  'No Pattern Detected',
];

/** Cells of each value of a text column, null counted under "No value". */
function tally(cells: CellCollection, column: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of cells.features) {
    const v = f.properties[column];
    const key = typeof v === 'string' ? v : 'No value';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The rows of a legend with their absent flag. */
function rowsOf(page: Page, layerId: string) {
  return page.$$eval(`#legend .legend[data-layer="${layerId}"] .legend-row`, (rows) =>
    rows.map((row) => ({
      label: row.querySelector('.legend-label')?.textContent ?? '',
      color: row.getAttribute('data-color') ?? '',
      count: Number(row.getAttribute('data-count')),
      absent: row.classList.contains('is-absent'),
    })),
  );
}

/** The view hash showing one cell layer alone at opacity 1 (zones hidden, so no labels cover cells). */
function soloHash(layerId: string): string {
  return `#active=${layerId}&score=0,0.85,quantile,5,viridis&zones=0,1,quantile,5,viridis&${layerId}=1,1,quantile,5,viridis`;
}

/**
 * Checks a categories layer drawn alone: the legend lists the categories in order with the
 * counts of cells.geojson, and every category with cells shows on the map in its legend colour.
 */
async function expectLegendAndPixels(
  page: Page,
  harness: ViewerHarness,
  layerId: string,
  column: string,
  order: readonly string[],
): Promise<void> {
  const rows = await rowsOf(page, layerId);
  const counts = tally(harness.cells, column);
  const missing = counts.get('No value') ?? 0;
  expect(rows.map((r) => r.label)).toEqual([...order, ...(missing > 0 ? ['No value'] : [])]);
  expect(rows.map((r) => r.count)).toEqual(rows.map((r) => counts.get(r.label) ?? 0));
  expect(rows.map((r) => r.absent)).toEqual(rows.map((r) => r.count === 0));
  expect(rows.reduce((n, r) => n + r.count, 0)).toBe(harness.cells.features.length);
  expect(new Set(rows.map((r) => r.color)).size).toBe(rows.length);
  const histogram = await canvasHistogram(page);
  for (const row of rows) {
    const pixels = pixelsNear(histogram, row.color);
    // A cell covers hundreds of pixels at this zoom; a category no cell has is not drawn at all.
    if (row.count >= 3) expect(pixels, `${row.label} ${row.color}`).toBeGreaterThan(100);
    if (row.count === 0) expect(pixels, `${row.label} ${row.color}`).toBeLessThan(20);
  }
}

describe('category layers of the viewer (LISA, emerging hot spots, classes), in Chromium', () => {
  const viewer = viewerFixture(
    async (harness) => ({ page: await harness.newPage() }),
    // Without organization symbols, which would cover the cells the tests point at.
    { organizations: false },
  );

  it('offers the LISA, emerging, joint-class, partner-class and trust layers the run wrote', async () => {
    const { harness, page } = await viewer();
    await openViewer(page, harness, soloHash('lisa'));
    const ids = await page.evaluate(() =>
      (
        window as unknown as TestWindow & { hexreachTest: { layers(): string[] } }
      ).hexreachTest.layers(),
    );
    for (const id of ['lisa', 'emerging', 'joint_class', 'partner_class', 'trust'])
      expect(ids).toContain(id);
    expect(await page.isChecked('#layer-lisa')).toBe(true);
    expect(await page.isChecked('#layer-emerging')).toBe(false);
    // The zones layer is off in this view: its rank labels hide with it.
    expect(await page.locator('.zone-label').count()).toBeGreaterThan(0);
    expect(await page.locator('.zone-label').first().isHidden()).toBe(true);
    expect(await page.textContent('#style-controls')).toMatch(/Fixed categories/);
  });

  it('draws the LISA clusters in the legend’s colours, counting the cells of cells.geojson', async () => {
    const { harness, page } = await viewer();
    await mapIdle(page);
    await expectLegendAndPixels(page, harness, 'lisa', 'lisa_quadrant', lisaOrder);
    const rows = await rowsOf(page, 'lisa');
    expect(rows[0]).toMatchObject({ label: 'High-High', color: '#ca0020' });
    expect(rows[1]).toMatchObject({ label: 'Low-Low', color: '#0571b0' });
    await screenshot(page, 'categories-lisa');
    expectNoDialogOrError(harness);
  });

  it('turns on the emerging hot spots with its checkbox, hot patterns red, in the hash', async () => {
    const { harness, page } = await viewer();
    await page.uncheck('#layer-lisa');
    await page.check('#layer-emerging');
    await page.check('input[aria-label="Edit style and legend of Emerging hot spots"]');
    await page.evaluate(() => {
      location.hash = location.hash.replace(/emerging=1,[0-9.]+,/, 'emerging=1,1,');
    });
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as unknown as TestWindow).hexreachTest.view().layers.emerging.opacity,
        ),
      )
      .toBe(1);
    await mapIdle(page);
    expect(await page.evaluate(() => location.hash)).toMatch(/&emerging=1,1,/);
    expect(await page.isHidden('#legend .legend[data-layer="lisa"]')).toBe(true);
    await expectLegendAndPixels(page, harness, 'emerging', 'eh_pattern', emergingOrder);
    const rows = await rowsOf(page, 'emerging');
    const persistent = rows.find((r) => r.label === 'Persistent Hot Spot');
    expect(persistent?.count).toBeGreaterThan(0);
    // Hot is red (more red than blue), the matching cold pattern blue.
    const channel = (hex: string, i: number) => Number.parseInt(hex.slice(i, i + 2), 16);
    for (const r of rows.filter((x) => x.label.endsWith('Hot Spot')))
      expect(channel(r.color, 1), r.label).toBeGreaterThan(channel(r.color, 5));
    for (const r of rows.filter((x) => x.label.endsWith('Cold Spot')))
      expect(channel(r.color, 5), r.label).toBeGreaterThan(channel(r.color, 1));
    await screenshot(page, 'categories-emerging');
    expectNoDialogOrError(harness);
  });

  it('names a cell’s cluster and pattern in the tooltip and the details', async () => {
    const { harness, page } = await viewer();
    await page.check('#layer-lisa');
    await mapIdle(page);
    const legendBox = await page.locator('#legend-box').boundingBox();
    const candidates = harness.cells.features.filter(
      (f) =>
        f.properties.lisa_quadrant === 'High-High' &&
        f.properties.eh_pattern === 'Persistent Hot Spot',
    );
    let chosen: (typeof candidates)[number] | undefined;
    let point = { x: 0, y: 0 };
    for (const cell of candidates) {
      point = await toPagePoint(page, cellCentre(cell));
      const underLegend =
        legendBox !== null &&
        point.x < legendBox.x + legendBox.width + 20 &&
        point.y < legendBox.y + legendBox.height + 20;
      if (!underLegend) {
        chosen = cell;
        break;
      }
    }
    expect(chosen).toBeDefined();
    await page.mouse.move(point.x, point.y);
    const tooltip = page.locator('#tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const text = await tooltip.innerText();
    expect(text).toContain(`Cell ${chosen!.properties.h3}`);
    expect(text).toMatch(/Local Moran cluster\s+High-High/);
    expect(text).toMatch(/Emerging hot-spot pattern\s+Persistent Hot Spot/);
    await screenshot(page, 'categories-tooltip');
    await page.mouse.click(point.x, point.y);
    const details = page.locator('#details .details[data-kind="cell"]');
    await expect.poll(() => details.getAttribute('data-h3')).toBe(chosen!.properties.h3);
    const detailText = await details.innerText();
    expect(detailText).toMatch(/Local Moran cluster\s+High-High/);
    expect(detailText).toMatch(/Emerging hot-spot pattern\s+Persistent Hot Spot/);
    expect(detailText).toMatch(
      new RegExp(`Hotspot and need\\s+${String(chosen!.properties.joint_class)}`),
    );
    await screenshot(page, 'categories-both-details');
    expectNoDialogOrError(harness);
  });

  it('restores category layers, their opacity and order from a shared link', async () => {
    const { harness } = await viewer();
    const fresh = await harness.newPage();
    await openViewer(
      fresh,
      harness,
      '#active=emerging&order=emerging,lisa&score=0,0.85,quantile,5,viridis&emerging=1,0.6,quantile,5,viridis&lisa=1,1,quantile,5,viridis',
    );
    const view = await fresh.evaluate(() => (window as unknown as TestWindow).hexreachTest.view());
    expect(view.active).toBe('emerging');
    expect(view.layers.emerging).toMatchObject({ visible: true, opacity: 0.6 });
    expect(view.layers.lisa).toMatchObject({ visible: true, opacity: 1 });
    // Legends follow the drawing order, top first.
    expect(
      await fresh.$$eval('#legend .legend', (sections) =>
        sections.map((s) => s.getAttribute('data-layer')),
      ),
    ).toEqual(['emerging', 'lisa']);
    const paint = await fresh.evaluate(() => {
      const map = (window as unknown as TestWindow).hexreachTest.map;
      const ids = map
        .getLayersOrder()
        .filter((id) => id === 'hexreach-emerging' || id === 'hexreach-lisa');
      const drawn = (window as unknown as TestWindow).hexreachTest.cellLayers();
      return { ids, opacity: drawn.emerging.opacity };
    });
    // MapLibre draws later layers on top: emerging, first in the list, is drawn last.
    expect(paint.ids).toEqual(['hexreach-lisa', 'hexreach-emerging']);
    expect(paint.opacity).toBe(0.6);
    await fresh.close();
  });

  it('draws the joint classes and partner classes with their counts, and trust as a numeric layer', async () => {
    const { harness } = await viewer();
    const fresh = await harness.newPage();
    await openViewer(fresh, harness, soloHash('joint_class'));
    await expectLegendAndPixels(fresh, harness, 'joint_class', 'joint_class', [
      'hotspot and high need',
      'hotspot without high need',
      'high need without hotspot',
      'neither',
      'need unknown',
    ]);
    await screenshot(fresh, 'categories-joint-class');
    await fresh.uncheck('#layer-joint_class');
    await fresh.check('#layer-partner_class');
    await fresh.evaluate(() => {
      location.hash = location.hash.replace(/partner_class=1,[0-9.]+,/, 'partner_class=1,1,');
    });
    await expect
      .poll(() =>
        fresh.evaluate(
          () => (window as unknown as TestWindow).hexreachTest.view().layers.partner_class.opacity,
        ),
      )
      .toBe(1);
    await mapIdle(fresh);
    await expectLegendAndPixels(fresh, harness, 'partner_class', 'partner_class', [
      'gap',
      'leverage',
      'none',
    ]);
    await fresh.uncheck('#layer-partner_class');
    await fresh.check('#layer-trust');
    await mapIdle(fresh);
    const trust = await legendRows(fresh, 'trust');
    const deficits = harness.cells.features.map((f) => f.properties.trust_deficit);
    expect(trust.reduce((n, r) => n + r.count, 0)).toBe(deficits.length);
    expect(trust.at(-1)).toMatchObject({
      label: 'No value',
      count: deficits.filter((d) => d === null).length,
    });
    await screenshot(fresh, 'categories-trust');
    await fresh.close();
    expectNoDialogOrError(harness);
  });

  it('lists a pattern it does not know in grey with its count, and draws it grey', async () => {
    const { harness } = await viewer();
    const edited = structuredClone(harness.cells);
    const changed = edited.features.filter((f) => f.properties.eh_pattern === 'Sporadic Hot Spot');
    expect(changed.length).toBeGreaterThan(3);
    for (const f of changed) f.properties.eh_pattern = 'Spot of a new kind <b>';
    const dir = tempDir('hexreach-viewer-unknown-');
    writeFileSync(join(dir, 'cells.geojson'), JSON.stringify(edited));
    const fresh = await harness.newPage();
    await openViewer(fresh, harness, soloHash('emerging'));
    const before = await fresh.evaluate(() =>
      (window as unknown as TestWindow).hexreachTest.loads(),
    );
    await fresh.setInputFiles('#open-files', [join(dir, 'cells.geojson')]);
    await expect
      .poll(() => fresh.evaluate(() => (window as unknown as TestWindow).hexreachTest.loads()))
      .toBe(before + 1);
    await mapIdle(fresh);
    const rows = await rowsOf(fresh, 'emerging');
    expect(rows.find((r) => r.label === 'Sporadic Hot Spot')).toMatchObject({
      count: 0,
      absent: true,
    });
    const unknown = rows.find((r) => r.label === 'Spot of a new kind <b>');
    expect(unknown).toMatchObject({ count: changed.length, color: '#8c8c8c', absent: false });
    expect(rows.indexOf(unknown!)).toBe(emergingOrder.length);
    expect(await fresh.locator('#legend b').count()).toBe(0);
    expect(pixelsNear(await canvasHistogram(fresh), '#8c8c8c')).toBeGreaterThan(100);
    await screenshot(fresh, 'categories-unknown-pattern');
    await fresh.close();
    expectNoDialogOrError(harness);
  });
});
