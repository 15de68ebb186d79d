import { flowPaths } from '../core/flow-paths.js';
import { maxFlow } from '../core/max-flow.js';
import type { CompiledNetwork } from '../routing/compile-network.js';
import { ThroughEdgeSetQuery } from './through-edge-set-query.js';

/**
 * How many routes between two places can run with no link in common: the
 * number of independent ways a corridor has (Menger: the size of the smallest
 * set of links whose loss cuts the places apart).
 */
export interface DisjointRouteCount {
  /** Link-disjoint routes found (a set of that many routes exists). */
  count: number;
  /** No set of more than this many link-disjoint routes exists. */
  upperBound: number;
  /** count === upperBound. */
  exact: boolean;
}

/** Capacity 1 per direction of a link; mode changes and depart/arrive edges are not links and are not limited. */
function linkCapacities(compiled: CompiledNetwork): Float64Array {
  const m = compiled.graph.edgeCount;
  const capacity = new Float64Array(m);
  // Finite, so that maxFlow never sees an all-unlimited path; no flow can exceed m anyway.
  for (let e = 0; e < m; e++) capacity[e] = compiled.stepOf(e).kind === 'link' ? 1 : m + 1;
  return capacity;
}

/**
 * Exact, by max flow on the compiled graph: each direction of a link has
 * capacity 1 (a two-way link's two directions are the standard undirected
 * reduction: flow both ways cancels).
 */
export function linkDisjointRoutes(compiled: CompiledNetwork, from: string, to: string): DisjointRouteCount {
  const g = compiled.graph;
  const { value } = maxFlow({ nodeCount: g.nodeCount, from: g.tail, to: g.head, capacity: linkCapacities(compiled) }, compiled.departNode(from), compiled.arriveNode(to));
  const count = Math.round(value);
  return { count, upperBound: count, exact: true };
}

/**
 * Link-disjoint routes that each use at least one edge of `edgeSet` (e.g.
 * each enters Kazakhstan); a route is a walk, as in ThroughEdgeSetQuery.
 * That constraint is not a plain flow problem, so the answer is bracketed:
 * - upper bound: the smaller of the plain max flow and a max flow on two
 *   copies of the graph, "not yet in the set" and "been in the set", joined
 *   only by the set's edges (source in the first copy, sink in the second,
 *   capacity 1 per link direction per copy: the two copies of a link are not
 *   tied together, which is the relaxation);
 * - count: the better of two valid sets: (a) greedily the best route through
 *   the set, its links taken out, repeated; (b) the two-copy flow split into
 *   routes, keeping those whose links no kept route uses.
 * When count and bound meet, the count is exact.
 */
export function linkDisjointRoutesThrough(compiled: CompiledNetwork, from: string, to: string, edgeSet: Uint8Array): DisjointRouteCount {
  const g = compiled.graph;
  const n = g.nodeCount;
  const m = g.edgeCount;
  const capacity = linkCapacities(compiled);
  const tails = new Int32Array(2 * m);
  const heads = new Int32Array(2 * m);
  const layeredCapacity = new Float64Array(2 * m);
  for (let e = 0; e < m; e++) {
    const u = g.tail[e], v = g.head[e];
    // Arc 2e runs in copy 0 (a set edge lands in copy 1); arc 2e + 1 runs in copy 1.
    tails[2 * e] = u;
    heads[2 * e] = edgeSet[e] !== 0 ? v + n : v;
    tails[2 * e + 1] = u + n;
    heads[2 * e + 1] = v + n;
    layeredCapacity[2 * e] = capacity[e];
    layeredCapacity[2 * e + 1] = capacity[e];
  }
  const source = compiled.departNode(from);
  const target = compiled.arriveNode(to);
  const layered = maxFlow({ nodeCount: 2 * n, from: tails, to: heads, capacity: layeredCapacity }, source, target + n);
  const plain = maxFlow({ nodeCount: n, from: g.tail, to: g.head, capacity }, source, target);
  const upperBound = Math.min(Math.round(layered.value), Math.round(plain.value));

  const greedy = greedyThrough(compiled, source, target, edgeSet, upperBound);
  const split = greedy < upperBound ? splitFlow(compiled, { tails, heads, flow: layered.flow }, source, target + n) : 0;
  const count = Math.max(greedy, split);
  return { count, upperBound, exact: count === upperBound };
}

/** Greedy: the best route through the set, its links out of service, again, until none is left or `limit` is reached. */
function greedyThrough(compiled: CompiledNetwork, source: number, target: number, edgeSet: Uint8Array, limit: number): number {
  const query = new ThroughEdgeSetQuery(compiled.graph, edgeSet);
  const blocked: number[] = [];
  let count = 0;
  while (count < limit) {
    const r = query.route(source, target, blocked);
    if (!r.found) break;
    let links = 0;
    for (const e of r.edges) {
      const step = compiled.stepOf(e);
      if (step.kind !== 'link') continue;
      links++;
      for (const edge of compiled.edgesOfLink(step.link.id)) blocked.push(edge);
    }
    // A route with no link at all (origin = destination inside the set) would be found again forever.
    if (links === 0) break;
    count++;
  }
  return count;
}

/**
 * Splits a flow on the two-copy network into source–sink paths (cycles of
 * flow are dropped), maps each to the links it uses, and keeps the paths
 * whose links no kept path uses, fewest conflicts first.
 */
function splitFlow(
  compiled: CompiledNetwork,
  arcs: { tails: Int32Array; heads: Int32Array; flow: Float64Array },
  source: number,
  sink: number,
): number {
  const { tails, heads } = arcs;
  const nodeCount = 2 * compiled.graph.nodeCount;
  const left = Int32Array.from(arcs.flow, (f) => Math.round(f));
  // Flow both ways along one copy of a link cancels (it would only make two paths share the link).
  for (const { properties: link } of compiled.network.links) {
    const [f, b] = compiled.edgesOfLink(link.id);
    if (b === undefined) continue;
    const copies = heads[2 * f] >= compiled.graph.nodeCount ? [1] : [0, 1];
    for (const c of copies) {
      const both = Math.min(left[2 * f + c], left[2 * b + c]);
      left[2 * f + c] -= both;
      left[2 * b + c] -= both;
    }
  }
  // Each path's links; arc a is a copy of edge a >> 1.
  const paths = flowPaths(nodeCount, tails, heads, left, source, sink).map((pathArcs) => {
    const links = new Set<string>();
    for (const a of pathArcs) {
      const step = compiled.stepOf(a >> 1);
      if (step.kind === 'link') links.add(step.link.id);
    }
    return links;
  });

  const conflicts = paths.map((p, i) => paths.filter((q, j) => j !== i && [...p].some((l) => q.has(l))).length);
  const order = paths.map((_, i) => i).sort((i, j) => conflicts[i] - conflicts[j] || i - j);
  const used = new Set<string>();
  let kept = 0;
  for (const i of order) {
    if ([...paths[i]].some((l) => used.has(l))) continue;
    paths[i].forEach((l) => used.add(l));
    kept++;
  }
  return kept;
}
