/**
 * The contraction hierarchy laid out for the query (ch-query.ts), built once
 * when a ContractionHierarchyQuery is made: nodes renumbered for locality and
 * each node's search state and arcs packed into one block, so that a query
 * reads few cache lines and few of them one after another.
 *
 * Why: a query settles about 190 nodes on Moscow and, run between other work
 * (the bench's interleaved pass, a server answering other requests), finds
 * the hierarchy out of the CPU caches; its time is then mostly waiting for
 * memory. In the hierarchy's own layout (rank order; one array per field; up
 * and down arcs, CSR offsets, distances and parents apart; the path's edges
 * read from the graph in CSR order) settling a node waits for a chain of
 * misses — offsets, then arcs, then the neighbours' distances — and unpacking
 * a path reads its ~390 edges from ~450 scattered cache lines.
 *
 * Node order ("slot"): by level, then by input node id. A node's level is one
 * more than the highest level among the lower-ranked nodes it shares an arc
 * with (0 for none), so every arc goes from a lower level to a higher one and
 * the search still only climbs. Within a level nodes keep the input order —
 * spatial when the graph was renumbered along a Hilbert curve, as the bench's
 * graphs are — and the top levels, where a query spends most of its time,
 * lie together at the end.
 *
 * Blocks, one per slot, in slot order, in one Float64Array `data` (Int32Array
 * view `data32`); a block's base b is its float64 index, and a search refers
 * to nodes by base:
 * ```
 * data[b + DIST_F], data[b + DIST_B]          the query's forward / backward distance
 * data32[2b + GEN_F], data32[2b + PARENT_F]   forward generation stamp, parent's base (-1 at the source)
 * data32[2b + GEN_B], data32[2b + PARENT_B]   the same, backward
 * data32[2b + UPS], data32[2b + TOTAL]        up-arc count U, arc count T
 * data32[2b + SLOT]                           the slot (for the table's buckets)
 * data[b + HEADER + k], k < T                 arc k's weight: k < U up arcs (to higher
 *                                             slots), then the down arcs (from higher slots),
 *                                             each group sorted by weight, ascending
 * data32[2(b + HEADER + T) + k]               arc k's other end (its block's base)
 * data32[2(b + HEADER + T) + T + k]           arc k's id: a leaf slot (original edge) or
 *                                             edgeCount + shortcut id
 * ```
 * A query's search state lives in the blocks, so the layout belongs to one
 * query object; the state of a node is valid when its stamp equals the query's
 * current generation.
 *
 * Leaves: the original edges get "leaf slots" in the order the shortcuts
 * (numbered in post-order of their unpacking trees, see clusterShortcuts) use
 * them, and a 16-byte leaf record each (weight, head node, CSR edge id), so
 * the edges of an unpacked path are read from a few runs of consecutive
 * records instead of the graph's CSR arrays.
 */
import type { ContractionHierarchy } from './contraction-hierarchy-arrays.js';
import type { RoutingGraph } from './routing-graph.js';
import { InternalError } from '../errors/steppenet-error.js';

/** Block fields: float64 offsets from the base. */
export const DIST_F = 0;
export const DIST_B = 1;
/** Block fields: int32 offsets from 2 · base. */
export const GEN_F = 4;
export const PARENT_F = 5;
export const GEN_B = 6;
export const PARENT_B = 7;
export const UPS = 8;
export const TOTAL = 9;
export const SLOT = 10;
/** Header size in float64 units (48 bytes); the arcs follow. */
export const HEADER = 6;

export interface CHSearchGraph {
  readonly nodeCount: number;
  /** blockOfNode[node] = base of the node's block. */
  readonly blockOfNode: Uint32Array;
  /** blockOf[slot] = base of the slot's block. */
  readonly blockOf: Uint32Array;
  /** The blocks, see the module comment. */
  readonly data: Float64Array;
  /** The same buffer as `data`, as int32. */
  readonly data32: Int32Array;
  /** The hierarchy's shortcutHalves with original edges replaced by their leaf slots (below edgeCount). */
  readonly halves: Int32Array;
  /**
   * One 16-byte record per leaf slot: the original edge's weight (float64 at
   * [2l] of `leafWeight`), head node (int32 at [4l + 2] of `leafInt`) and CSR
   * edge id ([4l + 3]).
   */
  readonly leafWeight: Float64Array;
  readonly leafInt: Int32Array;
}

/** Levels of the ranks: every arc goes from a lower level to a higher one. */
function levelsOfRanks(ch: ContractionHierarchy): Uint32Array {
  const n = ch.nodeCount;
  const level = new Uint32Array(n);
  const { upFirst, upHead, downFirst, downTail } = ch;
  for (let r = 0; r < n; r++) {
    const next = level[r] + 1;
    for (let p = upFirst[r], end = upFirst[r + 1]; p < end; p++) if (level[upHead[p]] < next) level[upHead[p]] = next;
    for (let p = downFirst[r], end = downFirst[r + 1]; p < end; p++) if (level[downTail[p]] < next) level[downTail[p]] = next;
  }
  return level;
}

/**
 * Sorts a block's arcs k in [from, to) by weight, ascending (a stable
 * insertion sort: most nodes have a handful of arcs), moving each arc's other
 * end and id with it. The stall test can then stop at the first arc as long
 * as the settled node's distance (see ch-query.ts).
 */
