/**
 * Progress of long steps on stderr, so stdout carries only the summary. On a terminal a step's
 * line is rewritten in place; elsewhere (CI logs, pipes) each step prints one line when done.
 */
export interface Progress {
  /** Starts a step. */
  start(step: string): void;
  /** Updates the current step's detail (e.g. rows read), at most a few times a second. */
  update(detail: string): void;
  /** Ends the current step with a final detail. */
  done(detail: string): void;
}

/**
 * A progress reporter writing to a stream (stderr), or silent when `quiet`.
 *
 * @example
 * ```ts
 * const progress = createProgress(process.stderr, false);
 * progress.start('reading incidents'); progress.done('52,000 rows');
 * ```
 */
export function createProgress(stream: NodeJS.WriteStream, quiet: boolean): Progress {
  let step = '';
  let started = 0;
  let lastUpdate = 0;
  const interactive = stream.isTTY === true;
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  return {
    start(name) {
      step = name;
      started = performance.now();
      lastUpdate = 0;
      if (!quiet && interactive) stream.write(`  ${step} …`);
    },
    update(detail) {
      const now = performance.now();
      if (quiet || !interactive || now - lastUpdate < 200) return;
      lastUpdate = now;
      stream.write(`\r\x1b[K  ${step} … ${detail}`);
    },
    done(detail) {
      if (quiet) return;
      const line = `  ${step}: ${detail} (${seconds()} s)\n`;
      stream.write(interactive ? `\r\x1b[K${line}` : line);
    },
  };
}
