/**
 * Degree-2 chain folding. On OpenStreetMap road graphs about two nodes in
 * three only shape a street: they have exactly two neighbours and traffic
 * passes straight through. Folding each such chain into one edge (its weight
 * the sum of the chain's) leaves a graph a third the size with the same
 * shortest paths between the nodes that remain; paths are unpacked back to
 * the original edges and nodes.
 *
 * A node is folded when its neighbours are exactly two other nodes a ≠ b and
 * its edges are a pass-through: one edge in and one out (a → v → b), or two
 * in and two out (a ⇄ v ⇄ b), no parallel edges. A query whose source or
 * target sits inside a chain starts (ends) at the chain's ends, with the
 * part of the chain travelled as a starting cost: the bidirectional A* takes
 * several seeded nodes. Both ends on one chain: the way along the chain is a
 * candidate too.
 *
 * Queries with blocked edges or nodes run on the original graph (mapping a
 * block onto the chains would cost as much as the search it saves).
 */
import { BidirectionalAStarQuery, type Seeds } from './bidirectional-astar.js';
import { checkNode, checkOptions, finishPath, notFound, searchLimit, type PathResult, type QueryOptions } from './path.js';
import { buildRoutingGraph, type RoutingGraph } from './routing-graph.js';

export interface FoldedGraph {
  readonly original: RoutingGraph;
  /** The graph over the kept nodes; its edgeRef is the chain id of each edge. */
  readonly graph: RoutingGraph;
  /** Original node → folded node, or -1 when the node was folded into a chain. */
  readonly foldedNode: Int32Array;
  /** Folded node → original node. */
  readonly originalNode: Uint32Array;
  /** Chain c's original edges, in order: chainEdges[chainStart[c] .. chainStart[c+1]-1]. */
  readonly chainStart: Uint32Array;
  readonly chainEdges: Uint32Array;
  /** CSR edge id of chain c in `graph`. */
  readonly chainEdge: Uint32Array;
  /** For a folded node v: the (at most two) chains through it, and the index in the chain of the edge entering v; -1 where none. */
  readonly throughChain: Int32Array;
  readonly throughIndex: Int32Array;
  /** Milliseconds the fold took. */
  readonly ms: number;
}

