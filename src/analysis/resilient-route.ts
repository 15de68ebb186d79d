/**
 * The most resilient route between two places: among the k cheapest routes,
 * the one that balances its cost against what a single link failure on it
 * would cost, with the backup for every link of it.
 *
 * Definition (also in the README). For a route R and a link e on R, the
 * penalty of e is what losing e adds to the trip, never less than 0:
 *   - `reroute: 'en-route'` (default): the traveller finds e closed on
 *     reaching it and re-routes from there: penalty(e) = cost of R up to e +
 *     cost of the best way on from e's start (in the mode R arrives there in,
 *     changing mode only where the place allows) without e − cost(R);
 *   - `reroute: 'origin'`: e is known to be closed before setting out:
 *     penalty(e) = cost of the best route between the two places without e −
 *     cost(R) (core failurePenalties).
 * Infinity when nothing is left. penalty(R) = max over its links of penalty(e)
 * (worst case), or Σ p_e · penalty(e) when failure probabilities p are given
 * (expected; a link with p_e = 0 adds 0 even if its loss would disconnect).
 * score(R) = cost(R) + λ · penalty(R); the candidates are the k cheapest
 * place-simple routes (see alternatives()); the lowest score wins, ties go
 * to the cheaper route. If every candidate scores Infinity, the cheapest is
 * chosen and `note` says so.
 *
 * Why en-route is the default: with 'origin', a link e of the cheapest route
 * R1 that another candidate R2 avoids has penalty at most cost(R2) − cost(R1)
 * (R2 is still there), so in worst-case mode with λ ≤ 1 the cheapest route
 * always scores best: 'origin' can only tell routes apart by links that every
 * cheap route shares. En-route penalties see what 'origin' cannot: a route
 * whose link fails deep inside a region with no way round has a long way back.
 */
import { MAX_K } from '../model/limits.js';
import { DijkstraQuery } from '../core/dijkstra.js';
import { nodesAlong, type PathResult } from '../core/path.js';
import { RouteFailureQuery } from '../core/route-failure.js';
import type { Network } from '../model/network.js';
import type { Scenario } from '../model/scenario.js';
import { compileNetwork, type CompiledNetwork, type CompileOptions } from '../routing/compile-network.js';
import type { RouteResult } from '../routing/route-result.js';
import { AlternativeRoutes } from './alternatives.js';
import { legSummary, linkOfEdge, noRouteResult, ResilienceArgumentError, routeResultOf } from './compiled-index.js';
import { withScenario } from '../model/scenario.js';
import { DisjointRouteFinder } from './disjoint-routes.js';

export type Reroute = 'en-route' | 'origin';

export interface ResilientRouteOptions extends CompileOptions {
  /** Candidates: the k cheapest place-simple routes; default 8. */
  k?: number;
  /** Weight of the penalty against the cost, >= 0; default 1. 0 picks the cheapest route. */
  lambda?: number;
  scenario?: string | Scenario;
  /**
   * Per-link failure probabilities (link id → p in [0, 1]; links not listed
   * have p = 0) or one p for every link: switches penalty(R) from the worst
   * case to the expected value.
   */
  failureProbability?: Readonly<Record<string, number>> | number;
  /** Where the traveller re-routes from when a link fails; default 'en-route'. */
  reroute?: Reroute;
}

export interface ResilientCandidate {
  /** 1 = cheapest. */
  rank: number;
  /** "rail Omsk–Isilkul–Petropavl; road Petropavl–Kostanay": each leg with the places it passes. */
  summary: string;
  links: string[];
  cost: number;
  penalty: number;
  score: number;
  /** The link with the largest penalty (worst case) or the largest p·penalty (expected). */
  worstLink?: string;
}

export interface LinkBackup {
  link: string;
  penalty: number;
  /** The whole trip when this link fails: R up to the link, then the detour ('en-route'); the best route without it ('origin'). Not found when there is none. */
  backup: RouteResult;
}

export interface ResilientRouteResult {
  found: boolean;
  reason?: string;
  /** The chosen route (not found when no route exists). */
  route: RouteResult;
  score: number;
  penalty: number;
  lambda: number;
  measure: 'worst-case' | 'expected';
  reroute: Reroute;
  /** Every candidate in cost order, with its penalty and score. */
  candidates: ResilientCandidate[];
  /** For every link of the chosen route, in route order. */
  backups: LinkBackup[];
  /** How many link-disjoint routes join the two places (Menger count). */
  linkDisjointRoutes: number;
  note?: string;
}

