import { AStarQuery } from '../core/astar.js';
import { BidirectionalDijkstraQuery } from '../core/bidirectional-dijkstra.js';
import { DijkstraQuery } from '../core/dijkstra.js';
import type { PathResult, QueryOptions } from '../core/path.js';
import type { Network } from '../model/network.js';
import { withScenario, type Scenario } from '../model/scenario.js';
import type { CompiledNetwork, CompileOptions } from './compile-network.js';
import { compiledFor } from './compiled-cache.js';
import { describePath, placeRef, unreachableTotals } from './describe-path.js';
import { explainNoRoute } from './explain-no-route.js';
import type { RouteResult } from './route-result.js';
import { OBJECTIVES } from './cost-model.js';
import { InputError } from '../errors/steppenet-error.js';

export type Algorithm = 'dijkstra' | 'bidirectional' | 'astar';
export const ALGORITHMS: readonly Algorithm[] = ['astar', 'dijkstra', 'bidirectional'];

/** A route() option outside its allowed values; the message names the option and the values. */
export class RouteOptionError extends InputError {
  constructor(readonly option: string, value: unknown, allowed: readonly string[]) {
    super(`route: options.${option} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
}

export interface RouteOptions extends CompileOptions {
  /** A scenario to apply first (bundled name, file path or object); default: the network as it is. */
  scenario?: string | Scenario;
  /** Places the route must pass, in order. */
  via?: readonly string[];
  /** Default "astar" (exact: its bound is admissible). */
  algorithm?: Algorithm;
}

/**
 * The best route between two places (names, aliases or ids). Never throws for
 * an unreachable destination: the result says `found: false` and why. Unknown
 * place names throw UnknownPlaceError with suggestions.
 */
export function route(network: Network, from: string, to: string, options: RouteOptions = {}): RouteResult {
  if (options.algorithm !== undefined && !ALGORITHMS.includes(options.algorithm)) throw new RouteOptionError('algorithm', options.algorithm, ALGORITHMS);
  if (options.by !== undefined && !OBJECTIVES.includes(options.by)) throw new RouteOptionError('by', options.by, OBJECTIVES);
  if (options.via !== undefined && !Array.isArray(options.via)) throw new RouteOptionError('via', options.via, ['an array of place names or ids']);
  const net = withScenario(network, options.scenario);
  const compiled = compiledFor(net, options);
  const stops = [from, ...(options.via ?? []), to].map((q) => net.resolvePlace(q).properties.id);
  const best = routeCompiled(compiled, stops, options.algorithm);
  return restAwareBest(net, compiled, stops, best, options);
}

/**
 * With the drivers' hours on, the search weighs a road hour with its
 * amortised rest, which overstates a short road trip (a 5 h drive needs no
 * rest but weighs 11.5 h), so a multimodal search can prefer a slower train.
 * Only road weights are overstated (every other weight is exact), so the one
 * route that can beat the search's answer on the exact figure is the best
 * road-only route: for `time` and `generalized`, when the answer is not
 * already all road, that route is found too and the one with the least exact
 * time (or generalized cost) is returned. All modes together then never
 * answer worse than one mode alone.
 */
function restAwareBest(net: Network, compiled: CompiledNetwork, stops: readonly string[], best: RouteResult, options: RouteOptions): RouteResult {
  const by = compiled.by;
  if ((by !== 'time' && by !== 'generalized') || !compiled.params.drivingRules || compiled.modes.length < 2 || !compiled.modes.includes('road')) return best;
  if (best.found && best.legs.every((l) => l.mode === 'road')) return best;
  const exact = (r: RouteResult) => (!r.found ? Infinity : by === 'time' ? r.totals.hours : r.totals.cost + compiled.params.valueOfTimePerTonneHour * r.totals.hours);
  const road = routeCompiled(compiledFor(net, { ...options, modes: ['road'] }), stops, options.algorithm);
  return exact(road) < exact(best) ? road : best;
}

/** Routes through `stops` (place ids) on an already compiled network: the building block of the analyses. */
export function routeCompiled(
  compiled: CompiledNetwork,
  stops: readonly string[],
  algorithm: Algorithm = 'astar',
  query: { route(s: number, t: number, o?: QueryOptions): PathResult } = sharedQuery(compiled, algorithm),
  queryOptions?: QueryOptions,
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
      return { ...notFoundResult(base, explainNoRoute(compiled, a, b, queryOptions)), ...(month !== undefined ? { month } : {}) };
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
