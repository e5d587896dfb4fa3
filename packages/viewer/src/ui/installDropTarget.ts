import type { PickedFile } from '../data/fileResultSource.js';
import { filesFromDataTransfer } from '../data/filesFromDataTransfer.js';

/**
 * Makes the whole page a drop target for files and folders: `overlay` shows while files are
 * dragged over it, and a drop hands the files (dropped folders walked) to `receive`.
 *
 * @param target - the element listening (the document)
 * @param overlay - shown during a drag
 * @param receive - called with the dropped files
 * @param fail - called with a message when the dropped files cannot be read
 * @example
 * ```ts
 * installDropTarget(document, dropOverlay, loadPicked, (m) => showMessage(area, 'error', m));
 * ```
 */
export function installDropTarget(
  target: Document | HTMLElement,
  overlay: HTMLElement,
  receive: (files: PickedFile[]) => void,
  fail: (message: string) => void,
): void {
  // dragenter/dragleave fire for every child crossed: count them to know when the drag left.
  let depth = 0;
  const hasFiles = (event: Event) =>
    (event as DragEvent).dataTransfer?.types.includes('Files') ?? false;
  target.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    depth++;
    overlay.hidden = false;
  });
  target.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  target.addEventListener('dragover', (event) => {
    if (hasFiles(event)) event.preventDefault();
  });
  target.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const transfer = (event as DragEvent).dataTransfer;
    if (transfer === null) return;
    filesFromDataTransfer(transfer).then(receive, (error: unknown) =>
      fail(
        `Could not read the dropped files: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  });
}