/** Folds the degree-2 pass-through chains of a graph (O(n + m)). */
export function foldChains(graph: RoutingGraph): FoldedGraph {
  const start = performance.now();
  const { nodeCount: n, firstOut, head, tail, weight } = graph;
  const foldable = new Uint8Array(n);
  for (let v = 0; v < n; v++) foldable[v] = isPassThrough(graph, v) ? 1 : 0;

  // Walk a chain from every edge that leaves a kept node. A foldable node no
  // walk reaches lies on a cycle of foldable nodes only: keep one of them and walk again.
  const visited = new Uint8Array(n);
  const chainFrom: number[] = [], chainTo: number[] = [], chainWeight: number[] = [], starts: number[] = [0], edges: number[] = [];
  const walkFrom = (u: number) => {
    for (let e0 = firstOut[u]; e0 < firstOut[u + 1]; e0++) {
      let e = e0;
      let w = weight[e];
      edges.push(e);
      let v = head[e];
      while (foldable[v] === 1) {
        visited[v] = 1;
        e = nextEdge(graph, v, tail[e]);
        w += weight[e];
        edges.push(e);
        v = head[e];
      }
      chainFrom.push(u);
      chainTo.push(v);
      // A chain whose sum overflows: every path along it overflows and is no route. MAX_VALUE keeps it a
      // valid weight, and the search never accepts a path at or above it (searchLimit).
      chainWeight.push(w < Infinity ? w : Number.MAX_VALUE);
      starts.push(edges.length);
    }
  };
  for (let u = 0; u < n; u++) if (foldable[u] === 0) walkFrom(u);
  for (let u = 0; u < n; u++) {
    if (foldable[u] === 1 && visited[u] === 0) {
      foldable[u] = 0;
      walkFrom(u);
      // The walk marks the rest of this cycle visited.
    }
  }

  const foldedNode = new Int32Array(n).fill(-1);
  const kept: number[] = [];
  for (let v = 0; v < n; v++) if (foldable[v] === 0) foldedNode[v] = kept.push(v) - 1;
  const chains = chainFrom.length;
  const folded = buildRoutingGraph({
    nodeCount: kept.length,
    from: chainFrom.map((u) => foldedNode[u]),
    to: chainTo.map((v) => foldedNode[v]),
    weight: chainWeight,
    ref: Array.from({ length: chains }, (_, c) => c),
    x: graph.x ? kept.map((v) => graph.x![v]) : undefined,
    y: graph.y ? kept.map((v) => graph.y![v]) : undefined,
    bound: graph.bound,
    boundScale: graph.boundScale,
  });
  const chainEdge = new Uint32Array(chains);
  for (let e = 0; e < folded.edgeCount; e++) chainEdge[folded.edgeRef[e]] = e;

  const chainStart = Uint32Array.from(starts);
  const chainEdges = Uint32Array.from(edges);
  const throughChain = new Int32Array(2 * n).fill(-1);
  const throughIndex = new Int32Array(2 * n).fill(-1);
  for (let c = 0; c < chains; c++) {
    for (let i = chainStart[c]; i + 1 < chainStart[c + 1]; i++) {
      const v = head[chainEdges[i]];
      const slot = throughChain[2 * v] < 0 ? 2 * v : 2 * v + 1;
      throughChain[slot] = c;
      throughIndex[slot] = i - chainStart[c];
    }
  }
  return {
    original: graph, graph: folded, foldedNode, originalNode: Uint32Array.from(kept),
    chainStart, chainEdges, chainEdge, throughChain, throughIndex, ms: performance.now() - start,
  };
}

function isPassThrough(graph: RoutingGraph, v: number): boolean {
  const { firstOut, head, firstIn, inEdge, tail } = graph;
  const outs = firstOut[v + 1] - firstOut[v];
  const ins = firstIn[v + 1] - firstIn[v];
  if (outs === 1 && ins === 1) {
    const b = head[firstOut[v]];
    const a = tail[inEdge[firstIn[v]]];
    return a !== b && a !== v && b !== v;
  }
  if (outs === 2 && ins === 2) {
    const b1 = head[firstOut[v]], b2 = head[firstOut[v] + 1];
    const a1 = tail[inEdge[firstIn[v]]], a2 = tail[inEdge[firstIn[v] + 1]];
    if (b1 === b2 || b1 === v || b2 === v) return false;
    return (a1 === b1 && a2 === b2) || (a1 === b2 && a2 === b1);
  }
  return false;
}

/** The edge out of pass-through node v that does not go back to `from`. */
function nextEdge(graph: RoutingGraph, v: number, from: number): number {
  const first = graph.firstOut[v];
  if (graph.firstOut[v + 1] - first === 1) return first;
  return graph.head[first] === from ? first + 1 : first;
}

/**
 * Exact point-to-point queries on a folded graph: bidirectional A* over the
 * chains, paths in the original graph's edges and nodes. Same contract as
 * every query of the core (see path.ts); the cost is the sum of the returned
 * edges' weights in path order.
 */
export class FoldedQuery {
  private readonly search: BidirectionalAStarQuery;
  private unfolded?: BidirectionalAStarQuery;

  constructor(readonly folded: FoldedGraph) {
    this.search = new BidirectionalAStarQuery(folded.graph);
  }

