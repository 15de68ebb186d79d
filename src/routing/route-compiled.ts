import { AStarQuery } from '../core/astar.js';
import { BidirectionalDijkstraQuery } from '../core/bidirectional-dijkstra.js';
import { DijkstraQuery } from '../core/dijkstra.js';
import type { PathResult, QueryOptions } from '../core/path.js';
import type { CompiledNetwork } from './compile-network.js';
import { describePath, placeRef, unreachableTotals } from './describe-path.js';
import { explainNoRoute } from './explain-no-route.js';
import type { RouteResult } from './route-result.js';

export type Algorithm = 'dijkstra' | 'bidirectional' | 'astar';
export const ALGORITHMS: readonly Algorithm[] = ['astar', 'dijkstra', 'bidirectional'];

/**
 * Routes through `stops` (place ids) on an already compiled network: the
 * building block of the analyses. A missing route is explained (which builds
 * a second compiled network) unless `explain` is false, as scans that only
 * count the pairs cut off ask.
 */
export function routeCompiled(
  compiled: CompiledNetwork,
  stops: readonly string[],
  algorithm: Algorithm = 'astar',
  query: { route(s: number, t: number, o?: QueryOptions): PathResult } = sharedQuery(compiled, algorithm),
  queryOptions?: QueryOptions,
  explain = true,
): RouteResult {
  const net = compiled.network;
  const base = {
    from: placeRef(net, stops[0]),
    to: placeRef(net, stops[stops.length - 1]),
    via: stops.slice(1, -1).map((id) => placeRef(net, id)),
    by: compiled.by,
    scenario: net.scenario?.name ?? 'current',
    freight: compiled.freight,
  };
  const edges: number[] = [];
  const stopsAt: number[] = [];
  for (let i = 0; i + 1 < stops.length; i++) {
    if (i > 0) stopsAt.push(edges.length);
    const [a, b] = [stops[i], stops[i + 1]];
    const path = query.route(compiled.departNode(a), compiled.arriveNode(b), queryOptions);
    if (!path.found) {
      const month = compiled.options.month;
      const reason = explain ? explainNoRoute(compiled, a, b, queryOptions) : `no route from ${a} to ${b} (not explained)`;
      return { ...notFoundResult(base, reason), ...(month !== undefined ? { month } : {}) };
    }
    // A loop, not push(...path.edges): spreading a long route's edges as arguments overflows the stack.
    for (let j = 0; j < path.edges.length; j++) edges.push(path.edges[j]);
  }
  return describePath(compiled, edges, base, stopsAt);
}

// One query object per compiled graph and algorithm, reused by every
// routeCompiled() that is not given its own: building one allocates and fills
// arrays over every node (A*'s coordinate tables), which cost more than the
// search on the bundled network. Queries reset by generation stamps, and
// routeCompiled never runs two searches at once, so sharing is safe.
const sharedQueries = new WeakMap<CompiledNetwork, Map<Algorithm, ReturnType<typeof makeQuery>>>();

function sharedQuery(compiled: CompiledNetwork, algorithm: Algorithm): ReturnType<typeof makeQuery> {
  let byAlgorithm = sharedQueries.get(compiled);
  if (!byAlgorithm) sharedQueries.set(compiled, (byAlgorithm = new Map()));
  let query = byAlgorithm.get(algorithm);
  if (!query) byAlgorithm.set(algorithm, (query = makeQuery(compiled, algorithm)));
  return query;
}

export function makeQuery(compiled: CompiledNetwork, algorithm: Algorithm) {
  switch (algorithm) {
    case 'dijkstra':
      return new DijkstraQuery(compiled.graph);
    case 'bidirectional':
      return new BidirectionalDijkstraQuery(compiled.graph);
    case 'astar':
      return new AStarQuery(compiled.graph);
  }
}

function notFoundResult(base: Pick<RouteResult, 'from' | 'to' | 'via' | 'by' | 'scenario' | 'freight'>, reason: string): RouteResult {
  return {
    found: false, reason, ...base,
    totals: unreachableTotals(),
    legs: [], transfers: [], crossings: [], countries: [], links: [],
  };
}
