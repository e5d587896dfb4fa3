import { h } from './dom.js';

/**
 * Shows a message in the message area: an error (role alert, stays until dismissed or replaced)
 * or information. The text is inserted as text: file names and values from a user's files
 * cannot inject markup.
 *
 * @param area - the message area
 * @param kind - `error` or `info`
 * @param text - the message
 * @param details - further lines (e.g. notes from loading)
 * @example
 * ```ts
 * showMessage(area, 'error', 'cells.geojson: invalid JSON at line 3, column 5: …');
 * ```
 */
export function showMessage(
  area: HTMLElement,
  kind: 'error' | 'info',
  text: string,
  details: readonly string[] = [],
): void {
  const close = h(
    'button',
    { className: 'icon-button', attrs: { type: 'button', 'aria-label': 'Dismiss message' } },
    '×',
  );
  close.addEventListener('click', () => clearMessage(area));
  area.replaceChildren(
    h(
      'div',
      {
        className: `message message-${kind}`,
        attrs: { role: kind === 'error' ? 'alert' : 'status' },
      },
      h(
        'div',
        { className: 'message-text' },
        h('p', {}, text),
        ...details.map((d) => h('p', { className: 'message-detail' }, d)),
      ),
      close,
    ),
  );
}

/**
 * Removes any message.
 *
 * @example
 * ```ts
 * clearMessage(document.getElementById('messages')!);
 * ```
 */
export function clearMessage(area: HTMLElement): void {
  area.replaceChildren();
}
