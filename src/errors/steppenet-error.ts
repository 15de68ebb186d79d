/**
 * The error model. Every error steppenet throws on purpose is a
 * SteppenetError of one of four categories, and callers map the category,
 * never a list of class names:
 *
 * | category      | whose fault                                   | CLI exit              | HTTP |
 * |---------------|-----------------------------------------------|-----------------------|------|
 * | InputError    | the caller's: an argument, option or name     | 2, with the usage     | 400  |
 * | DataError     | the data's: a network, scenario or other file | 1                     | 422  |
 * | SystemError   | the machine's: a full disk, an I/O error      | 1                     | 500  |
 * | InternalError | the program's: a bug (so is any other error)  | 1, stack with --debug | 500  |
 *
 * An output path is the caller's input: one that can never take the files
 * (an existing file where a folder is wanted, no write permission) is an
 * InputError; an output that fails part-way (a full disk) is a SystemError.
 *
 * Each class has a stable machine-readable `code` (see ERROR_CODES), set once
 * on the class (`static readonly code`) and copied onto every instance;
 * classes that do not set one share their parent's. Messages name the
 * function and the argument (`compareCorridors: to is the origin itself`)
 * or, for data, the feature id and field.
 */
import type { ErrorCode } from './error-codes.js';

/** The class side of a SteppenetError: its code. */
interface ErrorClass {
  readonly code: ErrorCode;
}

export abstract class SteppenetError extends Error {
  /** Stable and machine-readable: what went wrong (see ERROR_CODES). */
  readonly code: ErrorCode;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = (new.target as unknown as ErrorClass).code;
  }
}

/** The caller's argument, option or name is wrong: an unknown place, a value out of range, a value over a limit. */
export class InputError extends SteppenetError {
  static readonly code: ErrorCode = 'INVALID_ARGUMENT';
}

/** A network, scenario or other file (or graph) is invalid, or the data cannot answer: every problem with its feature id and field. */
export class DataError extends SteppenetError {
  static readonly code: ErrorCode = 'INSUFFICIENT_DATA';
}

/** The machine failed while the input and the program were right: a full disk, an I/O error. */
export class SystemError extends SteppenetError {
  static readonly code: ErrorCode = 'WRITE_FAILED';
}

/** A bug: an invariant that failed, or a query object used the wrong way. The stack trace is what helps. */
export class InternalError extends SteppenetError {
  static readonly code: ErrorCode = 'INTERNAL';
}
