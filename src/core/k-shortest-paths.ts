/**
 * The k cheapest loopless routes between two nodes (Yen's algorithm), over
 * EDGES: two parallel edges between the same nodes make two different routes.
 * Plus `filterReasonable`, which trims such a list to alternatives a planner
 * would actually consider.
 *
 * Yen: route i+1 is the cheapest "deviation" of an earlier route: keep its
 * first j edges (the root), then take the cheapest spur from the j-th node to
 * the target that avoids the root's nodes and every next edge already used
 * after that same root. A route of L edges costs up to L spur searches, so:
 * - spur searches are A* guided by exact distances to the target (one reverse
 *   Dijkstra per call, see guided-search.ts): where the blocks do not matter
 *   the search walks straight to the target instead of flooding the graph;
 * - Lawler: a route that deviated from its parent at j only spurs from j on
 *   (earlier spurs repeat ones its parent already made);
 * - once enough candidates are waiting to fill the list, a spur search stops at
 *   the cost of the last candidate that could still be returned.
 */
import { DistancesToTarget, GuidedSearch } from './guided-search.js';
import { checkNode, checkOptions, searchLimit, type PathResult, type QueryOptions } from './path.js';
import type { RoutingGraph } from './routing-graph.js';
import { InputError } from '../errors/steppenet-error.js';

/** An argument of kShortestPaths / filterReasonable that is out of range (k, maxStretch, maxShared ...). */
export class InvalidAlternativesArgumentError extends InputError {
  constructor(
    readonly functionName: string,
    readonly argument: string,
    detail: string,
  ) {
    super(`${functionName}: ${argument} ${detail}`);
  }
}

interface Candidate {
  path: PathResult;
  /** Index of the first edge where it leaves the route it was spurred from (0 for the first route). */
  deviation: number;
}

/**
 * Reusable: owns the search objects and two blocking masks (edge- and
 * node-sized) that are kept all-zero between calls, so a spur search only
 * sets and clears the few entries it blocks.
 */
export class KShortestPathsQuery {
  private readonly toTarget: DistancesToTarget;
  private readonly search: GuidedSearch;
  private readonly edgeMask: Uint8Array;
  private readonly nodeMask: Uint8Array;

  constructor(readonly graph: RoutingGraph) {
    this.toTarget = new DistancesToTarget(graph);
    this.search = new GuidedSearch(graph);
    this.edgeMask = new Uint8Array(graph.edgeCount);
    this.nodeMask = new Uint8Array(graph.nodeCount);
  }

  /**
   * Up to k loopless routes from source to target, cheapest first; fewer
   * when fewer exist (or fewer cost at most maxCost). Equal costs are ordered
   * by their edge-id sequences (lexicographically). When several routes tie
   * for the last place, which of them is returned is deterministic but not
   * otherwise specified. Blocked edges and nodes are never used (the source
   * and target themselves are never blocked, as in DijkstraQuery).
   */
  paths(source: number, target: number, k: number, options?: QueryOptions): PathResult[] {
    const fn = 'kShortestPaths';
    checkNode(fn, 'source', this.graph, source);
    checkNode(fn, 'target', this.graph, target);
    if (!Number.isInteger(k) || k < 0) {
      throw new InvalidAlternativesArgumentError(fn, 'k', `is ${k}; it must be an integer >= 0`);
    }
    const maxCost = checkOptions(fn, this.graph, options);
    if (k === 0) return [];

    const userEdges = options?.blockedEdges;
    const userNodes = options?.blockedNodes;
    if (userEdges) this.edgeMask.set(userEdges.subarray(0, this.graph.edgeCount));
    if (userNodes) this.nodeMask.set(userNodes.subarray(0, this.graph.nodeCount));
    try {
      return this.yen(source, target, k, maxCost, userEdges, userNodes);
    } finally {
      if (userEdges) this.edgeMask.fill(0);
      if (userNodes) this.nodeMask.fill(0);
    }
  }

