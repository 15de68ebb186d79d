/**
 * The shrinking graph during contraction (see contraction-hierarchy.ts). Each
 * node has an out-list and an in-list of (neighbour, weight, arc id) in a
 * shared pool; a list that fills up moves to the end of the pool with twice
 * the room. Lists only ever hold arcs between uncontracted nodes, at most one
 * per neighbour (the cheapest).
 */
import { GenerationStamp } from './generation-stamp.js';
import type { RoutingGraph } from './routing-graph.js';
import { grownFloat64, grownInt32 } from './typed-array-growth.js';

export class ContractionGraph {
  // Adjacency pool: entry i = (poolNode[i], poolWeight[i], poolArc[i]). Growing the pool replaces the arrays.
  poolNode: Int32Array = new Int32Array(0);
  poolWeight: Float64Array = new Float64Array(0);
  poolArc: Int32Array = new Int32Array(0);
  private poolUsed = 0;
  /** Node v's out-list is pool entries outStart[v] .. outStart[v] + outLen[v] - 1; likewise its in-list. */
  readonly outStart: Int32Array;
  readonly outLen: Int32Array;
  private readonly outCap: Int32Array;
  readonly inStart: Int32Array;
  readonly inLen: Int32Array;
  private readonly inCap: Int32Array;

  /** Fills the lists from the CSR graph, keeping the cheapest of parallel edges and dropping self-loops. */
  constructor(graph: RoutingGraph) {
    const n = graph.nodeCount;
    this.outStart = new Int32Array(n);
    this.outLen = new Int32Array(n);
    this.outCap = new Int32Array(n);
    this.inStart = new Int32Array(n);
    this.inLen = new Int32Array(n);
    this.inCap = new Int32Array(n);
    const { firstOut, head, weight, firstIn } = graph;
    // Room for the input plus growth; lists are laid out in node order.
    const initial = 2 * graph.edgeCount + 4 * n;
    this.poolNode = new Int32Array(initial);
    this.poolWeight = new Float64Array(initial);
    this.poolArc = new Int32Array(initial);
    for (let v = 0; v < n; v++) {
      const outDegree = firstOut[v + 1] - firstOut[v];
      this.outStart[v] = this.poolUsed;
      this.outCap[v] = outDegree + 2;
      this.poolUsed += outDegree + 2;
      const inDegree = firstIn[v + 1] - firstIn[v];
      this.inStart[v] = this.poolUsed;
      this.inCap[v] = inDegree + 2;
      this.poolUsed += inDegree + 2;
    }
    // bestEdgeTo[w] = cheapest edge from the current node to w, valid where `seen` marks w.
    const seen = new GenerationStamp(n);
    const bestEdgeTo = new Int32Array(n);
    for (let v = 0; v < n; v++) {
      seen.next();
      for (let e = firstOut[v]; e < firstOut[v + 1]; e++) {
        const w = head[e];
        if (w === v) continue;
        if (!seen.has(w) || weight[e] < weight[bestEdgeTo[w]]) {
          seen.mark(w);
          bestEdgeTo[w] = e;
        }
      }
      for (let e = firstOut[v]; e < firstOut[v + 1]; e++) {
        const w = head[e];
        if (w === v || bestEdgeTo[w] !== e) continue;
        this.appendOut(v, w, weight[e], e);
      }
    }
    // In-lists mirror the out-lists exactly (same surviving edges).
    for (let v = 0; v < n; v++) {
      const end = this.outStart[v] + this.outLen[v];
      for (let i = this.outStart[v]; i < end; i++) {
        this.appendIn(this.poolNode[i], v, this.poolWeight[i], this.poolArc[i]);
      }
    }
  }

  /**
   * Sets the arc u → w to (weight, arc) in both lists: the existing entry is
   * replaced (a new shortcut is only made when it is shorter), or one is added.
   */
  setArc(u: number, w: number, weight: number, arc: number): void {
    const out = this.findOut(u, w);
    if (out >= 0) {
      this.poolWeight[out] = weight;
      this.poolArc[out] = arc;
      const inn = this.findIn(w, u);
      this.poolWeight[inn] = weight;
      this.poolArc[inn] = arc;
    } else {
      this.appendOut(u, w, weight, arc);
      this.appendIn(w, u, weight, arc);
    }
  }

  /** Takes contracted node v out of its neighbours' lists and empties its own. */
  removeNode(v: number): void {
    for (let i = this.outStart[v], end = i + this.outLen[v]; i < end; i++) {
      const w = this.poolNode[i];
      this.removeEntry(this.inStart, this.inLen, w, this.findIn(w, v));
    }
    for (let i = this.inStart[v], end = i + this.inLen[v]; i < end; i++) {
      const u = this.poolNode[i];
      this.removeEntry(this.outStart, this.outLen, u, this.findOut(u, v));
    }
    this.outLen[v] = 0;
    this.inLen[v] = 0;
  }

  /** Makes room for one more entry in a list, moving it to the end of the pool if it is full. */
  private ensureRoom(start: Int32Array, len: Int32Array, cap: Int32Array, v: number): void {
    if (len[v] < cap[v]) return;
    const newCap = Math.max(4, cap[v] * 2);
    const needed = this.poolUsed + newCap;
    if (needed > this.poolNode.length) {
      const size = Math.max(needed, Math.ceil(this.poolNode.length * 1.5));
      this.poolNode = grownInt32(this.poolNode, size);
      this.poolWeight = grownFloat64(this.poolWeight, size);
      this.poolArc = grownInt32(this.poolArc, size);
    }
    const from = start[v];
    const to = this.poolUsed;
    this.poolNode.copyWithin(to, from, from + len[v]);
    this.poolWeight.copyWithin(to, from, from + len[v]);
    this.poolArc.copyWithin(to, from, from + len[v]);
    start[v] = to;
    cap[v] = newCap;
    this.poolUsed += newCap;
  }

  private appendOut(v: number, w: number, weight: number, arc: number): void {
    this.ensureRoom(this.outStart, this.outLen, this.outCap, v);
    const i = this.outStart[v] + this.outLen[v]++;
    this.poolNode[i] = w;
    this.poolWeight[i] = weight;
    this.poolArc[i] = arc;
  }

  private appendIn(w: number, u: number, weight: number, arc: number): void {
    this.ensureRoom(this.inStart, this.inLen, this.inCap, w);
    const i = this.inStart[w] + this.inLen[w]++;
    this.poolNode[i] = u;
    this.poolWeight[i] = weight;
    this.poolArc[i] = arc;
  }

  /** Pool index of u's out-entry to w, or -1. */
  private findOut(u: number, w: number): number {
    const start = this.outStart[u];
    const end = start + this.outLen[u];
    const poolNode = this.poolNode;
    for (let i = start; i < end; i++) if (poolNode[i] === w) return i;
    return -1;
  }

  /** Pool index of w's in-entry from u, or -1. */
  private findIn(w: number, u: number): number {
    const start = this.inStart[w];
    const end = start + this.inLen[w];
    const poolNode = this.poolNode;
    for (let i = start; i < end; i++) if (poolNode[i] === u) return i;
    return -1;
  }

  /** Removes pool entry i from a list by moving the list's last entry into its place. */
  private removeEntry(start: Int32Array, len: Int32Array, v: number, i: number): void {
    const last = start[v] + --len[v];
    this.poolNode[i] = this.poolNode[last];
    this.poolWeight[i] = this.poolWeight[last];
    this.poolArc[i] = this.poolArc[last];
  }
}
