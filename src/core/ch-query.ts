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
 * Each node's up arcs and its down arcs are sorted by weight (in the layout
 * below), so the stall test stops at the first arc as heavy as x's distance
 * (distances are >= 0: no heavier arc can stall x), and relaxing stops at the
 * first arc that reaches the best meeting so far; on Moscow a query reads
 * about 1,700 arcs instead of 2,500 (and pushes 294 heap entries instead of 343).
 *
 * The search runs on the query's own layout of the hierarchy (ch-search-graph.ts:
 * nodes ordered by level, each node's search state and arcs in one block, the
 * original edges in unpacking order), built when the query is made, because a
 * query's time is mostly waiting for memory. The result is unpacked —
 * shortcuts replaced by the two arcs they stand for, iteratively, into a reused
 * typed array — to the ORIGINAL graph's CSR edge ids, and its cost is the sum
 * of those edges' weights, so it is the exact cost of a real path of the input
 * graph.
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
import { InputError, InternalError } from '../errors/steppenet-error.js';
import { grownFloat64, grownInt32 } from './typed-array-growth.js';
import {
  buildCHSearchGraph,
  type CHSearchGraph,
  DIST_B,
  DIST_F,
  GEN_B,
  GEN_F,
  HEADER,
  PARENT_B,
  PARENT_F,
  SLOT,
  TOTAL,
  UPS,
} from './ch-search-graph.js';

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
const TABLE_PATHS = 'ContractionHierarchyQuery.tablePaths';

/**
 * The answer of ContractionHierarchyQuery.tablePaths: every cell's distance
 * and, on demand, its path.
 */
export interface TablePaths {
  /** Row-major, as table() gives it: [i * targets + j] is sources[i] → targets[j], Infinity where unreachable. */
  readonly weights: Float64Array;
  /**
   * The path of cell (i, j) as the original graph's CSR edge ids in path
   * order (a new array each call): empty when the source is the target, null
   * when unreachable. Unpacked on demand; the table stays valid whatever the
   * query answers afterwards.
   */
  edges(i: number, j: number): number[] | null;
}

/** The sources' bucket entries grouped by slot (see fillBuckets). */
interface Buckets {
  first: Uint32Array;
  source: Int32Array;
  dist: Float64Array;
  entry: Uint32Array;
}

/** What tablePaths keeps to unpack a cell: the meeting of every cell and the search trees it climbed. */
interface TableTrees {
  /** Per cell: the forward entry (node of a source's upward tree) where the best path meets, -1 when none. */
  meetF: Int32Array;
  /** Per cell: the backward entry (node of a target's upward tree) of the same meeting. */
  meetB: Int32Array;
  /** Forward entries: the node's block and the entry of its parent in the same source's tree (-1 at the source). */
  blockF: Int32Array;
  parentF: Int32Array;
  /** Backward entries, likewise per target. */
  blockB: Int32Array;
  parentB: Int32Array;
}

