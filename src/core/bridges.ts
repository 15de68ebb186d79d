/**
 * Bridges and articulation points of an undirected multigraph, with what each
 * one would cut off. Iterative DFS (Hopcroft–Tarjan low-links), so a 400k-node
 * network does not overflow the call stack.
 *
 * Inputs are undirected edges: the caller folds its two directed twins of one
 * physical link into a single edge. Parallel edges between the same two nodes
 * are separate links, so neither of them is a bridge. Self-loops are ignored.
 *
 * How the pieces are stored: in a DFS forest, everything an articulation
 * point v cuts off below a child c is exactly c's DFS subtree, and subtrees
 * are intervals of DFS preorder. So a piece is "an interval of the preorder,
 * minus a few sub-intervals". Listing every piece of every articulation point
 * eagerly would be quadratic on long chains (each chain node cuts off
 * everything beyond it), so the analysis keeps only the DFS arrays plus the
 * size and weight of what each element cuts off, and builds a Split (and a
 * piece's node list) when asked.
 */

import { InputError } from '../errors/steppenet-error.js';
import { groupByKey } from './group-by-key.js';

export interface SplitPiece {
  /** Number of nodes in the piece. */
  readonly size: number;
  /** Sum of `nodeWeight` over the piece's nodes; equals `size` when no weights were given. */
  readonly weight: number;
  /** Node ids of the piece, ascending. Built on each call, O(size). */
  nodes(): number[];
}

export interface Split {
  readonly kind: 'bridge' | 'articulationPoint';
  /** The bridge's edge index, or the articulation point's node id. */
  readonly element: number;
  /** Number of nodes in the connected component (of the intact graph) that falls apart. */
  readonly componentSize: number;
  /**
   * Every piece the component falls into when the element is removed (an
   * articulation point itself belongs to no piece): at least two. Sorted by
   * size, largest first; equal sizes keep DFS order: the piece holding the
   * DFS root (the component's lowest node id) if there is one, then the
   * pieces below the element in the order the DFS found them.
   */
  readonly pieces: readonly SplitPiece[];
  /** Nodes of every piece except the first (largest): what gets cut off from "the rest". Ascending. */
  cutOff(): number[];
}

export interface BridgeAnalysis {
  /** Edge indices of the bridges, ascending. */
  readonly bridges: readonly number[];
  /** Node ids of the articulation points, ascending. */
  readonly articulationPoints: readonly number[];
  /**
   * Splits are numbered bridges first (split i is bridges[i]), then
   * articulation points (split bridges.length + j is articulationPoints[j]).
   */
  readonly splitCount: number;
  /** Per split: number of nodes cut off, i.e. in every piece but the largest (= split(i).cutOff().length). */
  readonly cutOffSize: Int32Array;
  /** Per split: nodeWeight summed over the nodes cut off (= cutOffSize without weights). */
  readonly cutOffWeight: Float64Array;
  /** The pieces of split i, built on call (O(number of pieces); node lists wait for SplitPiece.nodes()). */
  split(index: number): Split;
  /** Every split, in split order. Builds them all: on big graphs rank by cutOffSize / cutOffWeight and call split(i) for the few you need. */
  splits(): Split[];
  /** Connected component of each node; components are numbered in the order of their lowest node ids. */
  readonly component: Int32Array;
  /** Number of connected components of the intact graph (isolated nodes count). */
  readonly componentCount: number;
}

export interface BridgeOptions {
  /** Weight of each node (e.g. 1 for places, 0 for junctions); gives SplitPiece.weight and cutOffWeight. */
  nodeWeight?: ArrayLike<number>;
}

/** An argument of bridgesAndArticulationPoints that does not describe an undirected graph, or a bad split index. */
export class InvalidUndirectedGraphError extends InputError {
  constructor(
    readonly argument: string,
    detail: string,
  ) {
    super(`bridgesAndArticulationPoints: ${argument} ${detail}`);
  }
}

