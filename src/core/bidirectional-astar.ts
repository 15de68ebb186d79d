/**
 * Bidirectional A* — NBA* ("New Bidirectional A*", Pijls & Post, 2009), the
 * algorithm ngraph.path calls `nba`, on the typed arrays.
 *
 * A forward A* from the source (estimate: bound to the target) and a backward
 * A* from the target over incoming edges (estimate: bound from the source)
 * take turns, the side with the smaller open set first. A node processed by
 * either side is done for both. A popped node x of the forward side is not
 * expanded when
 *   g1(x) + h1(x) >= L                (it cannot lead to a shorter path), or
 *   g1(x) + F2 − h2(x) >= L           (the backward side cannot meet it cheaper),
 * where L is the best path found so far and F2 the smallest key on the
 * backward heap; symmetrically for the backward side. The search ends when
 * either heap is empty; L is then optimal for a consistent bound, which the
 * graph's bound is when no edge is shorter than scale × distance of its ends
 * (see RoutingGraph.bound).
 *
 * Sources and targets may be several seeded nodes with a starting cost each:
 * the folded-chain query (chain-folding.ts) starts from the two ends of the
 * chain a query's endpoint sits on.
 */
import { CoordinateBound, GEODESIC } from './coordinate-bound.js';
import { DEGREES_TO_RADIANS } from './geodesic.js';
import { IndexedMinHeap } from './min-heap.js';
import { GenerationStamp } from './generation-stamp.js';
import { checkNode, checkOptions, notFound, searchLimit, type PathResult, type QueryOptions } from './path.js';
import type { RoutingGraph } from './routing-graph.js';
import { InvalidBoundError } from './astar.js';

/** Where a seeded search starts or ends: nodes with the cost of reaching them (or of going on from them). */
export interface Seeds {
  nodes: ArrayLike<number>;
  offsets: ArrayLike<number>;
}

/** A point the bound measures from: coordinates as the graph stores them (x = lon, y = lat for 'geodesic'). */
export interface BoundPoint {
  x: number;
  y: number;
}

/** A seeded search's answer: the path between one source seed and one target seed. */
export interface SeededPath {
  found: boolean;
  /** Offsets included, summed in path order. */
  cost: number;
  edges: number[];
  nodes: number[];
  /** Indexes into the source and target seeds the path starts and ends at; -1 when not found. */
  sourceSeed: number;
  targetSeed: number;
  settled: number;
}

export class BidirectionalAStarQuery {
  private readonly g1: Float64Array;
  private readonly g2: Float64Array;
  private readonly h1: Float64Array;
  private readonly h2: Float64Array;
  /** Edge into v on the forward side, out of v on the backward side; -1 at a seed. */
  private readonly parent1: Int32Array;
  private readonly parent2: Int32Array;
  /** Which seed a node's label descends from (to report it and add the right offset). */
  private readonly seed1: Int32Array;
  private readonly seed2: Int32Array;
  private readonly reached1: GenerationStamp;
  private readonly reached2: GenerationStamp;
  private readonly done: GenerationStamp;
  private readonly heap1: IndexedMinHeap;
  private readonly heap2: IndexedMinHeap;
  private readonly coordinates: CoordinateBound;
  // The current query's bound points, in the tables' units.
  private sa = 0;
  private sb = 0;
  private sc = 0;
  private ta = 0;
  private tb = 0;
  private tc = 0;

  constructor(readonly graph: RoutingGraph) {
    const n = graph.nodeCount;
    this.g1 = new Float64Array(n);
    this.g2 = new Float64Array(n);
    this.h1 = new Float64Array(n);
    this.h2 = new Float64Array(n);
    this.parent1 = new Int32Array(n);
    this.parent2 = new Int32Array(n);
    this.seed1 = new Int32Array(n);
    this.seed2 = new Int32Array(n);
    this.reached1 = new GenerationStamp(n);
    this.reached2 = new GenerationStamp(n);
    this.done = new GenerationStamp(n);
    this.heap1 = new IndexedMinHeap(n);
    this.heap2 = new IndexedMinHeap(n);
    this.coordinates = new CoordinateBound(graph, (detail) => new InvalidBoundError(detail, 'BidirectionalAStarQuery'));
  }

