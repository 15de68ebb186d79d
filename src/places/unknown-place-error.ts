/**
 * The error `PlaceIndex.resolve` throws when a name names no place, or names
 * several places and nothing decides between them. Its message is written
 * for the analyst who typed the name: what went wrong and what to type next.
 */
import { normalizeName } from './normalize-name.js';
import type { PlaceEntry, PlaceMatch } from './place-match.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { InputError } from '../errors/steppenet-error.js';

/** "city, KZ, North Kazakhstan Region". */
function placeFacts(place: PlaceEntry): string {
  const facts = [place.kind, place.country];
  if (place.region !== undefined && place.region !== '') facts.push(place.region);
  return facts.join(', ');
}

/** "Petropavlovsk (city, KZ, North Kazakhstan Region)". */
export function describePlace(place: PlaceEntry): string {
  return `${place.name} (${placeFacts(place)})`;
}

/**
 * A suggestion: the place, plus the alias it was found by when that is not
 * its name, plus its id when another suggestion has the same name (typing
 * that name would only be ambiguous).
 */
function describeSuggestion(match: PlaceMatch, sameNameTwice: boolean): string {
  const id = sameNameTwice ? ` [${match.place.id}]` : '';
  const via = match.matched === match.place.name ? '' : `via "${match.matched}"; `;
  return `${match.place.name}${id} (${via}${placeFacts(match.place)})`;
}

function describeSuggestions(suggestions: readonly PlaceMatch[]): string {
  const nameCount = new Map<string, number>();
  for (const m of suggestions) nameCount.set(m.place.name, (nameCount.get(m.place.name) ?? 0) + 1);
  return suggestions.map((m) => describeSuggestion(m, nameCount.get(m.place.name)! > 1)).join(', ');
}

function kindsNote(kinds: readonly string[] | undefined): string {
  return kinds === undefined ? '' : ` among places of kind ${kinds.join(', ')}`;
}

function unknownMessage(query: string, suggestions: readonly PlaceMatch[], kinds: readonly string[] | undefined): string {
  const head = `Unknown place "${query}"${kindsNote(kinds)}.`;
  const listHint = 'List places by part of their name with `steppenet places <query>`.';
  if (normalizeName(query) === '') return `${head} The name has no letters or digits. ${listHint}`;
  if (suggestions.length === 0) return `${head} No place has a similar name. ${listHint}`;
  return `${head} Did you mean: ${describeSuggestions(suggestions)}?`;
}

function ambiguousMessage(query: string, candidates: readonly PlaceMatch[], kinds: readonly string[] | undefined): string {
  const listed = candidates.map((m) => `${m.place.id} = ${describePlace(m.place)}`).join(', ');
  return `"${query}" is ambiguous${kindsNote(kinds)}: ${listed}. Type the id to choose one.`;
}

export class UnknownPlaceError extends InputError {
  static override readonly code: ErrorCode = 'UNKNOWN_PLACE';

  /**
   * @param query what the user typed
   * @param reason 'unknown': nothing matched, `suggestions` are the closest names
   *   (possibly none); 'ambiguous': `suggestions` are the tied candidates
   * @param kinds the kind filter the query ran with, if any (named in the message)
   */
  constructor(
    readonly query: string,
    readonly reason: 'unknown' | 'ambiguous',
    readonly suggestions: PlaceMatch[],
    kinds?: readonly string[],
  ) {
    super(reason === 'unknown' ? unknownMessage(query, suggestions, kinds) : ambiguousMessage(query, suggestions, kinds));
  }
}
