import type { ReachResult } from '../analysis/reach.js';
import { formatCsv } from './csv.js';

/** One line per place reached, nearest first: its time from the origin and the smallest limit it is within, in hours. */
export function reachPlacesCsv(result: ReachResult): string {
  return formatCsv(
    ['origin_id', 'place_id', 'place', 'country', 'time_hours', 'band_hours'],
    result.places.map((p) => [result.origin.id, p.place.id, p.place.name, p.place.country, p.hours, p.band]),
  );
}
