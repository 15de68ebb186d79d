import { DijkstraQuery } from '../core/dijkstra.js';
import { checkNode, nodesAlong, notFound, type PathResult } from '../core/path.js';
import { buildRoutingGraph, type RoutingGraph } from '../core/routing-graph.js';
import { InputError } from '../errors/steppenet-error.js';

/** An edge set or blocked edge id that does not fit the graph. */
export class InvalidEdgeSetError extends InputError {
  constructor(readonly functionName: string, readonly argument: string, detail: string) {
    super(`${functionName}: ${argument} ${detail}`);
  }
}

/** A best route that had to use an edge of the set: which one. */
export interface ThroughPathResult extends PathResult {
  /** The set edge the route was forced through (the first one the search found at the minimum); -1 when not found. */
  through: number;
}

/**
 * The cheapest route from s to t that uses at least one edge of a given set
 * (e.g. every edge that touches Kazakhstan). One shortest-path tree from s,
 * one tree into t (on the reversed graph), then the minimum over set edges
 * e = (u, v) of d(s, u) + w(e) + d(v, t): two Dijkstra runs and a scan of the
 * set instead of one search per candidate place.
 *
 * Exact for routes understood as walks: each half is a shortest path on its
 * own, so the answer may pass a node twice (dip into the set and come back
 * the same way) when nothing cheaper enters it; callers can detect that.
 *
 * Reusable: owns its two queries (generation-stamped), the reversed graph and
 * two block masks kept all-zero between calls: a call sets the entries of the
 * edges it is asked to block and clears them again, so it never touches
 * arrays of graph size.
 */
export class ThroughEdgeSetQuery {
  private readonly reversed: RoutingGraph;
  private readonly forward: DijkstraQuery;
  private readonly backward: DijkstraQuery;
  private readonly blocked: Uint8Array;
  private readonly reversedBlocked: Uint8Array;
  /** Original CSR edge id → id of the same edge in the reversed graph. */
  private readonly reversedId: Int32Array;
  /** Ids of the set's edges, ascending. */
  private readonly setEdges: Int32Array;

  constructor(
    readonly graph: RoutingGraph,
    edgeSet: Uint8Array,
  ) {
    if (edgeSet.length < graph.edgeCount) {
      throw new InvalidEdgeSetError('ThroughEdgeSetQuery', 'edgeSet', `has length ${edgeSet.length}; it must cover all ${graph.edgeCount} edges`);
    }
    let count = 0;
    for (let e = 0; e < graph.edgeCount; e++) if (edgeSet[e] !== 0) count++;
    this.setEdges = new Int32Array(count);
    for (let e = 0, i = 0; e < graph.edgeCount; e++) if (edgeSet[e] !== 0) this.setEdges[i++] = e;
    // Reversed edge list in CSR order, so reversed.edgeRef[r] is the original CSR edge id.
    this.reversed = buildRoutingGraph({ nodeCount: graph.nodeCount, from: graph.head, to: graph.tail, weight: graph.weight });
    this.forward = new DijkstraQuery(graph);
    this.backward = new DijkstraQuery(this.reversed);
    this.reversedId = new Int32Array(graph.edgeCount);
    for (let r = 0; r < graph.edgeCount; r++) this.reversedId[this.reversed.edgeRef[r]] = r;
    this.blocked = new Uint8Array(graph.edgeCount);
    this.reversedBlocked = new Uint8Array(graph.edgeCount);
  }

  /** How many edges the set holds. */
  get setSize(): number {
    return this.setEdges.length;
  }

  /** The best route from source to target through the set, with the edges `blockedEdges` (CSR ids) out of use. */
  route(source: number, target: number, blockedEdges: readonly number[] = []): ThroughPathResult {
    checkNode('ThroughEdgeSetQuery.route', 'source', this.graph, source);
    checkNode('ThroughEdgeSetQuery.route', 'target', this.graph, target);
    for (const e of blockedEdges) {
      if (!Number.isInteger(e) || e < 0 || e >= this.graph.edgeCount) {
        throw new InvalidEdgeSetError('ThroughEdgeSetQuery.route', 'blockedEdges', `has ${e}, not an edge id in 0..${this.graph.edgeCount - 1}`);
      }
    }
    for (const e of blockedEdges) {
      this.blocked[e] = 1;
      this.reversedBlocked[this.reversedId[e]] = 1;
    }
    try {
      return this.search(source, target);
    } finally {
      for (const e of blockedEdges) {
        this.blocked[e] = 0;
        this.reversedBlocked[this.reversedId[e]] = 0;
      }
    }
  }

  private search(source: number, target: number): ThroughPathResult {
    const blocked = this.blocked;
    const ref = this.reversed.edgeRef;
    const fromSource = this.forward.tree(source, { blockedEdges: blocked });
    const toTarget = this.backward.tree(target, { blockedEdges: this.reversedBlocked });

    const { tail, head, weight } = this.graph;
    let best = Infinity;
    let through = -1;
    for (let i = 0; i < this.setEdges.length; i++) {
      const e = this.setEdges[i];
      if (blocked[e] !== 0) continue;
      const c = fromSource.distance(tail[e]) + weight[e] + toTarget.distance(head[e]);
      if (c < best) {
        best = c;
        through = e;
      }
    }
    if (through < 0) return { ...notFound(0), through: -1 };

    const edges = fromSource.pathTo(tail[through]).edges;
    edges.push(through);
    // Follow the reversed tree from the set edge's head back to its root, the target.
    for (let v = head[through]; v !== target; ) {
      // Reversed edge r enters v in the reversed tree; the original edge runs v → reversed.tail[r], one step nearer the target.
      const r = toTarget.parentEdge(v);
      edges.push(ref[r]);
      v = this.reversed.tail[r];
    }
    // The cost summed in travel order, as every other route total is (the two trees summed from opposite ends).
    let cost = 0;
    for (const e of edges) cost += weight[e];
    // A cost that overflowed is no route (see PathResult.cost).
    if (!(cost < Infinity)) return { ...notFound(0), through: -1 };
    return { found: true, cost, edges, nodes: nodesAlong(this.graph, source, edges), settled: 0, through };
  }
}
