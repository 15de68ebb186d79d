/**
 * `avoid` checked and resolved before a query compiles, so that nothing in it
 * is ignored silently: place names resolve like everywhere else (an unknown
 * name is an UnknownPlaceError with suggestions), country codes are
 * case-insensitive ("kz" = KZ), and an unknown link, checkpoint or country is
 * an AvoidError naming the value and the closest known ones.
 */
import { distance } from 'fastest-levenshtein';
import type { Network } from '../model/network.js';
import { alpha2OfName, isAlpha2 } from '../model/iso-countries.js';
import type { Mode } from '../model/types.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { InputError } from '../errors/steppenet-error.js';

/** What a route must stay away from. */
export interface Avoid {
  links?: readonly string[];
  places?: readonly string[];
  /** Checkpoint ids (e.g. "mashtakovo-syrym") or the ids of the links that carry them. */
  checkpoints?: readonly string[];
  /** ISO alpha-2: no place in, and no link through, these countries. */
  countries?: readonly string[];
  modes?: readonly Mode[];
}

/** A value of `avoid` that names nothing in the network. */
export class AvoidError extends InputError {
  static override readonly code: ErrorCode = 'UNKNOWN_NAME';
  constructor(
    readonly field: 'links' | 'places' | 'checkpoints' | 'countries',
    readonly value: unknown,
    readonly suggestions: readonly string[],
    detail: string,
  ) {
    super(`compileNetwork: options.avoid.${field}: ${detail}${suggestions.length ? ` (did you mean ${suggestions.join(', ')}?)` : ''}`);
  }
}

const resolved = new WeakSet<Avoid>();

/** `avoid` with every place as an id and every country as an upper-case ISO alpha-2 code; throws on anything unknown. */
export function resolveAvoid(network: Network, avoid: Avoid | undefined): Avoid | undefined {
  if (avoid === undefined || resolved.has(avoid)) return avoid;
  const out: Avoid = { ...avoid };
  const list = (field: keyof Avoid): string[] | undefined => {
    const value = avoid[field];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw new AvoidError(field as AvoidError['field'], value, [], `must be an array of strings, got ${JSON.stringify(value)}`);
    }
    return value as string[];
  };
  const links = list('links');
  if (links) {
    for (const id of links) {
      if (!network.link(id)) throw new AvoidError('links', id, closest(id, network.links.map((l) => l.properties.id)), `no link with id "${id}"`);
    }
  }
  const places = list('places');
  if (places) out.places = places.map((q) => network.place(q)?.properties.id ?? network.resolvePlace(q).properties.id);
  const checkpoints = list('checkpoints');
  if (checkpoints) {
    const known = new Set<string>();
    for (const l of network.checkpoints()) {
      known.add(l.properties.checkpoint.id);
      known.add(l.properties.id);
    }
    for (const id of checkpoints) {
      if (!known.has(id)) throw new AvoidError('checkpoints', id, closest(id, [...known]), `no checkpoint (or link carrying one) with id "${id}"`);
    }
  }
  const codes = list('countries');
  if (codes) out.countries = codes.map((c) => countryCode(network, c));
  resolved.add(out);
  return out;
}

/** An ISO alpha-2 code in any case, of a country of the network or any valid one; else an AvoidError suggesting codes. */
export function countryCode(network: Network, value: string): string {
  const upper = value.trim().toUpperCase();
  const inNetwork = networkCountries(network);
  if (/^[A-Z]{2}$/.test(upper) && (inNetwork.has(upper) || isAlpha2(upper))) return upper;
  const byName = alpha2OfName(value.trim());
  const suggestions = byName ? [byName] : closest(upper, [...inNetwork]);
  return fail(value, suggestions);
}

function fail(value: string, suggestions: string[]): never {
  throw new AvoidError('countries', value, suggestions, `"${value}" is not an ISO 3166 two-letter country code`);
}

const countriesOf = new WeakMap<Network, Set<string>>();
function networkCountries(network: Network): Set<string> {
  let set = countriesOf.get(network);
  if (!set) {
    set = new Set(network.places.map((p) => p.properties.country));
    for (const l of network.links) for (const c of l.properties.countries ?? []) set.add(c);
    countriesOf.set(network, set);
  }
  return set;
}

function closest(value: string, known: readonly string[]): string[] {
  const v = value.toLowerCase().slice(0, 200);
  return [...new Set(known)]
    .map((k) => ({ k, d: distance(v, k.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(2, v.length / 3))
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1))
    .slice(0, 3)
    .map((x) => x.k);
}
