import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { HexreachError } from '../errors.js';

/** A temporary folder beside the output folder, where a run writes before it replaces anything. */
export interface StagingFolder {
  /** The temporary folder: write every output file here. */
  readonly path: string;
  /**
   * Moves the files named (all in `path`, `summary.json` among them) into the output folder and
   * removes the files an earlier hexreach run left there that this run did not write; then the
   * temporary folder is gone. Synchronous from start to end, so no signal handler, timer or
   * other callback of this process runs in the middle of it.
   */
  commit(names: readonly string[]): void;
  /** Removes the temporary folder and what it holds; the output folder is not touched. */
  discard(): void;
}

/**
 * Every file name hexreach analyze has written. A folder whose summary.json has no manifest
 * (`files`) was written before manifests existed, by a version that wrote only these.
 */
export const OUTPUT_NAMES: readonly string[] = [
  'cells.geojson',
  'zones.geojson',
  'zones.csv',
  'summary.json',
  'report.html',
  'report.md',
  'spacetime.json',
  'organizations.geojson',
  'rejected.csv',
];

/**
 * Creates the temporary folder of a run that writes into `outDir`, beside it (same parent, so
 * same file system: every move is one atomic rename), named `.<out>.hexreach-<pid>-<random>`.
 * Temporary folders that a killed run left there (its process no longer exists) are removed
 * first. When the parent folder cannot be written but `outDir` can, the temporary folder goes
 * inside `outDir`, and commit moves files one by one.
 *
 * How `commit` moves, so that the output folder holds the old set or the new set as far as the
 * file system allows (a symbolic link `outDir` is followed: the folder it points to is replaced,
 * and the link stays):
 * - `outDir` absent, or a folder holding only files that an earlier run wrote (by its
 *   summary.json's manifest): whole folders are swapped — rename `outDir` aside, rename the
 *   temporary folder to `outDir`, delete the old one. `outDir` never holds a mixture; killed
 *   between the two renames, it is absent for an instant and the old set sits intact aside (the
 *   next run removes that folder as abandoned).
 * - otherwise (a user's files are there too, or `outDir` is the working folder or a mount
 *   point): file by file. First the earlier run's files this run does not write are deleted — so
 *   that no instant, not even after a kill, has a public run's summary.json beside a private
 *   run's rejected.csv — then every new file is renamed over the old one, summary.json last:
 *   until then the folder's manifest still describes the old files, and once it is replaced
 *   every file it lists is in place. Killed during these few renames (only SIGKILL or a power
 *   cut can: the commit is synchronous), the folder is a mixture that the manifest's hashes
 *   reveal, and the next run replaces it.
 * Files that no hexreach run wrote are never deleted or moved.
 *
 * @param outDir - the output folder (created when absent)
 * @returns the temporary folder, to write into, then commit or discard
 * @throws HexreachError `E_ARGUMENT` when `outDir` is a file; the file system's error when neither
 *   the parent folder nor `outDir` can be written
 * @example
 * ```ts
 * const staging = createStagingFolder('out');
 * try {
 *   writeFileSync(join(staging.path, 'summary.json'), text);
 *   staging.commit(['summary.json']);
 * } catch (error) {
 *   staging.discard();
 *   throw error;
 * }
 * ```
 */
export function createStagingFolder(outDir: string): StagingFolder {
  let out = resolve(outDir);
  let outStats = statsOf(out);
  if (outStats?.isSymbolicLink()) {
    // Beside the folder the link points to: on its file system, and swapped where it is.
    out = realpathSync(out);
    outStats = statsOf(out);
  }
  if (outStats !== undefined && !outStats.isDirectory()) {
    throw new HexreachError('E_ARGUMENT', `--out ${outDir} is a file, not a folder`, outDir);
  }
  const parent = dirname(out);
  const prefix = `.${basename(out)}.hexreach-`;
  mkdirSync(parent, { recursive: true });
  removeAbandoned(parent, prefix);
  if (outStats !== undefined) removeAbandoned(out, prefix);
  // A mount point's files cannot be renamed from its parent's file system.
  const sameFileSystem = outStats === undefined || outStats.dev === lstatSync(parent).dev;
  let path = sameFileSystem ? makeFolderIfWritable(parent, prefix) : undefined;
  const beside = path !== undefined;
  if (path === undefined) {
    mkdirSync(out, { recursive: true });
    path = makeUniqueFolder(out, prefix);
  }
  const staging = path;

  function commit(names: readonly string[]): void {
    const previous = previousOutputNames(out);
    checkTargets(out, names);
    if (beside && swapFolders(out, staging, parent, prefix, previous)) return;
    mkdirSync(out, { recursive: true });
    const next = new Set(names);
    for (const name of previous) if (!next.has(name)) removeFile(join(out, name));
    const ordered = [...names.filter((n) => n !== 'summary.json'), 'summary.json'];
    for (const name of ordered)
      if (next.has(name)) renameSync(join(staging, name), join(out, name));
    rmSync(staging, { recursive: true, force: true });
  }

  return {
    path: staging,
    commit,
    discard: () => rmSync(staging, { recursive: true, force: true }),
  };
}