  private yen(
    source: number,
    target: number,
    k: number,
    maxCost: number,
    userEdges: Uint8Array | undefined,
    userNodes: Uint8Array | undefined,
  ): PathResult[] {
    const { weight } = this.graph;
    const edgeMask = this.edgeMask;
    const nodeMask = this.nodeMask;
    const spurOptions: QueryOptions = { blockedEdges: edgeMask, blockedNodes: nodeMask, maxCost };
    // Distances under the caller's blocks only; every spur search blocks more.
    this.toTarget.compute(target, spurOptions);

    const first = this.search.route(source, this.toTarget, spurOptions);
    if (!first.found) return [];
    const accepted: Candidate[] = [{ path: first, deviation: 0 }];
    const waiting: Candidate[] = [];
    const seen = new Set<string>([first.edges.join(',')]);
    const sharedPrefix: number[] = [];

    while (accepted.length < k) {
      const last = accepted[accepted.length - 1];
      const { edges, nodes } = last.path;
      // How many leading edges each accepted route shares with `last`.
      for (let a = 0; a < accepted.length; a++) sharedPrefix[a] = commonPrefix(accepted[a].path.edges, edges);

      let rootCost = 0;
      for (let j = 0; j < last.deviation; j++) rootCost += weight[edges[j]];
      for (let j = last.deviation; j < edges.length; j++) {
        const bound = Math.min(maxCost, admissionBound(waiting, k - accepted.length));
        if (rootCost > bound) break; // every later spur only adds to the root
        // Block the next edge of every accepted route with this root, and the root's nodes (loopless).
        for (let a = 0; a < accepted.length; a++) {
          if (sharedPrefix[a] >= j && accepted[a].path.edges.length > j) edgeMask[accepted[a].path.edges[j]] = 1;
        }
        for (let r = 0; r < j; r++) nodeMask[nodes[r]] = 1;

        // root + spur is summed in path order, not as rootCost + spur cost: leave the spur a hair of slack.
        spurOptions.maxCost = searchLimit(bound) - rootCost;
        const spur = this.search.route(nodes[j], this.toTarget, spurOptions);

        for (let a = 0; a < accepted.length; a++) {
          if (sharedPrefix[a] >= j && accepted[a].path.edges.length > j) {
            const e = accepted[a].path.edges[j];
            edgeMask[e] = userEdges ? userEdges[e] : 0;
          }
        }
        for (let r = 0; r < j; r++) nodeMask[nodes[r]] = userNodes ? userNodes[nodes[r]] : 0;

        if (spur.found) {
          const routeEdges = edges.slice(0, j).concat(spur.edges);
          const key = routeEdges.join(',');
          if (!seen.has(key)) {
            seen.add(key);
            const path: PathResult = {
              found: true,
              cost: costOf(weight, routeEdges),
              edges: routeEdges,
              nodes: nodes.slice(0, j).concat(spur.nodes),
              settled: spur.settled,
            };
            // The exact check; a cost that overflowed is no route (see PathResult.cost).
            if (path.cost <= maxCost && path.cost < Infinity) waiting.push({ path, deviation: j });
          }
        }
        rootCost += weight[edges[j]];
      }

      if (waiting.length === 0) break;
      let best = 0;
      for (let c = 1; c < waiting.length; c++) if (comparePaths(waiting[c].path, waiting[best].path) < 0) best = c;
      accepted.push(waiting[best]);
      waiting[best] = waiting[waiting.length - 1];
      waiting.pop();
    }
    return accepted.map((c) => c.path).sort(comparePaths);
  }
}

/** Convenience wrapper: a one-off KShortestPathsQuery. Reuse a query object for many calls on one graph. */
export function kShortestPaths(
  graph: RoutingGraph,
  source: number,
  target: number,
  k: number,
  options?: QueryOptions,
): PathResult[] {
  return new KShortestPathsQuery(graph).paths(source, target, k, options);
}

/** Sum of edge weights from the first edge on, the same order Dijkstra adds them, so equal routes get equal costs. */
function costOf(weight: Float64Array, edges: readonly number[]): number {
  let cost = 0;
  for (const e of edges) cost += weight[e];
  return cost;
}

