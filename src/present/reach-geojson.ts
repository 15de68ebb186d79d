import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { ReachResult } from '../analysis/reach.js';
import type { Network } from '../model/network.js';
import { round } from './number-format.js';

/**
 * A reach as an RFC 7946 FeatureCollection (WGS84 longitude, latitude; no
 * `crs` member): a Point per place reached, a LineString per piece of link
 * (cut where the time runs out), and with areas a Polygon or MultiPolygon
 * per band, each with `kind` (place, link, area) and `band` (the limit in
 * hours it is within). The origin, scenario and limits are foreign members
 * `reach` of the collection (RFC 7946 §6.1). Hours are rounded to 0.01 and
 * shares of a link to 0.0001 for map labels; coordinates to 6 decimals
 * (0.1 m), as RFC 7946 §11.2 suggests.
 */
export function reachToGeoJSON(network: Network, result: ReachResult): FeatureCollection & { reach: Record<string, unknown> } {
  const features: Feature[] = [];
  for (const a of [...(result.areas ?? [])].reverse()) {
    // Widest first, so a viewer draws the nearer bands on top.
    features.push(feature(a.geometry, { kind: 'area', band: a.band, accessKmh: result.access?.speedKmh, accessMaxHours: result.access?.maxHours }));
  }
  for (const l of result.links) {
    features.push(feature(l.geometry, {
      kind: 'link', link: l.link, mode: l.mode, band: l.band, fromHours: round(l.fromHours, 2), toHours: round(l.toHours, 2),
      fromFraction: round(l.fromFraction, 4), toFraction: round(l.toFraction, 4), whole: l.whole,
    }));
  }
  for (const p of result.places) {
    features.push(feature(network.place(p.place.id)!.geometry, { kind: 'place', id: p.place.id, name: p.place.name, country: p.place.country, hours: round(p.hours, 2), band: p.band }));
  }
  return {
    type: 'FeatureCollection',
    features,
    reach: { origin: result.origin, scenario: result.scenario, bands: result.bands, placesReached: result.places.length, placesUnreached: result.unreachedPlaces },
  };
}

function feature(geometry: Geometry, properties: Record<string, unknown>): Feature {
  return { type: 'Feature', geometry: roundGeometry(geometry), properties: Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== undefined)) };
}

const roundPosition = (p: Position): Position => p.map((c) => round(c, 6));

function roundGeometry(g: Geometry): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: roundPosition(g.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(roundPosition) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map(roundPosition)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(roundPosition))) };
    default:
      return g;
  }
}
