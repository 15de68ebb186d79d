// The Turf modules on their own, not the @turf/turf barrel (start-up, issue 16).
import { buffer } from '@turf/buffer';
import { featureCollection } from '@turf/helpers';
import { length } from '@turf/length';
import { lineSliceAlong } from '@turf/line-slice-along';
import { union } from '@turf/union';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { DrivingDistanceQuery, reachedEdges } from '../core/driving-distance.js';
import type { Network } from '../model/network.js';
import { withScenario, type Scenario } from '../model/scenario.js';
import type { LinkFeature, Mode } from '../model/types.js';
import type { CompileOptions } from '../routing/compile-network.js';
import { compiledFor } from '../routing/compiled-cache.js';
import { placeRef } from '../routing/describe-path.js';
import type { PlaceRef } from '../routing/route-result.js';
import { InputError } from '../errors/steppenet-error.js';

/** At most this many limits in one call (each is a band of the output). */
export const MAX_REACH_BANDS = 12;

export interface ReachOptions extends Omit<CompileOptions, 'by'> {
  /** The time limit in hours, or several (e.g. [12, 24, 48]): each is a band. Each must be > 0. */
  hours: number | readonly number[];
  /** A scenario to apply first (bundled name, file path or object). */
  scenario?: string | Scenario;
  /**
   * Also the areas around the reached links: each piece of link buffered by
   * the time left at its far end, at an access speed off the network (a
   * truck on local roads), capped by `maxHours` of access. `true` for the
   * defaults (30 km/h, at most 2 h). Never a hull of the reached places,
   * which would paint empty steppe between two roads as reachable.
   */
  areas?: boolean | { speedKmh?: number; maxHours?: number };
}

/** A place reached within the largest limit. */
export interface ReachedPlace {
  place: PlaceRef;
  /** Hours from the origin (the search's time, see reach). */
  hours: number;
  /** The smallest limit it is within. */
  band: number;
}

/**
 * A piece of a link reached within one band and not within the band below:
 * the pieces of the bands up to H together are the part of the network
 * reached within H (nested bands, drawn without overlap). A link reached
 * whole within one band is one piece, its own geometry.
 */
export interface ReachedLinkPiece {
  link: string;
  mode: Mode;
  band: number;
  /** Where the piece starts and ends along the link's geometry, as shares of its length (0 = the link's `from` end). */
  fromFraction: number;
  toFraction: number;
  /** The earliest time at the piece's start and end (hours from the origin). */
  fromHours: number;
  toHours: number;
  /** The piece is the whole link. */
  whole: boolean;
  geometry: LineString;
}

/** The area within one limit: the reached links of the band and every band below, buffered (see ReachOptions.areas). */
export interface ReachArea {
  band: number;
  geometry: Polygon | MultiPolygon;
}

export interface ReachResult {
  origin: PlaceRef;
  scenario: string;
  /** The limits, ascending, hours. */
  bands: number[];
  /** Places reached (the origin first, at 0 h), by time. */
  places: ReachedPlace[];
  /** Places of the network not reached within the largest limit. */
  unreachedPlaces: number;
  /** Pieces of links, by band, then link order in the network. */
  links: ReachedLinkPiece[];
  /** Only when asked for (options.areas). */
  areas?: ReachArea[];
  /** The access speed and cap the areas were buffered with. */
  access?: { speedKmh: number; maxHours: number };
}

export class ReachArgumentError extends InputError {
  constructor(readonly argument: string, detail: string) {
    super(`reach: ${argument} ${detail}`);
  }
}

type Interval = [number, number];

/** [a, b] minus the union of `minus`, as sorted disjoint intervals of positive length. */
function subtract(from: readonly Interval[], minus: readonly Interval[]): Interval[] {
  let pieces = from.slice();
  for (const [c, d] of minus) {
    pieces = pieces.flatMap(([a, b]): Interval[] => {
      if (d <= a || c >= b) return [[a, b]];
      return [...(c > a ? [[a, c] as Interval] : []), ...(d < b ? [[d, b] as Interval] : [])];
    });
  }
  return pieces.filter(([a, b]) => b - a > 1e-12);
}

