import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** Helpers shared between modules on purpose, not part of the public API. */
const INTERNAL = new Set([
  'analyze.ts:scoreAndZone',
  'analyze.ts:scorePriority',
  'analyze.ts:zonesOfScore',
  'rescoreAnalysis.ts:configWithWeights',
  'export/analysisToCellColumns.ts:scoreColumnsOf',
  'config/parseConfig.ts:formatPath',
  'export/lorenzToSvg.ts:lorenzToSvg',
  'export/reportSections.ts:reportSections',
  'export/zonesToSvg.ts:zonesToSvg',
  'export/zonesToFeatureCollection.ts:trendText',
  'stats/confidenceBins.ts:confidenceBin',
  'export/cellsToFeatureCollection.ts:toJsonValue',
  'stats/gini.ts:checkedTotal',
  'weights/distanceNeighbors.ts:distanceNeighbors',
  'weights/distanceNeighbors.ts:withSelfLinks',
  'weights/firstPeak.ts:firstPeak',
  'weights/incrementalSpatialAutocorrelation.ts:assertValues',
]);
/** Folders and files of internals: the h3 adapter's raw wrappers, reader helpers, the permutation engine. */
const INTERNAL_FILES = [
  /^cli\//,
  /^node\//,
  /^hex\/(estimateCellCount|h3)\.ts$/,
  /^io\/(checkLngLat|collectPropertyNames|csvRecordSplitter|describeGeometry|findColumn|formatValue|getFeatures|getTextEncodingProblem|normalizeName|parseDecimal|readCsvChunks)\.ts$/,
  /^stats\/permutation\//,
  /^weights\/linkWeights\.ts$/,
  /^util\/(collectRejections|createRecord|finiteOrNull|getOwn)\.ts$/,
  /^zones\/edgeNeighbors\.ts$/,
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the public API (src/index.ts)', () => {
  it('exports every public function of the library modules', () => {
    const missing: string[] = [];
    for (const path of sources(src)) {
      const file = relative(src, path);
      if (file === 'index.ts' || INTERNAL_FILES.some((pattern) => pattern.test(file))) continue;
      for (const match of readFileSync(path, 'utf8').matchAll(
        /^export (?:async )?function (\w+)/gm,
      )) {
        const name = match[1];
        if (!INTERNAL.has(`${file}:${name}`) && !(name in core)) missing.push(`${file}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
