/**
 * The A* loop that AStarQuery, ALTQuery and GuidedSearch share: Dijkstra
 * ordered by (cost so far + lower bound to the target). What differs between
 * them is only the bound, so the loop takes it per query: the graph's
 * coordinate bound (straight-line distance; zero for 'none') and optionally a
 * second LowerBound (landmark distances, exact distances to the target), of
 * which it uses the larger. The maximum of two admissible, consistent bounds
 * is both, and never weaker than either.
 *
 * The coordinate bound is a fixed class, not one more LowerBound, on purpose:
 * a call site that sees one class is inlined, and through one shared
 * `bound.toTarget(v)` site that saw both A*'s and ALT's bound, A* ran ~14 %
 * slower on Moscow than with a loop of its own.
 *
 * With a consistent bound (h(u) <= w(u,v) + h(v) on every edge) every node is
 * settled once. A node whose cost drops after it was settled (rounding in the
 * bound, or an admissible but inconsistent bound) is put back on the heap
 * rather than ignored, so the result stays optimal.
 *
 * A node whose bound is Infinity provably cannot reach the target (within
 * maxCost): it is labelled but never takes a heap slot.
 */
import type { CoordinateBound } from './coordinate-bound.js';
import { GenerationStamp } from './generation-stamp.js';
import type { LowerBound } from './lower-bound.js';
import { IndexedMinHeap } from './min-heap.js';
import { checkNode, checkOptions, notFound, pathFromParents, searchLimit, type PathResult, type QueryOptions } from './path.js';
import type { RoutingGraph } from './routing-graph.js';

/** Reusable A* state for one graph: node-sized arrays allocated once, reset by generation stamps. */
export class GoalDirectedSearch {
  /** Cost of the best known path from the source. */
  private readonly cost: Float64Array;
  /** Lower bound to the current target, computed once per node per run. */
  private readonly estimate: Float64Array;
  private readonly parent: Int32Array;
  /** Marks the nodes whose cost, estimate and parent belong to the current run. */
  private readonly reached: GenerationStamp;
  private readonly heap: IndexedMinHeap;

  constructor(readonly graph: RoutingGraph) {
    const n = graph.nodeCount;
    this.cost = new Float64Array(n);
    this.estimate = new Float64Array(n);
    this.parent = new Int32Array(n);
    this.reached = new GenerationStamp(n);
    this.heap = new IndexedMinHeap(n);
  }

  /**
   * The shortest path source → target under `options`, searched towards the
   * target with the larger of the two bounds (both aimed here). `functionName`
   * names the caller in argument errors.
   */
  route(
    functionName: string,
    source: number,
    target: number,
    coordinates: CoordinateBound,
    other: LowerBound | undefined,
    options?: QueryOptions,
  ): PathResult {
    const graph = this.graph;
    checkNode(functionName, 'source', graph, source);
    checkNode(functionName, 'target', graph, target);
    const maxCost = checkOptions(functionName, graph, options);
    if (source === target) return { found: true, cost: 0, edges: [], nodes: [source], settled: 0 };

    coordinates.aim(source, target);
    other?.aim(source, target);
    let sourceBound = coordinates.toTarget(source);
    if (other !== undefined) {
      const h = other.toTarget(source);
      if (h > sourceBound) sourceBound = h;
    }
    // Bounds are computed, not summed along the path: prune with a hair of slack, check the path's own sum exactly.
    const limit = searchLimit(maxCost);
    // An infinite bound is a proof that the target cannot be reached (or only by a path whose cost overflows).
    if (sourceBound === Infinity || sourceBound > limit) return notFound(0);

    const { cost, estimate, parent, heap } = this;
    this.reached.next().mark(source);
    heap.clear();
    cost[source] = 0;
    parent[source] = -1;
    estimate[source] = sourceBound;
    heap.push(source, sourceBound);
    const settled = this.search(target, limit, coordinates, other, options);
    return settled >= 0 ? notFound(settled) : pathFromParents(graph, this.parent, source, target, maxCost, -settled);
  }

  /**
   * The loop from the source on the heap, apart from the checks, the start
   * and the path around it, so that V8 spends its inlining budget on what
   * runs per node (with ALT's bound inlined as well, the whole route() in one
   * function left A* ~10 % slower). Returns −(nodes settled) once the target
   * is settled, else the nodes settled (≥ 0).
   */
  private search(
    target: number,
    limit: number,
    coordinates: CoordinateBound,
    other: LowerBound | undefined,
    options: QueryOptions | undefined,
  ): number {
    const blockedEdges = options?.blockedEdges;
    const blockedNodes = options?.blockedNodes;
    const { firstOut, head, weight } = this.graph;
    const { cost, estimate, parent, heap, reached } = this;
    let settled = 0;
    while (!heap.isEmpty()) {
      // Keys never exceed the true cost of a path through them, so nothing beyond maxCost can come back under it.
      if (heap.minKey() > limit) break;
      const u = heap.pop();
      settled++;
      if (u === target) return -settled;
      const cu = cost[u];
      const end = firstOut[u + 1];
      for (let e = firstOut[u]; e < end; e++) {
        if (blockedEdges !== undefined && blockedEdges[e] !== 0) continue;
        const v = head[e];
        // A blocked node is never passed through; the target may still be reached.
        if (blockedNodes !== undefined && blockedNodes[v] !== 0 && v !== target) continue;
        const cv = cu + weight[e];
        if (!reached.has(v)) {
          reached.mark(v);
          cost[v] = cv;
          parent[v] = e;
          let h = coordinates.toTarget(v);
          if (other !== undefined) {
            const o = other.toTarget(v);
            if (o > h) h = o;
          }
          estimate[v] = h;
          if (h === Infinity) continue;
          heap.push(v, cv + h);
        } else if (cv < cost[v]) {
          cost[v] = cv;
          parent[v] = e;
          if (estimate[v] === Infinity) continue;
          // Pushes v back if it was already settled (only with an inconsistent bound).
          heap.pushOrDecrease(v, cv + estimate[v]);
        }
      }
    }
    return settled;
  }
}

