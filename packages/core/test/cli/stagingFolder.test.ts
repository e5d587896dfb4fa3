import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStagingFolder, OUTPUT_NAMES } from '../../src/cli/stagingFolder.js';
import { codeOf } from '../helpers/errors.js';

/** A folder holding `files` (name → content); returns its path. */
function folderWith(files: Record<string, string>, parent = mkdtempSync(join(tmpdir(), 'hx-'))) {
  const dir = join(parent, 'out');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** summary.json of an earlier run: with a manifest of `names`, or (undefined) from before manifests. */
function summaryOf(names?: readonly string[]): string {
  const files = names?.map((name) => ({ name, bytes: 0, sha256: '' }));
  return JSON.stringify({ hexreach: '0.1.0', command: 'analyze', ...(files && { files }) });
}

/** Writes `files` into a new staging folder for `out` and commits them. */
function runInto(out: string, files: Record<string, string>): void {
  const staging = createStagingFolder(out);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(staging.path, name), text);
  staging.commit(Object.keys(files));
}

function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}

const NEW_SET = { 'cells.geojson': 'new cells', 'summary.json': summaryOf(['cells.geojson']) };

describe('createStagingFolder', () => {
  it('makes a hidden folder beside the output folder, which commit renames into place', () => {
    const parent = mkdtempSync(join(tmpdir(), 'hx-'));
    const out = join(parent, 'out');
    const staging = createStagingFolder(out);
    expect(staging.path.startsWith(join(parent, '.out.hexreach-'))).toBe(true);
    expect(existsSync(out)).toBe(false);
    writeFileSync(join(staging.path, 'summary.json'), summaryOf([]));
    staging.commit(['summary.json']);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(Object.keys(contents(out))).toEqual(['summary.json']);
  });

  it('swaps a folder holding only an earlier run’s files, dropping those not written again', () => {
    const old = {
      'cells.geojson': 'old cells',
      'rejected.csv': 'old rows',
      'summary.json': summaryOf(['cells.geojson', 'rejected.csv']),
    };
    const out = folderWith(old);
    const inode = statSync(out).ino;
    runInto(out, NEW_SET);
    expect(contents(out)).toEqual(NEW_SET);
    expect(statSync(out).ino).not.toBe(inode);
    expect(readdirSync(join(out, '..'))).toEqual(['out']);
  });

  it('moves file by file beside a user’s file, which stays, and deletes the stale outputs', () => {
    const out = folderWith({
      'cells.geojson': 'old cells',
      'rejected.csv': 'old rows',
      'spacetime.json': 'old bins',
      'summary.json': summaryOf(['cells.geojson', 'rejected.csv', 'spacetime.json']),
      'notes.txt': 'mine',
    });
    const inode = statSync(out).ino;
    runInto(out, NEW_SET);
    expect(contents(out)).toEqual({ ...NEW_SET, 'notes.txt': 'mine' });
    expect(statSync(out).ino).toBe(inode);
    expect(readdirSync(join(out, '..'))).toEqual(['out']);
  });

  it('takes every name hexreach writes as an earlier run’s when its summary.json has no manifest', () => {
    const legacy = Object.fromEntries(OUTPUT_NAMES.map((name) => [name, `old ${name}`]));
    const out = folderWith({ ...legacy, 'summary.json': summaryOf(), 'notes.txt': 'mine' });
    runInto(out, NEW_SET);
    expect(contents(out)).toEqual({ ...NEW_SET, 'notes.txt': 'mine' });
  });

  it('deletes nothing when summary.json is not hexreach analyze’s, or there is none', () => {
    const user = { 'rejected.csv': 'my own list', 'summary.json': '{"mine": true}' };
    const out = folderWith(user);
    runInto(out, NEW_SET);
    expect(contents(out)).toEqual({ ...NEW_SET, 'rejected.csv': 'my own list' });
    const bare = folderWith({ 'report.md': 'my report', 'spacetime.json': 'mine' });
    runInto(bare, NEW_SET);
    expect(contents(bare)).toEqual({
      ...NEW_SET,
      'report.md': 'my report',
      'spacetime.json': 'mine',
    });
  });

  it('deletes no file outside the folder that a manifest names with a path', () => {
    const parent = mkdtempSync(join(tmpdir(), 'hx-'));
    writeFileSync(join(parent, 'keep.txt'), 'outside');
    const out = folderWith({ 'summary.json': summaryOf(['../keep.txt', '/etc/hostname']) }, parent);
    runInto(out, NEW_SET);
    expect(readFileSync(join(parent, 'keep.txt'), 'utf8')).toBe('outside');
  });

  it('writes through a symbolic link to the folder, which stays a link', () => {
    const real = folderWith({ 'summary.json': summaryOf([]) });
    const link = join(mkdtempSync(join(tmpdir(), 'hx-')), 'link');
    symlinkSync(real, link);
    runInto(link, NEW_SET);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(contents(link)).toEqual(NEW_SET);
    expect(contents(real)).toEqual(NEW_SET);
  });

  it('stops before changing anything when a folder has the name of an output file', () => {
    const out = folderWith({ 'summary.json': summaryOf(['cells.geojson']) });
    mkdirSync(join(out, 'cells.geojson'));
    const before = readdirSync(out);
    const staging = createStagingFolder(out);
    writeFileSync(join(staging.path, 'cells.geojson'), 'new');
    writeFileSync(join(staging.path, 'summary.json'), 'new');
    expect(codeOf(() => staging.commit(['cells.geojson', 'summary.json']))).toBe('E_INPUT');
    expect(readdirSync(out)).toEqual(before);
    staging.discard();
  });

  it('discard removes the temporary folder and leaves the output folder as it was', () => {
    const out = folderWith({
      'cells.geojson': 'old',
      'summary.json': summaryOf(['cells.geojson']),
    });
    const before = contents(out);
    const staging = createStagingFolder(out);
    writeFileSync(join(staging.path, 'cells.geojson'), 'half written');
    staging.discard();
    expect(contents(out)).toEqual(before);
    expect(readdirSync(join(out, '..'))).toEqual(['out']);
  });

  it('removes the temporary folders of runs that no longer exist, and only those', () => {
    const out = folderWith({});
    const parent = join(out, '..');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    mkdirSync(join(parent, `.out.hexreach-${dead}-0123abcd`));
    mkdirSync(join(parent, `.out.hexreach-${process.pid}-0123abcd`));
    mkdirSync(join(parent, '.out.hexreach-notes'));
    const staging = createStagingFolder(out);
    expect(readdirSync(parent).sort()).toEqual(
      [
        '.out.hexreach-notes',
        `.out.hexreach-${process.pid}-0123abcd`,
        staging.path.slice(parent.length + 1),
        'out',
      ].sort(),
    );
    staging.discard();
  });

  it('refuses an output path that is a file (E_ARGUMENT)', () => {
    const parent = mkdtempSync(join(tmpdir(), 'hx-'));
    writeFileSync(join(parent, 'out'), 'a file');
    expect(codeOf(() => createStagingFolder(join(parent, 'out')))).toBe('E_ARGUMENT');
  });
});
