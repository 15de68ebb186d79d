/** The library's limit on names, and the error every limit on inputs throws (the other limits: model/limits.ts). */

import type { ErrorCode } from '../errors/error-codes.js';
import { InputError } from '../errors/steppenet-error.js';

/**
 * At most this many characters in a place name or alias of a network, and in
 * a place query (`resolvePlace`, `PlaceIndex.resolve`/`search`, every name a
 * command takes). The longest real name of the region is under 60 characters.
 */
export const MAX_NAME_LENGTH = 200;

/** A query or argument beyond one of the library's input limits (MAX_NAME_LENGTH here, the others in model/limits.ts); `limit` names it and `max` is its value. */
export class InputLimitError extends InputError {
  static override readonly code: ErrorCode = 'LIMIT_EXCEEDED';
  constructor(
    readonly argument: string,
    readonly limit: 'MAX_K' | 'MAX_NAME_LENGTH' | 'MAX_NETWORK_FEATURES',
    readonly max: number,
    detail: string,
  ) {
    super(`${argument} ${detail}; the limit is ${max} (${limit})`);
  }
}