export function bridgesAndArticulationPoints(
  nodeCount: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  options: BridgeOptions = {},
): BridgeAnalysis {
  checkInput(nodeCount, from, to, options.nodeWeight);
  const n = nodeCount;
  const dfs = depthFirstForest(n, from, to);
  const { order, preorder, subtreeEnd, component, componentStart, separatedHead, separatedNext, parentEdge, bridgeChild } = dfs;

  const prefixWeight = new Float64Array(n + 1);
  const nodeWeight = options.nodeWeight;
  for (let i = 0; i < n; i++) prefixWeight[i + 1] = prefixWeight[i] + (nodeWeight ? nodeWeight[order[i]] : 1);

  bridgeChild.sort((a, b) => parentEdge[a] - parentEdge[b]);
  const bridges: number[] = [];
  for (const c of bridgeChild) bridges.push(parentEdge[c]);
  const articulationPoints: number[] = [];
  for (let v = 0; v < n; v++) {
    const first = separatedHead[v];
    // A root separates its children only if it has at least two; any other node with one separated child is a cut node.
    if (first >= 0 && (parentEdge[v] >= 0 || separatedNext[first] >= 0)) articulationPoints.push(v);
  }

  const forest = new DfsForest(
    order,
    preorder,
    subtreeEnd,
    component,
    Int32Array.from(componentStart),
    separatedHead,
    separatedNext,
    nodeWeight ? prefixWeight : undefined,
  );
  const splitCount = bridges.length + articulationPoints.length;
  const splitNode = (i: number): number =>
    i < bridges.length ? bridgeChild[i] : articulationPoints[i - bridges.length];
  const { cutOffSize, cutOffWeight } = cutOffs(forest, prefixWeight, splitCount, bridges.length, splitNode);

  const split = (index: number): Split => {
    if (!Number.isInteger(index) || index < 0 || index >= splitCount) {
      throw new InvalidUndirectedGraphError('split index', `${index} is not in 0..${splitCount - 1}`);
    }
    return index < bridges.length
      ? new ElementSplit(forest, 'bridge', bridges[index], bridgeChild[index])
      : new ElementSplit(forest, 'articulationPoint', articulationPoints[index - bridges.length], splitNode(index));
  };
  return {
    bridges,
    articulationPoints,
    splitCount,
    cutOffSize,
    cutOffWeight,
    split,
    splits: () => Array.from({ length: splitCount }, (_, i) => split(i)),
    component,
    componentCount: componentStart.length - 1,
  };
}

/** The DFS forest with Hopcroft–Tarjan low-links, and what it says about cut edges and nodes. */
interface DepthFirstForest {
  /** Discovery index -> node. */
  order: Int32Array;
  /** Node -> DFS discovery index. */
  preorder: Int32Array;
  /** Node -> one past the last preorder index of its subtree. */
  subtreeEnd: Int32Array;
  /** Node -> the edge it was discovered by; -1 for roots. */
  parentEdge: Int32Array;
  component: Int32Array;
  /** Component c spans preorder componentStart[c] .. componentStart[c+1]-1 (last entry: n). */
  componentStart: number[];
  /** Children whose subtree their parent separates (low[c] >= preorder[parent]), as linked lists in DFS order. */
  separatedHead: Int32Array;
  separatedNext: Int32Array;
  /** For each bridge found, the child end of its tree edge. */
  bridgeChild: number[];
}

/** Iterative DFS over every component (roots in node order) computing low-links. */
function depthFirstForest(n: number, from: ArrayLike<number>, to: ArrayLike<number>): DepthFirstForest {
  const m = from.length;
  // Undirected adjacency: each non-loop edge i appears at both of its ends (as end 2i at from[i], 2i + 1 at to[i]).
  const { first: firstAdj, order: adjEnd } = groupByKey(n, 2 * m, (end) => {
    const i = end >> 1;
    if (from[i] === to[i]) return -1;
    return end & 1 ? to[i] : from[i];
  });
  const adjEdge = adjEnd.map((end) => end >> 1);

  const preorder = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const order = new Int32Array(n);
  const subtreeEnd = new Int32Array(n);
  const parentEdge = new Int32Array(n).fill(-1);
  const nextAdj = new Int32Array(n);
  const stack = new Int32Array(n);
  const component = new Int32Array(n);
  const componentStart: number[] = [];
  const separatedHead = new Int32Array(n).fill(-1);
  const separatedTail = new Int32Array(n).fill(-1);
  const separatedNext = new Int32Array(n).fill(-1);
  const bridgeChild: number[] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (preorder[root] >= 0) continue;
    const comp = componentStart.length;
    componentStart.push(time);
    let top = 0;
    stack[top++] = root;
    preorder[root] = low[root] = time;
    order[time++] = root;
    nextAdj[root] = firstAdj[root];
    component[root] = comp;
    while (top > 0) {
      const v = stack[top - 1];
      if (nextAdj[v] < firstAdj[v + 1]) {
        const e = adjEdge[nextAdj[v]++];
        // Skip only the edge we came in by, not every edge to the parent: a parallel edge is a real cycle.
        if (e === parentEdge[v]) continue;
        const w = from[e] === v ? to[e] : from[e];
        if (preorder[w] < 0) {
          parentEdge[w] = e;
          preorder[w] = low[w] = time;
          order[time++] = w;
          nextAdj[w] = firstAdj[w];
          component[w] = comp;
          stack[top++] = w;
        } else if (preorder[w] < low[v]) {
          low[v] = preorder[w];
        }
        continue;
      }
      top--;
      subtreeEnd[v] = time;
      const e = parentEdge[v];
      if (e < 0) continue;
      const p = from[e] === v ? to[e] : from[e];
      if (low[v] < low[p]) low[p] = low[v];
      if (low[v] > preorder[p]) bridgeChild.push(v);
      if (low[v] >= preorder[p]) {
        if (separatedTail[p] < 0) separatedHead[p] = v;
        else separatedNext[separatedTail[p]] = v;
        separatedTail[p] = v;
      }
    }
  }
  componentStart.push(n); // sentinel: component c spans preorder componentStart[c] .. componentStart[c+1]-1
  return { order, preorder, subtreeEnd, parentEdge, component, componentStart, separatedHead, separatedNext, bridgeChild };
}

