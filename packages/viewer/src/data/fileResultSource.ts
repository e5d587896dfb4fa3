import type { ResultSource } from './ResultSource.js';
import { type ResultFileName, resultFileNames } from './results.js';

/** Files `hexreach analyze` and `hexreach evaluate` also write, which the viewer does not read. */
const OTHER_OUTPUTS = /^(rejected\.csv|zones\.csv|evaluation\.csv|report\.md)$/;

/** A file the user picked or dropped, with its path inside the chosen folder (or its name). */
export interface PickedFile {
  readonly file: File;
  readonly path: string;
}

/**
 * A {@link ResultSource} over files the user picked or dropped (loose files or the contents of a
 * folder, in any sub-folder): each results file is recognised by its name, case-insensitively.
 * When a name occurs twice (two runs in one dropped folder), the shallowest path wins.
 *
 * @param files - the files and their paths
 * @returns the source, and the paths of the files it does not use (other than the CLI's other
 *   outputs, such as rejected.csv)
 * @example
 * ```ts
 * const { source, ignored } = fileResultSource([...input.files].map((file) => ({ file, path: file.name })));
 * ```
 */
export function fileResultSource(files: readonly PickedFile[]): {
  source: ResultSource;
  ignored: string[];
} {
  const byName = new Map<ResultFileName, PickedFile & { depth: number }>();
  const ignored: string[] = [];
  for (const picked of files) {
    const name = picked.file.name.toLowerCase();
    const depth = picked.path.split('/').length;
    if (!isResultFileName(name)) {
      // The CLI's other outputs are expected beside the results; only strangers are listed.
      if (!OTHER_OUTPUTS.test(name)) ignored.push(picked.path);
      continue;
    }
    const known = byName.get(name);
    if (known === undefined || depth < known.depth) byName.set(name, { ...picked, depth });
  }
  const count = byName.size;
  const source: ResultSource = {
    description: `${count} dropped or chosen file${count === 1 ? '' : 's'}`,
    readText: async (name) => byName.get(name)?.file.text(),
    readBytes: async (name) => {
      const file = byName.get(name)?.file;
      return file === undefined ? undefined : new Uint8Array(await file.arrayBuffer());
    },
  };
  return { source, ignored };
}

function isResultFileName(name: string): name is ResultFileName {
  return (resultFileNames as readonly string[]).includes(name);
}
