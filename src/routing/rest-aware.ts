import type { CompiledNetwork } from './compile-network.js';
import { compiledFor } from './compiled-cache.js';
import { routeCompiled, type Algorithm } from './route-compiled.js';
import type { RouteResult } from './route-result.js';

/*
 * With the drivers' hours on, the search weighs a road hour with its
 * amortised rest, which overstates a short road trip (a 5 h drive needs no
 * rest but weighs 11.5 h), so a multimodal search can prefer a slower train.
 * Only road weights are overstated (every other weight is exact), so the one
 * route that can beat the search's answer on the exact figure is the best
 * road-only route: for `time` and `generalized`, when the answer is not
 * already all road, that route is found too and the one with the least exact
 * time (or generalized cost) is returned. All modes together then never
 * answer worse than one mode alone.
 *
 * The weekly rest (DriverClock, AETR Art. 8(6)) is not in the amortised
 * weight, so once one truck of a route runs past 144 h its exact figure
 * exceeds its weight: there the road part is understated, not overstated,
 * and a route without road (whose weights are exact) can beat the answer on
 * the exact figure — with a crew of two (0.5 h of amortised rest per driving
 * hour against a 45 h weekly rest) Kazan → Beijing was 213.5 h by road and
 * rail against 198.2 h by rail alone. So when the answer's exact figure
 * exceeds its weight, the best route without road is found too and is a
 * candidate: it is the exact best of the routes without road, and an answer
 * whose figure does not exceed its weight is no worse than it (exact ≤
 * weight ≤ its weight = its exact figure). All modes together then still
 * never answer worse than one mode alone. The search itself is unaffected
 * (static weights, no clock in its labels), and the hours reported are
 * always the DriverClock's.
 */

/** Whether the search's answer on this compiled network can lose to its road-only twin on the exact figure. */
export function restAwareApplies(compiled: CompiledNetwork): boolean {
  const by = compiled.by;
  return (by === 'time' || by === 'generalized') && compiled.params.drivingRules && compiled.modes.length >= 2 && compiled.modes.includes('road');
}

/** The figure a route is judged by: exact hours or generalized cost where the search weight overstates road (restAwareApplies), else its weight. */
export function exactFigure(compiled: CompiledNetwork, r: RouteResult): number {
  if (!r.found) return Infinity;
  if (!restAwareApplies(compiled)) return r.totals.weight;
  return compiled.by === 'time' ? r.totals.hours : r.totals.cost + compiled.params.valueOfTimePerTonneHour * r.totals.hours;
}

/** The same network and compile options with road alone (compiled once, through the cache). */
export function roadOnlyTwin(compiled: CompiledNetwork): CompiledNetwork {
  return compiledFor(compiled.network, { ...compiled.options, modes: ['road'] });
}

/** The same network and compile options with every mode but road (compiled once, through the cache). */
export function nonRoadTwin(compiled: CompiledNetwork): CompiledNetwork {
  return compiledFor(compiled.network, { ...compiled.options, modes: compiled.modes.filter((m) => m !== 'road') });
}

/** Whether a route's exact figure exceeds its search weight: a truck of it took a weekly rest, which the weight leaves out. */
export function understated(compiled: CompiledNetwork, r: RouteResult): boolean {
  return r.found && exactFigure(compiled, r) > r.totals.weight * (1 + 1e-9) + 1e-9;
}

/**
 * `best` (the search's answer on `compiled`), or the road-only route, or the
 * best route without road, whichever is best on the exact figure;
 * roadOnlyRoute and nonRoadRoute are called only when they can be better
 * (see the comment at the top).
 */
export function restAwareBest(compiled: CompiledNetwork, best: RouteResult, roadOnlyRoute: () => RouteResult, nonRoadRoute: () => RouteResult): RouteResult {
  if (!restAwareApplies(compiled)) return best;
  let answer = best;
  if (!(best.found && best.legs.every((l) => l.mode === 'road'))) {
    const road = roadOnlyRoute();
    if (exactFigure(compiled, road) < exactFigure(compiled, answer)) answer = road;
  }
  if (understated(compiled, best)) {
    const other = nonRoadRoute();
    if (exactFigure(compiled, other) < exactFigure(compiled, answer)) answer = other;
  }
  return answer;
}

