/**
 * failurePenalties: a drawn graph with parallel edges, a grouped link and an
 * indispensable edge; then random multigraphs where every penalty is checked
 * against Dijkstra on a graph rebuilt without the failed edges.
 */
import { describe, expect, it } from 'vitest';
import { DijkstraQuery } from '../src/core/dijkstra.js';
import type { PathResult } from '../src/core/path.js';
import { failurePenalties, InvalidRouteError, RouteFailureQuery } from '../src/core/route-failure.js';
import { buildRoutingGraph, type RoutingGraph } from '../src/core/routing-graph.js';
import { mulberry32 } from './fixtures/prng.js';


function refs(graph: RoutingGraph, path: PathResult): number[] {
  return path.edges.map((e) => graph.edgeRef[e]);
}

function routeOf(graph: RoutingGraph, inputEdges: number[]): PathResult {
  const edges = inputEdges.map((r) => graph.edgeRef.indexOf(r));
  let cost = 0;
  for (const e of edges) cost += graph.weight[e];
  return { found: true, cost, edges, nodes: [graph.tail[edges[0]], ...edges.map((e) => graph.head[e])], settled: 0 };
}

describe('failurePenalties on a drawn graph', () => {
  /*
   *        #0: w1
   *   s(0) ======> a(1) --#2: w1--> t(2) --#5: w1--> c(4)
   *     |  #1: w2                   ^
   *     |                           |
   *     +--#3: w5--> b(3) --#4: w5--+
   *
   * Route s-a-t-c = [#0 #2 #5], cost 3.
   *   fail #0 -> the parallel #1 takes over: [#1 #2 #5], cost 4, +1
   *   fail #2 -> round by b: [#3 #4 #5], cost 11, +8
   *   fail #5 -> c is cut off: Infinity
   * If #0 and #1 are one physical link (same group), failing it costs +8.
   */
  const graph = buildRoutingGraph({
    nodeCount: 5,
    from: [0, 0, 1, 0, 3, 2],
    to: [1, 1, 2, 3, 2, 4],
    weight: [1, 2, 1, 5, 5, 1],
  });
  const route = routeOf(graph, [0, 2, 5]);

  it('parallel edges are separate links; the cut-off edge costs Infinity', () => {
    const penalties = failurePenalties(graph, route);
    expect(penalties.map((p) => graph.edgeRef[p.edge])).toEqual([0, 2, 5]);
    expect(penalties.map((p) => p.extraCost)).toEqual([1, 8, Infinity]);
    expect(penalties.map((p) => refs(graph, p.detour))).toEqual([[1, 2, 5], [3, 4, 5], []]);
    expect(penalties[2].detour.found).toBe(false);
    expect(penalties.map((p) => p.positions)).toEqual([[0], [1], [2]]);
  });

  it('with groupBy, failing a link fails every edge in its group', () => {
    const groupBy = new Int32Array(graph.edgeCount).fill(-1);
    groupBy[graph.edgeRef.indexOf(0)] = 40;
    groupBy[graph.edgeRef.indexOf(1)] = 40;
    const penalties = failurePenalties(graph, route, { groupBy });
    expect(penalties[0].group).toBe(40);
    expect(penalties[0].failedEdges.map((e) => graph.edgeRef[e]).sort()).toEqual([0, 1]);
    expect(penalties.map((p) => p.extraCost)).toEqual([8, 8, Infinity]);
    expect(penalties[1].group).toBe(-1);
  });

  it('blocked edges stay blocked in every scenario; a reused query works', () => {
    const blockedEdges = new Uint8Array(graph.edgeCount);
    blockedEdges[graph.edgeRef.indexOf(3)] = 1; // s -> b
    const query = new RouteFailureQuery(graph);
    const penalties = failurePenalties(graph, route, { blockedEdges, query });
    expect(penalties.map((p) => p.extraCost)).toEqual([1, Infinity, Infinity]);
    // The same query without the block: nothing carried over.
    expect(query.penalties(route).map((p) => p.extraCost)).toEqual([1, 8, Infinity]);
    expect(blockedEdges[graph.edgeRef.indexOf(0)]).toBe(0); // the caller's mask is not touched
  });

  it('rejects routes that do not follow the graph, and a query for another graph', () => {
    const broken = { ...route, nodes: [0, 2, 2, 4] };
    expect(() => failurePenalties(graph, broken)).toThrow(InvalidRouteError);
    expect(() => failurePenalties(graph, { found: false, cost: Infinity, edges: [], nodes: [], settled: 0 })).toThrow(/not found/);
    const other = buildRoutingGraph({ nodeCount: 1, from: [], to: [], weight: [] });
    expect(() => failurePenalties(graph, route, { query: new RouteFailureQuery(other) })).toThrow(/different graph/);
    expect(failurePenalties(graph, { found: true, cost: 0, edges: [], nodes: [3], settled: 0 })).toEqual([]);
  });
});

