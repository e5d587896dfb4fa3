import {
  closeSync,
  createReadStream,
  existsSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, isIP } from 'node:net';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { HexreachError } from '../errors.js';

/** Options of {@link serveViewer}. */
export interface ServeViewerOptions {
  /**
   * The folder written by `hexreach analyze` (cells.geojson, zones.geojson, summary.json …) or
   * by `hexreach evaluate` (evaluation.json, evaluation-zones.geojson …).
   */
  readonly resultsDir: string;
  /** The built viewer (`packages/viewer/dist`, holding index.html). */
  readonly viewerDist: string;
  /** Interface to listen on (default `127.0.0.1`: this computer only). */
  readonly host?: string;
  /** Port (default 0: any free port). */
  readonly port?: number;
  /**
   * A PMTiles archive to serve as the basemap (`/basemap.pmtiles`, with HTTP range requests, as
   * the `pmtiles` library reads it); the viewer's URL then names it (`&basemap=basemap.pmtiles`).
   */
  readonly basemap?: string;
}

/** A running viewer server. */
export interface ViewerServer {
  /** The address to open: the viewer with `?results=results/`. */
  readonly url: string;
  /** Stops the server and closes open connections. */
  close(): Promise<void>;
}

/** Content types by extension; anything else is served as bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
  '.woff': 'font/woff',
  '.pmtiles': 'application/vnd.pmtiles',
};

/** Where the basemap archive is served. */
const BASEMAP_PATH = '/basemap.pmtiles';

const RESULTS_PREFIX = '/results/';

/**
 * The policy of the viewer's own `<meta>` tag (packages/viewer/index.html: its scripts and
 * workers from this origin or blob:, inline styles, basemap tiles from any http(s) server), plus
 * `frame-ancestors 'none'`, which only a header can carry.
 */
export const VIEWER_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "connect-src 'self' https: http: data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built viewer at `/` and a results folder at `/results/` over HTTP with node:http
 * (no dependency), for `hexreach view`. Only GET and HEAD of files inside the two folders are
 * answered: paths are decoded once, and any path that resolves outside its folder (`..`,
 * encoded `%2e%2e`, backslashes, NUL, symbolic links pointing out) is refused with 404; there
 * are no directory listings. A request whose `Host` header is not the address listened on
 * (`host:port`; also `localhost:port` on a loopback address; any IP address with the port when
 * listening on all interfaces) is refused with 403, so that a web page cannot read the results
 * through a domain name it re-points at this address (DNS rebinding). Responses carry
 * `Content-Security-Policy` ({@link VIEWER_CONTENT_SECURITY_POLICY}), `X-Frame-Options: DENY`,
 * `X-Content-Type-Options: nosniff` and `Cache-Control: no-store`, so a re-run's results are
 * never served stale.
 *
 * @param options - the two folders, host (default 127.0.0.1) and port (default 0: any free port)
 * @returns the address to open (`http://127.0.0.1:PORT/?results=results/`) and `close()`
 * @throws HexreachError `E_NOT_FOUND` when the results folder does not exist or the viewer has
 *   not been built (no index.html); `E_ARGUMENT` for a port outside 0–65535
 * @example
 * ```ts
 * const server = await serveViewer({ resultsDir: 'out', viewerDist: 'packages/viewer/dist' });
 * console.log(`open ${server.url}`);
 * await server.close();
 * ```
 */
