/**
 * Finds places by the names analysts type: an id, a name or alias as written,
 * the same in another case or spelling (see `normalizeName`), or, for
 * suggestions only, a near miss.
 *
 * Match levels, best first:
 *   id          the exact id                         "st-ozinki"
 *   exact       a name or alias as written, then     "Oskemen", "oskemen"
 *               the same ignoring case
 *   normalised  equal comparison keys                "Өскемен" = "Оскемен" = "Öskemen"
 *   fuzzy       Damerau distance between keys (edits "Petropavlosk" ~ "Petropavlovsk"
 *               and swaps of two neighbours: "Omks" ~ "Omsk")
 *               ≤ max(1, ⌊query key length / 4⌋);
 *               or the query begins a word of the    "Kamenogorsk" ~ "Ust-Kamenogorsk"
 *               name (≥ 3 letters), or the name
 *               begins a word of the query (≥ 4)     "Ozinki station" ~ "Ozinki"
 *
 * `resolve` accepts only the first three levels: a near miss is often another
 * real place (Orsk and Omsk are one letter apart), so it is offered as a
 * suggestion in the error, never taken silently. `search` returns every level.
 */
import { InputLimitError, MAX_NAME_LENGTH } from './name-limit.js';
import { normalizeName } from './normalize-name.js';
import { PLACE_KINDS } from './place-kinds.js';
import type { PlaceEntry, PlaceMatch } from './place-match.js';
import { UnknownPlaceError } from './unknown-place-error.js';
import { InputError } from '../errors/steppenet-error.js';

export type { PlaceEntry, PlaceMatch } from './place-match.js';

/** Kinds in order of preference; kinds not listed rank after all of these. */
export const PLACE_KIND_PREFERENCE: readonly string[] = ['city', 'hub', 'port', 'station', 'junction', 'checkpoint', 'lock'];

/**
 * Kinds that stand for a whole settlement. When a name is shared, one place of
 * such a kind wins over facilities of lower kinds (the town Aksu over the
 * station Aksu). Between facilities (a station and a checkpoint both called
 * Ozinki) nothing says which one the analyst means, so that stays ambiguous.
 */
const SETTLEMENT_KINDS: ReadonlySet<string> = new Set(['city', 'hub']);

/** Bad input to the PlaceIndex constructor or bad options to a query. */
export class PlaceIndexError extends InputError {}

/** How far a fuzzy match may be from a query key of this length. */
export function fuzzyThreshold(keyLength: number): number {
  return Math.max(1, Math.floor(keyLength / 4));
}

// Match levels, best first. `how` of each: see LEVEL_HOW.
const LEVEL_ID = 0;
const LEVEL_EXACT = 1;
const LEVEL_CASELESS = 2;
const LEVEL_NORMALISED = 3;
const LEVEL_FUZZY = 4;
const LEVEL_HOW: readonly PlaceMatch['how'][] = ['id', 'exact', 'exact', 'normalised', 'fuzzy'];

/**
 * Word-prefix matches need this much text, or every short key would match
 * ("ak" begins half the names of Kazakhstan).
 */
const MIN_QUERY_KEY_IN_NAME = 3;
const MIN_NAME_KEY_IN_QUERY = 4;

const DEFAULT_SEARCH_LIMIT = 10;
const SUGGESTION_LIMIT = 5;

