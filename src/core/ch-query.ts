/**
 * Point-to-point queries on a contraction hierarchy (built by
 * contraction-hierarchy.ts): two Dijkstra searches that only climb — forward
 * from the source over upward arcs, backward from the target over arcs coming
 * down into it — and meet at the highest node of the shortest path.
 *
 * Stall-on-demand: when a search settles x but a higher node y that it already
 * reached offers a shorter way into x (through an arc y → x that the upward
 * search cannot use), x's distance is not its true distance, so x is not
 * expanded. This prunes most of the search space on road graphs.
 *
 * The search runs on ranks (the hierarchy's node numbering). The result is
 * unpacked — shortcuts recursively replaced by the two arcs they stand for — to
 * the ORIGINAL graph's CSR edge ids, and its cost is the sum of those edges'
 * weights, so it is the exact cost of a real path of the input graph.
 *
 * Restrictions are not supported: blocking an edge or node would need the
 * shortcuts that bypass it rebuilt, so `blockedEdges` / `blockedNodes` are
 * rejected (use DijkstraQuery or ALTQuery for those). `maxCost` is supported.
 */
import { type ContractionHierarchy, graphFingerprint } from './contraction-hierarchy.js';
import { IndexedMinHeap } from './min-heap.js';
import {
  checkNode,
  checkOptions,
  InvalidQueryOptionError,
  notFound,
  type PathResult,
  type QueryOptions,
} from './path.js';
import type { RoutingGraph } from './routing-graph.js';

/** The hierarchy was built for a different graph. */
export class HierarchyGraphMismatchError extends Error {
  constructor(detail: string) {
    super(`ContractionHierarchyQuery: the hierarchy does not belong to this graph (${detail})`);
    this.name = 'HierarchyGraphMismatchError';
  }
}

const ROUTE = 'ContractionHierarchyQuery.route';
const ROUTE_EDGES = 'ContractionHierarchyQuery.routeEdges';
const DISTANCE = 'ContractionHierarchyQuery.distance';
const TABLE = 'ContractionHierarchyQuery.table';

export class ContractionHierarchyQuery {
  // Per direction, indexed by rank; valid where stamp === generation.
  private readonly distF: Float64Array;
  private readonly distB: Float64Array;
  /** Position (in up arrays) of the arc the forward search reached a rank by; -1 at the source. */
  private readonly parentF: Int32Array;
  /** Position (in down arrays) of the arc the backward search reached a rank by; -1 at the target. */
  private readonly parentB: Int32Array;
  /** Rank the arc came from (forward: its tail; backward: its head). */
  private readonly predF: Int32Array;
  private readonly predB: Int32Array;
  private readonly stampF: Uint32Array;
  private readonly stampB: Uint32Array;
  private generation = 0;
  private readonly heapF: IndexedMinHeap;
  private readonly heapB: IndexedMinHeap;
  /** Unpacking stack of arc ids, reused across queries. */
  private stack = new Int32Array(64);
  /** Unpacked CSR edges of the current path, reused across queries. */
  private edgeBuffer = new Int32Array(1024);
  /** Cost of the best meeting of the last search (Infinity when none). */
  private best = Infinity;
  /** Nodes settled by the last search. */
  private settledCount = 0;

  constructor(
    readonly graph: RoutingGraph,
    readonly hierarchy: ContractionHierarchy,
  ) {
    if (hierarchy.nodeCount !== graph.nodeCount || hierarchy.edgeCount !== graph.edgeCount) {
      throw new HierarchyGraphMismatchError(
        `hierarchy has ${hierarchy.nodeCount} nodes / ${hierarchy.edgeCount} edges, graph ${graph.nodeCount} / ${graph.edgeCount}`,
      );
    }
    const fingerprint = graphFingerprint(graph);
    if (fingerprint !== hierarchy.graphFingerprint) {
      throw new HierarchyGraphMismatchError(
        `graph fingerprint ${fingerprint}, hierarchy built for ${hierarchy.graphFingerprint}`,
      );
    }
    const n = graph.nodeCount;
    this.distF = new Float64Array(n);
    this.distB = new Float64Array(n);
    this.parentF = new Int32Array(n);
    this.parentB = new Int32Array(n);
    this.predF = new Int32Array(n);
    this.predB = new Int32Array(n);
    this.stampF = new Uint32Array(n);
    this.stampB = new Uint32Array(n);
    this.heapF = new IndexedMinHeap(n);
    this.heapB = new IndexedMinHeap(n);
  }