export async function serveViewer(options: ServeViewerOptions): Promise<ViewerServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new HexreachError(
      'E_ARGUMENT',
      `serveViewer: port must be an integer 0–65535, got ${port}`,
      port,
    );
  }
  const resultsRoot = existingFolder(options.resultsDir, 'results folder');
  const viewerRoot = existingFolder(options.viewerDist, 'built viewer');
  if (!existsSync(join(viewerRoot, 'index.html'))) {
    throw new HexreachError(
      'E_NOT_FOUND',
      `the built viewer has no index.html in ${options.viewerDist}: run "npm run build" first`,
      options.viewerDist,
    );
  }

  const basemap = options.basemap === undefined ? undefined : pmtilesFile(options.basemap);
  let isAllowedHost: (header: string | undefined) => boolean = () => false;
  const server = createServer((request, response) => {
    handle(request, response, { viewerRoot, resultsRoot, basemap }, isAllowedHost);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  isAllowedHost = allowedHostCheck(host, address);
  return {
    url: `http://${hostInUrl}:${address.port}/?results=results/${basemap === undefined ? '' : `&basemap=${BASEMAP_PATH.slice(1)}`}`,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error === undefined ? resolveClose() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

/** The real path of a PMTiles archive, or an error naming the file and what is wrong. */
function pmtilesFile(path: string): string {
  const absolute = resolve(path);
  if (!existsSync(absolute) || !statSync(absolute).isFile()) {
    throw new HexreachError('E_NOT_FOUND', `basemap not found: ${path}`, path);
  }
  const magic = Buffer.alloc(7);
  const fd = openSync(absolute, 'r');
  try {
    readSync(fd, magic, 0, 7, 0);
  } finally {
    closeSync(fd);
  }
  if (magic.toString('latin1') !== 'PMTiles') {
    throw new HexreachError(
      'E_INPUT',
      `${path}: not a PMTiles archive (it does not start with "PMTiles"); cut one with "pmtiles extract"`,
      path,
    );
  }
  return realpathSync(absolute);
}

function existingFolder(path: string, what: string): string {
  const absolute = resolve(path);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new HexreachError('E_NOT_FOUND', `${what} not found: ${path}`, path);
  }
  return realpathSync(absolute);
}

/**
 * Which `Host` headers name this server: the address and port listened on, `localhost` on a
 * loopback address, the name given as `host`, and any IP address when listening on all
 * interfaces. A domain name other than these is what DNS rebinding sends, so it is refused.
 */
function allowedHostCheck(
  host: string,
  address: AddressInfo,
): (header: string | undefined) => boolean {
  const port = String(address.port);
  const names = new Set([address.address, host.replace(/^\[|\]$/g, '')].map(normalizeHostName));
  if (isLoopback(address.address)) names.add('localhost');
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  return (header) => {
    if (header === undefined) return false;
    // Without a port the client meant 80, HTTP's default.
    const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d+))?$/.exec(header.trim());
    if (match === null || (match[2] ?? '80') !== port) return false;
    const name = normalizeHostName(match[1].replace(/^\[|\]$/g, ''));
    return names.has(name) || (wildcard && isIP(name) !== 0);
  };
}

function normalizeHostName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address === '::ffff:127.0.0.1';
}

/** What the server serves: the viewer, the results and, if given, a basemap archive. */
interface ServedFiles {
  readonly viewerRoot: string;
  readonly resultsRoot: string;
  readonly basemap: string | undefined;
}

function handle(
  request: IncomingMessage,
  response: ServerResponse,
  served: ServedFiles,
  isAllowedHost: (header: string | undefined) => boolean,
): void {
  response.setHeader('Content-Security-Policy', VIEWER_CONTENT_SECURITY_POLICY);
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'no-store');
  if (!isAllowedHost(request.headers.host)) {
    response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Forbidden: the Host header does not name this server\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Method not allowed\n');
    return;
  }
  const file =
    served.basemap !== undefined && pathOf(request.url ?? '/') === BASEMAP_PATH
      ? served.basemap
      : fileFor(request.url ?? '/', served.viewerRoot, served.resultsRoot);
  if (file === undefined) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found\n');
    return;
  }
  const size = statSync(file).size;
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const range = byteRange(request.headers.range, size);
  if (range === 'unsatisfiable') {
    response.writeHead(416, { 'Content-Range': `bytes */${size}`, 'Accept-Ranges': 'bytes' });
    response.end();
    return;
  }
  // A PMTiles basemap is read by ranges (its header and directory, then each tile).
  response.writeHead(range === undefined ? 200 : 206, {
    'Content-Type': type,
    'Content-Length': range === undefined ? size : range.end - range.start + 1,
    'Accept-Ranges': 'bytes',
    ...(range === undefined
      ? {}
      : { 'Content-Range': `bytes ${range.start}-${range.end}/${size}` }),
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file, range)
    .on('error', () => response.destroy())
    .pipe(response);
}

/** A request's path, decoded; undefined when it cannot be. */
function pathOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
}

/**
 * The one byte range a `Range: bytes=a-b` (or `a-`, or `-n`, the last n bytes) header asks of
 * a file of `size` bytes, inclusive; undefined for the whole file (no header, or one naming
 * several ranges or other units, which the whole file answers as HTTP allows).
 */
function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null || (match[1] === '' && match[2] === '')) return undefined;
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/** The file a request path names inside one of the two roots, or undefined (→ 404). */
function fileFor(url: string, viewerRoot: string, resultsRoot: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  let root = viewerRoot;
  let rest = pathname;
  if (pathname.startsWith(RESULTS_PREFIX)) {
    root = resultsRoot;
    rest = pathname.slice(RESULTS_PREFIX.length);
  } else if (pathname === '/') {
    rest = 'index.html';
  }
  const segments = rest.split('/').filter((s) => s !== '');
  if (segments.length === 0 || segments.some((s) => s === '..' || s === '.')) return undefined;
  const candidate = join(root, ...segments);
  if (!isInside(root, candidate) || !existsSync(candidate)) return undefined;
  // A symbolic link inside the folder may point anywhere: judge where it really leads.
  const real = realpathSync(candidate);
  if (!isInside(root, real) || !statSync(real).isFile()) return undefined;
  return real;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
