import { expect } from 'vitest';
import { HexreachError } from '../../src/errors.js';

/** The HexreachError that `run` throws; fails the test when it throws nothing or something else. */
export function thrownBy(run: () => unknown): HexreachError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HexreachError);
    return error as HexreachError;
  }
  return expect.unreachable('expected a HexreachError');
}

/** The code of the HexreachError `run` throws, `'not a HexreachError'`, or undefined when it does not throw. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof HexreachError ? error.code : 'not a HexreachError';
  }
  return undefined;
}