function caseless(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

export class PlaceIndex {
  private readonly places: readonly PlaceEntry[];
  private readonly placeById = new Map<string, number>();
  private readonly kindRank: Uint8Array;
  /** Per place, an index into `kindCodes`' values; lets a query filter kinds without strings. */
  private readonly kindCode: Uint16Array;
  private readonly kindCodes = new Map<string, number>();

  // Searchable texts ("entries"): each place's name, aliases and id.
  private readonly entryText: string[] = [];
  private readonly entryKey: string[] = [];
  private readonly entryPlace: number[] = [];
  /** Keys of the text from each word on ("Ust-Kamenogorsk" → ustkamenogorsk, kamenogorsk): only the fuzzy scan of search() reads them, so they are made on its first call (a resolve by name needs none; start-up, issue 16). */
  private entryWordStarts?: WordStarts[];
  /** Entries whose (place, key) pair is new: the ones the fuzzy scan looks at. */
  private readonly fuzzyEntries: Int32Array;
  /** Text as written / lower-cased / comparison key → first entry of each place with it. */
  private readonly byExactText = new Map<string, number[]>();
  private readonly byCaselessText = new Map<string, number[]>();
  private readonly byKey = new Map<string, number[]>();

  // Per-query scratch, one slot per place, valid where stamp === generation.
  private generation = 0;
  private readonly stamp: Uint32Array;
  private readonly level: Uint8Array;
  private readonly bestDistance: Int32Array;
  private readonly bestEntry: Int32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly allowedKind: Uint8Array;

  constructor(places: readonly PlaceEntry[]) {
    this.places = places;
    const n = places.length;
    this.kindRank = new Uint8Array(n);
    this.kindCode = new Uint16Array(n);
    const fuzzy: number[] = [];
    for (let p = 0; p < n; p++) {
      const place = places[p]!;
      if (typeof place.id !== 'string' || place.id === '') {
        throw new PlaceIndexError(`PlaceIndex: place #${p} (${JSON.stringify(place.name)}) has no id`);
      }
      if (this.placeById.has(place.id)) {
        throw new PlaceIndexError(`PlaceIndex: duplicate place id "${place.id}" (places #${this.placeById.get(place.id)} and #${p})`);
      }
      if (!Array.isArray(place.aliases)) {
        throw new PlaceIndexError(`PlaceIndex: place "${place.id}" has no aliases array (give [] for none)`);
      }
      this.placeById.set(place.id, p);
      const rank = PLACE_KIND_PREFERENCE.indexOf(place.kind);
      this.kindRank[p] = rank < 0 ? PLACE_KIND_PREFERENCE.length : rank;
      if (!this.kindCodes.has(place.kind)) this.kindCodes.set(place.kind, this.kindCodes.size);
      this.kindCode[p] = this.kindCodes.get(place.kind)!;

      const keysOfPlace = new Set<string>();
      const texts = [place.name, ...place.aliases];
      for (let t = 0; t <= texts.length; t++) {
        const isId = t === texts.length;
        const text = isId ? place.id : texts[t]!;
        const key = normalizeName(text);
        if (key === '') {
          throw new PlaceIndexError(`PlaceIndex: place "${place.id}" has ${isId ? 'an id' : t === 0 ? 'a name' : 'an alias'} with no letters or digits: ${JSON.stringify(text)}`);
        }
        const e = this.entryText.length;
        this.entryText.push(text);
        this.entryKey.push(key);
        this.entryPlace.push(p);
        // The id is matched exactly at its own level; here only by key and fuzzily.
        if (!isId) {
          addFirstPerPlace(this.byExactText, text.normalize('NFC'), e, this.entryPlace);
          addFirstPerPlace(this.byCaselessText, caseless(text), e, this.entryPlace);
        }
        addFirstPerPlace(this.byKey, key, e, this.entryPlace);
        if (!keysOfPlace.has(key)) {
          keysOfPlace.add(key);
          fuzzy.push(e);
        }
      }
    }
    this.fuzzyEntries = Int32Array.from(fuzzy);
    this.stamp = new Uint32Array(n);
    this.level = new Uint8Array(n);
    this.bestDistance = new Int32Array(n);
    this.bestEntry = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.allowedKind = new Uint8Array(Math.max(1, this.kindCodes.size));
  }

  has(id: string): boolean {
    return this.placeById.has(id);
  }

  get(id: string): PlaceEntry | undefined {
    const p = this.placeById.get(id);
    return p === undefined ? undefined : this.places[p];
  }

  /**
   * The one place `query` names, by id, name or alias (exact, then ignoring
   * case, then by comparison key). Several places at the best level: one of a
   * settlement kind (city, hub) outranking all the others wins; otherwise an
   * `UnknownPlaceError` 'ambiguous' lists them by id. No match: an
   * `UnknownPlaceError` 'unknown' with up to 5 suggestions.
   */
  resolve(query: string, options: { kinds?: readonly string[] } = {}): PlaceEntry {
    checkQueryLength('resolve', query);
    this.beginQuery('resolve', options.kinds);
    this.markExactLevels(query);
    if (this.touchedCount === 0) {
      const suggestions = this.search(query, { limit: SUGGESTION_LIMIT, kinds: options.kinds });
      throw new UnknownPlaceError(query, 'unknown', suggestions, options.kinds);
    }
    let bestLevel = LEVEL_FUZZY;
    for (let i = 0; i < this.touchedCount; i++) bestLevel = Math.min(bestLevel, this.level[this.touched[i]!]!);
    const tied: number[] = [];
    for (let i = 0; i < this.touchedCount; i++) {
      if (this.level[this.touched[i]!] === bestLevel) tied.push(this.touched[i]!);
    }
    if (tied.length === 1) return this.places[tied[0]!]!;
    this.sortMatches(tied);
    const first = tied[0]!;
    if (SETTLEMENT_KINDS.has(this.places[first]!.kind) && this.kindRank[first]! < this.kindRank[tied[1]!]!) {
      return this.places[first]!;
    }
    throw new UnknownPlaceError(query, 'ambiguous', tied.map((p) => this.matchOf(p)), options.kinds);
  }

  /**
   * Every place `query` matches at any level, fuzzy included, one match per
   * place (its best), best first: by level, then distance, then kind
   * preference, then name. Throws only for a query over MAX_NAME_LENGTH
   * characters (InputLimitError), so the work of a query stays bounded.
   */
  search(query: string, options: { limit?: number; kinds?: readonly string[] } = {}): PlaceMatch[] {
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    if (!Number.isInteger(limit) || limit < 1) {
      throw new PlaceIndexError(`PlaceIndex.search: options.limit must be a positive integer, got ${limit}`);
    }
    checkQueryLength('search', query);
    this.beginQuery('search', options.kinds);
    this.markExactLevels(query);
    this.markFuzzy(normalizeName(query), wordStarts(query));
    const found = Array.from(this.touched.subarray(0, this.touchedCount));
    this.sortMatches(found);
    return found.slice(0, limit).map((p) => this.matchOf(p));
  }

  /** Starts a query: new generation, kind filter set up (and checked). */
  private beginQuery(method: string, kinds: readonly string[] | undefined): void {
    if (kinds !== undefined) {
      if (kinds.length === 0) {
        throw new PlaceIndexError(`PlaceIndex.${method}: options.kinds is empty, so no place could match; omit it to allow every kind`);
      }
      for (const kind of kinds) {
        if (!this.kindCodes.has(kind) && !(PLACE_KINDS as readonly string[]).includes(kind)) {
          const known = [...new Set([...PLACE_KINDS, ...this.kindCodes.keys()])].join(', ');
          throw new PlaceIndexError(`PlaceIndex.${method}: unknown kind "${kind}" in options.kinds (known: ${known})`);
        }
      }
    }
    this.allowedKind.fill(kinds === undefined ? 1 : 0);
    if (kinds !== undefined) {
      for (const kind of kinds) {
        const code = this.kindCodes.get(kind);
        if (code !== undefined) this.allowedKind[code] = 1;
      }
    }
    this.generation++;
    if (this.generation === 0xffffffff) {
      // Wrapped: old stamps could look current again.
      this.stamp.fill(0);
      this.generation = 1;
    }
    this.touchedCount = 0;
  }

  /** Marks the places matched by id, exact text, caseless text and comparison key. */
  private markExactLevels(query: string): void {
    const byId = this.placeById.get(query);
    if (byId !== undefined) this.mark(byId, LEVEL_ID, 0, -1);
    const text = query.normalize('NFC');
    for (const e of this.byExactText.get(text) ?? []) this.mark(this.entryPlace[e]!, LEVEL_EXACT, 0, e);
    for (const e of this.byCaselessText.get(caseless(text)) ?? []) this.mark(this.entryPlace[e]!, LEVEL_CASELESS, 0, e);
    const key = normalizeName(query);
    if (key === '') return;
    for (const e of this.byKey.get(key) ?? []) this.mark(this.entryPlace[e]!, LEVEL_NORMALISED, 0, e);
  }

  /** Scans all keys for near misses (a distance banded by the threshold) and word-prefix matches: O(total aliases × query length × key length) at most, linear in the query. */
  private markFuzzy(queryKey: string, queryWords: WordStarts): void {
    if (queryKey === '') return;
    const threshold = fuzzyThreshold(queryKey.length);
    const entryWordStarts = (this.entryWordStarts ??= this.entryText.map(wordStarts));
    for (let i = 0; i < this.fuzzyEntries.length; i++) {
      const e = this.fuzzyEntries[i]!;
      const p = this.entryPlace[e]!;
      if (this.stamp[p] === this.generation && this.level[p]! < LEVEL_FUZZY) continue;
      if (this.allowedKind[this.kindCode[p]!] === 0) continue;
      const key = this.entryKey[e]!;
      const wordPrefix =
        (queryKey.length >= MIN_QUERY_KEY_IN_NAME && someWordStartsWith(entryWordStarts[e]!, queryKey)) ||
        (key.length >= MIN_NAME_KEY_IN_QUERY && someWordStartsWith(queryWords, key));
      if (!wordPrefix && Math.abs(key.length - queryKey.length) > threshold) continue;
      const d = wordPrefix ? damerauDistance(queryKey, key) : damerauDistance(queryKey, key, threshold);
      if (wordPrefix || d <= threshold) this.mark(p, LEVEL_FUZZY, d, e);
    }
  }

  /** Records a match of place p unless it has an equal or better one already. */
  private mark(p: number, level: number, dist: number, entry: number): void {
    if (this.allowedKind[this.kindCode[p]!] === 0) return;
    if (this.stamp[p] !== this.generation) {
      this.stamp[p] = this.generation;
      this.touched[this.touchedCount++] = p;
    } else if (this.level[p]! < level || (this.level[p] === level && this.bestDistance[p]! <= dist)) {
      return;
    }
    this.level[p] = level;
    this.bestDistance[p] = dist;
    this.bestEntry[p] = entry;
  }

  private sortMatches(placeIndices: number[]): void {
    placeIndices.sort((a, b) => {
      const byLevel = this.level[a]! - this.level[b]!;
      if (byLevel !== 0) return byLevel;
      const byDistance = this.bestDistance[a]! - this.bestDistance[b]!;
      if (byDistance !== 0) return byDistance;
      const byKind = this.kindRank[a]! - this.kindRank[b]!;
      if (byKind !== 0) return byKind;
      const pa = this.places[a]!;
      const pb = this.places[b]!;
      if (pa.name !== pb.name) return pa.name < pb.name ? -1 : 1;
      return pa.id < pb.id ? -1 : pa.id > pb.id ? 1 : 0;
    });
  }

  private matchOf(p: number): PlaceMatch {
    const place = this.places[p]!;
    const level = this.level[p]!;
    const entry = this.bestEntry[p]!;
    return {
      place,
      matched: level === LEVEL_ID ? place.id : this.entryText[entry]!,
      how: LEVEL_HOW[level]!,
      distance: this.bestDistance[p]!,
    };
  }
}

function checkQueryLength(method: string, query: string): void {
  if (typeof query !== 'string') throw new PlaceIndexError(`PlaceIndex.${method}: the query must be a string, got ${typeof query}`);
  if (query.length > MAX_NAME_LENGTH) {
    throw new InputLimitError(`PlaceIndex.${method}: query`, 'MAX_NAME_LENGTH', MAX_NAME_LENGTH, `is ${query.length} characters long`);
  }
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and
 * swaps of two neighbouring letters, each 1 ("omks" → "omsk" is 1, where
 * Levenshtein counts 2). With `bound`, any value above it may come back as
 * bound + 1 (the rows stop once every cell exceeds it).
 */
export function damerauDistance(a: string, b: string, bound = Infinity): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > bound) return bound + 1;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let row = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2]! + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return bound + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[m]!;
}