/**
 * What a truck (or train, or barge) leaving `place` reaches within the limit
 * (or each of several limits): the places with their times, and every link's
 * reachable part, cut where the time runs out. One driving distance on the
 * compiled network (core drivingDistance), then each link cut from its
 * entered end(s).
 *
 * Which time: the search's, the one routes are chosen by: running time,
 * checkpoint waits, lock transits, transfers and, with the drivers' hours on
 * (the default), the AETR breaks and rests spread over the driving (one
 * driver: 1.31 h per driving hour). A route's exact AETR timeline (route()'s
 * hours) rests in whole blocks instead, so it may arrive earlier or later
 * than this time by up to one rest (past 144 h also by the weekly rest, which
 * the search weight leaves out); `--no-rest` (cost.drivingRules false)
 * takes the rests out.
 *
 * Where a link is cut: time is taken to run evenly along the link, waits
 * and lock transits included (a link's data says where its checkpoint is
 * only as one of its ends), so a link of 10 h entered at 20 h with 24 h of
 * limit is cut at 40 % of its geometry's length. A two-way link entered from
 * both ends is reached from each up to where the earlier arrivals meet.
 */
export function reach(network: Network, place: string, options: ReachOptions): ReachResult {
  if (typeof options !== 'object' || options === null) throw new ReachArgumentError('options', 'must be an object with at least { hours }');
  const { hours, scenario, areas, ...compileOptions } = options;
  if ((compileOptions as CompileOptions).by !== undefined && (compileOptions as CompileOptions).by !== 'time') {
    throw new ReachArgumentError('by', 'is not an option: reach is always by time');
  }
  const bands = checkHours(hours);
  const access = areaOptions(areas);
  const net = withScenario(network, scenario);
  // A name, alias, id or coordinates (snapped to the nearest place serving the modes).
  const origin = net.resolvePlace(place, compileOptions.modes ? { modes: compileOptions.modes } : undefined).properties.id;
  const compiled = compiledFor(net, { ...compileOptions, by: 'time' });
  const graph = compiled.graph;
  const limit = bands[bands.length - 1];
  const tree = new DrivingDistanceQuery(graph).run(compiled.departNode(origin), limit);

  const hoursAt = new Float64Array(graph.nodeCount).fill(Infinity);
  tree.node.forEach((v, i) => (hoursAt[v] = tree.cost[i]));
  const bandOf = (h: number) => bands.find((b) => h <= b)!;

  const places: ReachedPlace[] = [];
  for (const f of net.places) {
    const id = f.properties.id;
    if (compiled.excludedPlaces.has(id)) continue;
    const h = hoursAt[compiled.arriveNode(id)];
    if (h <= limit) places.push({ place: placeRef(net, id), hours: h, band: bandOf(h) });
  }
  places.sort((a, b) => a.hours - b.hours || a.place.id.localeCompare(b.place.id));

  // The time each compiled edge is entered at (its tail's), for every edge out of the tree.
  const entered = new Float64Array(graph.edgeCount).fill(Infinity);
  const out = reachedEdges(graph, tree);
  out.edge.forEach((e, k) => (entered[e] = out.startCost[k]));

  const pieces: ReachedLinkPiece[][] = bands.map(() => []);
  for (const feature of net.links) {
    const link = feature.properties;
    let sF = Infinity, wF = 0, sB = Infinity, wB = 0;
    for (const e of compiled.edgesOfLink(link.id)) {
      const step = compiled.stepOf(e);
      if (step.kind !== 'link') continue;
      if (step.direction === 'forward') [sF, wF] = [entered[e], graph.weight[e]];
      else [sB, wB] = [entered[e], graph.weight[e]];
    }
    if (sF === Infinity && sB === Infinity) continue;
    // The earliest time at share x of the link (0 = its from end): entered forward at the from end or backward at the to end.
    const timeAt = (x: number) => Math.min(sF + x * wF, sB + (1 - x) * wB);
    const reachedWithin = (h: number): Interval[] => {
      const parts: Interval[] = [];
      if (sF <= h) parts.push([0, wF > 0 ? Math.min(1, (h - sF) / wF) : 1]);
      if (sB <= h) parts.push([wB > 0 ? Math.max(0, 1 - (h - sB) / wB) : 0, 1]);
      if (parts.length === 2 && parts[1][0] <= parts[0][1]) return [[0, 1]];
      return parts.sort((a, b) => a[0] - b[0]);
    };
    const geometry = orientedGeometry(net, feature);
    const km = length(feature, { units: 'kilometers' });
    let below: Interval[] = [];
    bands.forEach((band, i) => {
      // Within the piece the time lies between the band below and this one; clamp the rounding of the cut.
      const at = (x: number) => Math.min(band, Math.max(i > 0 ? bands[i - 1] : 0, timeAt(x)));
      const within = reachedWithin(band);
      for (const [a, b] of subtract(within, below)) {
        const whole = a === 0 && b === 1;
        pieces[i].push({
          link: link.id, mode: link.mode, band, fromFraction: a, toFraction: b, fromHours: at(a), toHours: at(b), whole,
          geometry: whole ? geometry : slice(geometry, km, a, b),
        });
      }
      below = within;
    });
  }
  const links = pieces.flat();
  const placeCount = net.places.filter((f) => !compiled.excludedPlaces.has(f.properties.id)).length;
  return {
    origin: placeRef(net, origin),
    scenario: net.scenario?.name ?? 'current',
    bands,
    places,
    unreachedPlaces: placeCount - places.length,
    links,
    ...(access ? { areas: reachAreas(bands, links, access), access } : {}),
  };
}

