// What the fuzz suite accepts as a "typed error": the one definition every
// fuzz test uses. For now: an instance of an error class the library exports
// (src/index.ts), never a bare Error, TypeError or RangeError (those mean an
// input reached code that did not expect it). When the error model's base
// class (src/errors/, SteppenetError) lands, this becomes `instanceof
// SteppenetError`, here and nowhere else.
import * as api from '../../src/index.js';

type ErrorClass = abstract new (...args: never[]) => Error;

const BARE: ReadonlySet<unknown> = new Set([Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError]);

/** Every error class the library exports (constructors whose prototype is an Error). */
export const LIBRARY_ERROR_CLASSES: readonly ErrorClass[] = (Object.values(api) as unknown[]).filter(
  (v): v is ErrorClass => typeof v === 'function' && v.prototype instanceof Error && !BARE.has(v),
);

export function isTypedError(e: unknown): e is Error {
  return e instanceof Error && !BARE.has(e.constructor) && LIBRARY_ERROR_CLASSES.some((type) => e instanceof type);
}

/**
 * Rethrows anything that is not a typed error, so that fast-check reports it
 * (with its stack) as the counterexample; returns the typed error otherwise.
 */
export function expectTypedError(e: unknown): Error {
  if (isTypedError(e)) return e;
  throw new Error(`not a typed error: ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e)}`, { cause: e });
}
