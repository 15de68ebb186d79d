import { distance } from 'fastest-levenshtein';
import { normalizeName } from '../places/normalize-name.js';
import type { Network } from './network.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { InputError } from '../errors/steppenet-error.js';

/** A region name that is not in the network; `suggestions` are the nearest region names. */
export class UnknownRegionError extends InputError {
  static override readonly code: ErrorCode = 'UNKNOWN_NAME';
  constructor(
    readonly query: string,
    readonly suggestions: readonly string[],
  ) {
    super(`no region "${query}" in the network${suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''}`);
  }
}

/** The region names of the network's places, sorted. */
export function regionNames(network: Network): string[] {
  return [...new Set(network.places.flatMap((f) => (f.properties.region ? [f.properties.region] : [])))].sort();
}

/**
 * The network's spelling of a region name: exact, else ignoring case, script
 * and transliteration (normalizeName), else a close match when it is the only
 * one. Throws UnknownRegionError with the nearest names otherwise.
 */
export function resolveRegion(network: Network, query: string): string {
  if (typeof query !== 'string') throw new UnknownRegionError(String(JSON.stringify(query)), []);
  const names = regionNames(network);
  if (names.includes(query)) return query;
  const key = normalizeName(query);
  const same = names.filter((n) => normalizeName(n) === key);
  if (same.length === 1) return same[0];
  const ranked = names
    .map((n) => ({ n, d: distance(normalizeName(n), key) }))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n));
  const limit = Math.max(2, Math.floor(key.length / 3));
  const close = ranked.filter((r) => r.d <= limit);
  throw new UnknownRegionError(query, (close.length ? close : ranked).slice(0, 3).map((r) => r.n));
}
