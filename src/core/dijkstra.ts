/**
 * Dijkstra's algorithm on a RoutingGraph: one-to-one with early exit,
 * one-to-many (stops once every target is settled) and a full shortest-path
 * tree. A query object owns node-sized typed arrays allocated once; each run
 * bumps a generation counter instead of clearing them, so a query costs time
 * proportional to the part of the graph it touches, not to the graph.
 */
import { GenerationStamp } from './generation-stamp.js';
import { IndexedMinHeap } from './min-heap.js';
import {
  checkNode,
  checkOptions,
  notFound,
  pathFromParents,
  type PathResult,
  type QueryOptions,
} from './path.js';
import type { RoutingGraph } from './routing-graph.js';
import { InternalError } from '../errors/steppenet-error.js';

export interface ShortestPathTree {
  readonly source: number;
  /** Cost of the shortest path from the source; Infinity if unreached (or if every path's cost overflows). */
  distance(node: number): number;
  /** Last edge of the shortest path to `node`; -1 for the source and unreached nodes. */
  parentEdge(node: number): number;
  pathTo(node: number): PathResult;
  /** Reached nodes in the order they were settled (non-decreasing distance). */
  reached(): number[];
}

/** A ShortestPathTree read after its query object ran again (it shares the query's arrays). */
export class StaleTreeError extends InternalError {
  constructor(readonly functionName: string) {
    super(`ShortestPathTree.${functionName}: the DijkstraQuery that built this tree has run again since; the tree is no longer valid`);
  }
}

export class DijkstraQuery {
  private readonly dist: Float64Array;
  private readonly parent: Int32Array;
  /** Marks the nodes whose dist and parent belong to the current run. */
  private readonly reached: GenerationStamp;
  /** Marks the targets of the current run. */
  private readonly isTarget: GenerationStamp;
  /** Nodes in the order they were settled in the current run. */
  private readonly order: Int32Array;
  private readonly heap: IndexedMinHeap;
  private settledCount = 0;
  private lastSource = -1;

  constructor(readonly graph: RoutingGraph) {
    const n = graph.nodeCount;
    this.dist = new Float64Array(n);
    this.parent = new Int32Array(n);
    this.reached = new GenerationStamp(n);
    this.isTarget = new GenerationStamp(n);
    this.order = new Int32Array(n);
    this.heap = new IndexedMinHeap(n);
  }

  route(source: number, target: number, options?: QueryOptions): PathResult {
    checkNode('DijkstraQuery.route', 'source', this.graph, source);
    checkNode('DijkstraQuery.route', 'target', this.graph, target);
    const maxCost = checkOptions('DijkstraQuery.route', this.graph, options);
    this.startRun(source);
    this.isTarget.mark(target);
    this.search(source, 1, maxCost, options?.blockedEdges, options?.blockedNodes);
    return this.resultFor(target);
  }

  oneToMany(source: number, targets: readonly number[], options?: QueryOptions): PathResult[] {
    checkNode('DijkstraQuery.oneToMany', 'source', this.graph, source);
    for (let i = 0; i < targets.length; i++) {
      checkNode('DijkstraQuery.oneToMany', `targets[${i}]`, this.graph, targets[i]);
    }
    const maxCost = checkOptions('DijkstraQuery.oneToMany', this.graph, options);
    this.startRun(source);
    const isTarget = this.isTarget;
    let distinctTargets = 0;
    for (const t of targets) {
      if (!isTarget.has(t)) {
        isTarget.mark(t);
        distinctTargets++;
      }
    }
    if (distinctTargets > 0) this.search(source, distinctTargets, maxCost, options?.blockedEdges, options?.blockedNodes);
    return targets.map((t) => this.resultFor(t));
  }

  tree(source: number, options?: QueryOptions): ShortestPathTree {
    checkNode('DijkstraQuery.tree', 'source', this.graph, source);
    const maxCost = checkOptions('DijkstraQuery.tree', this.graph, options);
    this.startRun(source);
    // No node is marked as a target, so the count never reaches zero: the search runs to exhaustion (or maxCost).
    this.search(source, -1, maxCost, options?.blockedEdges, options?.blockedNodes);
    return new DijkstraTree(this, source, this.reached.run);
  }

