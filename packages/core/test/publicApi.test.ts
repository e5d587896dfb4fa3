import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('../', import.meta.url));
const src = join(pkg, 'src');
/** The names of every entry point, recorded; `REGEN=1` records them (review the diff like code). */
const SNAPSHOT = join(pkg, 'test/fixtures/publicApi.json');

/**
 * Files of internals, reachable from no entry point: the CLI, reader, permutation and need
 * interval ranking helpers.
 */
const INTERNAL_FILES = [
  /^cli\//,

  /^pipeline\//,
  /^index\.ts$/,
  /\/index\.ts$/,
  /^hex\/estimateCellCount\.ts$/,
  /^io\/(checkLngLat|collectPropertyNames|csvRecordSplitter|describeGeometry|findColumn|formatValue|getFeatures|getTextEncodingProblem|growableColumn|normalizeName|readCsvChunks|readPlainRecords)\.ts$/,
  /^stats\/permutation\//,
  /^indicators\/ranking\//,
  /^weights\/linkWeights\.ts$/,
  /^util\/(collectRejections|createRecord|finiteOrNull|getOwn|formatCount)\.ts$/,
  /^zones\/edgeNeighbors\.ts$/,
];
/** Helpers shared between modules on purpose. */
const INTERNAL_NAMES = new Set([
  'export/analysisToCellColumns.ts:scoreColumnsOf',
  'config/parseConfig.ts:formatPath',
  'export/reportSections.ts:reportSections',
  'export/zonesToFeatureCollection.ts:trendText',
  'export/cellsToFeatureCollection.ts:toJsonValue',
  'stats/gini.ts:checkedTotal',
  'weights/distanceNeighbors.ts:withSelfLinks',
  'stats/incrementalSpatialAutocorrelation.ts:assertValues',
  'priority/zonesOfScore.ts:zoneGroupsOf',
  'priority/zonesOfScore.ts:populationOf',
  'errors.ts:assertArgument',
]);

/** The names an index file re-exports, types included, sorted. */
function exportedNames(indexFile: string): string[] {
  const names: string[] = [];
  for (const match of readFileSync(indexFile, 'utf8').matchAll(/export (?:type )?\{([^}]*)\}/g)) {
    for (const item of match[1].split(',')) {
      const name = item
        .trim()
        .replace(/^type /, '')
        .split(' as ')
        .pop()!
        .trim();
      if (name !== '') names.push(name);
    }
  }
  return names.sort();
}

/** Each entry point of package.json's `exports` with the source index it is built from. */
function entryPoints(): [string, string][] {
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  return Object.entries(manifest.exports as Record<string, unknown>)
    .filter(([path]) => path !== './package.json')
    .map(([path, target]) => {
      const built = (target as { import: string }).import;
      return [path, join(src, built.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts'))];
    });
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the public API (package.json exports)', () => {
  it('keeps the root to a curated list of at most 40 names', () => {
    const root = exportedNames(join(src, 'index.ts'));
    expect(root.length).toBeLessThanOrEqual(40);
    for (const name of ['analyze', 'createScorer', 'parseConfig', 'HexreachError'])
      expect(root).toContain(name);
  });

  it('exports from each entry point the names recorded (REGEN=1 records them)', () => {
    const actual = Object.fromEntries(
      entryPoints().map(([path, index]) => {
        expect(existsSync(index), `${path} is built from ${index}, which is missing`).toBe(true);
        return [path, exportedNames(index)];
      }),
    );
    if (process.env.REGEN === '1') {
      writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    expect(actual).toEqual(JSON.parse(readFileSync(SNAPSHOT, 'utf8')));
  });

  it('reaches every public function of the library modules from one entry point', () => {
    const reachable = new Set(entryPoints().flatMap(([, index]) => exportedNames(index)));
    const missing: string[] = [];
    for (const path of sources(src)) {
      const file = relative(src, path);
      if (INTERNAL_FILES.some((pattern) => pattern.test(file))) continue;
      for (const match of readFileSync(path, 'utf8').matchAll(
        /^export (?:async )?function (\w+)/gm,
      )) {
        const name = match[1];
        if (!INTERNAL_NAMES.has(`${file}:${name}`) && !reachable.has(name))
          missing.push(`${file}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('loads every entry point, each name defined', async () => {
    for (const [path, index] of entryPoints()) {
      const module = await import(index);
      const text = readFileSync(index, 'utf8');
      for (const match of text.matchAll(/export \{([^}]*)\}/g)) {
        for (const item of match[1].split(',')) {
          const name = item.trim();
          if (name === '' || name.startsWith('type ')) continue;
          expect(module[name], `${path}: ${name}`).toBeDefined();
        }
      }
    }
  });
});
