/**
 * The residual network both flow solvers (max-flow.ts, min-cost-flow.ts) work
 * on, and the one search they run over it. Edge i of the flow network becomes
 * arc 2i (forward: capacity left) and arc 2i+1 (backward: flow on edge i), so
 * arc a's partner is a ^ 1; the arcs out of node u are
 * arcsOf[firstArc[u] .. firstArc[u+1]-1], in arc order.
 */
import { GenerationStamp } from './generation-stamp.js';
import { groupByKey } from './group-by-key.js';

export interface ResidualArcs {
  firstArc: ArrayLike<number>;
  arcsOf: ArrayLike<number>;
  arcHead: ArrayLike<number>;
  residual: ArrayLike<number>;
}

/** The arc layout for edges from[i] → to[i] of a network with nodeCount nodes (residuals are the caller's). */
export function residualArcs(
  nodeCount: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
): { firstArc: Uint32Array; arcsOf: Uint32Array; arcHead: Int32Array } {
  const m = from.length;
  const arcHead = new Int32Array(2 * m);
  for (let i = 0; i < m; i++) {
    arcHead[2 * i] = to[i];
    arcHead[2 * i + 1] = from[i];
  }
  // An arc leaves the head of its partner.
  const { first: firstArc, order: arcsOf } = groupByKey(nodeCount, 2 * m, (a) => arcHead[a ^ 1]);
  return { firstArc, arcsOf, arcHead };
}

/** A residual search's scratch over nodeCount nodes, reused across searches, and what the latest one reached. */
export class ResidualSearchState {
  readonly reached: GenerationStamp;
  /** The latest search's nodes in BFS order: queue[0 .. count-1]. */
  readonly queue: Int32Array;
  /** The arc each reached node was first reached by (not set for the source). */
  readonly parentArc: Int32Array;
  count = 0;

  constructor(nodeCount: number) {
    this.reached = new GenerationStamp(nodeCount);
    this.queue = new Int32Array(nodeCount);
    this.parentArc = new Int32Array(nodeCount);
  }

  /** 1 for the nodes the latest search reached: after a maximum flow, the source side of a minimum cut. */
  side(): Uint8Array {
    const side = new Uint8Array(this.queue.length);
    for (let i = 0; i < this.count; i++) side[this.queue[i]] = 1;
    return side;
  }
}

/**
 * Breadth-first search from `source` over arcs with more than `epsilon`
 * residual capacity, into `state` (see ResidualSearchState). Stops as soon as
 * `stopAt` is reached (-1: never). Returns whether `stopAt` was reached.
 */
export function residualSearch(arcs: ResidualArcs, source: number, epsilon: number, state: ResidualSearchState, stopAt = -1): boolean {
  const { firstArc, arcsOf, arcHead, residual } = arcs;
  const { queue, parentArc } = state;
  const reached = state.reached.next();
  reached.mark(source);
  queue[0] = source;
  let qHead = 0;
  let qTail = 1;
  while (qHead < qTail) {
    const u = queue[qHead++];
    for (let p = firstArc[u]; p < firstArc[u + 1]; p++) {
      const a = arcsOf[p];
      const v = arcHead[a];
      if (residual[a] <= epsilon || reached.has(v)) continue;
      reached.mark(v);
      parentArc[v] = a;
      queue[qTail++] = v;
      if (v === stopAt) {
        state.count = qTail;
        return true;
      }
    }
  }
  state.count = qTail;
  return false;
}
