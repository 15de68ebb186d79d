/**
 * A* search: Dijkstra ordered by (cost so far + lower bound to the target).
 * The bound comes from the graph's coordinates (see RoutingGraph.bound):
 * great-circle km or planar distance, times boundScale; 'none' gives zero and
 * A* settles exactly what Dijkstra would.
 *
 * If no edge is shorter than its bound (scale × distance(tail, head) <=
 * weight), the bound is consistent, because distances obey the triangle
 * inequality, and every node is settled once. A node whose cost drops
 * after it was settled (rounding in the bound, or an admissible but
 * inconsistent bound) is put back on the heap rather than ignored, so the
 * result stays optimal.
 */
import { coordinateTables, GEODESIC, NO_BOUND } from './coordinate-bound.js';
import { haversineKm } from './geodesic.js';
import { IndexedMinHeap } from './min-heap.js';
import { checkNode, checkOptions, notFound, pathFromParents, searchLimit, type PathResult, type QueryOptions } from './path.js';
import type { RoutingGraph } from './routing-graph.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { DataError } from '../errors/steppenet-error.js';

/** A graph whose bound settings cannot give a lower bound (missing coordinates, bad scale). */
export class InvalidBoundError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_GRAPH';
  constructor(detail: string, functionName = 'AStarQuery') {
    super(`${functionName}: ${detail}`);
  }
}

const LAST_GENERATION = 0xffffffff;

export class AStarQuery {
  /** Cost of the best known path from the source. */
  private readonly cost: Float64Array;
  /** Lower bound to the current target, computed once per node per run. */
  private readonly estimate: Float64Array;
  private readonly parent: Int32Array;
  /** stamp[v] === generation ⇔ cost/estimate/parent of v belong to the current run. */
  private readonly stamp: Uint32Array;
  private readonly heap: IndexedMinHeap;
  private generation = 0;
  private readonly boundKind: number;
  private readonly scale: number;
  /** Geodesic: latitude and longitude in radians and cos(latitude); euclidean: x and y. */
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly cosLat: Float64Array;

  constructor(readonly graph: RoutingGraph) {
    const n = graph.nodeCount;
    this.cost = new Float64Array(n);
    this.estimate = new Float64Array(n);
    this.parent = new Int32Array(n);
    this.stamp = new Uint32Array(n);
    this.heap = new IndexedMinHeap(n);

    const tables = coordinateTables(graph, (detail) => new InvalidBoundError(detail));
    this.boundKind = tables.kind;
    this.scale = tables.scale;
    this.a = tables.a;
    this.b = tables.b;
    this.cosLat = tables.cosLat;
  }

  route(source: number, target: number, options?: QueryOptions): PathResult {
    const graph = this.graph;
    checkNode('AStarQuery.route', 'source', graph, source);
    checkNode('AStarQuery.route', 'target', graph, target);
    const maxCost = checkOptions('AStarQuery.route', graph, options);
    if (source === target) return { found: true, cost: 0, edges: [], nodes: [source], settled: 0 };
    const blockedEdges = options?.blockedEdges;
    const blockedNodes = options?.blockedNodes;

    if (this.generation === LAST_GENERATION) {
      this.stamp.fill(0);
      this.generation = 0;
    }
    const generation = ++this.generation;
    const { firstOut, head, weight } = graph;
    const cost = this.cost;
    const estimate = this.estimate;
    const parent = this.parent;
    const stamp = this.stamp;
    const heap = this.heap;
    heap.clear();

    cost[source] = 0;
    parent[source] = -1;
    stamp[source] = generation;
    estimate[source] = this.lowerBound(source, target);
    heap.push(source, estimate[source]);
    let settled = 0;
    // Bounds are computed, not summed along the path: prune with a hair of slack, check the path's own sum exactly.
    const limit = searchLimit(maxCost);

    while (!heap.isEmpty()) {
      // Keys never exceed the true cost of a path through them, so nothing beyond maxCost can come back under it.
      if (heap.minKey() > limit) break;
      const u = heap.pop();
      settled++;
      if (u === target) return pathFromParents(graph, parent, source, target, maxCost, settled);
      const cu = cost[u];
      const end = firstOut[u + 1];
      for (let e = firstOut[u]; e < end; e++) {
        if (blockedEdges !== undefined && blockedEdges[e] !== 0) continue;
        const v = head[e];
        if (blockedNodes !== undefined && blockedNodes[v] !== 0 && v !== target) continue;
        const cv = cu + weight[e];
        if (stamp[v] !== generation) {
          stamp[v] = generation;
          cost[v] = cv;
          parent[v] = e;
          const h = this.lowerBound(v, target);
          estimate[v] = h;
          heap.push(v, cv + h);
        } else if (cv < cost[v]) {
          cost[v] = cv;
          parent[v] = e;
          // Pushes v back if it was already settled (only with an inconsistent bound).
          heap.pushOrDecrease(v, cv + estimate[v]);
        }
      }
    }
    return notFound(settled);
  }

  /** Lower bound on the cost from v to target. */
  private lowerBound(v: number, target: number): number {
    const kind = this.boundKind;
    if (kind === NO_BOUND) return 0;
    const a = this.a;
    const b = this.b;
    if (kind === GEODESIC) {
      const cosLat = this.cosLat;
      return this.scale * haversineKm(a[v], b[v], cosLat[v], a[target], b[target], cosLat[target]);
    }
    const dx = a[v] - a[target];
    const dy = b[v] - b[target];
    return this.scale * Math.sqrt(dx * dx + dy * dy);
  }
}
