import type { PickedFile } from './fileResultSource.js';

/** Folders deeper than this below a dropped folder are not opened. */
const MAX_DEPTH = 4;
/** A drop yields at most this many files (a dropped home folder must not hang the page). */
const MAX_FILES = 5000;

/**
 * The files of a drop: loose files as they are, dropped folders walked (up to 4 levels, 5,000
 * files) through the File and Directory Entries API, each with its path inside the drop.
 *
 * @param transfer - the `drop` event's dataTransfer
 * @returns the files found
 * @example
 * ```ts
 * element.addEventListener('drop', async (e) => { const files = await filesFromDataTransfer(e.dataTransfer!); });
 * ```
 */
export async function filesFromDataTransfer(transfer: DataTransfer): Promise<PickedFile[]> {
  // Entries must be taken synchronously, before the event handler returns.
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry !== null) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file !== null) loose.push(file);
    }
  }
  if (entries.length === 0 && loose.length === 0) {
    loose.push(...Array.from(transfer.files));
  }
  const out: PickedFile[] = loose.map((file) => ({ file, path: file.name }));
  const walk = async (entry: FileSystemEntry, path: string, depth: number): Promise<void> => {
    if (out.length >= MAX_FILES) return;
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) =>
        (entry as FileSystemFileEntry).file(resolve, reject),
      );
      out.push({ file, path });
      return;
    }
    if (!entry.isDirectory || depth >= MAX_DEPTH) return;
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      // readEntries returns the folder in batches; an empty batch ends it.
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
        reader.readEntries(resolve, reject),
      );
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, `${path}/${child.name}`, depth + 1);
    }
  };
  for (const entry of entries) await walk(entry, entry.name, 0);
  return out;
}
