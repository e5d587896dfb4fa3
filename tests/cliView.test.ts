import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, demoRunDir, root } from './helpers.js';

describe('hexreach view', () => {
  it('serves the built viewer and a run’s results on 127.0.0.1 until stopped', async () => {
    const out = demoRunDir('private');
    const server = spawn(process.execPath, [cli, 'view', out, '--port', '0'], { cwd: root });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        server.stdout.on('data', (chunk) => {
          text += chunk;
          const match = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(text);
          if (match) resolve(match[0]);
        });
        server.on('exit', (code) =>
          reject(new Error(`hexreach view exited with ${code}: ${text}`)),
        );
      });
      expect(url).toMatch(/\?results=results\/$/);
      const origin = new URL(url).origin;
      const page = await fetch(`${origin}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div');
      const summary = await fetch(`${origin}/results/summary.json`);
      expect(summary.headers.get('content-type')).toContain('application/json');
      expect((await summary.json()).command).toBe('analyze');
      expect((await fetch(`${origin}/results/../../package.json`)).status).toBe(404);
    } finally {
      const exited = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('exits 1 naming a --basemap that is not a PMTiles archive', () => {
    const run = spawnSync(
      process.execPath,
      [cli, 'view', demoRunDir('private'), '--basemap', 'README.md'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('README.md: not a PMTiles archive');
  });
});