function checkHours(hours: unknown): number[] {
  const list = typeof hours === 'number' ? [hours] : hours;
  if (!Array.isArray(list) || list.length === 0) throw new ReachArgumentError('hours', `must be a number of hours > 0 or a non-empty array of them, got ${JSON.stringify(hours)}`);
  if (list.length > MAX_REACH_BANDS) throw new ReachArgumentError('hours', `has ${list.length} limits; at most ${MAX_REACH_BANDS}`);
  for (const h of list) {
    if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0) throw new ReachArgumentError('hours', `has ${JSON.stringify(h)}; each limit must be a finite number of hours > 0`);
  }
  const sorted = [...new Set(list as number[])].sort((a, b) => a - b);
  if (sorted.length !== list.length) throw new ReachArgumentError('hours', `names a limit twice: ${JSON.stringify(hours)}`);
  return sorted;
}

function areaOptions(areas: ReachOptions['areas']): { speedKmh: number; maxHours: number } | undefined {
  if (areas === undefined || areas === false) return undefined;
  if (areas !== true && (typeof areas !== 'object' || areas === null || Array.isArray(areas))) {
    throw new ReachArgumentError('areas', `must be true, false or { speedKmh?, maxHours? }, got ${JSON.stringify(areas)}`);
  }
  const { speedKmh = 30, maxHours = 2 } = areas === true ? {} : areas;
  for (const [name, v] of [['areas.speedKmh', speedKmh], ['areas.maxHours', maxHours]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new ReachArgumentError(name, `must be a finite number > 0, got ${JSON.stringify(v)}`);
  }
  return { speedKmh, maxHours };
}

/** The link's geometry from its `from` end to its `to` end (a file may draw it the other way). */
function orientedGeometry(network: Network, feature: LinkFeature): LineString {
  const coords = feature.geometry.coordinates;
  const from = network.place(feature.properties.from)?.geometry.coordinates;
  const to = network.place(feature.properties.to)?.geometry.coordinates;
  if (!from || !to || coords.length < 2) return feature.geometry;
  const d = (p: readonly number[], q: readonly number[]) => (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2;
  const reversed = d(coords[0], to) + d(coords[coords.length - 1], from) < d(coords[0], from) + d(coords[coords.length - 1], to);
  return reversed ? { type: 'LineString', coordinates: [...coords].reverse() } : feature.geometry;
}

/** The part of a line between shares a and b of its length. */
function slice(line: LineString, km: number, a: number, b: number): LineString {
  return lineSliceAlong(line, a * km, b * km, { units: 'kilometers' }).geometry;
}

/**
 * For each band, the union of its pieces and those of the bands below, each
 * buffered by the access distance left at its later end (time left ×
 * speed, capped; at least 0.5 km, so a piece reached at the limit itself
 * still shows): the radius at the later end is the smaller, so the area
 * claims no more than the time allows.
 */
function reachAreas(bands: number[], links: ReachedLinkPiece[], access: { speedKmh: number; maxHours: number }): ReachArea[] {
  return bands.flatMap((band): ReachArea[] => {
    const buffers: Feature<Polygon | MultiPolygon>[] = [];
    for (const piece of links) {
      if (piece.band > band) continue;
      const left = Math.min(access.maxHours, band - Math.max(piece.fromHours, piece.toHours));
      const km = Math.max(left * access.speedKmh, 0.5);
      const b = buffer({ type: 'Feature', geometry: piece.geometry, properties: {} }, km, { units: 'kilometers', steps: 4 });
      if (b) buffers.push(b as Feature<Polygon | MultiPolygon>);
    }
    if (buffers.length === 0) return [];
    const merged = buffers.length === 1 ? buffers[0] : union(featureCollection(buffers));
    return merged ? [{ band, geometry: merged.geometry }] : [];
  });
}
