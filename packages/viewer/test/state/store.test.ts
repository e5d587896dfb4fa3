import { describe, expect, it } from 'vitest';
import { createStore, createViewerStore } from '../../src/state/store.js';

describe('createStore', () => {
  it('replaces only the fields given and tells each listener the state before and after', () => {
    const store = createStore({ count: 0, name: 'a' });
    const seen: [number, number, string][] = [];
    store.subscribe((state, previous) => seen.push([previous.count, state.count, state.name]));
    store.set({ count: 1 });
    store.update((s) => ({ count: s.count + 1, name: 'b' }));
    expect(store.get()).toEqual({ count: 2, name: 'b' });
    expect(seen).toEqual([
      [0, 1, 'a'],
      [1, 2, 'b'],
    ]);
  });

  it('keeps the state before a change unchanged (a new object each time)', () => {
    const store = createStore({ count: 0 });
    const before = store.get();
    store.set({ count: 5 });
    expect(before).toEqual({ count: 0 });
    expect(store.get()).not.toBe(before);
  });

  it('calls listeners in the order they subscribed, and no more once removed', () => {
    const store = createStore({ n: 0 });
    const calls: string[] = [];
    const stopFirst = store.subscribe(() => calls.push('first'));
    store.subscribe(() => calls.push('second'));
    store.set({ n: 1 });
    stopFirst();
    store.set({ n: 2 });
    expect(calls).toEqual(['first', 'second', 'second']);
  });

  it('gives a listener that sets the store the newest state afterwards', () => {
    const store = createStore({ n: 0, doubled: 0 });
    store.subscribe((state) => {
      if (state.doubled !== state.n * 2) store.set({ doubled: state.n * 2 });
    });
    store.set({ n: 3 });
    expect(store.get()).toEqual({ n: 3, doubled: 6 });
  });
});

describe('createViewerStore', () => {
  it('starts with nothing loaded, selected or running, and the basemap given', () => {
    const state = createViewerStore('https://example.org/style.json').get();
    expect(state).toMatchObject({
      results: undefined,
      layers: [],
      view: undefined,
      selected: undefined,
      hovered: undefined,
      shownZones: undefined,
      weights: undefined,
      busy: false,
      basemapUrl: 'https://example.org/style.json',
    });
    expect(state.cells.index.size).toBe(0);
    expect(state.cells.at(0, 0)).toBe(-1);
  });
});
