/**
 * The library's limits on its inputs: each bounds the work one call can be
 * made to do, so that no input — a typo'd `--k 1e9`, a pasted file as a place
 * name, a generated network far beyond the region — hangs the process.
 */

/** At most this many routes for `alternatives`, `disjointRoutes` and `resilientRoute` (`k`): each costs at least one search. */
export const MAX_K = 100;

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

// The limit on names, and the error for every limit, sit with the place index that enforces them (places is below model).
export { InputLimitError, MAX_NAME_LENGTH } from '../places/name-limit.js';