  /**
   * The shortest path source → target, unpacked to the original graph's edges
   * and nodes (see the module comment). `maxCost` is honoured; blocked edges
   * and nodes are refused.
   */
  route(source: number, target: number, options?: QueryOptions): PathResult {
    const graph = this.graph;
    checkNode(ROUTE, 'source', graph, source);
    checkNode(ROUTE, 'target', graph, target);
    const maxCost = checkOptions(ROUTE, graph, options);
    if (options?.blockedEdges !== undefined) {
      throw new InvalidQueryOptionError(ROUTE, 'blockedEdges', 'is not supported by a contraction hierarchy (shortcuts bypass blocked edges); use DijkstraQuery');
    }
    if (options?.blockedNodes !== undefined) {
      throw new InvalidQueryOptionError(ROUTE, 'blockedNodes', 'is not supported by a contraction hierarchy (shortcuts bypass blocked nodes); use DijkstraQuery');
    }
    if (source === target) return { found: true, cost: 0, edges: [], nodes: [source], settled: 0 };
    const meet = this.search(source, target, maxCost);
    const settled = this.settledCount;
    if (meet < 0) return notFound(settled);

    const count = this.unpackPath(meet);
    const edgeBuffer = this.edgeBuffer;
    const { head, weight } = graph;
    const edges = new Array<number>(count);
    const nodes = new Array<number>(count + 1);
    nodes[0] = source;
    let cost = 0;
    for (let i = 0; i < count; i++) {
      const e = edgeBuffer[i];
      edges[i] = e;
      nodes[i + 1] = head[e];
      cost += weight[e];
    }
    if (cost > maxCost) return notFound(settled);
    return { found: true, cost, edges, nodes, settled };
  }

  /**
   * The shortest path source → target as CSR edge ids in a typed array — no JS
   * arrays are built. Returns the number of edges written to `out` (grown when
   * too small: the array actually written is `edges` of the result), or -1
   * when the target is unreachable. The cost is the sum of those edges'
   * weights in path order.
   */
  routeEdges(source: number, target: number): { count: number; cost: number; edges: Int32Array } {
    checkNode(ROUTE_EDGES, 'source', this.graph, source);
    checkNode(ROUTE_EDGES, 'target', this.graph, target);
    if (source === target) return { count: 0, cost: 0, edges: this.edgeBuffer };
    const meet = this.search(source, target, Infinity);
    if (meet < 0) return { count: -1, cost: Infinity, edges: this.edgeBuffer };
    const count = this.unpackPath(meet);
    const edgeBuffer = this.edgeBuffer;
    const weight = this.graph.weight;
    let cost = 0;
    for (let i = 0; i < count; i++) cost += weight[edgeBuffer[i]];
    return { count, cost, edges: edgeBuffer };
  }

  /**
   * The shortest distance source → target (Infinity when unreachable), without
   * unpacking a path: for tables and scans. It is the length of the up-down
   * path in the hierarchy, i.e. the sum of its arcs' weights, each of which is
   * the sum of the original edges it stands for; it may differ from route()'s
   * cost (summed edge by edge in path order) in the last bits of the float.
   */
  distance(source: number, target: number): number {
    checkNode(DISTANCE, 'source', this.graph, source);
    checkNode(DISTANCE, 'target', this.graph, target);
    if (source === target) return 0;
    this.search(source, target, Infinity);
    return this.best;
  }

