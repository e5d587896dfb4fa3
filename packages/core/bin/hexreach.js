#!/usr/bin/env node
// The committed command npm links on install: the built CLI does not exist on a fresh clone
// when `npm ci` links workspace commands, and npm links none whose file is missing.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/main.js', import.meta.url);

if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write('hexreach: the CLI is not built: run npm run build\n');
  process.exitCode = 1;
}
