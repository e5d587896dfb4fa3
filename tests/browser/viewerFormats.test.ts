import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRACT_FIELD_NAMES } from '../../data/makeDemoCity.js';
import { root, tempDir } from '../helpers.js';
import { expectNoDialogOrError, type TestWindow, viewerFixture } from './harness.js';

type Properties = Record<string, unknown>;

/**
 * The example configuration reading the demo's tracts from the state-plane shapefile zip and
 * its incidents from Parquet (attributes under their dBase names), beside copies of the other
 * demo files, in a folder of its own: the files a user drops on the viewer.
 */
function shapefileParquetFiles(): string[] {
  const dir = tempDir('hexreach-viewer-formats-');
  const config = JSON.parse(readFileSync(join(root, 'examples/hexreach.config.json'), 'utf8'));
  const short = (name: string) => TRACT_FIELD_NAMES.get(name) ?? name;
  config.inputs.incidents.path = 'incidents.parquet';
  config.inputs.areas.path = 'tracts.zip';
  for (const attribute of [...config.attributes, ...config.equity.attributes])
    attribute.name = short(attribute.name);
  for (const indicator of config.indicators) {
    indicator.name = short(indicator.name);
    if (indicator.moe !== undefined) indicator.moe = short(indicator.moe);
  }
  writeFileSync(join(dir, 'hexreach.config.json'), JSON.stringify(config));
  return [
    join(dir, 'hexreach.config.json'),
    ...['tracts.zip', 'incidents.parquet', 'organizations.geojson', 'surveys.csv'].map((name) =>
      join(root, 'data/demo', name),
    ),
  ];
}

/** A cell column of the GeoJSON run as the shapefile run names it (`area_med_income`). */
function shapefileKey(key: string): string {
  for (const [long, short] of TRACT_FIELD_NAMES)
    if (key.includes(long)) return key.replace(long, short);
  return key;
}

describe('a shapefile zip and Parquet dropped on the viewer (issue 18)', () => {
  const viewer = viewerFixture(async (harness) => {
    const page = await harness.newPage();
    await page.goto(`${new URL(harness.server.url).origin}/?test`);
    await page.waitForFunction(() => (window as unknown as TestWindow).hexreachTest !== undefined);
    return { page };
  });

  it('are analysed in the worker into the cells of the CLI’s GeoJSON and CSV run', async () => {
    const { harness, page } = await viewer();
    await page.setInputFiles('#open-files', shapefileParquetFiles());
    const alert = page.locator('#messages [role="alert"]');
    const loads = () => page.evaluate(() => (window as unknown as TestWindow).hexreachTest.loads());
    await expect
      .poll(async () => (await loads()) === 1 || (await alert.count()) > 0, { timeout: 120_000 })
      .toBe(true);
    expect(await alert.count(), (await page.textContent('#messages')) ?? '').toBe(0);
    expect(await page.textContent('#status')).toMatch(/incidents\.parquet/);
    const cells = (await page.evaluate(() =>
      (window as unknown as { hexreachTest: { cells(): unknown } }).hexreachTest.cells(),
    )) as { properties: Properties }[];
    expect(cells.length).toBe(harness.cells.features.length);
    // Numbers to a relative 1e-7 (the reprojection moves a vertex by ~1e-13°, which the exact
    // clipping of tracts to cells turns into up to ~5e-9 of a population share; Chromium's
    // trigonometry may differ from Node's in the last bits), the
    // Monte-Carlo need interval to 15 rank steps.
    const rankStep = 1 / (cells.length - 1);
    const monteCarlo = new Set(['need_index_low', 'need_index_high']);
    for (let i = 0; i < cells.length; i++) {
      const mine = cells[i].properties;
      for (const [column, value] of Object.entries(harness.cells.features[i].properties)) {
        const got = mine[shapefileKey(column)];
        if (typeof value === 'number' && typeof got === 'number') {
          const tolerance = monteCarlo.has(column)
            ? 15 * rankStep
            : 1e-7 * Math.max(1, Math.abs(value));
          expect(Math.abs(got - value), `${column} of cell ${i}`).toBeLessThanOrEqual(tolerance);
        } else expect(got, `${column} of cell ${i}`).toEqual(value);
      }
    }
    expectNoDialogOrError(harness);
  });
});
