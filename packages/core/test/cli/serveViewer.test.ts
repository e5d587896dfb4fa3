import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveViewer, type ViewerServer } from '../../src/cli/serveViewer.js';
import { HexreachError } from '../../src/errors.js';

/** One raw HTTP request: the path is sent exactly as given (fetch would normalise `..`). */
function get(
  url: string,
  path: string,
  method = 'GET',
): Promise<{ status: number; type: string | undefined; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }),
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

  it('stops accepting connections once closed', async () => {
    const other = await serveViewer({ resultsDir, viewerDist });
    expect((await get(other.url, '/')).status).toBe(200);
    await other.close();
    await expect(get(other.url, '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});
