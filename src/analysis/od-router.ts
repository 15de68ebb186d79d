import { AStarQuery } from '../core/astar.js';
import type { Network } from '../model/network.js';
import { compileNetwork, type CompiledNetwork, type CompileOptions } from '../routing/compile-network.js';
import type { RouteResult } from '../routing/route-result.js';
import { routeCompiled } from '../routing/route.js';
import { resolveOdPairs, type OdPair } from './od-pairs.js';

/**
 * Routes a set of OD pairs once on a compiled network, remembers which pairs
 * use which link, and re-routes pairs with some links blocked. Blocking a
 * link can only make a route dearer, so pairs whose baseline route avoids it
 * keep their route: only the pairs that used it are searched again.
 */
export class OdRouter {
  readonly compiled: CompiledNetwork;
  readonly ods: Required<OdPair>[];
  readonly baseline: RouteResult[];
  private readonly query: AStarQuery;
  private readonly blocked: Uint8Array;
  private readonly usersOf = new Map<string, number[]>();

  constructor(network: Network, ods: readonly OdPair[] | undefined, options: CompileOptions = {}) {
    this.compiled = compileNetwork(network, options);
    this.ods = resolveOdPairs(network, ods);
    this.query = new AStarQuery(this.compiled.graph);
    this.blocked = new Uint8Array(this.compiled.graph.edgeCount);
    this.baseline = this.ods.map((od, i) => {
      const r = routeCompiled(this.compiled, [od.from, od.to], 'astar', this.query);
      for (const link of new Set(r.links)) {
        const list = this.usersOf.get(link) ?? [];
        list.push(i);
        this.usersOf.set(link, list);
      }
      return r;
    });
  }

  /** Indices of the OD pairs whose baseline route uses any of these links. */
  pairsUsing(linkIds: readonly string[]): number[] {
    const set = new Set<number>();
    for (const id of linkIds) for (const i of this.usersOf.get(id) ?? []) set.add(i);
    return [...set].sort((a, b) => a - b);
  }

  /** The route of pair `i` with the given links out of service. */
  rerouteWithout(i: number, linkIds: readonly string[]): RouteResult {
    return this.withBlocked(linkIds, () => this.reroute(i));
  }

  /**
   * The routes of pairs `indices` with the links out of service, `undefined`
   * for a pair left with no route. For scans: a pair cut off is not
   * explained (explaining builds a second compiled network), and the links
   * are blocked once for all the pairs.
   */
  reroutesWithout(indices: readonly number[], linkIds: readonly string[]): (RouteResult | undefined)[] {
    return this.withBlocked(linkIds, () => indices.map((i) => {
      const od = this.ods[i];
      const path = this.query.route(this.compiled.departNode(od.from), this.compiled.arriveNode(od.to), { blockedEdges: this.blocked });
      return path.found ? this.reroute(i) : undefined;
    }));
  }

  private reroute(i: number): RouteResult {
    const od = this.ods[i];
    return routeCompiled(this.compiled, [od.from, od.to], 'astar', this.query, { blockedEdges: this.blocked });
  }

  private withBlocked<T>(linkIds: readonly string[], run: () => T): T {
    const edges = linkIds.flatMap((id) => this.compiled.edgesOfLink(id));
    for (const e of edges) this.blocked[e] = 1;
    try {
      return run();
    } finally {
      for (const e of edges) this.blocked[e] = 0;
    }
  }
}
