import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  serveViewer,
  VIEWER_CONTENT_SECURITY_POLICY,
  type ViewerServer,
} from '../../src/cli/serveViewer.js';
import { HexreachError } from '../../src/errors.js';

/** One raw HTTP request: the path is sent exactly as given (fetch would normalise `..`). */
function get(
  url: string,
  path: string,
  method = 'GET',
  hostHeader?: string,
): Promise<{
  status: number;
  type: string | undefined;
  body: string;
  headers: IncomingHttpHeaders;
}> {
  const { hostname, port } = new URL(url);
  const headers = hostHeader === undefined ? {} : { Host: hostHeader };
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'],
          body,
          headers: res.headers,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

async function errorOf(run: Promise<unknown>): Promise<HexreachError> {
  try {
    await run;
  } catch (error) {
    expect(error).toBeInstanceOf(HexreachError);
    return error as HexreachError;
  }
  return expect.unreachable('expected a HexreachError');
}

describe('serveViewer', () => {
  const root = mkdtempSync(join(tmpdir(), 'hexreach-serve-'));
  const viewerDist = join(root, 'dist');
  const resultsDir = join(root, 'out');
  let server: ViewerServer;

  beforeAll(async () => {
    mkdirSync(join(viewerDist, 'assets'), { recursive: true });
    mkdirSync(resultsDir);
    writeFileSync(join(viewerDist, 'index.html'), '<!doctype html><title>viewer</title>');
    writeFileSync(join(viewerDist, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(viewerDist, 'assets', 'app.css'), 'body {}');
    writeFileSync(join(resultsDir, 'cells.geojson'), '{"type":"FeatureCollection","features":[]}');
    writeFileSync(join(resultsDir, 'summary.json'), '{}');
    writeFileSync(join(resultsDir, 'rejected.csv'), 'source\n');
    writeFileSync(join(root, 'secret.txt'), 'SECRET');
    symlinkSync(join(root, 'secret.txt'), join(resultsDir, 'link.geojson'));
    server = await serveViewer({ resultsDir, viewerDist });
  });

  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 on a free port and returns the viewer address with ?results=results/', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?results=results\/$/);
    expect(Number(new URL(server.url).port)).toBeGreaterThan(0);
  });

  it('serves the viewer at / and its assets with their content types', async () => {
    const index = await get(server.url, '/?results=results/');
    expect(index.status).toBe(200);
    expect(index.type).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('<title>viewer</title>');
    expect((await get(server.url, '/assets/app.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get(server.url, '/assets/app.css')).type).toBe('text/css; charset=utf-8');
  });

  it('serves the results folder at /results/ with GeoJSON, JSON and CSV types', async () => {
    const cells = await get(server.url, '/results/cells.geojson');
    expect(cells.status).toBe(200);
    expect(cells.type).toBe('application/geo+json; charset=utf-8');
    expect(JSON.parse(cells.body).type).toBe('FeatureCollection');
    expect((await get(server.url, '/results/summary.json')).type).toBe(
      'application/json; charset=utf-8',
    );
    expect((await get(server.url, '/results/rejected.csv')).type).toBe('text/csv; charset=utf-8');
  });

  it('never serves a file outside its two folders, however the path is written', async () => {
    for (const path of [
      '/results/../secret.txt',
      '/results/../../secret.txt',
      '/../secret.txt',
      '/results/..%2fsecret.txt',
      '/results/%2e%2e/secret.txt',
      '/results/%2e%2e%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/results/..%5csecret.txt',
      '/results/cells.geojson%00.txt',
      `/results/${encodeURIComponent(join(root, 'secret.txt'))}`,
      '//etc/passwd',
      '/results/link.geojson',
    ]) {
      const response = await get(server.url, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('SECRET');
    }
  });

  it('lists no directory and answers 404 for missing files', async () => {
    expect((await get(server.url, '/results/')).status).toBe(404);
    expect((await get(server.url, '/assets/')).status).toBe(404);
    expect((await get(server.url, '/results/zones.geojson')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods with 405', async () => {
    const head = await get(server.url, '/results/cells.geojson', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await get(server.url, '/results/cells.geojson', 'POST')).status).toBe(405);
    expect((await get(server.url, '/', 'DELETE')).status).toBe(405);
  });

  it('refuses a results folder that does not exist or an unbuilt viewer', async () => {
    expect((await errorOf(serveViewer({ resultsDir: join(root, 'nope'), viewerDist }))).code).toBe(
      'E_NOT_FOUND',
    );
    expect((await errorOf(serveViewer({ resultsDir, viewerDist: resultsDir }))).code).toBe(
      'E_NOT_FOUND',
    );
    expect((await errorOf(serveViewer({ resultsDir, viewerDist, port: 70000 }))).code).toBe(
      'E_ARGUMENT',
    );
  });

  it('refuses with 403 a Host header that is not the address listened on (DNS rebinding)', async () => {
    const port = new URL(server.url).port;
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1:1', `[::1]:${port}`]) {
      const response = await get(server.url, '/results/rejected.csv', 'GET', host);
      expect(response.status, host).toBe(403);
      expect(response.body, host).not.toContain('source');
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await get(server.url, '/results/rejected.csv', 'GET', host)).status, host).toBe(200);
    }
  });

  it('answers a server listening on all interfaces at any IP address, never at a name', async () => {
    const wide = await serveViewer({ resultsDir, viewerDist, host: '0.0.0.0' });
    try {
      const port = new URL(wide.url).port;
      const local = `http://127.0.0.1:${port}/`;
      expect((await get(local, '/', 'GET', `192.0.2.7:${port}`)).status).toBe(200);
      expect((await get(local, '/', 'GET', `0.0.0.0:${port}`)).status).toBe(200);
      expect((await get(local, '/', 'GET', `rebind.example:${port}`)).status).toBe(403);
    } finally {
      await wide.close();
    }
  });

  it('sends the viewer’s Content-Security-Policy and X-Frame-Options: DENY with every page', async () => {
    for (const path of ['/', '/assets/app.js', '/results/cells.geojson', '/missing']) {
      const { headers } = await get(server.url, path);
      expect(headers['content-security-policy'], path).toBe(VIEWER_CONTENT_SECURITY_POLICY);
      expect(headers['x-frame-options'], path).toBe('DENY');
    }
    const refused = await get(server.url, '/', 'GET', 'evil.example');
    expect(refused.headers['x-frame-options']).toBe('DENY');
  });

  it('serves the policy of the viewer’s own meta tag, plus frame-ancestors', () => {
    const html = readFileSync(
      fileURLToPath(new URL('../../../viewer/index.html', import.meta.url)),
      'utf8',
    );
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(`${meta}; frame-ancestors 'none'`).toBe(VIEWER_CONTENT_SECURITY_POLICY);
  });

  it('stops accepting connections once closed', async () => {
    const other = await serveViewer({ resultsDir, viewerDist });
    expect((await get(other.url, '/')).status).toBe(200);
    await other.close();
    await expect(get(other.url, '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('serveViewer with a PMTiles basemap', () => {
  const root = mkdtempSync(join(tmpdir(), 'hexreach-serve-basemap-'));
  const viewerDist = join(root, 'dist');
  const resultsDir = join(root, 'out');
  const archive = join(root, 'city.pmtiles');
  mkdirSync(viewerDist);
  mkdirSync(resultsDir);
  writeFileSync(join(viewerDist, 'index.html'), '<!doctype html><title>viewer</title>');
  // A PMTiles header's magic, then bytes 7…99 numbered: enough to read ranges of.
  writeFileSync(
    archive,
    Buffer.concat([
      Buffer.from('PMTiles'),
      Buffer.from(Array.from({ length: 93 }, (_, i) => i + 7)),
    ]),
  );

  it('serves the archive at /basemap.pmtiles by ranges and names it in the viewer address', async () => {
    const server = await serveViewer({ resultsDir, viewerDist, basemap: archive });
    try {
      expect(server.url).toMatch(/\?results=results\/&basemap=basemap\.pmtiles$/);
      const url = new URL('/basemap.pmtiles', server.url);
      const part = await fetch(url, { headers: { Range: 'bytes=7-9' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe('bytes 7-9/100');
      expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([7, 8, 9]);
      const whole = await fetch(url);
      expect(whole.status).toBe(200);
      expect(whole.headers.get('accept-ranges')).toBe('bytes');
      expect((await whole.arrayBuffer()).byteLength).toBe(100);
      const tail = await fetch(url, { headers: { Range: 'bytes=-2' } });
      expect([...new Uint8Array(await tail.arrayBuffer())]).toEqual([98, 99]);
      expect((await fetch(url, { headers: { Range: 'bytes=100-' } })).status).toBe(416);
    } finally {
      await server.close();
    }
  });

  it('refuses a basemap that is missing or not a PMTiles archive, naming it', async () => {
    expect(
      (await errorOf(serveViewer({ resultsDir, viewerDist, basemap: join(root, 'no.pmtiles') })))
        .code,
    ).toBe('E_NOT_FOUND');
    const notArchive = join(root, 'city.mbtiles');
    writeFileSync(notArchive, 'SQLite format 3');
    const error = await errorOf(serveViewer({ resultsDir, viewerDist, basemap: notArchive }));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toContain('city.mbtiles: not a PMTiles archive');
  });
});