  /** @internal Generation of the latest run, so a tree can tell that it went stale. */
  currentGeneration(): number {
    return this.reached.run;
  }

  /** @internal Whether `node` was settled (its distance is final) in the latest run. */
  isSettled(node: number): boolean {
    return this.reached.has(node) && !this.heap.contains(node);
  }

  /** @internal */
  distanceOf(node: number): number {
    return this.isSettled(node) ? this.dist[node] : Infinity;
  }

  /** @internal */
  parentEdgeOf(node: number): number {
    return this.isSettled(node) && node !== this.lastSource ? this.parent[node] : -1;
  }

  /** @internal Settled nodes of the latest run, in settling order. */
  settledNodes(): number[] {
    return Array.from(this.order.subarray(0, this.settledCount));
  }

  /**
   * @internal Path to `node` in the latest run's tree. Its label is the sum
   * of the path's weights in path order (each label is its parent's plus one
   * edge), so the cost is exactly the path's own sum and within maxCost.
   */
  resultFor(node: number): PathResult {
    if (!this.isSettled(node)) return notFound(this.settledCount);
    return pathFromParents(this.graph, this.parent, this.lastSource, node, Infinity, this.settledCount);
  }

  private startRun(source: number): void {
    this.reached.next();
    this.isTarget.next();
    this.heap.clear();
    this.settledCount = 0;
    this.lastSource = source;
  }

  /**
   * Settles nodes in order of distance until `targetsLeft` marked targets are
   * settled, the heap is empty or the next distance exceeds maxCost. A label
   * that overflowed to Infinity is never settled: such a path is no route.
   */
  private search(
    source: number,
    targetsLeft: number,
    maxCost: number,
    blockedEdges: Uint8Array | undefined,
    blockedNodes: Uint8Array | undefined,
  ): void {
    const { firstOut, head, weight } = this.graph;
    const dist = this.dist;
    const parent = this.parent;
    const reached = this.reached;
    const isTarget = this.isTarget;
    const order = this.order;
    const heap = this.heap;

    dist[source] = 0;
    parent[source] = -1;
    reached.mark(source);
    heap.push(source, 0);
    let settled = 0;
    const limit = maxCost < Number.MAX_VALUE ? maxCost : Number.MAX_VALUE;

    while (!heap.isEmpty()) {
      if (heap.minKey() > limit) break;
      const u = heap.pop();
      order[settled++] = u;
      if (isTarget.has(u) && --targetsLeft === 0) break;
      // A blocked node may end a path but is never passed through.
      if (blockedNodes !== undefined && blockedNodes[u] !== 0 && u !== source) continue;
      const du = dist[u];
      const end = firstOut[u + 1];
      for (let e = firstOut[u]; e < end; e++) {
        if (blockedEdges !== undefined && blockedEdges[e] !== 0) continue;
        const v = head[e];
        const dv = du + weight[e];
        if (!reached.has(v)) {
          reached.mark(v);
          dist[v] = dv;
          parent[v] = e;
          heap.push(v, dv);
        } else if (dv < dist[v]) {
          // Only unsettled nodes can improve: weights are >= 0.
          dist[v] = dv;
          parent[v] = e;
          heap.decreaseKey(v, dv);
        }
      }
    }
    this.settledCount = settled;
  }
}

/** A view on the arrays of the DijkstraQuery that built it; valid until that query runs again. */
class DijkstraTree implements ShortestPathTree {
  constructor(
    private readonly query: DijkstraQuery,
    readonly source: number,
    private readonly generation: number,
  ) {}

  distance(node: number): number {
    this.checkFresh('distance', node);
    return this.query.distanceOf(node);
  }

  parentEdge(node: number): number {
    this.checkFresh('parentEdge', node);
    return this.query.parentEdgeOf(node);
  }

  pathTo(node: number): PathResult {
    this.checkFresh('pathTo', node);
    return this.query.resultFor(node);
  }

  reached(): number[] {
    this.checkFresh('reached');
    return this.query.settledNodes();
  }

  private checkFresh(functionName: string, node?: number): void {
    if (this.query.currentGeneration() !== this.generation) throw new StaleTreeError(functionName);
    if (node !== undefined) checkNode(`ShortestPathTree.${functionName}`, 'node', this.query.graph, node);
  }
}