describe('failurePenalties against Dijkstra on a rebuilt graph', () => {
  it('300 random multigraphs, shortest and arbitrary routes, with and without groups', () => {
    const random = mulberry32(4242);
    let finite = 0;
    let infinite = 0;
    for (let trial = 0; trial < 300; trial++) {
      const n = 3 + Math.floor(random() * 6);
      const from: number[] = [];
      const to: number[] = [];
      const weight: number[] = [];
      const link: number[] = [];
      const count = 5 + Math.floor(random() * 15);
      for (let i = 0; i < count; i++) {
        const u = Math.floor(random() * n);
        const v = Math.floor(random() * n);
        from.push(u);
        to.push(v);
        weight.push(Math.floor(random() * 6));
        link.push(i);
        if (random() < 0.4) {
          from.push(v); // the other direction of the same link
          to.push(u);
          weight.push(Math.floor(random() * 6));
          link.push(i);
        } else if (random() < 0.2) {
          from.push(u); // a parallel edge of its own
          to.push(v);
          weight.push(Math.floor(random() * 6));
          link.push(count + i);
        }
      }
      const graph = buildRoutingGraph({ nodeCount: n, from, to, weight });
      // edgeRef = input index; the link of CSR edge e is link[edgeRef[e]].
      const groupBy = trial % 2 === 0 ? Int32Array.from(graph.edgeRef, (r) => link[r]) : undefined;
      const source = Math.floor(random() * n);
      const target = (source + 1 + Math.floor(random() * (n - 1))) % n;
      const route = trial % 3 === 0 ? randomWalkRoute(graph, source, target, random) : new DijkstraQuery(graph).route(source, target);
      if (!route.found) continue;
      let routeCost = 0;
      for (const e of route.edges) routeCost += graph.weight[e];

      const penalties = failurePenalties(graph, route, { groupBy });
      const links = new Set(route.edges.map((e) => (groupBy ? `g${groupBy[e]}` : `e${e}`)));
      expect(penalties.length).toBe(links.size);
      for (const p of penalties) {
        const failed = new Set<number>();
        for (let e = 0; e < graph.edgeCount; e++) {
          if (groupBy ? groupBy[e] === groupBy[p.edge] : e === p.edge) failed.add(e);
        }
        expect([...p.failedEdges].sort((a, b) => a - b)).toEqual([...failed].sort((a, b) => a - b));
        // Rebuild the graph without the failed edges and run a fresh Dijkstra.
        const keep = [...Array(graph.edgeCount).keys()].filter((e) => !failed.has(e));
        const rebuilt = buildRoutingGraph({
          nodeCount: n,
          from: keep.map((e) => graph.tail[e]),
          to: keep.map((e) => graph.head[e]),
          weight: keep.map((e) => graph.weight[e]),
        });
        const expected = new DijkstraQuery(rebuilt).route(source, target);
        expect(p.detour.found).toBe(expected.found);
        expect(p.detour.cost).toBe(expected.cost);
        expect(p.extraCost).toBe(expected.found ? expected.cost - routeCost : Infinity);
        for (const e of p.detour.edges) expect(failed.has(e)).toBe(false);
        if (expected.found) finite++;
        else infinite++;
      }
    }
    expect(finite).toBeGreaterThan(100);
    expect(infinite).toBeGreaterThan(20);
  });
});

/** A random simple route from source to target (DFS with random edge order), or a not-found result. */
function randomWalkRoute(graph: RoutingGraph, source: number, target: number, random: () => number): PathResult {
  const onPath = new Uint8Array(graph.nodeCount);
  const edges: number[] = [];
  const visit = (v: number): boolean => {
    if (v === target) return true;
    onPath[v] = 1;
    const out = [];
    for (let e = graph.firstOut[v]; e < graph.firstOut[v + 1]; e++) out.push(e);
    out.sort(() => random() - 0.5);
    for (const e of out) {
      if (onPath[graph.head[e]]) continue;
      edges.push(e);
      if (visit(graph.head[e])) return true;
      edges.pop();
    }
    return false;
  };
  if (!visit(source)) return { found: false, cost: Infinity, edges: [], nodes: [], settled: 0 };
  let cost = 0;
  for (const e of edges) cost += graph.weight[e];
  return { found: true, cost, edges, nodes: [source, ...edges.map((e) => graph.head[e])], settled: 0 };
}