  route(source: number, target: number, options?: QueryOptions): PathResult {
    const graph = this.graph;
    checkNode('BidirectionalAStarQuery.route', 'source', graph, source);
    checkNode('BidirectionalAStarQuery.route', 'target', graph, target);
    const maxCost = checkOptions('BidirectionalAStarQuery.route', graph, options);
    if (source === target) return { found: true, cost: 0, edges: [], nodes: [source], settled: 0 };
    const at = (v: number): BoundPoint => ({ x: graph.x?.[v] ?? 0, y: graph.y?.[v] ?? 0 });
    const r = this.search({ nodes: [source], offsets: [0] }, { nodes: [target], offsets: [0] }, at(source), at(target), maxCost, Infinity, options);
    return r.found ? { found: true, cost: r.cost, edges: r.edges, nodes: r.nodes, settled: r.settled } : notFound(r.settled);
  }

  /**
   * The cheapest path from any source seed to any target seed (offsets
   * included), or nothing cheaper than `bestKnown` / above `maxCost`. The bound
   * points must bound every seed's offset: offset ≥ bound(seed, point).
   */
  search(sources: Seeds, targets: Seeds, from: BoundPoint, to: BoundPoint, maxCost: number, bestKnown: number, options?: QueryOptions): SeededPath {
    const { firstOut, head, weight, firstIn, inEdge, tail } = this.graph;
    const { g1, g2, h1, h2, parent1, parent2, seed1, seed2, heap1, heap2 } = this;
    const reached1 = this.reached1.next();
    const reached2 = this.reached2.next();
    const done = this.done.next();
    const blockedEdges = options?.blockedEdges;
    const blockedNodes = options?.blockedNodes;
    this.setBoundPoints(from, to);
    heap1.clear();
    heap2.clear();

    // Prune only what is clearly above maxCost: the exact check is on the summed path below.
    let best = Math.min(bestKnown, searchLimit(maxCost));
    let meet = -1;
    for (let i = 0; i < sources.nodes.length; i++) {
      const v = sources.nodes[i];
      if (reached1.has(v) && g1[v] <= sources.offsets[i]) continue;
      if (!reached1.has(v)) {
        h1[v] = this.boundToTarget(v);
        h2[v] = this.boundFromSource(v);
      }
      reached1.mark(v);
      g1[v] = sources.offsets[i];
      parent1[v] = -1;
      seed1[v] = i;
      heap1.pushOrDecrease(v, g1[v] + h1[v]);
    }
    for (let i = 0; i < targets.nodes.length; i++) {
      const v = targets.nodes[i];
      if (reached2.has(v) && g2[v] <= targets.offsets[i]) continue;
      if (!reached1.has(v) && !reached2.has(v)) {
        h1[v] = this.boundToTarget(v);
        h2[v] = this.boundFromSource(v);
      }
      reached2.mark(v);
      g2[v] = targets.offsets[i];
      parent2[v] = -1;
      seed2[v] = i;
      heap2.pushOrDecrease(v, g2[v] + h2[v]);
      if (reached1.has(v) && g1[v] + g2[v] < best) {
        best = g1[v] + g2[v];
        meet = v;
      }
    }
    let f1 = heap1.isEmpty() ? Infinity : heap1.minKey();
    let f2 = heap2.isEmpty() ? Infinity : heap2.minKey();
    let settled = 0;

    while (!heap1.isEmpty() && !heap2.isEmpty()) {
      if (heap1.size <= heap2.size) {
        const x = heap1.pop();
        if (!done.has(x)) {
          done.mark(x);
          settled++;
          const gx = g1[x];
          if (gx + h1[x] < best && gx + f2 - h2[x] < best) {
            const end = firstOut[x + 1];
            for (let e = firstOut[x]; e < end; e++) {
              if (blockedEdges !== undefined && blockedEdges[e] !== 0) continue;
              const y = head[e];
              if (done.has(y)) continue;
              if (blockedNodes !== undefined && blockedNodes[y] !== 0 && !reached2.has(y)) continue;
              const gy = gx + weight[e];
              if (!reached1.has(y)) {
                if (!reached2.has(y)) {
                  h1[y] = this.boundToTarget(y);
                  h2[y] = this.boundFromSource(y);
                }
                reached1.mark(y);
              } else if (gy >= g1[y]) continue;
              g1[y] = gy;
              parent1[y] = e;
              seed1[y] = seed1[x];
              heap1.pushOrDecrease(y, gy + h1[y]);
              if (reached2.has(y) && gy + g2[y] < best) {
                best = gy + g2[y];
                meet = y;
              }
            }
          }
        }
        if (!heap1.isEmpty()) f1 = heap1.minKey();
      } else {
        const x = heap2.pop();
        if (!done.has(x)) {
          done.mark(x);
          settled++;
          const gx = g2[x];
          if (gx + h2[x] < best && gx + f1 - h1[x] < best) {
            const end = firstIn[x + 1];
            for (let i = firstIn[x]; i < end; i++) {
              const e = inEdge[i];
              if (blockedEdges !== undefined && blockedEdges[e] !== 0) continue;
              const y = tail[e];
              if (done.has(y)) continue;
              if (blockedNodes !== undefined && blockedNodes[y] !== 0 && !reached1.has(y)) continue;
              const gy = gx + weight[e];
              if (!reached2.has(y)) {
                if (!reached1.has(y)) {
                  h1[y] = this.boundToTarget(y);
                  h2[y] = this.boundFromSource(y);
                }
                reached2.mark(y);
              } else if (gy >= g2[y]) continue;
              g2[y] = gy;
              parent2[y] = e;
              seed2[y] = seed2[x];
              heap2.pushOrDecrease(y, gy + h2[y]);
              if (reached1.has(y) && g1[y] + gy < best) {
                best = g1[y] + gy;
                meet = y;
              }
            }
          }
        }
        if (!heap2.isEmpty()) f2 = heap2.minKey();
      }
    }
    if (meet < 0) return { found: false, cost: Infinity, edges: [], nodes: [], sourceSeed: -1, targetSeed: -1, settled };
    return this.pathThrough(meet, sources, targets, maxCost, settled);
  }

