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

    const ch = this.hierarchy;
    const { upFirst, upHead, upWeight, downFirst, downTail, downWeight } = ch;
    const { distF, distB, parentF, parentB, predF, predB, stampF, stampB, heapF, heapB } = this;
    if (++this.generation === 0xffffffff) {
      stampF.fill(0);
      stampB.fill(0);
      this.generation = 1;
    }
    const gen = this.generation;
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
   * place (second half pushed first so the first half pops first) and appending
   * original edges to edgeBuffer from position `count`. Returns the new count.
   */
  private drain(top: number, count: number): number {
    const { edgeCount, shortcutFirst, shortcutSecond } = this.hierarchy;
    let stack = this.stack;
    let edgeBuffer = this.edgeBuffer;
    while (top > 0) {
      const a = stack[--top];
      if (a < edgeCount) {
        if (count === edgeBuffer.length) {
          const bigger = new Int32Array(edgeBuffer.length * 2);
          bigger.set(edgeBuffer);
          edgeBuffer = this.edgeBuffer = bigger;
        }
        edgeBuffer[count++] = a;
        continue;
      }
      if (top + 2 > stack.length) {
        this.reserveStack(top + 2);
        stack = this.stack;
      }
      const s = a - edgeCount;
      stack[top++] = shortcutSecond[s];
      stack[top++] = shortcutFirst[s];
    }
    return count;
  }
}
