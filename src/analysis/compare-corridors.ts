import { AStarQuery } from '../core/astar.js';
import type { RoutingGraph } from '../core/routing-graph.js';
import type { Network } from '../model/network.js';
import { withScenario, type Scenario } from '../model/scenario.js';
import { MODES, type Mode } from '../model/types.js';
import { compileNetwork, type CompiledNetwork, type CompileOptions } from '../routing/compile-network.js';
import type { Objective } from '../routing/cost-model.js';
import { describePath, placeRef, unreachableTotals } from '../routing/describe-path.js';
import type { PlaceRef, RouteResult } from '../routing/route-result.js';
import { RestAwareRouting } from '../routing/rest-aware.js';
import { kmByCountry, type CountryKm } from './km-by-country.js';
import { linkName } from './link-criticality.js';
import { linkDisjointRoutes, linkDisjointRoutesThrough, type DisjointRouteCount } from './link-disjoint-routes.js';
import { ThroughEdgeSetQuery } from './through-edge-set-query.js';
import { InputError } from '../errors/steppenet-error.js';

export interface CorridorOptions extends CompileOptions {
  /** Origin in European Russia (name, alias or id); default "moscow". */
  from?: string;
  /** Destination in western China; default "xian". */
  to?: string;
  /** A scenario to apply first (bundled name, file path or object). */
  scenario?: string | Scenario;
  /** ISO alpha-2 of the country the "through" corridor enters and the bypass avoids; default "KZ". */
  throughCountry?: string;
}

/** What losing one link of a corridor route costs: its best replacement of the same kind, minus the route. */
export interface LinkFailure {
  link: string;
  name: string;
  /** Extra objective (hours, km, USD/t) of the best route of the same kind without this link; Infinity if none is left. */
  penalty: number;
}

export interface CorridorResilience {
  /** Link-disjoint routes of the same kind (avoiding / entering the country / any) between the two places. */
  disjointRoutes: DisjointRouteCount;
  /** The link whose loss costs the most (first on the route among equals); null for a route that was not found. */
  worstFailure: LinkFailure | null;
  /** Every link of the route in travel order, with its failure penalty. */
  failures: LinkFailure[];
}

export interface CorridorRoute {
  found: boolean;
  reason?: string;
  km: number;
  /** Hours including border waits (and transfers, locks). */
  hours: number;
  /** The border waits alone. */
  borderWaitHours: number;
  /** USD per tonne. */
  cost: number;
  /** The objective's value. */
  weight: number;
  crossings: number;
  /** Countries in order of entry. */
  countries: string[];
  kmByCountry: CountryKm[];
  /** Places the route passes more than once (a "through" route may dip into the country and come back the way it went). */
  revisits: string[];
  resilience: CorridorResilience;
  route: RouteResult;
}

export interface CorridorComparison {
  from: PlaceRef;
  to: PlaceRef;
  by: Objective;
  scenario: string;
  modes: Mode[];
  throughCountry: string;
  /** The best route that never enters the country ("the M12 bypass" for KZ). */
  bypass: CorridorRoute;
  /** The best route that enters it. */
  through: CorridorRoute;
  /** The best route with neither constraint, and which of the two it is (null when there is no route at all). */
  best: CorridorRoute & { is: 'bypass' | 'through' | null };
}

export class CorridorArgumentError extends InputError {
  constructor(readonly argument: string, detail: string) {
    super(`compareCorridors: ${argument} ${detail}`);
  }
}

/**
 * The headline question: from European Russia to western China, what does
 * the route that avoids Kazakhstan (the M12 bypass) give against the
 * corridors through it, and which one is best — with km, hours, border
 * waits, cost, the km in each country and how resilient each route is.
 *
 * The "through" route is the cheapest route that uses at least one edge
 * touching the country (a link with an end there or the country in its
 * `countries`, or a transfer at a place there): one tree from the origin, one
 * into the destination, minimum over those edges (see ThroughEdgeSetQuery).
 */
