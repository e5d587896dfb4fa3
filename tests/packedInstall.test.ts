import { type ChildProcess, type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { root, tempDir } from './helpers.js';

// What a user gets: both workspace packages packed as for publishing, installed from the
// tarballs into an empty project without the network, and used there by the CLI and a module.

/**
 * Installing the packed core and viewer adds 34 packages (157 when core needed @turf/turf): 25,
 * and since shapefiles and Parquet are read, shpjs, proj4, fflate, hyparquet and fzstd with
 * what they need.
 */
const MAX_INSTALLED_PACKAGES = 36;

/** The inputs: 4 square tracts (2 × 2 of 0.01°) and 200 incidents spread evenly over them. */
const LNG0 = -101.4;
const LAT0 = 42.36;
const SIDE = 0.01;
const INCIDENTS = 200;

const folder = tempDir('hexreach-packed-');
const project = join(folder, 'project');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Made by the first test that needs them and shared (a failure fails each test that needs them).
let installing: Promise<number> | undefined;
const installed = () => {
  installing ??= Promise.resolve().then(packAndInstall);
  return installing;
};
let analyzing: Promise<SpawnSyncReturns<string>> | undefined;
const analyzed = () => {
  analyzing ??= installed().then(() =>
    hexreachIn(project, [
      ...['analyze', '--incidents', 'in/incidents.csv', '--areas', 'in/tracts.geojson'],
      ...['--resolution', '9', '--out', 'out', '--quiet'],
    ]),
  );
  return analyzing;
};

describe('the packed packages installed in an empty project, offline', () => {
  it('are few packages', async () => {
    const packageCount = await installed();
    console.log(`the packed @hexreach/core and @hexreach/viewer install ${packageCount} packages`);
    expect(packageCount).toBeLessThanOrEqual(MAX_INSTALLED_PACKAGES);
  });

  it('run hexreach analyze, which exits 0 and writes cells.geojson', async () => {
    const analyze = await analyzed();
    expect(analyze.stderr).toBe('');
    expect(analyze.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(project, 'out/summary.json'), 'utf8'));
    expect(summary.inputs.incidents.accepted).toBe(INCIDENTS);
    expect(cellsWritten()).toBeGreaterThan(0);
  });

  it('run hexreach view, which serves the viewer installed with @hexreach/core', async () => {
    expect((await analyzed()).status).toBe(0);
    const server = spawn(
      process.execPath,
      ['node_modules/.bin/hexreach', 'view', 'out', '--port', '0'],
      { cwd: project, timeout: 30_000 },
    );
    try {
      const page = await fetch(await printedUrl(server), { signal: AbortSignal.timeout(10_000) });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<script');
    } finally {
      const exited = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  });

  it('let an ES module import @hexreach/core and analyse the same grid as the CLI', async () => {
    expect((await analyzed()).status).toBe(0);
    writeFileSync(join(project, 'useCore.mjs'), USE_CORE);
    const use = spawnSync(process.execPath, ['useCore.mjs'], {
      cwd: project,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(use.stderr).toBe('');
    expect(use.status).toBe(0);
    expect(JSON.parse(use.stdout)).toEqual({
      resolved: pathToFileURL(join(project, 'node_modules/@hexreach/core/dist/index.js')).href,
      analyze: 'function',
      accepted: INCIDENTS,
      cells: cellsWritten(),
    });
  });
});

/** A Node program using the installed library on the inputs of the CLI run. */
const USE_CORE = `import { createReadStream, readFileSync } from 'node:fs';
import { analyze, readAreasGeoJson, readIncidentsCsv } from '@hexreach/core';

const incidents = await readIncidentsCsv(createReadStream('in/incidents.csv', 'utf8'), {
  source: 'incidents.csv',
});
const areas = readAreasGeoJson(JSON.parse(readFileSync('in/tracts.geojson', 'utf8')), {
  source: 'tracts.geojson',
  attributes: [{ name: 'population', required: true }],
});
const result = analyze(
  { incidents: incidents.data, areas: areas.data },
  { resolution: 9, population: 'population' },
);
console.log(JSON.stringify({
  resolved: import.meta.resolve('@hexreach/core'),
  analyze: typeof analyze,
  accepted: incidents.data.length,
  cells: result.grid.cells.length,
}));
`;

/** Packs both packages, installs them into the project; returns the installed package count. */
function packAndInstall(): number {
  for (const built of ['packages/core/dist/cli/main.js', 'packages/viewer/dist/index.html']) {
    if (!existsSync(join(root, built))) {
      throw new Error(`${built} is missing: run "npm run build" before this test (npm test does)`);
    }
  }
  const packs = join(folder, 'packs');
  mkdirSync(packs);
  const workspaces = ['-w', '@hexreach/core', '-w', '@hexreach/viewer'];
  const packed = npm(['pack', '--json', '--pack-destination', packs, ...workspaces], root).stdout;
  const tarballs = (JSON.parse(packed) as { filename: string }[]).map((p) =>
    join(packs, p.filename),
  );
  expect(tarballs).toHaveLength(2);

  mkdirSync(join(project, 'in'), { recursive: true });
  const name = 'uses-hexreach';
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name, type: 'module' }));
  writeFileSync(join(project, 'package-lock.json'), lockForProject(name));
  writeInputs(join(project, 'in'));
  const install = npm(['install', '--offline', '--no-audit', '--no-fund', ...tarballs], project);
  // A user on Node 20 (the oldest Node we support) should see no engine warning.
  expect(install.stderr).not.toContain('EBADENGINE');
  return npm(['ls', '--all', '--parseable'], project).stdout.trim().split('\n').length - 1;
}

