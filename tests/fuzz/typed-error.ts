// What the fuzz suite accepts as a "typed error": the one definition every
// fuzz test uses. An error of the library's error model (src/errors/) that is
// the caller's or the data's (InputError, DataError) or the machine's
// (SystemError); never an InternalError (a broken invariant) and never a bare
// Error, TypeError or RangeError (an input reached code that did not expect it).
import { InternalError, SteppenetError } from '../../src/errors/index.js';

export function isTypedError(e: unknown): e is SteppenetError {
  return e instanceof SteppenetError && !(e instanceof InternalError);
}

/**
 * Rethrows anything that is not a typed error, so that fast-check reports it
 * (with its stack) as the counterexample; returns the typed error otherwise.
 */
export function expectTypedError(e: unknown): Error {
  if (isTypedError(e)) return e;
  throw new Error(`not a typed error: ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e)}`, { cause: e });
}