export function compareCorridors(network: Network, options: CorridorOptions = {}): CorridorComparison {
  const { from: fromQuery = 'moscow', to: toQuery = 'xian', scenario, throughCountry = 'KZ', ...compileOptions } = options;
  if (typeof throughCountry !== 'string' || !/^[A-Z]{2}$/.test(throughCountry)) {
    throw new CorridorArgumentError('throughCountry', `must be an ISO 3166-1 alpha-2 code in capitals, got ${JSON.stringify(throughCountry)}`);
  }
  const net = withScenario(network, scenario);
  const from = net.resolvePlace(fromQuery).properties.id;
  const to = net.resolvePlace(toQuery).properties.id;
  if (from === to) throw new CorridorArgumentError('to', `is the origin itself ("${from}")`);

  const avoid = compileOptions.avoid ?? {};
  const full = compileNetwork(net, compileOptions);
  const avoiding = compileNetwork(net, { ...compileOptions, avoid: { ...avoid, countries: [...(avoid.countries ?? []), throughCountry] } });
  const base = { from: placeRef(net, from), to: placeRef(net, to), via: [], by: full.by, scenario: net.scenario?.name ?? 'current' };

  const plain = (compiled: CompiledNetwork): CorridorKind => {
    const query = new AStarQuery(compiled.graph);
    // Kept all-zero between calls: each call sets and clears only the edges it blocks.
    const mask = new Uint8Array(compiled.graph.edgeCount);
    return {
      compiled,
      best: (blocked = []) => {
        for (const e of blocked) mask[e] = 1;
        try {
          const path = query.route(compiled.departNode(from), compiled.arriveNode(to), { blockedEdges: mask });
          return path.found ? path.edges : undefined;
        } finally {
          for (const e of blocked) mask[e] = 0;
        }
      },
      disjoint: () => linkDisjointRoutes(compiled, from, to),
    };
  };
  const inCountry = edgesTouchingCountry(full, throughCountry);
  const throughQuery = new ThroughEdgeSetQuery(full.graph, inCountry);
  const throughKind: CorridorKind = {
    compiled: full,
    best: (blocked = []) => {
      const path = throughQuery.route(full.departNode(from), full.arriveNode(to), blocked);
      return path.found ? path.edges : undefined;
    },
    disjoint: () => linkDisjointRoutesThrough(full, from, to, inCountry),
  };

  const best = new RestAwareRouting(full).route([from, to]);
  const bypass = new RestAwareRouting(avoiding).route([from, to]);
  const bestRoute = best.route;
  const throughEdges = throughKind.best();
  let throughRoute: RouteResult;
  if (throughEdges) {
    throughRoute = describePath(full, throughEdges, base);
  } else {
    const only = full.modes.length < MODES.length ? ` using only ${full.modes.join('/')}` : '';
    const reason = !bestRoute.found
      ? bestRoute.reason!
      : throughQuery.setSize === 0
        ? `no place or link in ${throughCountry} is usable${only}`
        : `no route from ${base.from.name} to ${base.to.name} enters ${throughCountry}${only}`;
    throughRoute = notFound(base, reason);
  }

  const bestCorridor = corridorRoute(net, bestRoute, plain(best.compiled));
  return {
    from: base.from,
    to: base.to,
    by: full.by,
    scenario: base.scenario,
    modes: [...full.modes],
    throughCountry,
    bypass: corridorRoute(net, bypass.route, plain(bypass.compiled)),
    through: corridorRoute(net, throughRoute, throughKind),
    best: { ...bestCorridor, is: bestCorridor.found ? (bestCorridor.countries.includes(throughCountry) ? 'through' : 'bypass') : null },
  };
}

/** One kind of corridor route: the graph it lives on, how to find its best route with edges blocked, and how to count its disjoint routes. */
interface CorridorKind {
  compiled: CompiledNetwork;
  /** Edges of the best route of this kind with the given compiled edges out of use; undefined when there is none. */
  best(blocked?: readonly number[]): number[] | undefined;
  disjoint(): DisjointRouteCount;
}

/** 1 for each compiled edge that touches the country: a link with an end in it or running through it, a transfer or access at a place in it. */
export function edgesTouchingCountry(compiled: CompiledNetwork, country: string): Uint8Array {
  const net = compiled.network;
  const inCountry = (place: string) => net.place(place)!.properties.country === country;
  const set = new Uint8Array(compiled.graph.edgeCount);
  for (let e = 0; e < set.length; e++) {
    const step = compiled.stepOf(e);
    const touches = step.kind === 'link'
      ? inCountry(step.from) || inCountry(step.to) || (step.link.countries ?? []).includes(country)
      : inCountry(step.place);
    if (touches) set[e] = 1;
  }
  return set;
}

function corridorRoute(net: Network, route: RouteResult, kind: CorridorKind): CorridorRoute {
  const facts = {
    found: route.found,
    ...(route.reason !== undefined ? { reason: route.reason } : {}),
    km: route.totals.km,
    hours: route.totals.hours,
    borderWaitHours: route.found ? route.crossings.reduce((s, c) => s + c.waitHours, 0) : Infinity,
    cost: route.totals.cost,
    weight: route.totals.weight,
    crossings: route.crossings.length,
    countries: route.countries,
    kmByCountry: route.found ? kmByCountry(net, route) : [],
    revisits: route.found ? revisitedPlaces(kind.compiled, route.from.id, route.edges ?? []) : [],
    route,
  };
  if (!route.found) {
    return { ...facts, resilience: { disjointRoutes: { count: 0, upperBound: 0, exact: true }, worstFailure: null, failures: [] } };
  }
  const failures = failurePenalties(net, route, kind);
  let worst: LinkFailure | null = null;
  for (const f of failures) if (worst === null || f.penalty > worst.penalty) worst = f;
  return { ...facts, resilience: { disjointRoutes: kind.disjoint(), worstFailure: worst, failures } };
}

/** For each link of the route, the best route of the same kind without it, minus the route. */
function failurePenalties(net: Network, route: RouteResult, kind: CorridorKind): LinkFailure[] {
  const { compiled } = kind;
  const seen = new Set<string>();
  const failures: LinkFailure[] = [];
  for (const link of route.links) {
    if (seen.has(link)) continue;
    seen.add(link);
    const detour = kind.best(compiled.edgesOfLink(link));
    const penalty = detour ? sumWeights(compiled.graph, detour) - route.totals.weight : Infinity;
    failures.push({ link, name: linkName(net, link), penalty });
  }
  return failures;
}

function sumWeights(graph: RoutingGraph, edges: readonly number[]): number {
  let sum = 0;
  for (const e of edges) sum += graph.weight[e];
  return sum;
}

/** Places the route stands at more than once, its origin included (a transfer stays at its place and does not count). */
function revisitedPlaces(compiled: CompiledNetwork, origin: string, edges: readonly number[]): string[] {
  const arrivals = new Map<string, number>([[origin, 1]]);
  for (const e of edges) {
    const step = compiled.stepOf(e);
    if (step.kind === 'link') arrivals.set(step.to, (arrivals.get(step.to) ?? 0) + 1);
  }
  return [...arrivals].filter(([, n]) => n > 1).map(([place]) => place);
}

function notFound(base: Pick<RouteResult, 'from' | 'to' | 'via' | 'by' | 'scenario'>, reason: string): RouteResult {
  return {
    found: false, reason, ...base,
    totals: unreachableTotals(),
    legs: [], transfers: [], crossings: [], countries: [], links: [],
  };
}
