import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FrameSource, nextFrameFinished } from '../../src/map/nextFrameFinished.js';

const SIGNALED = 0x9119;
const UNSIGNALED = 0x9118;

/** A map whose 'idle' is fired by hand, on a WebGL 2 context whose GPU finishes after `looks` looks. */
function fakeMap(looks: number, { webgl2 = true } = {}) {
  const calls: string[] = [];
  let idle: (() => void) | undefined;
  let left = looks;
  const gl = {
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    SYNC_STATUS: 0x9114,
    SIGNALED,
    fenceSync: () => {
      calls.push('fence');
      return { fence: true };
    },
    flush: () => calls.push('flush'),
    isContextLost: () => false,
    getSyncParameter: () => {
      calls.push('look');
      return left-- > 0 ? UNSIGNALED : SIGNALED;
    },
    deleteSync: () => calls.push('delete'),
  };
  const map: FrameSource = {
    once: (_type, listener) => {
      idle = listener;
    },
    getCanvas: () => ({ getContext: () => (webgl2 ? gl : null) }) as unknown as HTMLCanvasElement,
  };
  return { map, calls, fireIdle: () => idle?.() };
}

describe('nextFrameFinished', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for idle, then for the fence after the frame to be signalled, and deletes it', async () => {
    const { map, calls, fireIdle } = fakeMap(3);
    let done = false;
    const finished = nextFrameFinished(map).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(false);
    expect(calls).toEqual([]);
    fireIdle();
    expect(calls).toEqual(['fence', 'flush']);
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    await finished;
    expect(calls).toEqual(['fence', 'flush', 'look', 'look', 'look', 'look', 'delete']);
  });

  it('resolves at idle without a WebGL 2 context', async () => {
    const { map, fireIdle } = fakeMap(5, { webgl2: false });
    const finished = nextFrameFinished(map);
    fireIdle();
    await expect(finished).resolves.toBeTypeOf('number');
  });
});
