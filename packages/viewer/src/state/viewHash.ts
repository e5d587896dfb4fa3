import { viewStateToHash } from './hashState.js';
import { withReferenceHashParam } from './referenceHash.js';
import type { ViewerStore } from './store.js';
import type { ViewState } from './viewState.js';

/**
 * Writes the view to the URL's hash in place (no new history entry), keeping path and query.
 *
 * @param view - the view; nothing is written without one
 * @example
 * ```ts
 * writeViewHash(store.get().view);
 * ```
 */
export function writeViewHash(view: ViewState | undefined): void {
  if (view === undefined) return;
  // The reference layers' part is theirs (see referenceController): kept as it is.
  const references = location.hash
    .replace(/^#/, '')
    .split('&')
    .find((pair) => pair.startsWith('ref='));
  const hash = viewStateToHash(view);
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${location.search}${references === undefined ? hash : withReferenceHashParam(hash, references)}`,
  );
}

/**
 * Keeps the link in step with the view: each change of the view is written at once, except a
 * new load's, whose camera is known only once the map has fitted it (the loader writes it then).
 *
 * @param store - the viewer's store
 * @returns stops mirroring
 * @example
 * ```ts
 * mirrorViewInHash(store);
 * ```
 */
export function mirrorViewInHash(store: ViewerStore): () => void {
  return store.subscribe((state, previous) => {
    if (state.view !== previous.view && state.results === previous.results)
      writeViewHash(state.view);
  });
}
