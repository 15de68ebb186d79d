import type { PlaceMatch } from '../places/place-index.js';
import { formatTable } from './table.js';

/** The places a query matched, best first, with the name that matched and how. */
export function renderPlaceMatches(query: string, matches: readonly PlaceMatch[]): string {
  if (matches.length === 0) return `No place matches "${query}".`;
  return formatTable(
    ['id', 'name', 'kind', 'country', 'region', 'matched'],
    matches.map((m) => [m.place.id, m.place.name, m.place.kind, m.place.country, m.place.region, m.how === 'id' ? 'id' : `${m.matched} (${m.how})`]),
  );
}
