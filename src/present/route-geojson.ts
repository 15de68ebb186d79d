import type { Feature, FeatureCollection, Geometry, LineString, Point, Position } from 'geojson';
import type { Network } from '../model/network.js';
import type { HoursBreakdown, RouteResult } from '../routing/route-result.js';
import { round } from './number-format.js';

/**
 * A route as GeoJSON: one LineString per leg (link geometries joined in travel
 * order) with the leg's figures as properties, and a Point per transfer and
 * border crossing. Opens in any GeoJSON viewer. The route's totals, with its
 * hours split (driving, rest, waiting, transfer, running), are a foreign
 * member `totals` of the collection (RFC 7946 §6.1). Figures are rounded to
 * 0.01 for map labels.
 */
export function routeToGeoJSON(network: Network, result: RouteResult): FeatureCollection<LineString | Point> & { totals?: Record<string, unknown> } {
  const features: Feature<LineString | Point>[] = [];
  if (!result.found) return { type: 'FeatureCollection', features };
  const t = result.totals;
  result.legs.forEach((leg, index) => {
    const coordinates: Position[] = [];
    let at = leg.from.id;
    for (const id of leg.links) {
      const link = network.link(id)!;
      const forward = link.properties.from === at;
      const line = forward ? link.geometry.coordinates : [...link.geometry.coordinates].reverse();
      // A loop, not push(...line): a long line's points as arguments would overflow the stack.
      for (let i = coordinates.length ? 1 : 0; i < line.length; i++) coordinates.push(line[i]);
      at = forward ? link.properties.to : link.properties.from;
    }
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates },
      properties: {
        kind: 'leg', leg: index + 1, mode: leg.mode, from: leg.from.name, to: leg.to.name, name: leg.name,
        km: round2(leg.km), hours: round2(leg.hours), cost: round2(leg.cost), hoursBreakdown: roundBreakdown(leg.hoursBreakdown),
        ...(leg.season ? { season: leg.season } : {}), links: leg.links,
        route: `${result.from.name} – ${result.to.name}`, by: result.by, scenario: result.scenario, ...(result.freight ? { freight: result.freight } : {}),
      },
    });
  });
  const point = (placeId: string, properties: Record<string, unknown>): Feature<Point> => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: network.place(placeId)!.geometry.coordinates },
    properties,
  });
  for (const t of result.transfers) {
    features.push(point(t.place.id, { kind: 'transfer', place: t.place.name, from: t.fromMode, to: t.toMode, hours: t.hours, cost: t.cost }));
  }
  for (const c of result.crossings) {
    const link = network.link(c.link)!.properties;
    const at = network.place(link.from)!.properties.country === c.from ? link.from : link.to;
    features.push(point(at, { kind: 'crossing', checkpoint: c.name, from: c.from, to: c.to, waitHours: c.waitHours, mode: c.mode, regime: c.regime }));
  }
  return {
    type: 'FeatureCollection', features,
    totals: { km: round2(t.km), hours: round2(t.hours), cost: round2(t.cost), hoursBreakdown: roundBreakdown(t.hoursBreakdown), ...(result.month ? { month: result.month } : {}) },
  };
}

const round2 = (n: number) => round(n, 2);

const roundBreakdown = (b: HoursBreakdown): HoursBreakdown => ({
  driving: round2(b.driving), rest: round2(b.rest), waiting: round2(b.waiting), transfer: round2(b.transfer), running: round2(b.running),
});

/** Several routes in one FeatureCollection; every feature carries `extra(i)` (e.g. { alternative: i + 1 }). */
export function routesToGeoJSON(network: Network, routes: readonly RouteResult[], extra: (i: number) => Record<string, unknown>): FeatureCollection {
  const features: Feature<Geometry>[] = [];
  routes.forEach((r, i) => {
    for (const f of routeToGeoJSON(network, r).features) features.push({ ...f, properties: { ...extra(i), ...f.properties } });
  });
  return { type: 'FeatureCollection', features };
}
