import { ContractionHierarchyQuery } from '../core/ch-query.js';
import { contractGraph } from '../core/contraction-hierarchy.js';
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

  constructor(
    network: Network,
    private readonly options: RouterOptions = {},
    /** A Router that answers many tables (a server's): see tableSearch. */
    private readonly longLived = false,
  ) {
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
   * (place ids), as route() would find it: `null` where there is none. The
   * searches are one-to-many Dijkstra rows, one per source, or one
   * many-to-many bucket table on the compiled graph's contraction hierarchy,
   * whichever pays (see tableSearch) — and likewise on the road-only graph,
   * or on the graph without road, when the drivers' hours make that route a
   * candidate (see restAwareBest). The weight of every cell is route()'s
   * (the hierarchy's tied route may differ from it in the float's last bit);
   * where several routes tie on the objective (by distance, a rail and a road
   * line of equal km), the cell's other figures are those of the route the
   * table's search finds — Dijkstra's, as route() with `algorithm:
   * 'dijkstra'` answers, or the hierarchy's — which may be another of the
   * tied routes than A*'s; the same table on the same Router always gives the
   * same figures. `beforeRow(i)` is called before row i is filled in (a
   * server stops a table that runs late there).
   */
  table(sources: readonly string[], destinations: readonly string[], { beforeRow }: { beforeRow?: (row: number) => void } = {}): (RouteTotals | null)[][] {
    const search = tableSearch(sources.length, this.longLived);
    const cellsOf = (compiled: CompiledNetwork): TableCells =>
      search === 'hierarchy' ? this.hierarchyCells(hierarchyQuery(compiled), compiled, sources, destinations) : this.dijkstraCells(compiled, sources, destinations);
    const cells = cellsOf(this.compiled);
    let roadCells: TableCells | undefined;
    let nonRoadCells: TableCells | undefined;
    return sources.map((_, i) => {
      beforeRow?.(i);
      return destinations.map((_, j) => {
        const best = restAwareBest(
          this.compiled,
          cells(i, j) ?? UNREACHED,
          () => (roadCells ??= cellsOf(this.routing.roadOnlyTwin()))(i, j) ?? UNREACHED,
          () => (nonRoadCells ??= cellsOf(this.routing.nonRoadTwin()))(i, j) ?? UNREACHED,
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

  /** A table's cells by Dijkstra rows: one one-to-many search per source, run when its row is first asked for. */
  private dijkstraCells(compiled: CompiledNetwork, sources: readonly string[], destinations: readonly string[]): TableCells {
    let query = this.tableQueries.get(compiled);
    if (!query) this.tableQueries.set(compiled, (query = new DijkstraQuery(compiled.graph)));
    const rowQuery = query;
    let at = -1;
    let row: (RouteResult | undefined)[] = [];
    return (i, j) => {
      if (i !== at) {
        const paths = rowQuery.oneToMany(compiled.departNode(sources[i]), destinations.map((t) => compiled.arriveNode(t)));
        row = paths.map((path, k) => (path.found ? tableCellRoute(compiled, sources[i], destinations[k], path.edges) : undefined));
        at = i;
      }
      return row[j];
    };
  }

  /** A table's cells by one bucket table on the compiled graph's contraction hierarchy; each cell's route is described when asked for. */
  private hierarchyCells(hierarchy: ContractionHierarchyQuery, compiled: CompiledNetwork, sources: readonly string[], destinations: readonly string[]): TableCells {
    const paths = hierarchy.tablePaths(
      sources.map((s) => compiled.departNode(s)),
      destinations.map((t) => compiled.arriveNode(t)),
    );
    return (i, j) => {
      const edges = paths.edges(i, j);
      return edges ? tableCellRoute(compiled, sources[i], destinations[j], edges) : undefined;
    };
  }
}

/** A table's cells on one compiled network: cell (i, j)'s route, undefined where there is none. Asked row by row, in order. */
type TableCells = (i: number, j: number) => RouteResult | undefined;

/** The route of one table cell from its compiled edges, as route() describes it. */
function tableCellRoute(compiled: CompiledNetwork, source: string, destination: string, edges: readonly number[]): RouteResult {
  const net = compiled.network;
  const base = { from: placeRef(net, source), to: placeRef(net, destination), via: [], by: compiled.by, scenario: net.scenario?.name ?? 'current' };
  return describePath(compiled, edges, base);
}

/**
 * Which search a table runs: Dijkstra rows (one one-to-many search per
 * source) or a bucket table on the compiled graph's contraction hierarchy
 * (CH), which must be built first. Measured (Node 20, this shared 2-core
 * machine, warm):
 *
 * - the bundled network, all modes (785 nodes, 1,466 edges; 513 shortcuts):
 *   contracting takes 10–45 ms (with the machine's load); all 241 × 241
 *   places by CH buckets 4–18 ms against 33–58 ms of Dijkstra rows (a row
 *   0.14–0.24 ms). By road alone (638 nodes): 3–7 ms, then 1.5–2.5 ms
 *   against 13–35 ms. Describing the 58,081 routes (legs, hours by the
 *   drivers' clock) takes 0.8–2.5 s either way: on this network the search
 *   is a small part of a table.
 * - OSM road graphs (bench/): Amsterdam, 68k nodes: contracting 1.5 s, a
 *   Dijkstra row 8 ms, 100 × 100 with every path unpacked 39 ms against
 *   800 ms of rows. A 10k-node road-like graph: 0.46 s, 2.1 ms, 27 against
 *   212 ms.
 *
 * Contracting costs as much as 50–300 Dijkstra rows on the bundled network
 * and 190–220 on the road graphs. So:
 * the hierarchy for a table of at least CH_MIN_ROWS sources, and for every
 * table of a long-lived Router (a server's: it contracts once, on its first
 * table, and answers each later one in the time of a few rows); Dijkstra
 * rows otherwise. No clock decides: the same table on the same Router gives
 * the same figures.
 */
export function tableSearch(rows: number, longLived: boolean): TableSearch {
  if (tableSearchOverride.search) return tableSearchOverride.search;
  return longLived || rows >= CH_MIN_ROWS ? 'hierarchy' : 'dijkstra';
}

export type TableSearch = 'dijkstra' | 'hierarchy';
export const CH_MIN_ROWS = 200;

/** For tests: when set, every table runs this search, whatever tableSearch's rule says. */
export const tableSearchOverride: { search?: TableSearch } = {};

// One hierarchy (and its query) per compiled network, built on first use and
// shared by every Router, as routeCompiled shares its queries: the query's
// search state resets by generation stamps and a table runs one search at a time.
const hierarchies = new WeakMap<CompiledNetwork, ContractionHierarchyQuery>();

function hierarchyQuery(compiled: CompiledNetwork): ContractionHierarchyQuery {
  let query = hierarchies.get(compiled);
  if (!query) hierarchies.set(compiled, (query = new ContractionHierarchyQuery(compiled.graph, contractGraph(compiled.graph))));
  return query;
}

/** The `snapped` of a result: the stops that were given as coordinates. */
export function snapsOf(stops: readonly ResolvedPlace[]): NonNullable<RouteResult['snapped']> {
  return stops.flatMap(({ place, snapped }) => (snapped ? [{ query: snapped.query, place: { id: place.properties.id, name: place.properties.name, country: place.properties.country }, km: snapped.km }] : []));
}

/** Stands for a table cell without a route (only `found` is read). */
const UNREACHED = { found: false } as RouteResult;
