import type { ErrorCode } from './error-codes.js';
import { DataError, InputError, SteppenetError } from './steppenet-error.js';

/** What an HTTP response says about a failed request. */
export interface HttpError {
  status: 400 | 422 | 500;
  code: ErrorCode;
  /** The error's own message for the caller's and the data's errors; for a 500 only "internal error", so no path or internal state leaks. */
  message: string;
}

/**
 * The response for an error a request raised: 400 for an InputError, 422
 * for a DataError, 500 for anything else (a SystemError, a bug). By category
 * only, like the CLI's exit codes.
 */
export function httpError(error: unknown): HttpError {
  if (error instanceof InputError) return { status: 400, code: error.code, message: error.message };
  if (error instanceof DataError) return { status: 422, code: error.code, message: error.message };
  return { status: 500, code: error instanceof SteppenetError ? error.code : 'INTERNAL', message: 'internal error' };
}
