import type { Network } from '../model/network.js';
import { compileNetwork, type CompiledNetwork, type CompileOptions } from '../routing/compile-network.js';
import { exactFigure, linksSearched, RestAwareRouting, type RestAwareRoute } from '../routing/rest-aware.js';
import type { RouteResult } from '../routing/route-result.js';
import { resolveOdPairs, type OdPair } from './od-pairs.js';

/**
 * Routes a set of OD pairs once on a compiled network, as route() would (rest
 * aware: see RestAwareRouting), remembers which pairs' searches use which
 * link, and re-routes pairs with some links blocked. Blocking a link can only
 * make a search's route dearer, so pairs none of whose searches used it keep
 * their route: only the pairs that used it are searched again.
 */
export class OdRouter {
  readonly compiled: CompiledNetwork;
  readonly ods: Required<OdPair>[];
  readonly baseline: RouteResult[];
  private readonly answers: RestAwareRoute[];
  private readonly routing: RestAwareRouting;
  private readonly usersOf = new Map<string, number[]>();

  constructor(network: Network, ods: readonly OdPair[] | undefined, options: CompileOptions = {}) {
    this.compiled = compileNetwork(network, options);
    this.ods = resolveOdPairs(network, ods);
    this.routing = new RestAwareRouting(this.compiled);
    this.answers = this.ods.map((od, i) => {
      const answer = this.routing.route([od.from, od.to]);
      for (const link of linksSearched(answer)) {
        const list = this.usersOf.get(link) ?? [];
        list.push(i);
        this.usersOf.set(link, list);
      }
      return answer;
    });
    this.baseline = this.answers.map((a) => a.route);
  }

  /** Indices of the OD pairs whose baseline searches use any of these links. */
  pairsUsing(linkIds: readonly string[]): number[] {
    const set = new Set<number>();
    for (const id of linkIds) for (const i of this.usersOf.get(id) ?? []) set.add(i);
    return [...set].sort((a, b) => a - b);
  }

  /** The route of pair `i` with the given links out of service. */
  rerouteWithout(i: number, linkIds: readonly string[]): RouteResult {
    const od = this.ods[i];
    return this.routing.route([od.from, od.to], linkIds, this.answers[i]).route;
  }

  /** The figure a route is judged by (its exact hours or generalized cost where the drivers' hours overstate the search weight, else its weight). */
  figure(r: RouteResult): number {
    return exactFigure(this.compiled, r);
  }

  /**
   * The routes of pairs `indices` with the links out of service, `undefined`
   * for a pair left with no route. For scans: a pair cut off is not
   * explained (explaining builds a second compiled network).
   */
  reroutesWithout(indices: readonly number[], linkIds: readonly string[]): (RouteResult | undefined)[] {
    return indices.map((i) => {
      const od = this.ods[i];
      const { route } = this.routing.route([od.from, od.to], linkIds, this.answers[i], { explain: false });
      return route.found ? route : undefined;
    });
  }
}
