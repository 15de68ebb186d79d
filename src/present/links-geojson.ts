import type { MultiLineString } from 'geojson';
import type { Network } from '../model/network.js';

/** The links' geometries as one MultiLineString, in the order given (for a link list without travel direction, e.g. a scenario's route). */
export function linksGeometry(network: Network, links: readonly string[]): MultiLineString {
  return { type: 'MultiLineString', coordinates: links.map((id) => network.link(id)!.geometry.coordinates) };
}

/** A number for a GeoJSON property: JSON has no Infinity (it would print null), so no route is null and the reason says why. */
export const finite = (n: number | null | undefined): number | null => (n === null || n === undefined || !Number.isFinite(n) ? null : n);
