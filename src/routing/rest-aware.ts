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
 * weight, so once one truck of a route runs past 144 h its exact time exceeds
 * its weight: there the road part is understated, not overstated, and a
 * one-mode route could in principle beat the answer. The search itself is
 * unaffected (static weights, no clock in its labels), and the hours reported
 * are always the DriverClock's; on the bundled network no pair's answer is
 * slower than the best single-mode route (all 54,990 routed pairs checked
 * when the weekly rest came in).
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

/** `best` (the search's answer on `compiled`), or the road-only route when that is better on the exact figure; roadOnlyRoute is called only when it can be. */
export function restAwareBest(compiled: CompiledNetwork, best: RouteResult, roadOnlyRoute: () => RouteResult): RouteResult {
  if (!restAwareApplies(compiled)) return best;
  if (best.found && best.legs.every((l) => l.mode === 'road')) return best;
  const road = roadOnlyRoute();
  return exactFigure(compiled, road) < exactFigure(compiled, best) ? road : best;
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
}

/** The links of the routes searched for an answer: blocking a link none of them uses leaves the answer as it is. */
export function linksSearched(answer: RestAwareRoute): Set<string> {
  return new Set([...answer.searched.links, ...(answer.roadOnly?.links ?? [])]);
}

/**
 * The routing building block of route() and the analyses: routes on one
 * compiled network and, where the drivers' hours make it a candidate, on its
 * road-only twin, optionally with links out of service, and answers with the
 * better on the exact figure (see restAwareBest).
 */
export class RestAwareRouting {
  private roadOnly?: CompiledNetwork;
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
    const route = restAwareBest(this.compiled, searched, () =>
      (roadOnly = before && unchanged(before.roadOnly) ? before.roadOnly! : this.search(this.roadOnlyTwin(), stops, blockedLinks, explain)));
    return { route, compiled: route === roadOnly ? this.roadOnlyTwin() : this.compiled, searched, ...(roadOnly ? { roadOnly } : {}) };
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
