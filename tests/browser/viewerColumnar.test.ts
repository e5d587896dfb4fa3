import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serveViewer } from '../../packages/core/src/cli/serveViewer.js';
import { tempDir } from '../helpers.js';
import {
  expectNoDialogOrError,
  legendRows,
  openViewer,
  type TestWindow,
  viewerDist,
  viewerFixture,
} from './harness.js';

/** float32 keeps a number to within half a unit in the last of its 24 bits: 2⁻²⁴, relative. */
const FLOAT32_RELATIVE = 2 ** -24;

/** The cells' data as the viewer holds it (testHooks' `cellData`). */
interface CellData {
  cellIds: string[];
  numericColumns: string[];
  columns: Record<string, number[]>;
  textColumns: string[];
  texts: Record<string, (string | null)[]>;
  properties: Record<string, unknown>[];
}

async function cellData(page: Page): Promise<{ file: string; data: CellData }> {
  return page.evaluate(() => {
    const hooks = (window as unknown as TestWindow).hexreachTest as unknown as {
      cellData(): CellData;
    };
    const mark = performance.getEntriesByName('hexreach:cells-decoded', 'mark')[0] as
      | PerformanceMark
      | undefined;
    return { file: String(mark?.detail), data: hooks.cellData() };
  });
}

function expectWithinFloat32(actual: unknown, expected: unknown, label: string): void {
  if (typeof expected === 'number' && typeof actual === 'number' && !Number.isNaN(expected))
    expect(Math.abs(actual - expected), label).toBeLessThanOrEqual(
      FLOAT32_RELATIVE * Math.abs(expected),
    );
  else expect(actual, label).toEqual(expected);
}

describe('the viewer reads cells.bin first, and shows the same as from cells.geojson', () => {
  const viewer = viewerFixture(async (harness) => {
    // The same run without cells.bin, as older runs wrote it.
    const geojsonDir = tempDir('hexreach-viewer-geojson-');
    cpSync(harness.resultsDir, geojsonDir, { recursive: true });
    rmSync(join(geojsonDir, 'cells.bin'));
    const geojsonServer = await serveViewer({ resultsDir: geojsonDir, viewerDist });
    const fromBinary = await harness.newPage();
    await openViewer(fromBinary, harness);
    const fromGeojson = await harness.newPage();
    await openViewer(fromGeojson, { ...harness, server: geojsonServer });
    await geojsonServer.close();
    return { fromBinary, fromGeojson };
  });

  it('holds every column of every cell as from cells.geojson, within float32', async () => {
    const { harness, fromBinary, fromGeojson } = await viewer();
    const binary = await cellData(fromBinary);
    const geojson = await cellData(fromGeojson);
    expect(binary.file).toBe('cells.bin');
    expect(geojson.file).toBe('cells.geojson');
    const a = binary.data;
    const b = geojson.data;
    expect(a.cellIds).toEqual(b.cellIds);
    expect(a.cellIds).toEqual(harness.cells.features.map((f) => f.properties.h3));
    expect(a.numericColumns).toEqual(b.numericColumns);
    expect(a.textColumns).toEqual(b.textColumns);
    expect(a.texts).toEqual(b.texts);
    for (const name of b.numericColumns) {
      b.columns[name].forEach((value, i) => {
        expectWithinFloat32(a.columns[name][i], value, `${name}[${i}]`);
      });
    }
    // Every property, as the tooltips and details panels show them.
    b.properties.forEach((properties, i) => {
      expect(Object.keys(a.properties[i])).toEqual(Object.keys(properties));
      for (const [name, value] of Object.entries(properties))
        expectWithinFloat32(a.properties[i][name], value, `${name} of cell ${i}`);
    });
    expectNoDialogOrError(harness);
  });

  it('draws the same legends, zones and status', async () => {
    const { harness, fromBinary, fromGeojson } = await viewer();
    for (const layer of ['score', 'gi_bin', 'joint_class'])
      expect(await legendRows(fromBinary, layer), layer).toEqual(
        await legendRows(fromGeojson, layer),
      );
    expect(await fromBinary.textContent('#status')).toBe(await fromGeojson.textContent('#status'));
    expect(await fromBinary.textContent('#zones')).toBe(await fromGeojson.textContent('#zones'));
    expectNoDialogOrError(harness);
  });
});