/**
 * The names of the files in `out` that an earlier hexreach run wrote: its manifest's, or every
 * name hexreach writes when its summary.json predates manifests; none without a summary.json of
 * hexreach analyze (a folder hexreach never wrote, or whose summary.json is the user's own).
 */
function previousOutputNames(out: string): Set<string> {
  let summary: unknown;
  try {
    summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  } catch {
    return new Set();
  }
  if (!isObject(summary) || summary.command !== 'analyze' || typeof summary.hexreach !== 'string')
    return new Set();
  if (!Array.isArray(summary.files)) return new Set(OUTPUT_NAMES);
  const names = new Set(['summary.json']);
  for (const file of summary.files) {
    const name = isObject(file) ? file.name : undefined;
    // A manifest names files in the folder itself: anything else is not ours to delete.
    if (typeof name === 'string' && name === basename(name) && name !== '.' && name !== '..')
      names.add(name);
  }
  return names;
}

/** Stops a commit before it changes anything when a file cannot replace what has its name. */
function checkTargets(out: string, names: readonly string[]): void {
  for (const name of names) {
    if (statsOf(join(out, name))?.isDirectory()) {
      throw new HexreachError(
        'E_INPUT',
        `cannot write ${join(out, name)}: a folder has that name; nothing in ${out} was changed`,
        name,
      );
    }
  }
}

/**
 * Replaces `out` by the temporary folder when `out` is absent or holds only an earlier run's
 * files; returns false, having changed nothing in `out`, when it cannot.
 */
function swapFolders(
  out: string,
  staging: string,
  parent: string,
  prefix: string,
  previous: ReadonlySet<string>,
): boolean {
  const stats = statsOf(out);
  if (stats === undefined) {
    try {
      renameSync(staging, out);
      return true;
    } catch {
      return false;
    }
  }
  if (!stats.isDirectory() || isWorkingFolderOrAbove(out)) return false;
  const entries = readdirSync(out, { withFileTypes: true });
  if (!entries.every((e) => e.isFile() && previous.has(e.name))) return false;
  chmodSync(staging, stats.mode & 0o7777);
  const aside = join(parent, `${prefix}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    renameSync(out, aside);
  } catch {
    return false; // e.g. a mount point (EBUSY): file by file instead
  }
  try {
    renameSync(staging, out);
  } catch {
    renameSync(aside, out);
    return false;
  }
  rmSync(aside, { recursive: true, force: true });
  return true;
}

/** Whether the process's working folder is `folder` or inside it: renaming it would move us. */
function isWorkingFolderOrAbove(folder: string): boolean {
  const rel = relative(folder, process.cwd());
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Deletes a file an earlier run wrote; a folder that has taken its name is left alone. */
function removeFile(path: string): void {
  const stats = statsOf(path);
  if (stats !== undefined && !stats.isDirectory()) unlinkSync(path);
}

/** Removes the temporary folders in `folder` whose run no longer exists (killed, crashed). */
function removeAbandoned(folder: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length));
    if (match !== null && !isRunning(Number(match[1])))
      rmSync(join(folder, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return !isCode(error, 'ESRCH');
  }
}

/** A new temporary folder in `parent`, or undefined when `parent` cannot be written. */
function makeFolderIfWritable(parent: string, prefix: string): string | undefined {
  try {
    return makeUniqueFolder(parent, prefix);
  } catch (error) {
    if (isCode(error, 'EACCES', 'EPERM', 'EROFS')) return undefined;
    throw error;
  }
}

function makeUniqueFolder(parent: string, prefix: string): string {
  for (;;) {
    const path = join(parent, `${prefix}${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      mkdirSync(path);
      return path;
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    }
  }
}

function statsOf(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException | undefined)?.code ?? '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