  /** Stitches the forward and backward parent chains at `meet`; the cost is summed in path order. */
  private pathThrough(meet: number, sources: Seeds, targets: Seeds, maxCost: number, settled: number): SeededPath {
    const { head, tail, weight } = this.graph;
    const edges: number[] = [];
    let v = meet;
    while (this.parent1[v] >= 0) {
      edges.push(this.parent1[v]);
      v = tail[this.parent1[v]];
    }
    const first = v;
    edges.reverse();
    for (v = meet; this.parent2[v] >= 0; v = head[this.parent2[v]]) edges.push(this.parent2[v]);
    const sourceSeed = this.seed1[meet];
    const targetSeed = this.seed2[meet];
    let cost = sources.offsets[sourceSeed];
    for (let i = 0; i < edges.length; i++) cost += weight[edges[i]];
    cost += targets.offsets[targetSeed];
    // A cost that overflowed is no route (see PathResult.cost).
    if (!(cost <= maxCost && cost < Infinity)) return { found: false, cost: Infinity, edges: [], nodes: [], sourceSeed: -1, targetSeed: -1, settled };
    const nodes = [first];
    for (const e of edges) nodes.push(head[e]);
    return { found: true, cost, edges, nodes, sourceSeed, targetSeed, settled };
  }

  private setBoundPoints(from: BoundPoint, to: BoundPoint): void {
    if (this.coordinates.kind === GEODESIC) {
      this.sa = from.y * DEGREES_TO_RADIANS;
      this.sb = from.x * DEGREES_TO_RADIANS;
      this.sc = Math.cos(this.sa);
      this.ta = to.y * DEGREES_TO_RADIANS;
      this.tb = to.x * DEGREES_TO_RADIANS;
      this.tc = Math.cos(this.ta);
    } else {
      this.sa = from.x;
      this.sb = from.y;
      this.ta = to.x;
      this.tb = to.y;
    }
  }

  private boundToTarget(v: number): number {
    return this.coordinates.between(v, this.ta, this.tb, this.tc);
  }

  private boundFromSource(v: number): number {
    return this.coordinates.between(v, this.sa, this.sb, this.sc);
  }
}