interface LinkFailure {
  link: string;
  /** Compiled edges of the whole trip when the link fails; undefined when no way is left. */
  edges?: number[];
  penalty: number;
}

/**
 * The most resilient of the k cheapest routes from `from` to `to` (names,
 * aliases or ids); see the file comment for the definition.
 */
export function resilientRoute(network: Network, from: string, to: string, options: ResilientRouteOptions = {}): ResilientRouteResult {
  const fn = 'resilientRoute';
  const k = options.k ?? 8;
  if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw new ResilienceArgumentError(fn, 'k', `is ${k}; it must be a whole number from 1 to ${MAX_K} (the limit MAX_K: each route costs a search)`);
  const lambda = options.lambda ?? 1;
  if (typeof lambda !== 'number' || !Number.isFinite(lambda) || lambda < 0) {
    throw new ResilienceArgumentError(fn, 'lambda', `is ${lambda}; it must be a finite number >= 0`);
  }
  const reroute = options.reroute ?? 'en-route';
  if (reroute !== 'en-route' && reroute !== 'origin') {
    throw new ResilienceArgumentError(fn, 'reroute', `is ${String(reroute)}; it must be 'en-route' or 'origin'`);
  }
  const net = withScenario(network, options.scenario);
  const probability = failureProbabilityOf(net, options.failureProbability);
  const s = net.resolvePlace(from).properties.id;
  const t = net.resolvePlace(to).properties.id;
  if (s === t) throw new ResilienceArgumentError(fn, 'to', `is the same place as from (${s}); a route needs two places`);
  const compiled = compileNetwork(net, options);
  return new ResilientRouteChooser(compiled, reroute).choose(s, t, k, lambda, probability);
}

/** p per link id, or undefined for the worst case. Rejects unknown links and p outside [0, 1]. */
function failureProbabilityOf(net: Network, input: ResilientRouteOptions['failureProbability']): ((link: string) => number) | undefined {
  const fn = 'resilientRoute';
  const check = (p: unknown, what: string) => {
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new ResilienceArgumentError(fn, what, `is ${String(p)}; it must be a probability in [0, 1]`);
  };
  if (input === undefined) return undefined;
  if (typeof input === 'number') {
    check(input, 'failureProbability');
    return () => input;
  }
  if (typeof input !== 'object' || input === null) throw new ResilienceArgumentError(fn, 'failureProbability', `is ${JSON.stringify(input)}; it must be a probability in [0, 1] or an object { linkId: probability }`);
  for (const [id, p] of Object.entries(input)) {
    if (!net.link(id)) throw new ResilienceArgumentError(fn, `failureProbability["${id}"]`, 'names no link of the network');
    check(p, `failureProbability["${id}"]`);
  }
  return (link) => input[link] ?? 0;
}

/** Scores candidate routes on one compiled network. */
class ResilientRouteChooser {
  private readonly query: DijkstraQuery;
  private readonly linkOf: Int32Array;
  private readonly blocked: Uint8Array;
  private failureQuery?: RouteFailureQuery;
  /** En-route detours by "start node,link index": candidates share many. */
  private readonly detours = new Map<string, PathResult>();

  constructor(
    readonly compiled: CompiledNetwork,
    readonly reroute: Reroute,
  ) {
    this.query = new DijkstraQuery(compiled.graph);
    this.linkOf = linkOfEdge(compiled);
    this.blocked = new Uint8Array(compiled.graph.edgeCount);
  }

