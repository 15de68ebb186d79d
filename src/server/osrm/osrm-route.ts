/**
 * A steppenet RouteResult in OSRM's Route shape: one RouteLeg per pair of
 * waypoints, metres and seconds, and on request the geometry, steps (one per
 * mode leg and per change of mode) and per-segment annotations.
 */
import { DEGREES_TO_RADIANS, greatCircleKm } from '../../core/geodesic.js';
import type { Network } from '../../model/network.js';
import type { RouteLeg, RouteResult, RouteTransfer } from '../../routing/route-result.js';
import { encodePolyline, type LonLat } from './polyline.js';
import type { OsrmRoute, ROUTE_ANNOTATIONS, GEOMETRIES, OVERVIEWS } from './schemas.js';

export interface RouteShape {
  steps: boolean;
  geometries: (typeof GEOMETRIES)[number];
  overview: (typeof OVERVIEWS)[number];
  annotations: readonly (typeof ROUTE_ANNOTATIONS)[number][];
}

/** A mode leg with its line, or a change of mode at a place: what an OSRM step is made of. */
type Part = { kind: 'leg'; leg: RouteLeg; line: LonLat[] } | { kind: 'transfer'; transfer: RouteTransfer; at: LonLat };

export function toOsrmRoute(network: Network, route: RouteResult, stops: readonly string[], shape: RouteShape): OsrmRoute {
  const legs = splitAtStops(partsOf(network, route), stops).map((parts) => osrmLeg(parts, shape));
  const joined = joinLines(legs.map((l) => l.line));
  // A route that never leaves its place (all coordinates snapped to one) is that point.
  const line = joined.length ? joined : joinLines([[network.place(stops[0])!.geometry.coordinates as LonLat]]);
  const duration = round(route.totals.hours * 3600);
  return {
    distance: round(route.totals.km * 1000),
    duration,
    // The profiles route by time and `hours` is the exact figure, so the weight is the duration.
    weight: duration,
    weight_name: 'duration',
    ...(shape.overview !== 'false' ? { geometry: geometry(line, shape.geometries) } : {}),
    legs: legs.map((l) => l.leg),
  };
}

function partsOf(network: Network, route: RouteResult): Part[] {
  const parts: Part[] = [];
  let t = 0;
  for (const leg of route.legs) {
    parts.push({ kind: 'leg', leg, line: legLine(network, leg) });
    // Changes of mode close a leg (describePath), so they follow the leg that ends at their place, in order.
    while (t < route.transfers.length && route.transfers[t].place.id === leg.to.id) {
      const transfer = route.transfers[t++];
      parts.push({ kind: 'transfer', transfer, at: network.place(transfer.place.id)!.geometry.coordinates as LonLat });
    }
  }
  return parts;
}

/** The link geometries of a leg joined in travel order. */
function legLine(network: Network, leg: RouteLeg): LonLat[] {
  const line: LonLat[] = [];
  let at = leg.from.id;
  for (const id of leg.links) {
    const link = network.link(id)!;
    const forward = link.properties.from === at;
    const points = link.geometry.coordinates as LonLat[];
    for (let i = 0; i < points.length; i++) {
      const point = points[forward ? i : points.length - 1 - i];
      if (i > 0 || line.length === 0) line.push(point);
    }
    at = forward ? link.properties.to : link.properties.from;
  }
  if (line.length === 0) line.push(network.place(leg.from.id)!.geometry.coordinates as LonLat);
  return line;
}

/**
 * The parts between consecutive stops. describePath ends a leg at every
 * stop, and a best path to a stop touches it only at its end (arriving is
 * free from any of its mode nodes), so the first leg ending at the next stop
 * closes that stop's OSRM leg; equal consecutive stops give empty legs.
 */
function splitAtStops(parts: readonly Part[], stops: readonly string[]): Part[][] {
  const out: Part[][] = [];
  let current: Part[] = [];
  const closeAt = (placeId: string) => {
    while (out.length < stops.length - 1 && stops[out.length + 1] === placeId) {
      out.push(current);
      current = [];
    }
  };
  closeAt(stops[0]);
  for (const part of parts) {
    current.push(part);
    if (part.kind === 'leg') closeAt(part.leg.to.id);
  }
  while (out.length < stops.length - 1) {
    out.push(current);
    current = [];
  }
  return out;
}

function osrmLeg(parts: readonly Part[], shape: RouteShape): { leg: OsrmRoute['legs'][number]; line: LonLat[] } {
  const modeLegs = parts.flatMap((p) => (p.kind === 'leg' ? [p.leg] : []));
  const hours = parts.reduce((sum, p) => sum + (p.kind === 'leg' ? p.leg.hours : p.transfer.hours), 0);
  const duration = round(hours * 3600);
  const line = joinLines(parts.map((p) => (p.kind === 'leg' ? p.line : [p.at])));
  const leg: OsrmRoute['legs'][number] = {
    distance: round(modeLegs.reduce((sum, l) => sum + l.km, 0) * 1000),
    duration,
    weight: duration,
    // OSRM: the names of the two major ways with steps, empty without.
    summary: shape.steps ? [...modeLegs].sort((a, b) => b.km - a.km).slice(0, 2).map((l) => l.name).filter(Boolean).join(', ') : '',
    steps: shape.steps ? steps(parts, shape) : [],
  };
  if (shape.annotations.length) leg.annotation = annotation(parts, shape.annotations);
  return { leg, line };
}

