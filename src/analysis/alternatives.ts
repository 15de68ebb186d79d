/**
 * Alternative routes between two places: the k cheapest routes that never
 * pass a place twice, over links (a rail and a road link side by side give
 * two routes), optionally trimmed to the ones a planner would consider.
 */
import { MAX_K } from '../model/limits.js';
import { filterReasonable, KShortestPathsQuery } from '../core/k-shortest-paths.js';
import type { PathResult } from '../core/path.js';
import type { Network } from '../model/network.js';
import type { Scenario } from '../model/scenario.js';
import { compileNetwork, type CompiledNetwork, type CompileOptions } from '../routing/compile-network.js';
import { explainNoRoute } from '../routing/explain-no-route.js';
import { exactFigure, nonRoadTwin, restAwareApplies, roadOnlyTwin, understated } from '../routing/rest-aware.js';
import type { RouteResult } from '../routing/route-result.js';
import { isPlaceSimple, linkOfEdge, placeOfNode, ResilienceArgumentError, routeResultOf } from './compiled-index.js';
import { withScenario } from '../model/scenario.js';

export interface ReasonableAlternatives {
  /** Keep routes costing at most maxStretch × the best route's cost; default 1.5, >= 1. */
  maxStretch?: number;
  /** Keep a route only if at most this share of its cost runs on links and transfers of a better kept route; default 0.8, in [0, 1]. */
  maxShared?: number;
}

export interface AlternativesOptions extends CompileOptions {
  /** How many routes; default 3 (an integer >= 1). */
  k?: number;
  /** A scenario to apply first (bundled name, file path or object). */
  scenario?: string | Scenario;
  /** Only alternatives worth showing (see ReasonableAlternatives); `true` takes the defaults. */
  reasonable?: boolean | ReasonableAlternatives;
  /**
   * How many routes of the compiled graph to examine at most before giving up
   * on finding k place-simple ones; default max(200, 50·k). Say so in `reason` when hit.
   */
  maxExamined?: number;
}

export interface AlternativesResult {
  /** At least one route exists. */
  found: boolean;
  /** Why there is no route, or why fewer than k routes are listed. */
  reason?: string;
  /**
   * Cheapest first (by the objective; equal costs in a fixed order). By time
   * or generalized cost with the drivers' hours on and road among several
   * modes, by the exact figure as route() judges it (the exact hours, not the
   * search weight with the amortised rest), the best road-only routes among
   * the candidates: the first route is route()'s answer.
   */
  routes: RouteResult[];
  /** Compiled-graph routes examined (node-simple routes from Yen's algorithm, before the place and link filters). */
  examined: number;
}

/**
 * The k cheapest loopless routes from `from` to `to` (names, aliases or ids),
 * fewer when fewer exist — never an error for that.
 *
 * Loopless in PLACES: the compiled graph has a node per (place, mode), so a
 * route that is loopless in nodes can still leave a city by rail and come
 * back to it by road. Such routes are dropped here. The routes come from
 * Yen's algorithm on the compiled graph (which lists node-simple routes in
 * cost order); every place-simple route is node-simple, so keeping the
 * place-simple ones of that list, in its order, gives exactly the cheapest
 * place-simple routes. Yen is asked for more routes (doubling) until k are
 * kept, the routes run out, or `maxExamined` is reached.
 *
 * Two routes over the same links in the same order are the same route (only
 * the cheaper is kept: they can differ only by a chain of transfers at one
 * place); routes that change mode at different places are different routes.
 *
 * With `reasonable`, the routes are filtered as core `filterReasonable` does
 * (stretch against the best route; share measured by the objective's weight,
 * the two directions of a link counting as one link), and more routes are
 * examined until k are kept or no further route can pass the stretch limit.
 */
export function alternatives(network: Network, from: string, to: string, options: AlternativesOptions = {}): AlternativesResult {
  const fn = 'alternatives';
  const k = options.k ?? 3;
  if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw new ResilienceArgumentError(fn, 'k', `is ${k}; it must be a whole number from 1 to ${MAX_K} (the limit MAX_K: each route costs a search)`);
  const maxExamined = options.maxExamined ?? Math.max(200, 50 * k);
  if (!Number.isInteger(maxExamined) || maxExamined < k) {
    throw new ResilienceArgumentError(fn, 'maxExamined', `is ${maxExamined}; it must be an integer >= k (${k})`);
  }
  const net = withScenario(network, options.scenario);
  const s = net.resolvePlace(from).properties.id;
  const t = net.resolvePlace(to).properties.id;
  if (s === t) throw new ResilienceArgumentError(fn, 'to', `is the same place as from (${s}); alternatives need two places`);
  const compiled = compileNetwork(net, options);
  const reasonable = options.reasonable === true ? {} : options.reasonable || undefined;
  const searched = new AlternativeRoutes(compiled).between(s, t, k, maxExamined, reasonable);
  if (!restAwareApplies(compiled)) return searched;
  // The drivers' hours overstate road in the search weight (see rest-aware.ts): rank by the exact figure as route() does,
  // with the road-only routes as candidates too, so the first route is route()'s answer; and when the search's best
  // route took a weekly rest (its exact figure exceeds its weight), the routes without road too, as route() does.
  const road = new AlternativeRoutes(roadOnlyTwin(compiled)).between(s, t, k, maxExamined, reasonable);
  const first = searched.routes[0];
  const others = first && understated(compiled, first) ? [new AlternativeRoutes(nonRoadTwin(compiled)).between(s, t, k, maxExamined, reasonable)] : [];
  return rankByExactFigure(compiled, searched, [road, ...others], k, reasonable);
}

