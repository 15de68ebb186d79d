/**
 * The library's limits on its inputs: each bounds the work one call can be
 * made to do, so that no input — a typo'd `--k 1e9`, a pasted file as a place
 * name, a generated network far beyond the region — hangs the process.
 */

import type { ErrorCode } from '../errors/error-codes.js';
import { InputError } from '../errors/steppenet-error.js';

/** At most this many routes for `alternatives`, `disjointRoutes` and `resilientRoute` (`k`): each costs at least one search. */
export const MAX_K = 100;

/**
 * At most this many characters in a place name or alias of a network, and in
 * a place query (`resolvePlace`, `PlaceIndex.resolve`/`search`, every name a
 * command takes). The longest real name of the region is under 60 characters.
 */
export const MAX_NAME_LENGTH = 200;

/**
 * At most this many features (places + links) in a network. Loading builds a
 * graphology graph, a place index and, per query, compiled CSR arrays; the
 * bundled network has under 700 features. Larger networks are refused with a
 * NetworkValidationError saying so rather than risking minutes of work and
 * gigabytes of memory; the routing core itself (`buildRoutingGraph`,
 * `fromGraphology`) has no such limit.
 */
export const MAX_NETWORK_FEATURES = 100_000;

/** At most this many bytes in a network file: checked before it is read (100,000 features take about 60 MB). */
export const MAX_NETWORK_FILE_BYTES = 200_000_000;

/** A query or argument beyond one of the limits above; `limit` names it and `max` is its value. */
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
