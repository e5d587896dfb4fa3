import { h } from './dom.js';

/**
 * An image in a button that shows it larger in a modal dialog (closed by its button, Escape or
 * a click beside it), for a chart drawn too small to read in a side panel.
 *
 * @param image - the image; the dialog shows a copy of it
 * @param label - what the button does, for screen readers ("Show the chart larger")
 * @returns the button holding the image
 * @example
 * ```ts
 * panel.append(enlargeableImage(evaluationChart(zone), 'Show the chart larger'));
 * ```
 */
export function enlargeableImage(image: HTMLImageElement, label: string): HTMLButtonElement {
  const button = h(
    'button',
    { className: 'image-button', attrs: { type: 'button', 'aria-label': label, title: label } },
    image,
  );
  button.addEventListener('click', () => {
    const close = h('button', { className: 'dialog-close', attrs: { type: 'button' } }, 'Close');
    const large = image.cloneNode() as HTMLImageElement;
    large.className = 'dialog-image';
    const dialog = h(
      'dialog',
      { className: 'image-dialog', attrs: { 'aria-label': image.alt } },
      h('p', { className: 'dialog-caption' }, image.alt),
      large,
      close,
    );
    close.addEventListener('click', () => dialog.close());
    // A click on the backdrop lands on the dialog itself, outside its content.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      button.focus();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
  return button;
}
