/**
 * A shared test fixture made on first use: the first call computes it, later calls get the same
 * promise. Unlike a `beforeAll` hook, a failure fails each test that asks for the fixture, with
 * the error, instead of marking the tests "skipped".
 *
 * @example
 * ```ts
 * const demo = once(async () => analyze(await readDemoInputs(config), config));
 * it('finds zones', async () => expect((await demo()).zones.length).toBeGreaterThan(0));
 * ```
 */
export function once<T>(make: () => T | Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= Promise.resolve().then(make);
    return made;
  };
}