/**
 * The key of `text` and where each of its words starts in it, so that "a word
 * of the name begins with the query" is a startsWith at those offsets:
 * "Ust-Kamenogorsk" → key "ustkamenogorsk", starts [0, 3]. The key is the
 * words' keys joined: the name's own key, except where normalizeName merges
 * letters across a word boundary ("Kartaly I": kartalii here, kartali there;
 * tests/place-index.test.ts lists the bundled network's three). Linear in the
 * text: no suffix string is built.
 */
export interface WordStarts {
  readonly key: string;
  readonly starts: readonly number[];
}

export function wordStarts(text: string): WordStarts {
  let key = '';
  const starts: number[] = [];
  for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
    const wordKey = word === '' ? '' : normalizeName(word);
    if (wordKey === '') continue;
    starts.push(key.length);
    key += wordKey;
  }
  return { key, starts };
}

function someWordStartsWith(words: WordStarts, prefix: string): boolean {
  for (const start of words.starts) if (words.key.startsWith(prefix, start)) return true;
  return false;
}

/** Adds entry e under text unless an entry of the same place is there already. */
function addFirstPerPlace(map: Map<string, number[]>, text: string, e: number, entryPlace: readonly number[]): void {
  const list = map.get(text);
  if (list === undefined) {
    map.set(text, [e]);
  } else if (!list.some((other) => entryPlace[other] === entryPlace[e])) {
    list.push(e);
  }
}
