import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { HexreachError } from '../errors.js';
import { serveViewer } from './serveViewer.js';

/** Options of `hexreach view`. */
export interface ViewCommandOptions {
  readonly port?: number;
  readonly host?: string;
  /** A PMTiles archive served as the basemap (see `serveViewer`). */
  readonly basemap?: string;
}

/**
 * Runs `hexreach view DIR`: serves the built viewer and the results folder of a CLI run (of
 * `analyze`, or of `evaluate`, which the viewer opens as outcomes) on the loopback address and prints the address to open; stops on Ctrl-C (SIGINT) or SIGTERM. The
 * viewer is looked for in `HEXREACH_VIEWER_DIST`, else in the `dist` folder of the installed
 * `@hexreach/viewer` package (in the repository: `packages/viewer/dist`, built by
 * `npm run build`).
 *
 * @throws HexreachError `E_NOT_FOUND` when that folder holds no built viewer (no index.html)
 * @example
 * ```ts
 * await runView('out', { port: 8080 }); // prints http://127.0.0.1:8080/?results=results/
 * ```
 */
export async function runView(resultsDir: string, options: ViewCommandOptions): Promise<void> {
  const viewerDist = process.env.HEXREACH_VIEWER_DIST ?? installedViewerDist();
  if (!existsSync(join(viewerDist, 'index.html'))) {
    throw new HexreachError(
      'E_NOT_FOUND',
      `no built viewer in ${viewerDist} (no index.html): run "npm run build", or set HEXREACH_VIEWER_DIST`,
      viewerDist,
    );
  }
  const server = await serveViewer({
    resultsDir,
    viewerDist,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    basemap: options.basemap,
  });
  process.stdout.write(`hexreach viewer with ${resultsDir}: ${server.url}\n(Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close().then(resolve, resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * `dist` of the @hexreach/viewer package this package depends on: found as Node finds any
 * dependency, so it is node_modules/@hexreach/viewer/dist when installed and, through the
 * workspace link, packages/viewer/dist in the repository.
 */
function installedViewerDist(): string {
  let packageJson: string;
  try {
    packageJson = createRequire(import.meta.url).resolve('@hexreach/viewer/package.json');
  } catch {
    throw new HexreachError(
      'E_NOT_FOUND',
      'the @hexreach/viewer package is not installed beside @hexreach/core: reinstall @hexreach/core, or set HEXREACH_VIEWER_DIST',
      '@hexreach/viewer',
    );
  }
  return join(dirname(packageJson), 'dist');
}