  route(source: number, target: number, options?: QueryOptions): PathResult {
    const graph = this.folded.original;
    checkNode('FoldedQuery.route', 'source', graph, source);
    checkNode('FoldedQuery.route', 'target', graph, target);
    const maxCost = checkOptions('FoldedQuery.route', graph, options);
    if (source === target) return { found: true, cost: 0, edges: [], nodes: [source], settled: 0 };
    if (options?.blockedEdges !== undefined || options?.blockedNodes !== undefined) {
      return (this.unfolded ??= new BidirectionalAStarQuery(graph)).route(source, target, options);
    }
    const from = this.endsOf(source, 'source');
    const to = this.endsOf(target, 'target');
    const direct = this.alongOneChain(source, target);
    const point = (v: number) => ({ x: graph.x?.[v] ?? 0, y: graph.y?.[v] ?? 0 });
    // Chain sums round differently from the path's own sum: search with a hair of slack, check exactly below.
    const r = this.search.search(from.seeds, to.seeds, point(source), point(target), searchLimit(maxCost), direct.cost, undefined);
    let edges: number[];
    if (r.found) {
      // Loops, not push(...legs): a leg or a chain can hold any number of edges.
      edges = from.legs[r.sourceSeed].slice();
      const { chainStart, chainEdges, graph: fg } = this.folded;
      for (const fe of r.edges) {
        const c = fg.edgeRef[fe];
        for (let i = chainStart[c]; i < chainStart[c + 1]; i++) edges.push(chainEdges[i]);
      }
      const leg = to.legs[r.targetSeed];
      for (let i = 0; i < leg.length; i++) edges.push(leg[i]);
    } else if (direct.edges) {
      edges = direct.edges;
    } else {
      return notFound(r.settled);
    }
    // The path's own sum, checked exactly (and found only when finite).
    return finishPath(graph, source, edges, maxCost, r.settled);
  }

  /**
   * Where a search from (to) node v starts (ends) in the folded graph: v
   * itself, or the ends of the chains through it, each with the chain part
   * travelled (legs) and its cost.
   */
  private endsOf(v: number, side: 'source' | 'target'): { seeds: Seeds; legs: number[][] } {
    const f = this.folded;
    if (f.foldedNode[v] >= 0) return { seeds: { nodes: [f.foldedNode[v]], offsets: [0] }, legs: [[]] };
    const nodes: number[] = [], offsets: number[] = [], legs: number[][] = [];
    const weight = f.original.weight;
    for (const slot of [2 * v, 2 * v + 1]) {
      const c = f.throughChain[slot];
      if (c < 0) continue;
      const first = f.chainStart[c], end = f.chainStart[c + 1], at = first + f.throughIndex[slot];
      // Source: from v on to the chain's end; target: from the chain's start up to v.
      const leg = side === 'source' ? Array.from(f.chainEdges.subarray(at + 1, end)) : Array.from(f.chainEdges.subarray(first, at + 1));
      let cost = 0;
      for (const e of leg) cost += weight[e];
      const fe = f.chainEdge[c];
      nodes.push(side === 'source' ? f.graph.head[fe] : f.graph.tail[fe]);
      offsets.push(cost);
      legs.push(leg);
    }
    return { seeds: { nodes, offsets }, legs };
  }

  /** The way from source to target along one chain they both sit on, if any. */
  private alongOneChain(source: number, target: number): { cost: number; edges?: number[] } {
    const f = this.folded;
    let best: { cost: number; edges?: number[] } = { cost: Infinity };
    for (const s of [2 * source, 2 * source + 1]) {
      for (const t of [2 * target, 2 * target + 1]) {
        const c = f.throughChain[s];
        if (c < 0 || c !== f.throughChain[t] || f.throughIndex[s] >= f.throughIndex[t]) continue;
        const edges = Array.from(f.chainEdges.subarray(f.chainStart[c] + f.throughIndex[s] + 1, f.chainStart[c] + f.throughIndex[t] + 1));
        let cost = 0;
        for (const e of edges) cost += f.original.weight[e];
        if (cost < best.cost) best = { cost, edges };
      }
    }
    // A source or target that is a kept node sits at a chain's end, where the search handles it.
    return best;
  }
}
