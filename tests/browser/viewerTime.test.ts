import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
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
  viewerFixture,
} from './harness.js';

/** spacetime.json as the CLI writes it. */
interface SpaceTimeFile {
  step: string;
  stepStarts: string[];
  cells: string[];
  bins: string[];
}

/** Cells per Gi* bin (−3…3 → index 0…6) in one step of the file. */
function binCounts(file: SpaceTimeFile, step: number): number[] {
  const counts = new Array<number>(7).fill(0);
  for (const digit of file.bins[step]) counts[Number(digit)]++;
  return counts;
}

/** Moves the time slider to `step` as a user dragging it would. */
async function slideTo(page: Page, step: number): Promise<void> {
  await page.$eval(
    '#time-step',
    (input, value) => {
      (input as HTMLInputElement).value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    step,
  );
  await mapIdle(page);
}

describe('the viewer plays through time steps (spacetime.json)', () => {
  const viewer = viewerFixture(async (harness) => {
    const file: SpaceTimeFile = JSON.parse(
      readFileSync(join(harness.resultsDir, 'spacetime.json'), 'utf8'),
    );
    const page = await harness.newPage();
    await openViewer(page, harness);
    return { page, file };
  });

  it('offers a slider over the steps, starting at the last one', async () => {
    const { page, file } = await viewer();
    expect(await page.isVisible('#panel-time')).toBe(true);
    const last = file.stepStarts.length - 1;
    expect(await page.getAttribute('#time-step', 'max')).toBe(String(last));
    expect(await page.inputValue('#time-step')).toBe(String(last));
    // The demo's steps are months: "Dec 2024 (1–31) (24 of 24)".
    const [year, month] = file.stepStarts[last].split('-').map(Number);
    const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', {
      month: 'short',
      timeZone: 'UTC',
    });
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    expect(await page.textContent('#time-step-label')).toBe(
      `${name} ${year} (1–${days}) (${last + 1} of ${last + 1})`,
    );
  });

  it("plays forward from the first step, showing each step's bins with their counts", async () => {
    const { page, file } = await viewer();
    await page.click('#time-play');
    // From the last step, play starts again at the first one and shows the time-step layer.
    await expect.poll(() => page.inputValue('#time-step'), { timeout: 10_000 }).not.toBe('0');
    await page.click('#time-play');
    expect(await page.getAttribute('#time-play', 'aria-pressed')).toBe('false');
    const view = await page.evaluate(() => (window as unknown as TestWindow).hexreachTest.view());
    expect(view.active).toBe('gi_step');
    expect(view.layers.gi_step.visible).toBe(true);
    const step = Number(await page.inputValue('#time-step'));
    await mapIdle(page);
    const rows = await legendRows(page, 'gi_step');
    // The legend lists the bins top (hot, 99 %) first.
    expect(rows.map((r) => r.count)).toEqual(binCounts(file, step).reverse());
  });

  it('draws the chosen step and keeps it in the URL', async () => {
    const { harness, page, file } = await viewer();
    // The step with the most hot cells at 99 %.
    let hottest = 0;
    for (let t = 0; t < file.bins.length; t++)
      if (binCounts(file, t)[6] > binCounts(file, hottest)[6]) hottest = t;
    // Hide the priority score over it, as a user would, so that its colours show as they are.
    await page.uncheck('#layer-score');
    await page.$eval('input[data-key="opacity-gi_step"]', (input) => {
      (input as HTMLInputElement).value = '1';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await slideTo(page, hottest);
    expect(page.url()).toContain(`step=${hottest}`);
    const rows = await legendRows(page, 'gi_step');
    expect(rows.map((r) => r.count)).toEqual(binCounts(file, hottest).reverse());
    await screenshot(page, 'time-step');
    const histogram = await canvasHistogram(page);
    expect(pixelsNear(histogram, rows[0].color)).toBeGreaterThan(100);

    // A cell hot at 99 % in that step says so on hover.
    const h3 = file.cells[file.bins[hottest].indexOf('6')];
    const cell = harness.cells.features.find((f) => f.properties.h3 === h3)!;
    const point = await toPagePoint(page, cellCentre(cell));
    await page.mouse.move(point.x, point.y);
    await expect
      .poll(() => page.locator('#tooltip').innerText())
      .toContain(`Gi* in ${file.step} of ${file.stepStarts[hottest]}`);
    expect(await page.locator('#tooltip').innerText()).toContain('Hot spot, 99 %');

    await page.reload();
    await page.waitForFunction(() => (window as unknown as TestWindow).hexreachTest?.loads() >= 1);
    expect(await page.inputValue('#time-step')).toBe(String(hottest));
    expectNoDialogOrError(harness);
  });
});
