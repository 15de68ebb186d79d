/** A place as the index holds it, and one match of a query: what the index and its UnknownPlaceError share. */

export interface PlaceEntry {
  id: string;
  name: string;
  aliases: readonly string[];
  kind: string;
  country: string;
  region?: string;
}

export interface PlaceMatch {
  place: PlaceEntry;
  /** The id, name or alias that matched, as written in the place list. */
  matched: string;
  how: 'id' | 'exact' | 'normalised' | 'fuzzy';
  /** Damerau (optimal string alignment) distance between the comparison keys; 0 for non-fuzzy matches. */
  distance: number;
}