/**
 * What each split cuts off, without building pieces: the component (minus
 * an articulation point itself) minus its largest piece.
 */
function cutOffs(
  forest: DfsForest,
  prefixWeight: Float64Array,
  splitCount: number,
  bridgeCount: number,
  splitNode: (i: number) => number,
): { cutOffSize: Int32Array; cutOffWeight: Float64Array } {
  const { preorder, subtreeEnd, component, componentStart, separatedHead, separatedNext } = forest;
  const cutOffSize = new Int32Array(splitCount);
  const cutOffWeight = new Float64Array(splitCount);
  const span = (a: number, b: number): number => prefixWeight[b] - prefixWeight[a];
  for (let i = 0; i < splitCount; i++) {
    const v = splitNode(i);
    const comp = component[v];
    const lo = componentStart[comp];
    const hi = componentStart[comp + 1];
    if (i < bridgeCount) {
      const below = subtreeEnd[v] - preorder[v];
      // Ties go to the rest (it comes first in DFS order), so the subtree is cut off.
      const restIsLarger = hi - lo - below >= below;
      cutOffSize[i] = restIsLarger ? below : hi - lo - below;
      const belowWeight = span(preorder[v], subtreeEnd[v]);
      cutOffWeight[i] = restIsLarger ? belowWeight : span(lo, hi) - belowWeight;
      continue;
    }
    const isRoot = preorder[v] === lo;
    let largestSize = -1;
    let largestWeight = 0;
    let restSize = hi - lo - 1;
    let restWeight = span(lo, hi) - span(preorder[v], preorder[v] + 1);
    for (let c = separatedHead[v]; c >= 0; c = separatedNext[c]) {
      restSize -= subtreeEnd[c] - preorder[c];
      restWeight -= span(preorder[c], subtreeEnd[c]);
    }
    if (!isRoot) {
      largestSize = restSize;
      largestWeight = restWeight;
    }
    for (let c = separatedHead[v]; c >= 0; c = separatedNext[c]) {
      const size = subtreeEnd[c] - preorder[c];
      if (size > largestSize) {
        largestSize = size;
        largestWeight = span(preorder[c], subtreeEnd[c]);
      }
    }
    cutOffSize[i] = hi - lo - 1 - largestSize;
    cutOffWeight[i] = span(lo, hi) - span(preorder[v], preorder[v] + 1) - largestWeight;
  }
  return { cutOffSize, cutOffWeight };
}

/** The DFS forest arrays the splits read their pieces from. */
class DfsForest {
  constructor(
    readonly order: Int32Array,
    readonly preorder: Int32Array,
    readonly subtreeEnd: Int32Array,
    readonly component: Int32Array,
    readonly componentStart: Int32Array,
    readonly separatedHead: Int32Array,
    readonly separatedNext: Int32Array,
    readonly prefixWeight: Float64Array | undefined,
  ) {}
}

class ElementSplit implements Split {
  readonly componentSize: number;
  readonly pieces: readonly SplitPiece[];