function steps(parts: readonly Part[], shape: RouteShape): OsrmRoute['legs'][number]['steps'] {
  if (parts.length === 0) return [];
  const out: OsrmRoute['legs'][number]['steps'] = parts.map((part, i) => {
    const points = part.kind === 'leg' ? part.line : [part.at, part.at];
    const before = i > 0 ? lastBearing(lineOf(parts[i - 1])) : 0;
    const after = firstBearing(points);
    const duration = round((part.kind === 'leg' ? part.leg.hours : part.transfer.hours) * 3600);
    return {
      distance: part.kind === 'leg' ? round(part.leg.km * 1000) : 0,
      duration,
      weight: duration,
      name: part.kind === 'leg' ? part.leg.name : `${part.transfer.fromMode} to ${part.transfer.toMode} at ${part.transfer.place.name}`,
      mode: part.kind === 'leg' ? part.leg.mode : 'transfer',
      geometry: geometry(points.length > 1 ? points : [points[0], points[0]], shape.geometries),
      driving_side: 'right',
      maneuver: { type: i === 0 ? 'depart' : 'notification', location: points[0], bearing_before: before, bearing_after: after },
      intersections: [{ location: points[0], bearings: [after], entry: [true], out: 0 }],
    };
  });
  const end = lineOf(parts[parts.length - 1]);
  const last = end[end.length - 1];
  const bearing = lastBearing(end);
  out.push({
    distance: 0, duration: 0, weight: 0, name: out[out.length - 1].name, mode: out[out.length - 1].mode,
    geometry: geometry([last, last], shape.geometries), driving_side: 'right',
    maneuver: { type: 'arrive', location: last, bearing_before: bearing, bearing_after: 0 },
    intersections: [{ location: last, bearings: [(bearing + 180) % 360], entry: [true], in: 0 }],
  });
  return out;
}

const lineOf = (part: Part): LonLat[] => (part.kind === 'leg' ? part.line : [part.at]);

/**
 * Per segment of the leg's line: metres (the leg's km shared by the
 * segments' great-circle lengths), seconds (the leg's hours in the same
 * shares: one pace along a mode leg, its waits spread) and m/s. Changes of
 * mode have no segment, as OSRM's turn durations are not annotated.
 */
function annotation(parts: readonly Part[], names: RouteShape['annotations']) {
  const distance: number[] = [];
  const duration: number[] = [];
  for (const part of parts) {
    if (part.kind !== 'leg') continue;
    const lengths = part.line.slice(1).map((p, i) => greatCircleKm(part.line[i][0], part.line[i][1], p[0], p[1]));
    const total = lengths.reduce((a, b) => a + b, 0);
    lengths.forEach((length) => {
      const share = total > 0 ? length / total : 1 / lengths.length;
      distance.push(round(part.leg.km * 1000 * share));
      duration.push(round(part.leg.hours * 3600 * share));
    });
  }
  return {
    ...(names.includes('distance') ? { distance } : {}),
    ...(names.includes('duration') ? { duration } : {}),
    ...(names.includes('speed') ? { speed: distance.map((d, i) => (duration[i] > 0 ? round(d / duration[i]) : 0)) } : {}),
  };
}

function joinLines(lines: readonly LonLat[][]): LonLat[] {
  const out: LonLat[] = [];
  for (const line of lines) {
    for (const p of line) {
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
  }
  // A route that stays at one place is one point; a LineString needs two.
  return out.length === 1 ? [out[0], out[0]] : out;
}

function geometry(line: readonly LonLat[], format: RouteShape['geometries']) {
  if (format === 'geojson') return { type: 'LineString' as const, coordinates: line.map((p): LonLat => [p[0], p[1]]) };
  return encodePolyline(line, format === 'polyline6' ? 6 : 5);
}

/** Initial great-circle bearing from a to b, whole degrees 0–359 clockwise from north. */
function bearing(a: LonLat, b: LonLat): number {
  const [φ1, φ2] = [a[1] * DEGREES_TO_RADIANS, b[1] * DEGREES_TO_RADIANS];
  const Δλ = (b[0] - a[0]) * DEGREES_TO_RADIANS;
  const θ = Math.atan2(Math.sin(Δλ) * Math.cos(φ2), Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ));
  return Math.round((θ / DEGREES_TO_RADIANS + 360) % 360) % 360;
}

const firstBearing = (line: readonly LonLat[]) => (line.length > 1 ? bearing(line[0], line[1]) : 0);
const lastBearing = (line: readonly LonLat[]) => (line.length > 1 ? bearing(line[line.length - 2], line[line.length - 1]) : 0);

/** OSRM reports metres and seconds to one decimal. */
const round = (n: number) => Math.round(n * 10) / 10;