function sortArcsByWeight(data: Float64Array, data32: Int32Array, weights: number, heads: number, ids: number, from: number, to: number): void {
  for (let k = from + 1; k < to; k++) {
    const w = data[weights + k];
    const head = data32[heads + k];
    const id = data32[ids + k];
    let j = k;
    for (; j > from && data[weights + j - 1] > w; j--) {
      data[weights + j] = data[weights + j - 1];
      data32[heads + j] = data32[heads + j - 1];
      data32[ids + j] = data32[ids + j - 1];
    }
    data[weights + j] = w;
    data32[heads + j] = head;
    data32[ids + j] = id;
  }
}

export function buildCHSearchGraph(ch: ContractionHierarchy, graph: RoutingGraph): CHSearchGraph {
  const n = ch.nodeCount;
  const level = levelsOfRanks(ch);
  let levels = 0;
  for (let r = 0; r < n; r++) if (level[r] + 1 > levels) levels = level[r] + 1;
  // Counting sort of the nodes by level, input order within a level.
  const start = new Uint32Array(levels + 1);
  for (let r = 0; r < n; r++) start[level[r] + 1]++;
  for (let l = 0; l < levels; l++) start[l + 1] += start[l];
  const slotOfRank = new Uint32Array(n);
  const blockOfNode = new Uint32Array(n);
  const rankOfSlot = new Uint32Array(n);
  for (let v = 0; v < n; v++) {
    const r = ch.rank[v];
    const slot = start[level[r]]++;
    slotOfRank[r] = slot;
    blockOfNode[v] = slot;
    rankOfSlot[slot] = r;
  }
  const { upFirst, upHead, upWeight, upArc, downFirst, downTail, downWeight, downArc } = ch;
  // Block of each slot, in slot order; blockOf[slot] = its base (float64 index).
  const blockOf = new Uint32Array(n);
  let size = 0;
  for (let slot = 0; slot < n; slot++) {
    const r = rankOfSlot[slot];
    blockOf[slot] = size;
    size += HEADER + 2 * (upFirst[r + 1] - upFirst[r] + downFirst[r + 1] - downFirst[r]);
  }
  // Bases are int32 in the arcs and heap: 2 · size must stay below 2^31.
  if (2 * size >= 2 ** 31) throw new InternalError(`ContractionHierarchyQuery: ${size} blocks' worth of float64s is beyond the int32 layout`);
  const data = new Float64Array(size);
  const data32 = new Int32Array(data.buffer);
  for (let slot = 0; slot < n; slot++) {
    const r = rankOfSlot[slot];
    const b = blockOf[slot];
    const ups = upFirst[r + 1] - upFirst[r];
    const total = ups + downFirst[r + 1] - downFirst[r];
    data32[2 * b + UPS] = ups;
    data32[2 * b + TOTAL] = total;
    data32[2 * b + SLOT] = slot;
    // Arc k of the block (k < ups: up arcs, then down arcs): weight at b + HEADER + k, other
    // end's block at int32 2 (b + HEADER + total) + k, arc id total int32s further.
    const weights = b + HEADER;
    const heads = 2 * (weights + total);
    const ids = heads + total;
    let k = 0;
    for (let p = upFirst[r], end = upFirst[r + 1]; p < end; p++, k++) {
      data[weights + k] = upWeight[p];
      data32[heads + k] = blockOf[slotOfRank[upHead[p]]];
      data32[ids + k] = upArc[p];
    }
    for (let p = downFirst[r], end = downFirst[r + 1]; p < end; p++, k++) {
      data[weights + k] = downWeight[p];
      data32[heads + k] = blockOf[slotOfRank[downTail[p]]];
      data32[ids + k] = downArc[p];
    }
    sortArcsByWeight(data, data32, weights, heads, ids, 0, ups);
    sortArcsByWeight(data, data32, weights, heads, ids, ups, total);
  }
  for (let v = 0; v < n; v++) blockOfNode[v] = blockOf[blockOfNode[v]];
  // Leaf slots: original edges in the order the shortcuts (numbered in post-order of their
  // unpacking trees, see clusterShortcuts) first use them, then the remaining search arcs.
  const m = ch.edgeCount;
  const source = ch.shortcutHalves;
  const leafOf = new Int32Array(m).fill(-1);
  const edgeOfLeaf = new Int32Array(m);
  let leaves = 0;
  const leaf = (a: number): number => {
    if (a >= m) return a;
    if (leafOf[a] < 0) {
      leafOf[a] = leaves;
      edgeOfLeaf[leaves++] = a;
    }
    return leafOf[a];
  };
  const halves = new Int32Array(source.length);
  for (let i = 0; i < source.length; i++) halves[i] = leaf(source[i]);
  for (let slot = 0; slot < n; slot++) {
    const b = blockOf[slot];
    const total = data32[2 * b + TOTAL];
    const ids = 2 * (b + HEADER + total) + total;
    for (let k = 0; k < total; k++) data32[ids + k] = leaf(data32[ids + k]);
  }
  const leafWeight = new Float64Array(2 * leaves);
  const leafInt = new Int32Array(leafWeight.buffer);
  for (let l = 0; l < leaves; l++) {
    const e = edgeOfLeaf[l];
    leafWeight[2 * l] = graph.weight[e];
    leafInt[4 * l + 2] = graph.head[e];
    leafInt[4 * l + 3] = e;
  }
  return { nodeCount: n, blockOfNode, blockOf, data, data32, halves, leafWeight, leafInt };
}

/** Bytes held by the search graph's typed arrays. */
export function chSearchGraphBytes(g: CHSearchGraph): number {
  return g.blockOfNode.byteLength + g.blockOf.byteLength + g.data.byteLength + g.halves.byteLength + g.leafWeight.byteLength;
}