function commonPrefix(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/**
 * Cost above which a new candidate can never be returned: the `needed`-th
 * cheapest waiting candidate (Infinity while fewer than `needed` are waiting).
 */
function admissionBound(waiting: readonly Candidate[], needed: number): number {
  if (waiting.length < needed) return Infinity;
  const costs = waiting.map((c) => c.path.cost).sort((a, b) => a - b);
  return costs[needed - 1];
}

/** By cost, then lexicographically by edge ids (a proper prefix first). */
function comparePaths(a: PathResult, b: PathResult): number {
  if (a.cost !== b.cost) return a.cost - b.cost;
  const n = Math.min(a.edges.length, b.edges.length);
  for (let i = 0; i < n; i++) if (a.edges[i] !== b.edges[i]) return a.edges[i] - b.edges[i];
  return a.edges.length - b.edges.length;
}

export interface ReasonableOptions {
  /** Keep routes costing at most maxStretch × the cheapest route's cost. Default 1.5; must be >= 1. */
  maxStretch?: number;
  /** Keep a route only if at most this fraction of it is shared with each cheaper kept route. Default 0.8; in [0, 1]. */
  maxShared?: number;
  /**
   * How much each edge counts when measuring sharing, e.g. `(e) => graph.weight[e]`
   * for cost or a length array for distance. Default: every edge counts 1 (share of edges).
   */
  weightOf?: (edge: number) => number;
  /**
   * Edge -> group id (e.g. edgeRef): edges in one group count as the same
   * link for sharing (the two directions of a two-way link). Negative ids
   * stand for themselves only.
   */
  groupBy?: Int32Array;
}

/**
 * The alternatives worth showing. Routes are taken cheapest first (stable by
 * cost; unfound ones are dropped) and the cheapest is always kept. A later
 * route p is kept when
 *   1. p.cost <= maxStretch × (cost of the cheapest route), and
 *   2. for every route q kept before it: shared(p, q) <= maxShared × size(p),
 * where size(p) = Σ weightOf(e) over p's edges and shared(p, q) is the same sum
 * over just the edges of p that q also uses (same edge, or same group with
 * groupBy). So with the defaults an alternative may share at most 80 % of
 * itself with any better kept route. When every edge of p weighs 0, size and
 * sharing are counted in edges instead.
 */
export function filterReasonable(paths: readonly PathResult[], options: ReasonableOptions = {}): PathResult[] {
  const fn = 'filterReasonable';
  const maxStretch = options.maxStretch ?? 1.5;
  const maxShared = options.maxShared ?? 0.8;
  const weightOf = options.weightOf ?? (() => 1);
  const groupBy = options.groupBy;
  if (typeof maxStretch !== 'number' || !(maxStretch >= 1)) {
    throw new InvalidAlternativesArgumentError(fn, 'maxStretch', `is ${maxStretch}; it must be a number >= 1`);
  }
  if (typeof maxShared !== 'number' || !(maxShared >= 0 && maxShared <= 1)) {
    throw new InvalidAlternativesArgumentError(fn, 'maxShared', `is ${maxShared}; it must be a number in [0, 1]`);
  }
  const identity = (e: number): number => {
    if (groupBy === undefined) return e;
    if (e >= groupBy.length) {
      throw new InvalidAlternativesArgumentError(fn, 'groupBy', `has ${groupBy.length} entries; edge ${e} has none`);
    }
    // Ungrouped edges get ids that cannot collide with group ids (which are >= 0).
    return groupBy[e] >= 0 ? groupBy[e] : -1 - e;
  };

  const ordered = paths.filter((p) => p.found).sort((a, b) => a.cost - b.cost);
  if (ordered.length === 0) return [];
  const limit = ordered[0].cost * maxStretch;
  const kept: PathResult[] = [];
  const keptLinks: Array<Set<number>> = [];
  for (const p of ordered) {
    if (kept.length > 0 && p.cost > limit) break;
    let size = 0;
    for (const e of p.edges) size += weightOf(e);
    const byCount = size === 0;
    if (byCount) size = p.edges.length;
    let tooSimilar = false;
    for (const links of keptLinks) {
      let shared = 0;
      for (const e of p.edges) if (links.has(identity(e))) shared += byCount ? 1 : weightOf(e);
      if (shared > maxShared * size) {
        tooSimilar = true;
        break;
      }
    }
    if (tooSimilar) continue;
    kept.push(p);
    keptLinks.push(new Set(p.edges.map(identity)));
  }
  return kept;
}