/**
 * The repository's lock, re-rooted for a project that depends on nothing yet. `npm ci` leaves
 * the tarballs in npm's cache but not the registry documents `npm install --offline` would need
 * to choose versions; given the lock's versions it needs tarballs only (and installs what the
 * repository is tested with). Entries nothing depends on are pruned by the install.
 */
function lockForProject(name: string): string {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const packages: Record<string, unknown> = { '': { name } };
  for (const [path, entry] of Object.entries<{ link?: boolean }>(lock.packages)) {
    if (entry.link === true) continue;
    // A workspace becomes its tarball; what the repository nests under it moves under its name.
    const nested = /^(packages\/[^/]+)\/(node_modules\/.+)$/.exec(path);
    if (nested !== null)
      packages[`node_modules/${lock.packages[nested[1]].name}/${nested[2]}`] = entry;
    else if (path.startsWith('node_modules/')) packages[path] = entry;
  }
  return JSON.stringify({ name, lockfileVersion: 3, requires: true, packages });
}

function writeInputs(dir: string): void {
  const features = [0, 1, 2, 3].map((i) => {
    const [lng, lat] = [LNG0 + (i % 2) * SIDE, LAT0 + Math.floor(i / 2) * SIDE];
    const ring = [
      [lng, lat],
      [lng + SIDE, lat],
      [lng + SIDE, lat + SIDE],
      [lng, lat + SIDE],
      [lng, lat],
    ];
    return {
      type: 'Feature',
      properties: { tract_id: `T${i}`, population: 1000 + 500 * i },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
  writeFileSync(
    join(dir, 'tracts.geojson'),
    JSON.stringify({ type: 'FeatureCollection', features }),
  );
  // An additive recurrence (the R2 sequence) covers the square evenly without a generator.
  const rows = ['id,date,category,latitude,longitude'];
  for (let i = 1; i <= INCIDENTS; i++) {
    const lng = LNG0 + 2 * SIDE * ((0.5 + 0.7548776662466927 * i) % 1);
    const lat = LAT0 + 2 * SIDE * ((0.5 + 0.5698402909980532 * i) % 1);
    const date = `2024-${String(1 + (i % 12)).padStart(2, '0')}-15`;
    const category = ['THEFT', 'BATTERY', 'ASSAULT'][i % 3];
    rows.push(`${i},${date},${category},${lat.toFixed(6)},${lng.toFixed(6)}`);
  }
  writeFileSync(join(dir, 'incidents.csv'), `${rows.join('\n')}\n`);
}

function cellsWritten(): number {
  return JSON.parse(readFileSync(join(project, 'out/cells.geojson'), 'utf8')).features.length;
}

/** The installed CLI, run in `cwd`. */
function hexreachIn(cwd: string, args: readonly string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['node_modules/.bin/hexreach', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/**
 * Runs npm in `cwd` and returns what it printed, or throws with its stderr. The npm_* variables of an
 * `npm test` around this test are left out (but for the cache's place), so that npm takes the
 * project for its own and not for a folder of this repository.
 */
function npm(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('npm_') || key === 'npm_config_cache',
    ),
  );
  const result = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) {
    const how = result.error?.message ?? `exit ${result.status ?? result.signal}`;
    throw new Error(`npm ${args.join(' ')} in ${cwd} failed (${how}): ${result.stderr}`);
  }
  return result;
}

/** The address `hexreach view` prints on stdout; an error with what it printed if it exits. */
function printedUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let printed = '';
    server.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      printed += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(printed);
      if (match) resolve(match[0]);
    });
    server.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      printed += chunk;
    });
    server.on('exit', (code) => reject(new Error(`hexreach view exited with ${code}: ${printed}`)));
  });
}
