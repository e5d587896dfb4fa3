import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './helpers.js';

/**
 * Every command of the README, run as written, in order, in a copy of the repository made as a
 * fresh clone would be after `npm ci`: the README's first ```sh block (`npm ci && npm run demo`,
 * `npm ci && npm test`) is what CI runs itself, so it is left out; every other ```sh line is run
 * with bash, then every ```ts block that imports '@hexreach/core' with `npx tsx`. Blocks that are
 * not meant to be run (a synopsis, printed output) must not be marked `sh`.
 */

/** A fenced code block of a Markdown file: its info string, lines and where it starts. */
interface FencedBlock {
  readonly info: string;
  readonly lines: readonly string[];
  /** 1-based line number of the opening fence. */
  readonly line: number;
}

/** A command line of the README: as written, without its comment, and where. */
interface ReadmeCommand {
  readonly text: string;
  readonly command: string;
  readonly line: number;
}

/** A server is running once it prints its address (ANSI colours removed first). */
const serverUrl = /http:\/\/(?:127\.0\.0\.1|localhost):\d+[^\s'"]*/;

/** Longest a single command may take (a build and the demo analysis on a busy 2-core machine). */
const commandTimeoutMs = 110_000;

function fencedBlocks(markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let open: { info: string; line: number; lines: string[] } | undefined;
  markdown.split('\n').forEach((text, i) => {
    const fence = /^```(\S*)\s*$/.exec(text);
    if (open === undefined) {
      if (fence) open = { info: fence[1], line: i + 1, lines: [] };
    } else if (text.trimEnd() === '```') {
      blocks.push(open);
      open = undefined;
    } else {
      open.lines.push(text);
    }
  });
  return blocks;
}

/**
 * The block's command lines, blank lines and comments skipped. A line is run as written, since
 * bash drops its comment exactly (`#` in quotes is not one); `command` is for names and checks.
 */
