/** What {@link nextFrameFinished} needs of a MapLibre map. */
export interface FrameSource {
  once(type: 'idle', listener: () => void): unknown;
  getCanvas(): HTMLCanvasElement;
}

/** How often the fence is looked at, in ms (browsers wait at least 4 ms after a few nested timeouts). */
const POLL_MS = 1;

/**
 * Resolves once the GPU has finished drawing the map's next frame. MapLibre's `idle` comes once
 * the frame's WebGL calls are issued; with software WebGL (SwiftShader) the GPU process draws it
 * tens of milliseconds later. A WebGL 2 fence placed after the frame is looked at every
 * millisecond or so until it is signalled: unlike a `readPixels`, which also waits for the GPU,
 * this leaves the page's main thread free meanwhile (to handle the worker's next message, say).
 * Without a WebGL 2 context it resolves at `idle`.
 *
 * @param map - the map (after `triggerRepaint`, or a change that redraws it)
 * @returns resolves with the time (`performance.now()`) the frame was seen finished
 * @example
 * ```ts
 * layer.setColors(colors);
 * const finished = await nextFrameFinished(map); // the new colours are on the screen
 * ```
 */
export function nextFrameFinished(map: FrameSource): Promise<number> {
  return new Promise((resolve) => {
    map.once('idle', () => {
      const gl = map.getCanvas().getContext('webgl2');
      const fence = gl?.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0) ?? null;
      if (gl == null || fence === null) {
        resolve(performance.now());
        return;
      }
      // Without a flush the fence may sit in the command buffer until something else flushes it.
      gl.flush();
      const look = () => {
        if (gl.isContextLost() || gl.getSyncParameter(fence, gl.SYNC_STATUS) === gl.SIGNALED) {
          gl.deleteSync(fence);
          resolve(performance.now());
        } else {
          setTimeout(look, POLL_MS);
        }
      };
      setTimeout(look, 0);
    });
  });
}