/** A rest-aware answer and where it came from. */
export interface RestAwareRoute {
  route: RouteResult;
  /** The compiled network the route's edges index: the one searched, or its road-only twin. */
  compiled: CompiledNetwork;
  /** The search's answer on the compiled network. */
  searched: RouteResult;
  /** The best road-only route, when it was a candidate (the searched answer was not all road). */
  roadOnly?: RouteResult;
  /** The best route without road, when it was a candidate (the searched answer's exact figure exceeded its weight). */
  nonRoad?: RouteResult;
}

/** The links of the routes searched for an answer: blocking a link none of them uses leaves the answer as it is. */
export function linksSearched(answer: RestAwareRoute): Set<string> {
  return new Set([...answer.searched.links, ...(answer.roadOnly?.links ?? []), ...(answer.nonRoad?.links ?? [])]);
}

/**
 * The routing building block of route() and the analyses: routes on one
 * compiled network and, where the drivers' hours make it a candidate, on its
 * road-only twin, optionally with links out of service, and answers with the
 * better on the exact figure (see restAwareBest).
 */
export class RestAwareRouting {
  private roadOnly?: CompiledNetwork;
  private nonRoad?: CompiledNetwork;
  // Kept all-zero between calls: each call sets and clears only the edges it blocks.
  private readonly masks = new Map<CompiledNetwork, Uint8Array>();

  constructor(
    readonly compiled: CompiledNetwork,
    private readonly algorithm: Algorithm = 'astar',
  ) {}

  /** The road-only twin, compiled on first use. */
  roadOnlyTwin(): CompiledNetwork {
    return (this.roadOnly ??= roadOnlyTwin(this.compiled));
  }

  /** The twin without road, compiled on first use. */
  nonRoadTwin(): CompiledNetwork {
    return (this.nonRoad ??= nonRoadTwin(this.compiled));
  }

  /**
   * The best route through these place ids, in order, with `blockedLinks` out
   * of service. `before` (the answer for the same stops with fewer links
   * blocked) lends its searches whose routes avoid the newly blocked links:
   * blocking a link a route does not use leaves that route the best.
   * `explain: false` leaves a missing route unexplained (see routeCompiled).
   */
  route(stops: readonly string[], blockedLinks: readonly string[] = [], before?: RestAwareRoute, { explain = true } = {}): RestAwareRoute {
    const blocked = new Set(blockedLinks);
    const unchanged = (r: RouteResult | undefined) => r !== undefined && r.found && !r.links.some((l) => blocked.has(l));
    const searched = before && unchanged(before.searched) ? before.searched : this.search(this.compiled, stops, blockedLinks, explain);
    let roadOnly: RouteResult | undefined;
    let nonRoad: RouteResult | undefined;
    const route = restAwareBest(
      this.compiled,
      searched,
      () => (roadOnly = before && unchanged(before.roadOnly) ? before.roadOnly! : this.search(this.roadOnlyTwin(), stops, blockedLinks, explain)),
      () => (nonRoad = before && unchanged(before.nonRoad) ? before.nonRoad! : this.search(this.nonRoadTwin(), stops, blockedLinks, explain)),
    );
    const compiled = route === roadOnly ? this.roadOnlyTwin() : route === nonRoad ? this.nonRoadTwin() : this.compiled;
    return { route, compiled, searched, ...(roadOnly ? { roadOnly } : {}), ...(nonRoad ? { nonRoad } : {}) };
  }

  private search(compiled: CompiledNetwork, stops: readonly string[], blockedLinks: readonly string[], explain: boolean): RouteResult {
    if (blockedLinks.length === 0) return routeCompiled(compiled, stops, this.algorithm, undefined, undefined, explain);
    let mask = this.masks.get(compiled);
    if (!mask) this.masks.set(compiled, (mask = new Uint8Array(compiled.graph.edgeCount)));
    const edges = blockedLinks.flatMap((id) => compiled.edgesOfLink(id));
    for (const e of edges) mask[e] = 1;
    try {
      return routeCompiled(compiled, stops, this.algorithm, undefined, { blockedEdges: mask }, explain);
    } finally {
      for (const e of edges) mask[e] = 0;
    }
  }
}