/**
 * A binary min-heap of (key, item) without decrease-key: an improved item is
 * pushed again and the stale entry is skipped when popped (its key is above
 * the item's distance). No item-indexed position array, so pushing a node
 * touches only the small, hot heap arrays — one random memory access fewer per
 * reached node than an indexed heap. (A 4-ary heap measured about 8 % slower
 * on Moscow's CH queries.)
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
  /** The hierarchy in the query's layout: nodes renumbered into slots, arcs packed (ch-search-graph.ts). */
  private readonly layout: CHSearchGraph;
  private generation = 0;
  private readonly heapF = new LazyMinHeap();
  private readonly heapB = new LazyMinHeap();
  /** Unpacking stack of arc ids, reused across queries. */
  private stack = new Int32Array(64);
  /** Unpacked leaf slots (see CHSearchGraph) of the current path, reused across queries. */
  private leafBuffer = new Int32Array(1024);
  /** routeEdges' result: CSR edge ids of the latest path it returned, reused across queries. */
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
    this.layout = buildCHSearchGraph(hierarchy, graph);
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
    const leafBuffer = this.leafBuffer;
    const { leafWeight, leafInt } = this.layout;
    const edges = new Array<number>(count);
    const nodes = new Array<number>(count + 1);
    nodes[0] = source;
    let cost = 0;
    for (let i = 0; i < count; i++) {
      const l = leafBuffer[i];
      cost += leafWeight[2 * l];
      nodes[i + 1] = leafInt[4 * l + 2];
      edges[i] = leafInt[4 * l + 3];
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
    if (this.edgeBuffer.length < count) this.edgeBuffer = new Int32Array(this.leafBuffer.length);
    const edges = this.edgeBuffer;
    const leaves = this.leafBuffer;
    const { leafWeight, leafInt } = this.layout;
    let cost = 0;
    for (let i = 0; i < count; i++) {
      const l = leaves[i];
      cost += leafWeight[2 * l];
      edges[i] = leafInt[4 * l + 3];
    }
    return { count, cost, edges };
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
    this.scanBuckets(this.fillBuckets(sources, false), targets, matrix);
    return matrix;
  }

  /**
   * table() with paths: the same bucket algorithm, which also records, per
   * cell, the node where its best path meets (the first bucket entry that
   * gave the cell its final distance: deterministic) and keeps every source's
   * forward and every target's backward upward search tree as parent links,
   * so a cell's path is recovered — up the source's tree to the meeting node,
   * down the target's — and its shortcuts unpacked into original edges, as
   * route() unpacks them. `weights` are table()'s (sums of the up and down
   * arcs); a path's edges, added in path order, give the same number up to
   * float rounding (exactly when the sums are exact, e.g. weights that are
   * binary fractions), as for distance() and route(). table() runs the same
   * two phases without keeping the trees.
   */
  tablePaths(sources: ArrayLike<number>, targets: ArrayLike<number>): TablePaths {
    const graph = this.graph;
    const S = sources.length;
    const T = targets.length;
    for (let i = 0; i < S; i++) checkNode(TABLE_PATHS, `sources[${i}]`, graph, sources[i]);
    for (let j = 0; j < T; j++) checkNode(TABLE_PATHS, `targets[${j}]`, graph, targets[j]);
    const weights = new Float64Array(S * T).fill(Infinity);
    const meetF = new Int32Array(S * T).fill(-1);
    const meetB = new Int32Array(S * T).fill(-1);
    let trees: TableTrees = { meetF, meetB, blockF: new Int32Array(0), parentF: new Int32Array(0), blockB: new Int32Array(0), parentB: new Int32Array(0) };
    if (S > 0 && T > 0) {
      const forward = this.fillBuckets(sources, true);
      const backward = this.scanBuckets(forward, targets, weights, { meetF, meetB });
      trees = { meetF, meetB, blockF: forward.block, parentF: forward.parent, blockB: backward.block, parentB: backward.parent };
    }
    const checkCell = (name: string, index: number, count: number): void => {
      if (!(Number.isInteger(index) && index >= 0 && index < count)) {
        throw new InputError(`${TABLE_PATHS}: cell ${name} ${index} is not an index in 0..${count - 1}`);
      }
    };
    return {
      weights,
      edges: (i: number, j: number): number[] | null => {
        checkCell('row', i, S);
        checkCell('column', j, T);
        return this.unpackCell(trees, i * T + j);
      },
    };
  }

  /**
   * The edges of one tablePaths() cell: unpackPath() on the kept trees. Up the
   * source's tree from the meeting entry (each step an up arc parent → child),
   * then down the target's (each step a down arc child → parent, stored with
   * the parent).
   */
  private unpackCell(trees: TableTrees, cell: number): number[] | null {
    const kf = trees.meetF[cell];
    if (kf < 0) return null;
    const { blockF, parentF, blockB, parentB } = trees;
    let upCount = 0;
    for (let k = kf; parentF[k] >= 0; k = parentF[k]) upCount++;
    this.reserveStack(upCount + 2);
    let top = 0;
    for (let k = kf; parentF[k] >= 0; k = parentF[k]) this.stack[top++] = this.arcBetween(blockF[parentF[k]], false, blockF[k]);
    let count = this.drain(top, 0);
    for (let k = trees.meetB[cell]; parentB[k] >= 0; k = parentB[k]) {
      this.stack[0] = this.arcBetween(blockB[parentB[k]], true, blockB[k]);
      count = this.drain(1, count);
    }
    const leafInt = this.layout.leafInt;
    const leaves = this.leafBuffer;
    const edges = new Array<number>(count);
    for (let i = 0; i < count; i++) edges[i] = leafInt[4 * leaves[i] + 3];
    return edges;
  }

  /**
   * Phase 1 of table() and tablePaths(): one upward search per source; each
   * node it settles gets a bucket entry (source index, distance). Buckets are
   * grouped by slot; `entry[at]` is the entry (in the order the searches made
   * them) at bucket position `at`. With `keepTrees`, entry k also keeps its
   * node's block `block[k]` and its parent's entry `parent[k]` (-1 at the
   * source): the search stores the parent's entry, not its block, in
   * PARENT_F. Without, those arrays are empty and table() pays one
   * predictable branch per settled node.
   */
  private fillBuckets(sources: ArrayLike<number>, keepTrees: boolean): Buckets & { block: Int32Array; parent: Int32Array } {
    const { nodeCount: n, blockOfNode, data, data32 } = this.layout;
    const S = sources.length;
    // Entries appended per source (slot, source, dist; block and parent with keepTrees).
    let entryNode: Int32Array = new Int32Array(Math.max(1024, S * 64));
    let entrySource: Int32Array = new Int32Array(entryNode.length);
    let entryDist: Float64Array = new Float64Array(entryNode.length);
    let entryBlock: Int32Array = new Int32Array(keepTrees ? entryNode.length : 0);
    let entryParent: Int32Array = new Int32Array(entryBlock.length);
    let entries = 0;
    const heap = this.heapF;
    for (let i = 0; i < S; i++) {
      const gen = this.nextGeneration();
      heap.clear();
      const bs = blockOfNode[sources[i]];
      data[bs + DIST_F] = 0;
      data32[2 * bs + GEN_F] = gen;
      data32[2 * bs + PARENT_F] = -1;
      heap.push(bs, 0);
      while (heap.size > 0) {
        const x = heap.pop();
        const dx = data[x + DIST_F];
        if (heap.poppedKey > dx) continue; // stale entry
        const w0 = x + HEADER;
        const total = data32[2 * x + TOTAL];
        const upEnd = w0 + data32[2 * x + UPS];
        const end = w0 + total;
        const h = 2 * end - w0;
        let stalled = false;
        for (let p = upEnd; p < end; p++) {
          const w = data[p];
          if (w >= dx) break; // arcs sorted by weight: no later arc can stall x
          const y = data32[p + h];
          if (data32[2 * y + GEN_F] === gen && data[y + DIST_F] + w < dx) {
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
          if (keepTrees) {
            entryBlock = grownInt32(entryBlock, size);
            entryParent = grownInt32(entryParent, size);
          }
        }
        const k = entries++;
        entryNode[k] = data32[2 * x + SLOT];
        entrySource[k] = i;
        entryDist[k] = dx;
        if (keepTrees) {
          entryBlock[k] = x;
          entryParent[k] = data32[2 * x + PARENT_F];
        }
        for (let p = w0; p < upEnd; p++) {
          const y = data32[p + h];
          const nd = dx + data[p];
          if (data32[2 * y + GEN_F] !== gen || nd < data[y + DIST_F]) {
            data32[2 * y + GEN_F] = gen;
            data32[2 * y + PARENT_F] = k;
            data[y + DIST_F] = nd;
            heap.push(y, nd);
          }
        }
      }
    }
    const { first, order: entry } = groupByKey(n, entries, (k) => entryNode[k]);
    const source = new Int32Array(entries);
    const dist = new Float64Array(entries);
    for (let at = 0; at < entries; at++) {
      const k = entry[at];
      source[at] = entrySource[k];
      dist[at] = entryDist[k];
    }
    return { first, source, dist, entry, block: entryBlock.subarray(0, entries), parent: entryParent.subarray(0, entries) };
  }

  /**
   * Phase 2 of table() and tablePaths(): one backward search per target scans
   * the buckets of the slots it settles into `weights`. With `meet`, it also
   * keeps each target's upward tree (entries as in fillBuckets, backward) and,
   * per cell, the forward and backward entries of the meeting that gave it its
   * distance — the first one found at that distance (strict `<`), so ties are
   * broken the same way every run.
   */
  private scanBuckets(
    buckets: Buckets,
    targets: ArrayLike<number>,
    weights: Float64Array,
    meet?: { meetF: Int32Array; meetB: Int32Array },
  ): { block: Int32Array; parent: Int32Array } {
    const { blockOfNode, data, data32 } = this.layout;
    const T = targets.length;
    const { first: bucketFirst, source: bucketSource, dist: bucketDist, entry: bucketEntry } = buckets;
    let entryBlock: Int32Array = new Int32Array(meet ? Math.max(1024, T * 64) : 0);
    let entryParent: Int32Array = new Int32Array(entryBlock.length);
    let entries = 0;
    const heap = this.heapB;
    for (let j = 0; j < T; j++) {
      const gen = this.nextGeneration();
      heap.clear();
      const bt = blockOfNode[targets[j]];
      data[bt + DIST_B] = 0;
      data32[2 * bt + GEN_B] = gen;
      data32[2 * bt + PARENT_B] = -1;
      heap.push(bt, 0);
      while (heap.size > 0) {
        const x = heap.pop();
        const dx = data[x + DIST_B];
        if (heap.poppedKey > dx) continue;
        const w0 = x + HEADER;
        const total = data32[2 * x + TOTAL];
        const upEnd = w0 + data32[2 * x + UPS];
        const end = w0 + total;
        const h = 2 * end - w0;
        let stalled = false;
        for (let p = w0; p < upEnd; p++) {
          const w = data[p];
          if (w >= dx) break;
          const y = data32[p + h];
          if (data32[2 * y + GEN_B] === gen && data[y + DIST_B] + w < dx) {
            stalled = true;
            break;
          }
        }
        if (stalled) continue;
        const kb = entries++;
        if (meet) {
          if (kb === entryBlock.length) {
            entryBlock = grownInt32(entryBlock, kb * 2);
            entryParent = grownInt32(entryParent, kb * 2);
          }
          entryBlock[kb] = x;
          entryParent[kb] = data32[2 * x + PARENT_B];
        }
        const slot = data32[2 * x + SLOT];
        for (let k = bucketFirst[slot], stop = bucketFirst[slot + 1]; k < stop; k++) {
          const cell = bucketSource[k] * T + j;
          const d = bucketDist[k] + dx;
          if (d < weights[cell]) {
            weights[cell] = d;
            if (meet) {
              meet.meetF[cell] = bucketEntry[k];
              meet.meetB[cell] = kb;
            }
          }
        }
        for (let p = upEnd; p < end; p++) {
          const y = data32[p + h];
          const nd = dx + data[p];
          if (data32[2 * y + GEN_B] !== gen || nd < data[y + DIST_B]) {
            data32[2 * y + GEN_B] = gen;
            data32[2 * y + PARENT_B] = kb;
            data[y + DIST_B] = nd;
            heap.push(y, nd);
          }
        }
      }
    }
    return meet ? { block: entryBlock.subarray(0, entries), parent: entryParent.subarray(0, entries) } : { block: entryBlock, parent: entryParent };
  }

  /** Starts a new search generation for both directions. */
  private nextGeneration(): number {
    if (++this.generation === 0x7fffffff) {
      const { blockOf, data32 } = this.layout;
      for (let slot = 0; slot < blockOf.length; slot++) {
        data32[2 * blockOf[slot] + GEN_F] = 0;
        data32[2 * blockOf[slot] + GEN_B] = 0;
      }
      this.generation = 1;
    }
    return this.generation;
  }

  /**
   * The bidirectional upward search between two distinct nodes. Leaves the
   * best meeting cost in `best`, the settled count in `settledCount` and the
   * parents for unpacking; returns the meeting node's block, or -1 when none
   * within maxCost.
   */
  private search(source: number, target: number, maxCost: number): number {
    const { blockOfNode, data, data32 } = this.layout;
    const { heapF, heapB } = this;
    const gen = this.nextGeneration();
    heapF.clear();
    heapB.clear();

    const bs = blockOfNode[source];
    const bt = blockOfNode[target];
    data[bs + DIST_F] = 0;
    data32[2 * bs + GEN_F] = gen;
    data32[2 * bs + PARENT_F] = -1;
    heapF.push(bs, 0);
    data[bt + DIST_B] = 0;
    data32[2 * bt + GEN_B] = gen;
    data32[2 * bt + PARENT_B] = -1;
    heapB.push(bt, 0);

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
        const dx = data[x + DIST_F];
        if (heapF.poppedKey > dx) continue;
        settled++;
        if (data32[2 * x + GEN_B] === gen && dx + data[x + DIST_B] < best) {
          best = dx + data[x + DIST_B];
          meet = x;
        }
        const w0 = x + HEADER;
        const total = data32[2 * x + TOTAL];
        const upEnd = w0 + data32[2 * x + UPS];
        const end = w0 + total;
        const h = 2 * end - w0;
        // Stall: a reached higher node y with an arc y -> x gives x a shorter distance. Distances are
        // >= 0, so only arcs lighter than dx can; they come first (ch-search-graph.ts sorts them).
        let stalled = false;
        for (let p = upEnd; p < end; p++) {
          const w = data[p];
          if (w >= dx) break; // arcs sorted by weight: no later arc can stall x
          const y = data32[p + h];
          if (data32[2 * y + GEN_F] === gen && data[y + DIST_F] + w < dx) {
            stalled = true;
            break;
          }
        }
        if (stalled) continue;
        for (let p = w0; p < upEnd; p++) {
          const nd = dx + data[p];
          // Arcs sorted by weight, so this stops at the first arc too heavy. A node reached at
          // >= best can neither improve the meeting nor stall a node still to be settled (those
          // are popped below best), so it need not even be recorded.
          if (nd >= best || nd > maxCost) break;
          const y = data32[p + h];
          if (data32[2 * y + GEN_F] !== gen || nd < data[y + DIST_F]) {
            data32[2 * y + GEN_F] = gen;
            data32[2 * y + PARENT_F] = x;
            data[y + DIST_F] = nd;
            heapF.push(y, nd);
          }
        }
      } else {
        const x = heapB.pop();
        const dx = data[x + DIST_B];
        if (heapB.poppedKey > dx) continue;
        settled++;
        if (data32[2 * x + GEN_F] === gen && dx + data[x + DIST_F] < best) {
          best = dx + data[x + DIST_F];
          meet = x;
        }
        const w0 = x + HEADER;
        const total = data32[2 * x + TOTAL];
        const upEnd = w0 + data32[2 * x + UPS];
        const end = w0 + total;
        const h = 2 * end - w0;
        let stalled = false;
        for (let p = w0; p < upEnd; p++) {
          const w = data[p];
          if (w >= dx) break;
          const y = data32[p + h];
          if (data32[2 * y + GEN_B] === gen && data[y + DIST_B] + w < dx) {
            stalled = true;
            break;
          }
        }
        if (stalled) continue;
        for (let p = upEnd; p < end; p++) {
          const nd = dx + data[p];
          if (nd >= best || nd > maxCost) break; // as in the forward search
          const y = data32[p + h];
          if (data32[2 * y + GEN_B] !== gen || nd < data[y + DIST_B]) {
            data32[2 * y + GEN_B] = gen;
            data32[2 * y + PARENT_B] = x;
            data[y + DIST_B] = nd;
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
   * The id of the arc between the node of block `at` and the node of block
   * `other`: among `at`'s up arcs (`down` false) or down arcs. The cheapest
   * if there were several (a search relaxes the cheapest).
   */
  private arcBetween(at: number, down: boolean, other: number): number {
    const { data, data32 } = this.layout;
    const w0 = at + HEADER;
    const total = data32[2 * at + TOTAL];
    const upEnd = w0 + data32[2 * at + UPS];
    const end = w0 + total;
    const h = 2 * end - w0;
    let found = -1;
    let weight = Infinity;
    for (let p = down ? upEnd : w0, stop = down ? end : upEnd; p < stop; p++) {
      if (data32[p + h] === other && data[p] < weight) {
        weight = data[p];
        found = data32[p + h + total];
      }
    }
    if (found < 0) throw new InternalError('ContractionHierarchyQuery: a search parent has no arc to its child');
    return found;
  }

  /**
   * Unpacks the arcs source ⇝ meet (forward parents, collected backwards) and
   * meet ⇝ target (backward parents) into `leafBuffer`; returns the edge count.
   * Forward: x was reached from its parent p by an up arc of p (p → x).
   * Backward: by a down arc of p (x → p, stored with p).
   */
  private unpackPath(meet: number): number {
    const data32 = this.layout.data32;
    let upCount = 0;
    for (let x = meet; data32[2 * x + PARENT_F] >= 0; x = data32[2 * x + PARENT_F]) upCount++;
    this.reserveStack(upCount + 2);
    // Walking from the meeting node back to the source pushes the path's last
    // upward arc first, so the source's arc ends on top and pops first.
    let top = 0;
    for (let x = meet; data32[2 * x + PARENT_F] >= 0; ) {
      const p = data32[2 * x + PARENT_F];
      this.stack[top++] = this.arcBetween(p, false, x);
      x = p;
    }
    let count = this.drain(top, 0);
    for (let x = meet; data32[2 * x + PARENT_B] >= 0; ) {
      const p = data32[2 * x + PARENT_B];
      this.stack[0] = this.arcBetween(p, true, x);
      count = this.drain(1, count);
      x = p;
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
   * place and appending leaf slots to leafBuffer from position `count`.
   * A shortcut's halves are read together (side by side in `halves`); its first
   * half is expanded straight away (a left-spine walk) and only the second is
   * pushed, so each shortcut costs one stack push. Returns the new count.
   */
  private drain(top: number, count: number): number {
    const edgeCount = this.hierarchy.edgeCount;
    const halves = this.layout.halves;
    let stack = this.stack;
    let leafBuffer = this.leafBuffer;
    while (top > 0) {
      let a = stack[--top];
      // Walk down the first halves, pushing each second half.
      while (a >= edgeCount) {
        const s2 = (a - edgeCount) << 1;
        if (top === stack.length) {
          this.reserveStack(top + 1);
          stack = this.stack;
        }
        stack[top++] = halves[s2 + 1];
        a = halves[s2];
      }
      if (count === leafBuffer.length) {
        const bigger = new Int32Array(leafBuffer.length * 2);
        bigger.set(leafBuffer);
        leafBuffer = this.leafBuffer = bigger;
      }
      leafBuffer[count++] = a;
    }
    return count;
  }
}
