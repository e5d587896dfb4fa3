import { fileURLToPath } from 'node:url';
import { serveViewer } from './serveViewer.js';

/** Options of `hexreach view`. */
export interface ViewCommandOptions {
  readonly port?: number;
  readonly host?: string;
}

/**
 * Runs `hexreach view DIR`: serves the built viewer and the results folder of a CLI run on the
 * loopback address and prints the address to open; stops on Ctrl-C (SIGINT) or SIGTERM. The
 * viewer is looked for in `HEXREACH_VIEWER_DIST`, else beside this package in the repository
 * (`packages/viewer/dist`, built by `npm run build`).
 *
 * @example
 * ```ts
 * await runView('out', { port: 8080 }); // prints http://127.0.0.1:8080/?results=results/
 * ```
 */
export async function runView(resultsDir: string, options: ViewCommandOptions): Promise<void> {
  const viewerDist =
    process.env.HEXREACH_VIEWER_DIST ??
    fileURLToPath(new URL('../../../viewer/dist/', import.meta.url));
  const server = await serveViewer({
    resultsDir,
    viewerDist,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
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
