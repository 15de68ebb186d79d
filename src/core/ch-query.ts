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
import {
  checkNode,
  checkOptions,
  InvalidQueryOptionError,
  notFound,
  type PathResult,
  type QueryOptions,
  searchLimit,
} from './path.js';
import { groupByKey } from './group-by-key.js';
import type { RoutingGraph } from './routing-graph.js';
import { InternalError } from '../errors/steppenet-error.js';
import { grownFloat64, grownInt32 } from './typed-array-growth.js';

/** The hierarchy was built for a different graph. */
export class HierarchyGraphMismatchError extends InternalError {
  constructor(detail: string) {
    super(`ContractionHierarchyQuery: the hierarchy does not belong to this graph (${detail})`);
  }
}

const ROUTE = 'ContractionHierarchyQuery.route';
const ROUTE_EDGES = 'ContractionHierarchyQuery.routeEdges';
const DISTANCE = 'ContractionHierarchyQuery.distance';
const TABLE = 'ContractionHierarchyQuery.table';

/**
 * A binary min-heap of (key, item) without decrease-key: an improved item is
 * pushed again and the stale entry is skipped when popped (its key is above
 * the item's distance). No item-indexed position array, so pushing a node
 * touches only the small, hot heap arrays — one random memory access fewer per
 * reached node than an indexed heap.
 */
class LazyMinHeap {
  keys = new Float64Array(256);
  items = new Int32Array(256);
  size = 0;
  /** Key of the last popped entry. */
  poppedKey = 0;

  clear(): void {
    this.size = 0;
  }

  minKey(): number {
    return this.size === 0 ? Infinity : this.keys[0];
  }

  push(item: number, key: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const items = this.items;
    let slot = this.size++;
    while (slot > 0) {
      const parent = (slot - 1) >> 1;
      const parentKey = keys[parent];
      if (parentKey <= key) break;
      keys[slot] = parentKey;
      items[slot] = items[parent];
      slot = parent;
    }
    keys[slot] = key;
    items[slot] = item;
  }

  /** Removes the smallest entry; returns its item (its key in `poppedKey`). Only call when size > 0. */
  pop(): number {
    const keys = this.keys;
    const items = this.items;
    const top = items[0];
    this.poppedKey = keys[0];
    const count = --this.size;
    if (count > 0) {
      const key = keys[count];
      const item = items[count];
      let slot = 0;
      for (;;) {
        let child = 2 * slot + 1;
        if (child >= count) break;
        let childKey = keys[child];
        if (child + 1 < count && keys[child + 1] < childKey) {
          child++;
          childKey = keys[child];
        }
        if (key <= childKey) break;
        keys[slot] = childKey;
        items[slot] = items[child];
        slot = child;
      }
      keys[slot] = key;
      items[slot] = item;
    }
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.keys = keys;
    this.items = items;
  }
}

