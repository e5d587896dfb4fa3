import { describe, expect, it } from 'vitest';
import { CellLocator } from '../packages/core/src/hex/cellLocator.js';
import { lngLatToCell } from '../packages/core/src/hex/h3.js';
import { pointsToCells } from '../packages/core/src/hex/pointsToCells.js';
import { studyAreaCells } from '../packages/core/src/hex/studyAreaCells.js';
import type { AnalyzeInputs } from '../packages/core/src/pipeline/analysisResult.js';
import { CHICAGO_RES9_WINDOW, readChicago2018 } from './chicagoConfig.js';

describe('CellLocator on every Chicago 2018 incident', () => {
  let inputs: AnalyzeInputs;

  it('reads the incidents', async () => {
    inputs = await readChicago2018(CHICAGO_RES9_WINDOW);
    expect(inputs.incidents.length).toBeGreaterThan(100_000);
  });

  for (const resolution of [8, 9, 10, 11]) {
    it(`places each in the cell lngLatToCell gives, at resolution ${resolution}`, () => {
      const { incidents, areas } = inputs;
      const grid = studyAreaCells(areas, resolution);
      const locator = new CellLocator(grid, 2 * incidents.length);
      let wrong = 0;
      let inGrid = 0;
      for (let i = 0; i < incidents.length; i++) {
        const [lng, lat] = [incidents.lng[i], incidents.lat[i]];
        const expected = grid.indexOf.get(lngLatToCell(lng, lat, resolution)) ?? -1;
        if (expected >= 0) inGrid++;
        // Swapped coordinates are looked up too, as pointsToCells does for its messages.
        if (locator.locate(lng, lat) !== expected) wrong++;
        if (locator.locate(lat, lng) !== -1) wrong++;
      }
      expect(wrong).toBe(0);
      expect(inGrid).toBeGreaterThan(0.95 * incidents.length);
      const binned = pointsToCells(incidents, grid);
      for (let i = 0; i < incidents.length; i += 97) {
        const cell = lngLatToCell(incidents.lng[i], incidents.lat[i], resolution);
        expect(binned.cellOfIncident[i]).toBe(grid.indexOf.get(cell) ?? -1);
      }
    });
  }
});