  choose(s: string, t: string, k: number, lambda: number, probability: ((link: string) => number) | undefined): ResilientRouteResult {
    const { compiled } = this;
    const measure = probability ? 'expected' : 'worst-case';
    const linkDisjointRoutes = new DisjointRouteFinder(compiled).between(s, t, 1, 'links').maxDisjoint;
    const alternatives = new AlternativeRoutes(compiled).between(s, t, k, Math.max(200, 50 * k));
    const base = { lambda, measure, reroute: this.reroute, linkDisjointRoutes } as const;
    if (!alternatives.found) {
      return {
        found: false, reason: alternatives.reason, route: noRouteResult(compiled, s, t, alternatives.reason ?? 'no route'),
        score: Infinity, penalty: Infinity, ...base, candidates: [], backups: [],
      };
    }

    const scored = alternatives.routes.map((route, i) => {
      const failures = this.failures(route, t);
      let penalty = 0;
      let worst: LinkFailure | undefined;
      let worstTerm = -1;
      for (const f of failures) {
        const p = probability ? probability(f.link) : 1;
        const term = probability ? (p === 0 ? 0 : p * f.penalty) : f.penalty;
        if (term > worstTerm) {
          worstTerm = term;
          worst = f;
        }
        penalty = probability ? penalty + term : Math.max(penalty, term);
      }
      const cost = route.totals.weight;
      const score = lambda === 0 ? cost : cost + lambda * penalty;
      const candidate: ResilientCandidate = {
        rank: i + 1,
        summary: legSummary(compiled.network, route),
        links: route.links,
        cost,
        penalty,
        score,
        ...(worst && worstTerm > 0 ? { worstLink: worst.link } : {}),
      };
      return { route, failures, candidate };
    });

    let chosen = 0;
    const allInfinite = scored.every((c) => c.candidate.score === Infinity);
    if (!allInfinite) {
      for (let i = 1; i < scored.length; i++) {
        const a = scored[i].candidate;
        const b = scored[chosen].candidate;
        // Lower score wins; within rounding of a tie, the cheaper (earlier) route stays.
        const tie = a.score === b.score || (Number.isFinite(b.score) && Math.abs(a.score - b.score) <= 1e-9 * Math.max(1, Math.abs(b.score)));
        if (!tie && a.score < b.score) chosen = i;
      }
    }
    const best = scored[chosen];
    const name = (id: string) => compiled.network.place(id)!.properties.name;
    const backups = best.failures.map((f): LinkBackup => ({
      link: f.link,
      penalty: f.penalty,
      backup: f.edges
        ? routeResultOf(compiled, f.edges, s, t)
        : noRouteResult(compiled, s, t, `losing link ${f.link} leaves no way from ${name(s)} to ${name(t)}${this.reroute === 'en-route' ? ' from where it is met' : ''}`),
    }));
    return {
      found: true,
      route: best.route,
      score: best.candidate.score,
      penalty: best.candidate.penalty,
      ...base,
      candidates: scored.map((c) => c.candidate),
      backups,
      ...(allInfinite ? { note: `every candidate has a link whose loss leaves no way on (penalty Infinity); chosen by cost` } : {}),
    };
  }

  /** The failure of every link of the route, in route order. */
  private failures(route: RouteResult, t: string): LinkFailure[] {
    const { compiled, linkOf } = this;
    const graph = compiled.graph;
    const edges = route.edges!;
    const links = compiled.network.links;
    if (this.reroute === 'origin') {
      const path: PathResult = { found: true, cost: route.totals.weight, edges, nodes: nodesAlong(graph, graph.tail[edges[0]], edges), settled: 0 };
      this.failureQuery ??= new RouteFailureQuery(graph);
      return this.failureQuery.penalties(path, { groupBy: linkOf })
        .filter((f) => f.group >= 0)
        .map((f) => ({ link: links[f.group].properties.id, edges: f.detour.found ? f.detour.edges : undefined, penalty: Math.max(0, f.extraCost) }));
    }
    const target = compiled.arriveNode(t);
    const cost = route.totals.weight;
    const out: LinkFailure[] = [];
    let prefix = 0;
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i];
      const link = linkOf[e];
      if (link >= 0) {
        const start = graph.tail[e];
        const detour = this.detourFrom(start, link, target);
        const id = links[link].properties.id;
        out.push(detour.found
          ? { link: id, edges: [...edges.slice(0, i), ...detour.edges], penalty: Math.max(0, prefix + detour.cost - cost) }
          : { link: id, penalty: Infinity });
      }
      prefix += graph.weight[e];
    }
    return out;
  }

  /** Best way from `start` to the target with every edge of link `link` blocked (cached). */
  private detourFrom(start: number, link: number, target: number): PathResult {
    const key = `${start},${link},${target}`;
    const cached = this.detours.get(key);
    if (cached) return cached;
    const failed = this.compiled.edgesOfLink(this.compiled.network.links[link].properties.id);
    for (const e of failed) this.blocked[e] = 1;
    const detour = this.query.route(start, target, { blockedEdges: this.blocked });
    for (const e of failed) this.blocked[e] = 0;
    this.detours.set(key, detour);
    return detour;
  }
}