export class ContractionHierarchyQuery {
  /**
   * Per direction, one 16-byte record per rank, so a search reads one cache
   * line per node it touches: distance (float64 at [2r] of the Float64Array
   * view), generation stamp (int32 at [4r + 2] of the Int32Array view; the
   * record is valid when it equals the current generation) and the position of
   * the arc the search reached the rank by (int32 at [4r + 3]; forward: in the
   * up arrays, backward: in the down arrays; -1 at the source / target). The
   * rank that arc leaves from is recovered when unpacking (see unpackPath).
   */
  private readonly recordF: Float64Array;
  private readonly recordFi: Int32Array;
  private readonly recordB: Float64Array;
  private readonly recordBi: Int32Array;
  private generation = 0;
  private readonly heapF = new LazyMinHeap();
  private readonly heapB = new LazyMinHeap();
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
    this.recordF = new Float64Array(2 * n);
    this.recordFi = new Int32Array(this.recordF.buffer);
    this.recordB = new Float64Array(2 * n);
    this.recordBi = new Int32Array(this.recordB.buffer);
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
    // Up and down labels add in another order than the path: search a hair above maxCost, check the path's own sum below.
    const meet = this.search(source, target, searchLimit(maxCost));
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
    // One rule with every finder: a path whose summed cost is not finite is no route.
    if (!(cost <= maxCost && cost < Infinity)) return notFound(settled);
    return { found: true, cost, edges, nodes, settled };
  }

  /**
   * The shortest path source → target as CSR edge ids in a typed array — no JS
   * arrays are built: `edges[0 .. count-1]` of the result, in path order. The
   * array is the query's own reused buffer, overwritten by the next query
   * (copy it, e.g. `edges.slice(0, count)`, to keep it). `count` is -1 when
   * the target is unreachable; `cost` is the sum of the edges' weights in path
   * order (Infinity when unreachable).
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
    this.scanBuckets(this.fillBuckets(sources), targets, matrix);
    return matrix;
  }

  /**
   * Phase 1 of table(): one upward search per source; each node it settles
   * gets a bucket entry (source index, distance). Buckets are grouped by rank.
   */
  private fillBuckets(sources: ArrayLike<number>): { first: Uint32Array; source: Int32Array; dist: Float64Array } {
    const ch = this.hierarchy;
    const n = ch.nodeCount;
    const S = sources.length;
    const { upFirst, upHead, upWeight, downFirst, downTail, downWeight } = ch;
    // Entries appended per source (node, source, dist).
    let entryNode: Int32Array = new Int32Array(Math.max(1024, S * 64));
    let entrySource: Int32Array = new Int32Array(entryNode.length);
    let entryDist: Float64Array = new Float64Array(entryNode.length);
    let entries = 0;
    {
      const { recordF: dist, recordFi: meta, heapF: heap } = this;
      for (let i = 0; i < S; i++) {
        const gen = this.nextGeneration();
        heap.clear();
        const rs = ch.rank[sources[i]];
        dist[2 * rs] = 0;
        meta[4 * rs + 2] = gen;
        heap.push(rs, 0);
        while (heap.size > 0) {
          const x = heap.pop();
          const dx = dist[2 * x];
          if (heap.poppedKey > dx) continue; // stale entry
          let stalled = false;
          for (let p = downFirst[x], end = downFirst[x + 1]; p < end; p++) {
            const y = downTail[p];
            if (meta[4 * y + 2] === gen && dist[2 * y] + downWeight[p] < dx) {
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
            if (meta[4 * y + 2] !== gen || nd < dist[2 * y]) {
              meta[4 * y + 2] = gen;
              dist[2 * y] = nd;
              heap.push(y, nd);
            }
          }
        }
      }
    }
    // Buckets: entries grouped by node.
    const { first, order: bucketEntry } = groupByKey(n, entries, (k) => entryNode[k]);
    const source = new Int32Array(entries);
    const dist = new Float64Array(entries);
    for (let slot = 0; slot < entries; slot++) {
      const k = bucketEntry[slot];
      source[slot] = entrySource[k];
      dist[slot] = entryDist[k];
    }
    return { first, source, dist };
  }

  /** Phase 2 of table(): one backward search per target scans the buckets of the nodes it settles into `matrix`. */
  private scanBuckets(
    buckets: { first: Uint32Array; source: Int32Array; dist: Float64Array },
    targets: ArrayLike<number>,
    matrix: Float64Array,
  ): void {
    const ch = this.hierarchy;
    const T = targets.length;
    const { upFirst, upHead, upWeight, downFirst, downTail, downWeight } = ch;
    const { first: bucketFirst, source: bucketSource, dist: bucketDist } = buckets;
    const { recordB: dist, recordBi: meta, heapB: heap } = this;
    for (let j = 0; j < T; j++) {
      const gen = this.nextGeneration();
      heap.clear();
      const rt = ch.rank[targets[j]];
      dist[2 * rt] = 0;
      meta[4 * rt + 2] = gen;
      heap.push(rt, 0);
      while (heap.size > 0) {
        const x = heap.pop();
        const dx = dist[2 * x];
        if (heap.poppedKey > dx) continue;
        let stalled = false;
        for (let p = upFirst[x], end = upFirst[x + 1]; p < end; p++) {
          const y = upHead[p];
          if (meta[4 * y + 2] === gen && dist[2 * y] + upWeight[p] < dx) {
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
          if (meta[4 * y + 2] !== gen || nd < dist[2 * y]) {
            meta[4 * y + 2] = gen;
            dist[2 * y] = nd;
            heap.push(y, nd);
          }
        }
      }
    }
  }

  /** Starts a new search generation for both directions. */
  private nextGeneration(): number {
    if (++this.generation === 0x7fffffff) {
      for (let r = 0; r < this.hierarchy.nodeCount; r++) {
        this.recordFi[4 * r + 2] = 0;
        this.recordBi[4 * r + 2] = 0;
      }
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
    const { recordF: distF, recordFi: metaF, recordB: distB, recordBi: metaB, heapF, heapB } = this;
    const gen = this.nextGeneration();
    heapF.clear();
    heapB.clear();

    const rs = ch.rank[source];
    const rt = ch.rank[target];
    distF[2 * rs] = 0;
    metaF[4 * rs + 2] = gen;
    metaF[4 * rs + 3] = -1;
    heapF.push(rs, 0);
    distB[2 * rt] = 0;
    metaB[4 * rt + 2] = gen;
    metaB[4 * rt + 3] = -1;
    heapB.push(rt, 0);

    let best = Infinity;
    let meet = -1;
    let settled = 0;
    for (;;) {
      // Heap tops may be stale entries: their keys are still lower bounds, so the stopping test stays safe.
      const minF = heapF.minKey();
      const minB = heapB.minKey();
      // A search is done when it cannot improve the best meeting (heaps only hold keys <= maxCost).
      const forwardDone = !(minF < best);
      const backwardDone = !(minB < best);
      if (forwardDone && backwardDone) break;
      if (!forwardDone && (backwardDone || minF <= minB)) {
        const x = heapF.pop();
        const dx = distF[2 * x];
        if (heapF.poppedKey > dx) continue;
        settled++;
        if (metaB[4 * x + 2] === gen && dx + distB[2 * x] < best) {
          best = dx + distB[2 * x];
          meet = x;
        }
        // Stall: a reached higher node y with an arc y -> x gives x a shorter distance.
        let stalled = false;
        for (let p = downFirst[x], end = downFirst[x + 1]; p < end; p++) {
          const y = downTail[p];
          if (metaF[4 * y + 2] === gen && distF[2 * y] + downWeight[p] < dx) {
            stalled = true;
            break;
          }
        }
        if (stalled) continue;
        for (let p = upFirst[x], end = upFirst[x + 1]; p < end; p++) {
          const y = upHead[p];
          const nd = dx + upWeight[p];
          if (nd > maxCost) continue;
          if (metaF[4 * y + 2] !== gen || nd < distF[2 * y]) {
            metaF[4 * y + 2] = gen;
            metaF[4 * y + 3] = p;
            distF[2 * y] = nd;
            heapF.push(y, nd);
          }
        }
      } else {
        const x = heapB.pop();
        const dx = distB[2 * x];
        if (heapB.poppedKey > dx) continue;
        settled++;
        if (metaF[4 * x + 2] === gen && dx + distF[2 * x] < best) {
          best = dx + distF[2 * x];
          meet = x;
        }
        let stalled = false;
        for (let p = upFirst[x], end = upFirst[x + 1]; p < end; p++) {
          const y = upHead[p];
          if (metaB[4 * y + 2] === gen && distB[2 * y] + upWeight[p] < dx) {
            stalled = true;
            break;
          }
        }
        if (stalled) continue;
        for (let p = downFirst[x], end = downFirst[x + 1]; p < end; p++) {
          const y = downTail[p];
          const nd = dx + downWeight[p];
          if (nd > maxCost) continue;
          if (metaB[4 * y + 2] !== gen || nd < distB[2 * y]) {
            metaB[4 * y + 2] = gen;
            metaB[4 * y + 3] = p;
            distB[2 * y] = nd;
            heapB.push(y, nd);
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
    const { upArc, downArc, upFirst, downFirst } = this.hierarchy;
    const { recordFi: metaF, recordBi: metaB } = this;
    // The rank an arc came from is not stored per search (one random write
    // fewer per relaxation): it is the rank whose arc range holds the arc's
    // position, found by binary search over the CSR offsets — a few dozen
    // times per path.
    let upCount = 0;
    for (let x = meet; metaF[4 * x + 3] >= 0; x = ownerOf(upFirst, metaF[4 * x + 3])) upCount++;
    this.reserveStack(upCount + 2);
    // Walking from the meeting node back to the source pushes the path's last
    // upward arc first, so the source's arc ends on top and pops first.
    let top = 0;
    for (let x = meet; metaF[4 * x + 3] >= 0; x = ownerOf(upFirst, metaF[4 * x + 3])) this.stack[top++] = upArc[metaF[4 * x + 3]];
    let count = this.drain(top, 0);
    for (let x = meet; metaB[4 * x + 3] >= 0; x = ownerOf(downFirst, metaB[4 * x + 3])) {
      this.stack[0] = downArc[metaB[4 * x + 3]];
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

/** The r with first[r] <= position < first[r + 1] (first is non-decreasing; the last such r when ranges are empty). */
function ownerOf(first: Uint32Array, position: number): number {
  let low = 0;
  let high = first.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (first[mid] <= position) low = mid;
    else high = mid - 1;
  }
  return low;
}
