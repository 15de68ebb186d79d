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
import { checkNode, checkOptions, notFound, pathFromParents, searchLimit, type PathResult, type QueryOptions } from './path.js';
import type { RoutingGraph } from './routing-graph.js';

/** GuidedSearch.route was given distances that were never computed, or computed on another graph. */
export class UnusableDistancesError extends Error {
  constructor(detail: string) {
    super(`GuidedSearch.route: toTarget ${detail}`);
    this.name = 'UnusableDistancesError';
  }
}

/** Exact cost from every node to one target, under given blocks; reusable for other targets. */
export class DistancesToTarget {
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
}

/** A* towards the target of a DistancesToTarget; reusable, generation-stamped like DijkstraQuery. */
export class GuidedSearch {
  private readonly dist: Float64Array;
  private readonly parent: Int32Array;
  /** Marks the nodes whose dist and parent belong to the current run. */
  private readonly reached: GenerationStamp;
  private readonly heap: IndexedMinHeap;

  constructor(readonly graph: RoutingGraph) {
    this.dist = new Float64Array(graph.nodeCount);
    this.parent = new Int32Array(graph.nodeCount);
    this.reached = new GenerationStamp(graph.nodeCount);
    this.heap = new IndexedMinHeap(graph.nodeCount);
  }

  /**
   * Shortest route from `source` to `toTarget.target` under `options`, which
   * must block at least what `toTarget` was computed with (see the file comment).
   */
  route(source: number, toTarget: DistancesToTarget, options?: QueryOptions): PathResult {
    checkNode('GuidedSearch.route', 'source', this.graph, source);
    const maxCost = checkOptions('GuidedSearch.route', this.graph, options);
    const target = toTarget.target;
    if (toTarget.graph !== this.graph) throw new UnusableDistancesError('belongs to a different graph');
    if (target < 0) throw new UnusableDistancesError('has not been computed yet (call compute(target) first)');
    const blockedEdges = options?.blockedEdges;
    const blockedNodes = options?.blockedNodes;
    const reached = this.reached.next();
    const { firstOut, head, weight } = this.graph;
    const { dist, parent, heap } = this;
    heap.clear();
    // Estimates are summed backwards from the target: prune with a hair of slack, check the route's own sum exactly.
    const limit = searchLimit(maxCost);
    const h0 = toTarget.distance(source);
    if (h0 === Infinity || h0 > limit) return notFound(0);
    dist[source] = 0;
    parent[source] = -1;
    reached.mark(source);
    heap.push(source, h0);
    let settled = 0;
    while (!heap.isEmpty()) {
      if (heap.minKey() > limit) break;
      const u = heap.pop();
      settled++;
      if (u === target) return pathFromParents(this.graph, parent, source, target, maxCost, settled);
      if (blockedNodes !== undefined && blockedNodes[u] !== 0 && u !== source) continue;
      const du = dist[u];
      for (let e = firstOut[u]; e < firstOut[u + 1]; e++) {
        if (blockedEdges !== undefined && blockedEdges[e] !== 0) continue;
        const v = head[e];
        const hv = toTarget.distance(v);
        if (hv === Infinity) continue; // cannot reach the target even with fewer blocks
        const dv = du + weight[e];
        if (!reached.has(v)) {
          reached.mark(v);
          dist[v] = dv;
          parent[v] = e;
          heap.push(v, dv + hv);
        } else if (dv < dist[v] && heap.contains(v)) {
          dist[v] = dv;
          parent[v] = e;
          heap.decreaseKey(v, dv + hv);
        }
      }
    }
    return notFound(settled);
  }
}
