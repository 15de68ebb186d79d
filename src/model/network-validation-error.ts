import type { ErrorCode } from '../errors/error-codes.js';
import { DataError } from '../errors/steppenet-error.js';

/** One thing wrong with a network file: which feature, which field, what. */
export interface ValidationProblem {
  /** The feature's id, or `#<index>` when it has none, or `(collection)`. */
  feature: string;
  field: string;
  message: string;
}

/** Thrown by the loader with every problem found, never just the first. */
export class NetworkValidationError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_NETWORK';
  constructor(
    readonly problems: ValidationProblem[],
    readonly source = 'network',
  ) {
    super(
      `invalid network (${source}): ${problems.length} problem${problems.length === 1 ? '' : 's'}\n` +
        problems.map((p) => `  - ${p.feature} ${p.field}: ${p.message}`).join('\n'),
    );
  }
}
