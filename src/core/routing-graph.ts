import type { ErrorCode } from '../errors/error-codes.js';
import { DataError, InputError } from '../errors/steppenet-error.js';
import { groupByKey } from './group-by-key.js';

/**
 * The compiled routing graph: immutable CSR (compressed sparse row) arrays with
 * dense integer ids. Built once, queried many times. No strings, maps or
 * closures are touched by the query loops; everything they need is here.
 *
 * Edges are directed. `edgeRef[e]` maps an edge back to whatever the caller
 * compiled it from (a link index in the model, an edge index of a graphology
 * graph, a record in a road file); -1 marks edges with no model counterpart
 * (mode transfers).
 */
export interface RoutingGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Outgoing edges of node v are firstOut[v] .. firstOut[v+1]-1. Length nodeCount+1. */
  readonly firstOut: Uint32Array;
  /** Target node of each edge. */
  readonly head: Uint32Array;
  /** Source node of each edge. */
  readonly tail: Uint32Array;
  /** Non-negative, finite weight of each edge. */
  readonly weight: Float64Array;
  /** What each edge was compiled from; -1 for none. */
  readonly edgeRef: Int32Array;
  /** Incoming edges of node v, as forward edge ids: inEdge[firstIn[v] .. firstIn[v+1]-1]. */
  readonly firstIn: Uint32Array;
  readonly inEdge: Uint32Array;
  /** Optional node coordinates for A*: x = longitude / planar x, y = latitude / planar y. */
  readonly x?: Float64Array;
  readonly y?: Float64Array;
  /**
   * How coordinates give a lower bound on the cost between two nodes:
   * - 'geodesic': great-circle km between (lon, lat) times `boundScale`;
   * - 'euclidean': planar distance times `boundScale`;
   * - 'none': zero (A* degrades to Dijkstra).
   * `boundScale` must keep the bound admissible (e.g. 1/fastest speed for hours).
   */
  readonly bound: 'geodesic' | 'euclidean' | 'none';
  readonly boundScale: number;
}

export interface EdgeList {
  nodeCount: number;
  from: ArrayLike<number>;
  to: ArrayLike<number>;
  weight: ArrayLike<number>;
  /** Defaults to the edge's index in the list. */
  ref?: ArrayLike<number>;
  x?: ArrayLike<number>;
  y?: ArrayLike<number>;
  bound?: RoutingGraph['bound'];
  boundScale?: number;
}

export class InvalidWeightError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_GRAPH';
  constructor(
    readonly edgeIndex: number,
    readonly ref: number,
    readonly value: number,
  ) {
    super(`buildRoutingGraph: edge ${edgeIndex} (ref ${ref}) has weight ${value}; weights must be finite and >= 0`);
  }
}

/**
 * Builds a RoutingGraph from an edge list (counting sort by source node, so
 * O(n + m)). Rejects negative, NaN and infinite weights with the edge named;
 * a missing weight is never turned into 1.
 */
export function buildRoutingGraph(list: EdgeList): RoutingGraph {
  const n = list.nodeCount;
  const m = list.from.length;
  if (list.to.length !== m || list.weight.length !== m) {
    throw new InputError(`buildRoutingGraph: from, to and weight must have the same length, got ${m}, ${list.to.length} and ${list.weight.length}`);
  }
  for (let e = 0; e < m; e++) {
    const u = list.from[e];
    const v = list.to[e];
    if (!(u >= 0 && u < n && v >= 0 && v < n) || !Number.isInteger(u) || !Number.isInteger(v)) {
      throw new InputError(`buildRoutingGraph: edge ${e} joins ${u} -> ${v}, outside 0..${n - 1}`);
    }
    const w = list.weight[e];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new InvalidWeightError(e, list.ref ? list.ref[e] : e, w);
    }
  }
  const { first: firstOut, order: listIndex } = groupByKey(n, m, (e) => list.from[e]);
  const head = new Uint32Array(m);
  const tail = new Uint32Array(m);
  const weight = new Float64Array(m);
  const edgeRef = new Int32Array(m);
  for (let slot = 0; slot < m; slot++) {
    const e = listIndex[slot];
    head[slot] = list.to[e];
    tail[slot] = list.from[e];
    weight[slot] = list.weight[e];
    edgeRef[slot] = list.ref ? list.ref[e] : e;
  }
  const { first: firstIn, order: inEdge } = groupByKey(n, m, (e) => head[e]);

  const graph: RoutingGraph = {
    nodeCount: n,
    edgeCount: m,
    firstOut,
    head,
    tail,
    weight,
    edgeRef,
    firstIn,
    inEdge,
    x: list.x ? Float64Array.from(list.x) : undefined,
    y: list.y ? Float64Array.from(list.y) : undefined,
    bound: list.x && list.y ? (list.bound ?? 'none') : 'none',
    boundScale: list.boundScale ?? 1,
  };
  return graph;
}