/**
 * The routes of the lists (the search's and its twins': road-only, and
 * without road where that is a candidate), each route once (by its links),
 * ranked by the exact figure (exactFigure: exact hours, or generalized cost
 * with the exact hours), ties in the search's order; with `reasonable`, the
 * stretch is measured on that figure too.
 */
function rankByExactFigure(compiled: CompiledNetwork, searched: AlternativesResult, twins: readonly AlternativesResult[], k: number, reasonable?: ReasonableAlternatives): AlternativesResult {
  const byLinks = new Map<string, RouteResult>();
  for (const r of [searched, ...twins].flatMap((list) => list.routes)) if (!byLinks.has(r.links.join(' '))) byLinks.set(r.links.join(' '), r);
  const figure = (r: RouteResult) => exactFigure(compiled, r);
  let routes = [...byLinks.values()].sort((a, b) => figure(a) - figure(b));
  const found = routes.length;
  if (reasonable && routes.length) {
    const limit = figure(routes[0]!) * (reasonable.maxStretch ?? 1.5) * (1 + 1e-12);
    routes = routes.filter((r) => figure(r) <= limit);
  }
  routes = routes.slice(0, k);
  const examined = searched.examined + twins.reduce((n, list) => n + list.examined, 0);
  if (!routes.length) return { ...searched, examined };
  const reason = routes.length >= k ? undefined
    : reasonable && found > routes.length ? `only ${routes.length} of ${found} routes found pass the reasonable-alternative filter`
    : searched.reason;
  return { found: true, ...(reason ? { reason } : {}), routes, examined };
}

/** Reusable on one compiled network: the Yen query and the place index are built once. */
export class AlternativeRoutes {
  private readonly yen: KShortestPathsQuery;
  private readonly placeOf: Int32Array;
  private readonly linkOf: Int32Array;
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(readonly compiled: CompiledNetwork) {
    this.yen = new KShortestPathsQuery(compiled.graph);
    this.placeOf = placeOfNode(compiled);
    this.linkOf = linkOfEdge(compiled);
    this.seen = new Uint32Array(compiled.network.places.length);
  }

  /** See alternatives(); `from` and `to` are place ids. */
  between(from: string, to: string, k: number, maxExamined: number, reasonable?: ReasonableAlternatives): AlternativesResult {
    const { compiled } = this;
    const source = compiled.departNode(from);
    const target = compiled.arriveNode(to);
    const weight = compiled.graph.weight;
    const filter = reasonable && {
      maxStretch: reasonable.maxStretch,
      maxShared: reasonable.maxShared,
      weightOf: (e: number) => weight[e],
      groupBy: this.linkOf,
    };
    let kept: PathResult[] = [];
    let examined = 0;
    let asked = Math.min(k, maxExamined);
    let shown: PathResult[] = [];
    let exhausted = false;
    for (;;) {
      const paths = this.yen.paths(source, target, asked);
      // Filter the whole list again: with ties, a longer list need not start with the shorter one.
      kept = [];
      const keys = new Set<string>();
      for (const p of paths) {
        if (!isPlaceSimple(p.nodes, this.placeOf, this.seen, this.nextStamp())) continue;
        const key = this.linkKey(p.edges);
        if (keys.has(key)) continue;
        keys.add(key);
        kept.push(p);
      }
      examined = paths.length;
      exhausted = paths.length < asked;
      shown = filter ? filterReasonable(kept, filter) : kept;
      if (shown.length >= k || exhausted || asked >= maxExamined) break;
      if (filter && kept.length > 0) {
        const limit = kept[0].cost * (filter.maxStretch ?? 1.5);
        if (paths[paths.length - 1].cost > limit) break; // nothing later can pass the stretch test
      }
      asked = Math.min(2 * asked, maxExamined);
    }
    shown = shown.slice(0, k);
    const routes = shown.map((p) => routeResultOf(compiled, p.edges, from, to));
    if (routes.length === 0) {
      const reason = examined === 0 ? explainNoRoute(compiled, from, to) : `none of the ${examined} cheapest routes avoids passing a place twice`;
      return { found: false, reason, routes, examined };
    }
    let reason: string | undefined;
    if (routes.length < k) {
      if (!exhausted && asked >= maxExamined) reason = `only ${routes.length} found among the ${examined} cheapest routes examined (maxExamined ${maxExamined})`;
      else if (filter && kept.length > routes.length) reason = `only ${routes.length} of ${kept.length} routes found pass the reasonable-alternative filter`;
      else reason = `only ${routes.length} route${routes.length === 1 ? '' : 's'} that never pass a place twice exist`;
    }
    return { found: true, ...(reason ? { reason } : {}), routes, examined };
  }

  private nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** The route's links in order (ids of link indexes), transfers and access left out. */
  private linkKey(edges: readonly number[]): string {
    let key = '';
    for (const e of edges) {
      const link = this.linkOf[e];
      if (link >= 0) key += `${link},`;
    }
    return key;
  }
}