function commandsOf(block: FencedBlock): ReadmeCommand[] {
  return block.lines
    .map((text, i) => ({
      text: text.trim(),
      command: text.replace(/(^|\s)#.*$/, '').trim(),
      line: block.line + 1 + i,
    }))
    .filter((c) => c.command !== '');
}

/** The block CI runs itself: exactly `npm ci && npm run demo` and `npm ci && npm test`. */
function isCiBlock(block: FencedBlock): boolean {
  const commands = commandsOf(block).map((c) => c.command);
  return commands.join('\n') === 'npm ci && npm run demo\nnpm ci && npm test';
}

const blocks = fencedBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
const shBlocks = blocks.filter((b) => b.info === 'sh');
const ciBlocks = shBlocks.filter(isCiBlock);
const shCommands = shBlocks.filter((b) => !isCiBlock(b)).flatMap(commandsOf);
const libraryExamples = blocks.filter(
  (b) => b.info === 'ts' && b.lines.some((l) => /from '@hexreach\/core'/.test(l)),
);

let copy: string | undefined;
const running = new Set<number>();

/**
 * The repository as a fresh clone would be after `npm ci`, made once for this file: the files
 * git lists (committed, or new and not ignored, so that uncommitted work is tested too) and a
 * copy of the installed node_modules (their relative links then point into the copy).
 */
function repositoryCopy(): string {
  if (copy !== undefined) return copy;
  const dir = mkdtempSync(join(tmpdir(), 'hexreach-readme-'));
  const files = execFileSync('git', ['ls-files', '-z', '-c', '-o', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  for (const file of new Set(files.split('\0').filter((f) => f !== ''))) copyEntry(file, dir);
  const workspaces: string[] = JSON.parse(
    readFileSync(join(root, 'package.json'), 'utf8'),
  ).workspaces;
  for (const folder of ['.', ...workspaces]) {
    const modules = join(root, folder, 'node_modules');
    if (existsSync(modules)) execFileSync('cp', ['-a', modules, join(dir, folder, 'node_modules')]);
  }
  removeLinksToBuildOutputs(join(dir, 'node_modules/.bin'));
  linkWorkspaceCommands(dir, workspaces);
  copy = dir;
  return dir;
}

function copyEntry(file: string, dir: string): void {
  const from = join(root, file);
  if (!existsSync(from)) return; // deleted in the working tree, not yet in a commit
  const to = join(dir, file);
  mkdirSync(dirname(to), { recursive: true });
  const stat = lstatSync(from);
  if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
  else {
    copyFileSync(from, to);
    chmodSync(to, stat.mode);
  }
}

/**
 * `npm ci` on a fresh clone links no command whose file does not exist yet, such as a
 * workspace's built CLI; a link made by a later install here would hide that, so it goes.
 */
function removeLinksToBuildOutputs(bin: string): void {
  if (!existsSync(bin)) return;
  for (const name of readdirSync(bin)) {
    const link = join(bin, name);
    if (lstatSync(link).isSymbolicLink() && !existsSync(link)) unlinkSync(link);
  }
}

/**
 * Links each workspace's commands (`bin` as an object) as `npm ci` does on a fresh clone: only
 * those whose file is in the repository. The links copied here may predate a change of `bin`.
 */
function linkWorkspaceCommands(dir: string, workspaces: readonly string[]): void {
  const bin = join(dir, 'node_modules/.bin');
  for (const folder of workspaces) {
    const manifest = JSON.parse(readFileSync(join(dir, folder, 'package.json'), 'utf8'));
    const commands: Record<string, string> = manifest.bin ?? {};
    for (const [name, file] of Object.entries(commands)) {
      const link = join(bin, name);
      if (lstatSync(link, { throwIfNoEntry: false }) !== undefined) unlinkSync(link);
      if (!existsSync(join(dir, folder, file))) continue;
      mkdirSync(bin, { recursive: true });
      symlinkSync(relative(bin, join(dir, 'node_modules', manifest.name, file)), link);
    }
  }
}

/** The environment of a user's shell: without what vitest or an enclosing `npm run` set. */
function shellEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of Object.keys(env)) {
    if (/^(npm_|VITEST|INIT_CWD$|NODE_ENV$|FORCE_COLOR$)/.test(key)) delete env[key];
  }
  return env;
}

/**
 * Runs one command with bash in `cwd`. It passes when it exits 0 within the timeout, or, for a
 * server (`hexreach view`, the Vite dev server), once it prints a local http URL that answers
 * one GET with 200; the whole process group is then stopped. Rejects with the command, its exit
 * code and the end of its stderr and stdout.
 */
function runCommand(command: string, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], {
      cwd,
      env: shellEnvironment(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = child.pid as number;
    running.add(pid);
    let stdout = '';
    let stderr = '';
    let settled = false;
    const fail = (why: string) => {
      const tail = (text: string) => text.slice(-4000).trimEnd() || '(nothing)';
      finish(
        new Error(
          `\`${command}\` ${why}\n--- stderr:\n${tail(stderr)}\n--- stdout:\n${tail(stdout)}`,
        ),
      );
    };
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopGroup(pid);
      if (error === undefined) resolve();
      else reject(error);
    };
    const timer = setTimeout(
      () => fail(`did not finish in ${commandTimeoutMs / 1000} s`),
      commandTimeoutMs,
    );
    let checking = false;
    const onOutput = () => {
      const url = serverUrl.exec(stripVTControlCharacters(`${stdout}\n${stderr}`))?.[0];
      if (url === undefined || checking) return;
      checking = true;
      fetch(url, { signal: AbortSignal.timeout(30_000) }).then(
        (response) =>
          response.status === 200 ? finish() : fail(`serves ${url} with HTTP ${response.status}`),
        (error: Error) => fail(`printed ${url}, which did not answer: ${error.message}`),
      );
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      onOutput();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      onOutput();
    });
    child.on('error', (error) => fail(`could not start: ${error.message}`));
    child.on('close', (code, signal) => {
      running.delete(pid);
      if (code === 0) finish();
      else fail(`exited with ${code ?? signal}`);
    });
  });
}

/** Stops a command and whatever it started (npm, a server), which share its process group. */
function stopGroup(pid: number): void {
  if (!running.has(pid)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
  const stillThere = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone after SIGTERM
    }
  }, 5000);
  stillThere.unref();
}

afterAll(() => {
  for (const pid of running) stopGroup(pid);
  if (copy !== undefined) rmSync(copy, { recursive: true, force: true });
});

describe('README.md, followed to the letter on a fresh clone', () => {
  it('has the block of the two commands CI runs (left out here), and other commands', () => {
    expect(ciBlocks).toHaveLength(1);
    expect(shCommands.length).toBeGreaterThan(0);
    expect(libraryExamples.length).toBeGreaterThan(0);
  });

  for (const { text, command, line } of shCommands) {
    it(`runs \`${command}\` (line ${line})`, async () => {
      await runCommand(text, repositoryCopy());
    });
  }

  for (const block of libraryExamples) {
    it(`runs the TypeScript example at line ${block.line} with npx tsx`, async () => {
      const dir = repositoryCopy();
      const file = `readme-example-${block.line}.ts`;
      writeFileSync(join(dir, file), `${block.lines.join('\n')}\n`);
      await runCommand(`npx tsx ${file}`, dir);
    });
  }
});
