import { DijkstraQuery } from '../core/dijkstra.js';
import { greatCircleKm } from '../core/geodesic.js';
import type { Network, NearbyPlace, ResolvedPlace } from '../model/network.js';
import { withScenario, type Scenario } from '../model/scenario.js';
import type { PlaceFeature } from '../model/types.js';
import type { CompiledNetwork, CompileOptions } from './compile-network.js';
import { compiledFor } from './compiled-cache.js';
import { OBJECTIVES } from './cost-model.js';
import { describePath, placeRef } from './describe-path.js';
import { restAwareBest, RestAwareRouting } from './rest-aware.js';
import { ALGORITHMS, type Algorithm } from './route-compiled.js';
import { RouteOptionError } from './route-option-error.js';
import type { RouteResult, RouteTotals } from './route-result.js';

export interface RouterOptions extends CompileOptions {
  /** A scenario to apply first (bundled name, file path or object); default: the network as it is. */
  scenario?: string | Scenario;
  /** Default "astar" (exact: its bound is admissible). */
  algorithm?: Algorithm;
  /** Places given as coordinates snap to the nearest place this router can use within this many km (default DEFAULT_SNAP_KM, 50). */
  snapKm?: number;
}

export type { NearbyPlace } from '../model/network.js';

/**
 * Build once, answer many: a network under one scenario compiled for one set
 * of options (objective, modes, avoid, freight…), answering routes, tables
 * and nearest-place queries without compiling again. `route()` is a Router
 * made for one query; a server keeps one per profile.
 */
export class Router {
  /** The network with the scenario applied. */
  readonly network: Network;
  readonly compiled: CompiledNetwork;
  private readonly algorithm: Algorithm;
  private readonly routing: RestAwareRouting;
  private tableQueries = new WeakMap<CompiledNetwork, DijkstraQuery>();
  private snapCandidates?: { place: PlaceFeature; lon: number; lat: number }[];

  constructor(network: Network, private readonly options: RouterOptions = {}) {
    if (options.algorithm !== undefined && !ALGORITHMS.includes(options.algorithm)) throw new RouteOptionError('algorithm', options.algorithm, ALGORITHMS);
    if (options.by !== undefined && !OBJECTIVES.includes(options.by)) throw new RouteOptionError('by', options.by, OBJECTIVES);
    if (options.snapKm !== undefined && !(typeof options.snapKm === 'number' && options.snapKm > 0)) throw new RouteOptionError('snapKm', options.snapKm, ['a positive number of km']);
    this.algorithm = options.algorithm ?? 'astar';
    this.network = withScenario(network, options.scenario);
    this.compiled = compiledFor(this.network, options);
    this.routing = new RestAwareRouting(this.compiled, this.algorithm);
  }

  /**
   * The best route from `from` to `to` through `via` (names, aliases or ids,
   * or coordinates: see resolve); unknown names throw UnknownPlaceError. A
   * place given as coordinates is named in the result's `snapped`.
   */
  route(from: string, to: string, via: readonly string[] = []): RouteResult {
    const stops = [from, ...via, to].map((q) => this.resolve(q));
    const result = this.routeThrough(stops.map((s) => s.place.properties.id));
    const snapped = snapsOf(stops);
    return snapped.length ? { ...result, snapped } : result;
  }

  /**
   * A place query as this router reads it: a name, alias or id, or
   * coordinates ("54.98,73.37" lat,lon, "lonlat:73.37,54.98") snapped to the
   * nearest place this router can route from or to (see nearest) within
   * `snapKm`; NoPlaceNearbyError beyond it.
   */
  resolve(query: string): ResolvedPlace {
    return this.network.resolvePlaceQuery(query, { snapKm: this.options.snapKm, nearest: (lon, lat) => this.nearest(lon, lat, 1)[0] });
  }

  /** The best route through these place ids, in order. */
  routeThrough(stops: readonly string[]): RouteResult {
    return this.routing.route(stops).route;
  }

  /**
   * The totals of the best route from every source to every destination
   * (place ids), as route() would find it: `null` where there is none. One
   * search per source (and per source again on the road-only graph, or on the
   * graph without road, when the drivers' hours make that route a candidate,
   * see restAwareBest). The weight
   * of every cell is route()'s; where several routes tie on the objective
   * (by distance, a rail and a road line of equal km), the cell's other
   * figures are those of the route Dijkstra finds, as route() with
   * `algorithm: 'dijkstra'` answers, which may be another of the tied routes
   * than A*'s.
   */
  table(sources: readonly string[], destinations: readonly string[]): (RouteTotals | null)[][] {
    return sources.map((s) => {
      const row = this.tableRow(this.compiled, s, destinations);
      let roadRow: (RouteResult | undefined)[] | undefined;
      let nonRoadRow: (RouteResult | undefined)[] | undefined;
      return row.map((cell, j) => {
        const best = restAwareBest(
          this.compiled,
          cell ?? UNREACHED,
          () => (roadRow ??= this.tableRow(this.routing.roadOnlyTwin(), s, destinations))[j] ?? UNREACHED,
          () => (nonRoadRow ??= this.tableRow(this.routing.nonRoadTwin(), s, destinations))[j] ?? UNREACHED,
        );
        return best.found ? best.totals : null;
      });
    });
  }

  /**
   * The `count` places nearest to a coordinate that this router can route
   * from or to, nearest first: places at the end of a link it can use (a
   * place whose links are all closed or avoided would snap a query to no route).
   */
  nearest(lon: number, lat: number, count = 1): NearbyPlace[] {
    if (!this.snapCandidates) {
      const linked = new Set<string>();
      for (const { properties: link } of this.network.links) {
        if (this.compiled.edgesOfLink(link.id).length === 0) continue;
        linked.add(link.from);
        linked.add(link.to);
      }
      this.snapCandidates = this.network.places
        .filter((place) => linked.has(place.properties.id))
        .map((place) => ({ place, lon: place.geometry.coordinates[0], lat: place.geometry.coordinates[1] }));
    }
    return this.snapCandidates
      .map(({ place, lon: x, lat: y }) => ({ place, km: greatCircleKm(lon, lat, x, y) }))
      .sort((a, b) => a.km - b.km || a.place.properties.id.localeCompare(b.place.properties.id))
      .slice(0, count);
  }

  private tableRow(compiled: CompiledNetwork, source: string, destinations: readonly string[]): (RouteResult | undefined)[] {
    let query = this.tableQueries.get(compiled);
    if (!query) this.tableQueries.set(compiled, (query = new DijkstraQuery(compiled.graph)));
    const net = compiled.network;
    const paths = query.oneToMany(compiled.departNode(source), destinations.map((t) => compiled.arriveNode(t)));
    return paths.map((path, j) => {
      if (!path.found) return undefined;
      const base = { from: placeRef(net, source), to: placeRef(net, destinations[j]), via: [], by: compiled.by, scenario: net.scenario?.name ?? 'current' };
      return describePath(compiled, path.edges, base);
    });
  }
}

/** The `snapped` of a result: the stops that were given as coordinates. */
export function snapsOf(stops: readonly ResolvedPlace[]): NonNullable<RouteResult['snapped']> {
  return stops.flatMap(({ place, snapped }) => (snapped ? [{ query: snapped.query, place: { id: place.properties.id, name: place.properties.name, country: place.properties.country }, km: snapped.km }] : []));
}

/** Stands for a table cell without a route (only `found` is read). */
const UNREACHED = { found: false } as RouteResult;