  /**
   * Many-to-many distances by bucket scanning (Knopp et al. 2007): one upward
   * search per source leaves (source, distance) entries in buckets at the nodes
   * it settles; one backward search per target scans the buckets of the nodes
   * it settles, and the shortest path s → t is the best sum at a node both
   * reached. Returns a row-major Float64Array: entry [i * targets.length + j]
   * is the distance sources[i] → targets[j], Infinity where unreachable.
   */
  table(sources: ArrayLike<number>, targets: ArrayLike<number>): Float64Array {
    const graph = this.graph;
    const S = sources.length;
    const T = targets.length;
    for (let i = 0; i < S; i++) checkNode(TABLE, `sources[${i}]`, graph, sources[i]);
    for (let j = 0; j < T; j++) checkNode(TABLE, `targets[${j}]`, graph, targets[j]);
    const matrix = new Float64Array(S * T).fill(Infinity);
    if (S === 0 || T === 0) return matrix;
    const ch = this.hierarchy;
    const n = ch.nodeCount;
    const { upFirst, upHead, upWeight, downFirst, downTail, downWeight } = ch;
    const { distF, stampF, heapF } = this;

    // Phase 1: forward searches; entries appended per source (node, source, dist).
    let entryNode: Int32Array = new Int32Array(Math.max(1024, S * 64));
    let entrySource: Int32Array = new Int32Array(entryNode.length);
    let entryDist: Float64Array = new Float64Array(entryNode.length);
    let entries = 0;
    for (let i = 0; i < S; i++) {
      const gen = this.nextGeneration();
      heapF.clear();
      const rs = ch.rank[sources[i]];
      distF[rs] = 0;
      stampF[rs] = gen;
      heapF.push(rs, 0);
      while (!heapF.isEmpty()) {
        const x = heapF.pop();
        const dx = distF[x];
        let stalled = false;
        for (let p = downFirst[x], end = downFirst[x + 1]; p < end; p++) {
          const y = downTail[p];
          if (stampF[y] === gen && distF[y] + downWeight[p] < dx) {
            stalled = true;
            break;
          }
        }
        if (stalled) continue;
        if (entries === entryNode.length) {
          const size = entries * 2;
          entryNode = grownInt32(entryNode, size);
          entrySource = grownInt32(entrySource, size);
          entryDist = grownFloat64(entryDist, size);
        }
        entryNode[entries] = x;
        entrySource[entries] = i;
        entryDist[entries] = dx;
        entries++;
        for (let p = upFirst[x], end = upFirst[x + 1]; p < end; p++) {
          const y = upHead[p];
          const nd = dx + upWeight[p];
          if (stampF[y] !== gen) {
            stampF[y] = gen;
            distF[y] = nd;
            heapF.push(y, nd);
          } else if (nd < distF[y]) {
            distF[y] = nd;
            heapF.pushOrDecrease(y, nd);
          }
        }
      }
    }
    // Buckets: entries grouped by node (counting sort), source and distance side by side.
    const bucketFirst = new Int32Array(n + 1);
    for (let k = 0; k < entries; k++) bucketFirst[entryNode[k] + 1]++;
    for (let r = 0; r < n; r++) bucketFirst[r + 1] += bucketFirst[r];
    const fill = bucketFirst.slice(0, n);
    const bucketSource = new Int32Array(entries);
    const bucketDist = new Float64Array(entries);
    for (let k = 0; k < entries; k++) {
      const slot = fill[entryNode[k]]++;
      bucketSource[slot] = entrySource[k];
      bucketDist[slot] = entryDist[k];
    }

    // Phase 2: backward searches scan the buckets of the nodes they settle.
    const { distB, stampB, heapB } = this;
    for (let j = 0; j < T; j++) {
      const gen = this.nextGeneration();
      heapB.clear();
      const rt = ch.rank[targets[j]];
      distB[rt] = 0;
      stampB[rt] = gen;
      heapB.push(rt, 0);
      while (!heapB.isEmpty()) {
        const x = heapB.pop();
        const dx = distB[x];
        let stalled = false;
        for (let p = upFirst[x], end = upFirst[x + 1]; p < end; p++) {
          const y = upHead[p];
          if (stampB[y] === gen && distB[y] + upWeight[p] < dx) {
            stalled = true;
            break;
          }
        }
        if (stalled) continue;
        for (let k = bucketFirst[x], end = bucketFirst[x + 1]; k < end; k++) {
          const cell = bucketSource[k] * T + j;
          const d = bucketDist[k] + dx;
          if (d < matrix[cell]) matrix[cell] = d;
        }
        for (let p = downFirst[x], end = downFirst[x + 1]; p < end; p++) {
          const y = downTail[p];
          const nd = dx + downWeight[p];
          if (stampB[y] !== gen) {
            stampB[y] = gen;
            distB[y] = nd;
            heapB.push(y, nd);
          } else if (nd < distB[y]) {
            distB[y] = nd;
            heapB.pushOrDecrease(y, nd);
          }
        }
      }
    }
    return matrix;
  }

