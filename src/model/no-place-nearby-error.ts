import type { ErrorCode } from '../errors/error-codes.js';
import { InputError } from '../errors/steppenet-error.js';

/** A place given as coordinates with no place that serves the modes within the snapping limit. */
export class NoPlaceNearbyError extends InputError {
  static override readonly code: ErrorCode = 'NO_PLACE_NEARBY';
  constructor(readonly query: string, detail: string) {
    super(`"${query}": ${detail}`);
  }
}
