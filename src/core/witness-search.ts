/**
 * The contraction's witness search: is there a path u ⇝ w avoiding the node
 * being contracted that is no longer than u → v → w? A Dijkstra search from u
 * in the remaining graph, bounded by the shortcut length, by hops and by
 * settled nodes. A search that gives up only costs an unnecessary shortcut,
 * never a wrong distance.
 */
import type { ContractionGraph } from './contraction-graph.js';
import { GenerationStamp } from './generation-stamp.js';
import { IndexedMinHeap } from './min-heap.js';

export class WitnessSearch {
  /** Tentative distances of the latest search, valid where `reached` marks the node. */
  private readonly dist: Float64Array;
  private readonly hops: Int32Array;
  private readonly reached: GenerationStamp;
  private readonly isTarget: GenerationStamp;
  private readonly heap: IndexedMinHeap;

  constructor(
    nodeCount: number,
    /** Arcs a witness path may have. */
    private readonly hopLimit: number,
  ) {
    this.dist = new Float64Array(nodeCount);
    this.hops = new Int32Array(nodeCount);
    this.reached = new GenerationStamp(nodeCount);
    this.isTarget = new GenerationStamp(nodeCount);
    this.heap = new IndexedMinHeap(nodeCount);
  }

  /** Starts a new search: no node reached, no target marked. */
  start(): void {
    this.reached.next();
    this.isTarget.next();
  }

  markTarget(w: number): void {
    this.isTarget.mark(w);
  }

  /**
   * Dijkstra from `source` in `graph` without `avoid`, up to `maxDist`, until
   * the `targets` marked targets are settled or `settledLimit` nodes are.
   * Leaves tentative distances: each is the length of a real path avoiding
   * `avoid`, so it is a witness whenever it is short enough.
   */
  run(graph: ContractionGraph, source: number, avoid: number, maxDist: number, targets: number, settledLimit: number): void {
    const { dist, hops, reached, isTarget, heap, hopLimit } = this;
    const { outStart, outLen, poolNode, poolWeight } = graph;
    dist[source] = 0;
    hops[source] = 0;
    reached.mark(source);
    heap.push(source, 0);
    let settled = 0;
    let remaining = targets;
    while (!heap.isEmpty()) {
      if (heap.minKey() > maxDist) break;
      const x = heap.pop();
      if (isTarget.has(x) && --remaining === 0) break;
      if (++settled > settledLimit) break;
      const nextHops = hops[x] + 1;
      if (nextHops > hopLimit) continue;
      const dx = dist[x];
      const end = outStart[x] + outLen[x];
      for (let i = outStart[x]; i < end; i++) {
        const y = poolNode[i];
        if (y === avoid) continue;
        const nd = dx + poolWeight[i];
        if (nd > maxDist) continue;
        if (!reached.has(y)) {
          reached.mark(y);
          dist[y] = nd;
          hops[y] = nextHops;
          heap.push(y, nd);
        } else if (nd < dist[y]) {
          dist[y] = nd;
          hops[y] = nextHops;
          heap.decreaseKey(y, nd);
        }
      }
    }
    heap.clear();
  }

  /** Whether the latest search found a path to w no longer than `length`. */
  witnessed(w: number, length: number): boolean {
    return this.reached.has(w) && this.dist[w] <= length;
  }
}