  constructor(
    forest: DfsForest,
    readonly kind: 'bridge' | 'articulationPoint',
    readonly element: number,
    /** The child end of a bridge's DFS tree edge, or the articulation point itself. */
    node: number,
  ) {
    const { order, preorder, subtreeEnd, component, componentStart, separatedHead, separatedNext, prefixWeight } = forest;
    const v = node;
    const comp = component[v];
    const lo = componentStart[comp];
    const hi = componentStart[comp + 1];
    this.componentSize = hi - lo;
    const piece = (from: number, to: number, holes: number[]): PreorderPiece =>
      new PreorderPiece(order, prefixWeight, from, to, holes);
    let pieces: PreorderPiece[];
    if (kind === 'bridge') {
      // The bridge's lower end keeps its DFS subtree; everything else is the rest.
      pieces = [piece(lo, hi, [preorder[v], subtreeEnd[v]]), piece(preorder[v], subtreeEnd[v], [])];
    } else {
      pieces = [];
      const holes: number[] = [preorder[v], preorder[v] + 1];
      for (let c = separatedHead[v]; c >= 0; c = separatedNext[c]) {
        pieces.push(piece(preorder[c], subtreeEnd[c], []));
        holes.push(preorder[c], subtreeEnd[c]);
      }
      // The rest: the component minus v and its separated subtrees, whose
      // preorder intervals come in ascending order. A DFS root has no rest.
      if (preorder[v] !== lo) pieces.unshift(piece(lo, hi, holes));
    }
    // Array.prototype.sort is stable, so equal sizes keep DFS order.
    this.pieces = pieces.sort((a, b) => b.size - a.size);
  }

  cutOff(): number[] {
    const out: number[] = [];
    for (let i = 1; i < this.pieces.length; i++) {
      // A loop, not push(...nodes): a piece can hold any number of nodes.
      for (const v of this.pieces[i].nodes()) out.push(v);
    }
    return out.sort((a, b) => a - b);
  }
}

/** Preorder indices lo..hi-1 minus the [start, end) holes (sorted, disjoint), mapped to nodes by `order`. */
class PreorderPiece implements SplitPiece {
  readonly size: number;
  readonly weight: number;

  constructor(
    private readonly order: Int32Array,
    prefixWeight: Float64Array | undefined,
    private readonly lo: number,
    private readonly hi: number,
    private readonly holes: number[],
  ) {
    let size = hi - lo;
    let weight = prefixWeight ? prefixWeight[hi] - prefixWeight[lo] : 0;
    for (let i = 0; i < holes.length; i += 2) {
      size -= holes[i + 1] - holes[i];
      if (prefixWeight) weight -= prefixWeight[holes[i + 1]] - prefixWeight[holes[i]];
    }
    this.size = size;
    this.weight = prefixWeight ? weight : size;
  }

  nodes(): number[] {
    const out: number[] = [];
    let i = this.lo;
    for (let h = 0; h <= this.holes.length; h += 2) {
      const stop = h < this.holes.length ? this.holes[h] : this.hi;
      for (; i < stop; i++) out.push(this.order[i]);
      if (h < this.holes.length) i = this.holes[h + 1];
    }
    return out.sort((a, b) => a - b);
  }
}

function checkInput(
  n: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  nodeWeight: ArrayLike<number> | undefined,
): void {
  if (!Number.isInteger(n) || n < 0) throw new InvalidUndirectedGraphError('nodeCount', `is ${n}; it must be an integer >= 0`);
  if (to.length !== from.length) {
    throw new InvalidUndirectedGraphError('to', `has ${to.length} entries but from has ${from.length}; they must be equal`);
  }
  for (let i = 0; i < from.length; i++) {
    const u = from[i];
    const v = to[i];
    if (!Number.isInteger(u) || u < 0 || u >= n) {
      throw new InvalidUndirectedGraphError(`from[${i}]`, `is ${u}; it must be a node id in 0..${n - 1}`);
    }
    if (!Number.isInteger(v) || v < 0 || v >= n) {
      throw new InvalidUndirectedGraphError(`to[${i}]`, `is ${v}; it must be a node id in 0..${n - 1}`);
    }
  }
  if (nodeWeight !== undefined) {
    if (nodeWeight.length !== n) {
      throw new InvalidUndirectedGraphError('options.nodeWeight', `has ${nodeWeight.length} entries; it needs one per node (${n})`);
    }
    for (let v = 0; v < n; v++) {
      if (typeof nodeWeight[v] !== 'number' || !Number.isFinite(nodeWeight[v])) {
        throw new InvalidUndirectedGraphError(`options.nodeWeight[${v}]`, `is ${nodeWeight[v]}; it must be a finite number`);
      }
    }
  }
}