  /** Starts a new search generation for both directions. */
  private nextGeneration(): number {
    if (++this.generation === 0xffffffff) {
      this.stampF.fill(0);
      this.stampB.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }

  /**
   * The bidirectional upward search between two distinct nodes. Leaves the
   * best meeting cost in `best`, the settled count in `settledCount` and the
   * parents for unpacking; returns the meeting rank, or -1 when none within
   * maxCost.
   */
  private search(source: number, target: number, maxCost: number): number {
    const ch = this.hierarchy;
    const { upFirst, upHead, upWeight, downFirst, downTail, downWeight } = ch;
    const { distF, distB, parentF, parentB, predF, predB, stampF, stampB, heapF, heapB } = this;
    const gen = this.nextGeneration();
    heapF.clear();
    heapB.clear();

    const rs = ch.rank[source];
    const rt = ch.rank[target];
    distF[rs] = 0;
    parentF[rs] = -1;
    predF[rs] = -1;
    stampF[rs] = gen;
    heapF.push(rs, 0);
    distB[rt] = 0;
    parentB[rt] = -1;
    predB[rt] = -1;
    stampB[rt] = gen;
    heapB.push(rt, 0);

    let best = Infinity;
    let meet = -1;
    let settled = 0;
    for (;;) {
      const minF = heapF.minKey();
      const minB = heapB.minKey();
      // A search is done when it cannot improve the best meeting (heaps only hold keys <= maxCost).
      const forwardDone = !(minF < best);
      const backwardDone = !(minB < best);
      if (forwardDone && backwardDone) break;
      if (!forwardDone && (backwardDone || minF <= minB)) {
        const x = heapF.pop();
        settled++;
        const dx = distF[x];
        if (stampB[x] === gen && dx + distB[x] < best) {
          best = dx + distB[x];
          meet = x;
        }
        // Stall: a reached higher node y with an arc y -> x gives x a shorter distance.
        let stalled = false;
        for (let p = downFirst[x], end = downFirst[x + 1]; p < end; p++) {
          const y = downTail[p];
          if (stampF[y] === gen && distF[y] + downWeight[p] < dx) {
            stalled = true;
            break;
          }
        }
        if (stalled) continue;
        for (let p = upFirst[x], end = upFirst[x + 1]; p < end; p++) {
          const y = upHead[p];
          const nd = dx + upWeight[p];
          if (nd > maxCost) continue;
          if (stampF[y] !== gen) {
            stampF[y] = gen;
            distF[y] = nd;
            parentF[y] = p;
            predF[y] = x;
            heapF.push(y, nd);
          } else if (nd < distF[y]) {
            distF[y] = nd;
            parentF[y] = p;
            predF[y] = x;
            heapF.pushOrDecrease(y, nd);
          }
        }
      } else {
        const x = heapB.pop();
        settled++;
        const dx = distB[x];
        if (stampF[x] === gen && dx + distF[x] < best) {
          best = dx + distF[x];
          meet = x;
        }
        let stalled = false;
        for (let p = upFirst[x], end = upFirst[x + 1]; p < end; p++) {
          const y = upHead[p];
          if (stampB[y] === gen && distB[y] + upWeight[p] < dx) {
            stalled = true;
            break;
          }
        }
        if (stalled) continue;
        for (let p = downFirst[x], end = downFirst[x + 1]; p < end; p++) {
          const y = downTail[p];
          const nd = dx + downWeight[p];
          if (nd > maxCost) continue;
          if (stampB[y] !== gen) {
            stampB[y] = gen;
            distB[y] = nd;
            parentB[y] = p;
            predB[y] = x;
            heapB.push(y, nd);
          } else if (nd < distB[y]) {
            distB[y] = nd;
            parentB[y] = p;
            predB[y] = x;
            heapB.pushOrDecrease(y, nd);
          }
        }
      }
    }
    this.best = best;
    this.settledCount = settled;
    return meet;
  }

  /**
   * Unpacks the arcs source ⇝ meet (forward parents, collected backwards) and
   * meet ⇝ target (backward parents) into `edgeBuffer`; returns the edge count.
   */
  private unpackPath(meet: number): number {
    const { upArc, downArc } = this.hierarchy;
    const { parentF, predF, parentB, predB } = this;
    let upCount = 0;
    for (let x = meet; parentF[x] >= 0; x = predF[x]) upCount++;
    this.reserveStack(upCount + 2);
    // Walking from the meeting node back to the source pushes the path's last
    // upward arc first, so the source's arc ends on top and pops first.
    let top = 0;
    for (let x = meet; parentF[x] >= 0; x = predF[x]) this.stack[top++] = upArc[parentF[x]];
    let count = this.drain(top, 0);
    for (let x = meet; parentB[x] >= 0; x = predB[x]) {
      this.stack[0] = downArc[parentB[x]];
      count = this.drain(1, count);
    }
    return count;
  }

  private reserveStack(size: number): void {
    if (size <= this.stack.length) return;
    const bigger = new Int32Array(Math.max(size, this.stack.length * 2));
    bigger.set(this.stack);
    this.stack = bigger;
  }

  /**
   * Pops arcs off the stack (top = next in path order), expanding shortcuts in
   * place and appending original edges to edgeBuffer from position `count`.
   * A shortcut's halves are read together from `shortcutHalves`; its first
   * half is expanded straight away (a left-spine walk) and only the second is
   * pushed, so each shortcut costs one stack push. Returns the new count.
   */
  private drain(top: number, count: number): number {
    const { edgeCount, shortcutHalves } = this.hierarchy;
    let stack = this.stack;
    let edgeBuffer = this.edgeBuffer;
    while (top > 0) {
      let a = stack[--top];
      // Walk down the first halves, pushing each second half.
      while (a >= edgeCount) {
        const s2 = (a - edgeCount) << 1;
        if (top === stack.length) {
          this.reserveStack(top + 1);
          stack = this.stack;
        }
        stack[top++] = shortcutHalves[s2 + 1];
        a = shortcutHalves[s2];
      }
      if (count === edgeBuffer.length) {
        const bigger = new Int32Array(edgeBuffer.length * 2);
        bigger.set(edgeBuffer);
        edgeBuffer = this.edgeBuffer = bigger;
      }
      edgeBuffer[count++] = a;
    }
    return count;
  }
}

function grownInt32(array: Int32Array, size: number): Int32Array {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}

function grownFloat64(array: Float64Array, size: number): Float64Array {
  const next = new Float64Array(size);
  next.set(array);
  return next;
}
