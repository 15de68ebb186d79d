/**
 * Many searches towards ONE target, each with a few more things blocked
 * (Yen's spur searches, "what if this link fails"). A plain Dijkstra per
 * search explores the whole area around the source every time. Instead:
 *
 * 1. `DistancesToTarget` runs one Dijkstra backwards from the target (over
 *    incoming edges) and keeps the exact distance from every node to it.
 * 2. `GuidedSearch` runs A* with those distances as the estimate. Blocking
 *    more only makes distances longer, so they stay a lower bound and are
 *    consistent (h(u) <= w(u,v) + h(v) on every edge): A* settles each node
 *    once and returns a shortest route. Where the block does not matter the
 *    estimate is exact and the search walks almost straight to the target.
 *
 * The catch: a GuidedSearch must block at least what the distances were
 * computed with (same graph, same or more blocked edges and nodes, maxCost
 * no larger); otherwise the estimate may overshoot and routes may be missed.
 */
import { GenerationStamp } from './generation-stamp.js';
import { IndexedMinHeap } from './min-heap.js';
import { CoordinateBound } from './coordinate-bound.js';
import { GoalDirectedSearch } from './goal-directed-search.js';
import type { LowerBound } from './lower-bound.js';
import { checkNode, checkOptions, searchLimit, type PathResult, type QueryOptions } from './path.js';
import type { RoutingGraph } from './routing-graph.js';
import { InternalError } from '../errors/steppenet-error.js';

/** GuidedSearch.route was given distances that were never computed, or computed on another graph. */
export class UnusableDistancesError extends InternalError {
  constructor(detail: string) {
    super(`GuidedSearch.route: toTarget ${detail}`);
  }
}

/** Exact cost from every node to one target, under given blocks; reusable for other targets. */
export class DistancesToTarget implements LowerBound {
  private readonly dist: Float64Array;
  /** Marks the nodes whose dist belongs to the latest compute(). */
  private readonly reached: GenerationStamp;
  private readonly heap: IndexedMinHeap;
  private currentTarget = -1;

  constructor(readonly graph: RoutingGraph) {
    this.dist = new Float64Array(graph.nodeCount);
    this.reached = new GenerationStamp(graph.nodeCount);
    this.heap = new IndexedMinHeap(graph.nodeCount);
  }

  /** The target of the latest compute(), -1 before the first. */
  get target(): number {
    return this.currentTarget;
  }

  /**
   * Reverse Dijkstra from `target`, stopped at maxCost. Blocked nodes get a
   * distance (a route may start there) but routes are not extended through them.
   */
  compute(target: number, options?: QueryOptions): void {
    checkNode('DistancesToTarget.compute', 'target', this.graph, target);
    // The distances are summed from the target backwards, a route's cost from its source on: keep a hair more than maxCost.
    const maxCost = searchLimit(checkOptions('DistancesToTarget.compute', this.graph, options));
    const blockedEdges = options?.blockedEdges;
    const blockedNodes = options?.blockedNodes;
    const reached = this.reached.next();
    this.currentTarget = target;
    const { firstIn, inEdge, tail, weight } = this.graph;
    const { dist, heap } = this;
    heap.clear();
    dist[target] = 0;
    reached.mark(target);
    heap.push(target, 0);
    while (!heap.isEmpty()) {
      if (heap.minKey() > maxCost) {
        // Whatever is still waiting is farther than maxCost: count it as unreachable.
        while (!heap.isEmpty()) reached.unmark(heap.pop());
        break;
      }
      const v = heap.pop();
      if (blockedNodes !== undefined && blockedNodes[v] !== 0 && v !== target) continue;
      const dv = dist[v];
      for (let p = firstIn[v]; p < firstIn[v + 1]; p++) {
        const e = inEdge[p];
        if (blockedEdges !== undefined && blockedEdges[e] !== 0) continue;
        const u = tail[e];
        const du = dv + weight[e];
        if (!reached.has(u)) {
          reached.mark(u);
          dist[u] = du;
          heap.push(u, du);
        } else if (du < dist[u] && heap.contains(u)) {
          dist[u] = du;
          heap.decreaseKey(u, du);
        }
      }
    }
  }

  /** Cost of the cheapest route from `node` to the target; Infinity if there is none (within maxCost). */
  distance(node: number): number {
    return this.reached.has(node) ? this.dist[node] : Infinity;
  }

  /** As a LowerBound: the distances are for one target already (see GuidedSearch.route). */
  aim(): void {}

  toTarget(v: number): number {
    return this.distance(v);
  }
}

/** A* towards the target of a DistancesToTarget (the loop of goal-directed-search.ts); reusable. */
export class GuidedSearch {
  private readonly search: GoalDirectedSearch;
  /** Exact distances need no straight-line help: the coordinate bound is 'none'. */
  private readonly noCoordinates: CoordinateBound;

  constructor(readonly graph: RoutingGraph) {
    this.search = new GoalDirectedSearch(graph);
    this.noCoordinates = new CoordinateBound({ ...graph, bound: 'none' }, (detail) => new RangeError(detail));
  }

  /**
   * Shortest route from `source` to `toTarget.target` under `options`, which
   * must block at least what `toTarget` was computed with (see the file comment).
   */
  route(source: number, toTarget: DistancesToTarget, options?: QueryOptions): PathResult {
    checkNode('GuidedSearch.route', 'source', this.graph, source);
    checkOptions('GuidedSearch.route', this.graph, options);
    if (toTarget.graph !== this.graph) throw new UnusableDistancesError('belongs to a different graph');
    if (toTarget.target < 0) throw new UnusableDistancesError('has not been computed yet (call compute(target) first)');
    return this.search.route('GuidedSearch.route', source, toTarget.target, this.noCoordinates, toTarget, options);
  }
}
