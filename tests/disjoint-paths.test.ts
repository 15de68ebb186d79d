/**
 * disjointPaths: drawn graphs (the trap that defeats "shortest route, delete
 * it, repeat", parallel edges, two-way links as groups), then random small
 * multigraphs checked against brute force over all sets of disjoint simple
 * paths, a brute-force minimum cut, and an independent max-flow (Dinic).
 */
import { describe, expect, it } from 'vitest';
import {
  disjointPaths,
  InvalidDisjointPathsArgumentError,
  UnsupportedGroupError,
  type DisjointPathsResult,
} from '../src/core/disjoint-paths.js';
import { maxFlow } from '../src/core/max-flow.js';
import type { PathResult } from '../src/core/path.js';
import { buildRoutingGraph, type RoutingGraph } from '../src/core/routing-graph.js';
import { mulberry32 } from './fixtures/prng.js';


function refs(graph: RoutingGraph, path: PathResult): number[] {
  return path.edges.map((e) => graph.edgeRef[e]);
}

/** Link identity of an edge: its group, or the edge itself when ungrouped. */
function linkOf(e: number, groupBy?: Int32Array): string {
  return groupBy && groupBy[e] >= 0 ? `g${groupBy[e]}` : `e${e}`;
}

interface SimplePath {
  edges: number[];
  nodes: number[];
  cost: number;
}

/** Every simple path from source to target by DFS over CSR edges, skipping blocked edges/nodes. */
function allSimplePaths(graph: RoutingGraph, source: number, target: number, blockedEdges?: Uint8Array, blockedNodes?: Uint8Array): SimplePath[] {
  const out: SimplePath[] = [];
  const onPath = new Uint8Array(graph.nodeCount);
  const edges: number[] = [];
  const nodes: number[] = [source];
  const visit = (v: number): void => {
    if (v === target) {
      let cost = 0;
      for (const e of edges) cost += graph.weight[e];
      out.push({ edges: [...edges], nodes: [...nodes], cost });
      return;
    }
    onPath[v] = 1;
    for (let e = graph.firstOut[v]; e < graph.firstOut[v + 1]; e++) {
      const w = graph.head[e];
      if (onPath[w] || blockedEdges?.[e] || (blockedNodes?.[w] && w !== target)) continue;
      edges.push(e);
      nodes.push(w);
      visit(w);
      edges.pop();
      nodes.pop();
    }
    onPath[v] = 0;
  };
  visit(source);
  return out;
}

function disjointPair(a: SimplePath, b: SimplePath, mode: 'edges' | 'nodes', groupBy?: Int32Array): boolean {
  const linksA = new Set(a.edges.map((e) => linkOf(e, groupBy)));
  if (b.edges.some((e) => linksA.has(linkOf(e, groupBy)))) return false;
  if (mode === 'nodes') {
    const inner = new Set(a.nodes.slice(1, -1));
    if (b.nodes.slice(1, -1).some((v) => inner.has(v))) return false;
  }
  return true;
}

/** Cheapest total cost of `count` pairwise disjoint simple paths, by trying every combination; Infinity if none. */
function bruteCheapestSet(paths: SimplePath[], count: number, mode: 'edges' | 'nodes', groupBy?: Int32Array): number {
  let best = Infinity;
  const chosen: SimplePath[] = [];
  const search = (from: number, cost: number): void => {
    if (chosen.length === count) {
      best = Math.min(best, cost);
      return;
    }
    for (let i = from; i < paths.length; i++) {
      if (chosen.every((c) => disjointPair(c, paths[i], mode, groupBy))) {
        chosen.push(paths[i]);
        search(i + 1, cost + paths[i].cost);
        chosen.pop();
      }
    }
  };
  search(0, 0);
  return best;
}

/** Whether target is reachable from source without the given edges and nodes. */
function connected(graph: RoutingGraph, source: number, target: number, edgeGone: (e: number) => boolean, nodeGone: (v: number) => boolean): boolean {
  const seen = new Uint8Array(graph.nodeCount);
  const stack = [source];
  seen[source] = 1;
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v === target) return true;
    for (let e = graph.firstOut[v]; e < graph.firstOut[v + 1]; e++) {
      const w = graph.head[e];
      if (seen[w] || edgeGone(e) || (nodeGone(w) && w !== target)) continue;
      seen[w] = 1;
      stack.push(w);
    }
  }
  return false;
}

/** 'edges': fewest links (groups) whose removal disconnects, over every source-side node set S. */
function bruteMinEdgeCut(graph: RoutingGraph, source: number, target: number, usable: (e: number) => boolean, groupBy?: Int32Array): number {
  let best = Infinity;
  for (let mask = 0; mask < 1 << graph.nodeCount; mask++) {
    if (!(mask & (1 << source)) || mask & (1 << target)) continue;
    const links = new Set<string>();
    for (let e = 0; e < graph.edgeCount; e++) {
      if (usable(e) && mask & (1 << graph.tail[e]) && !(mask & (1 << graph.head[e]))) links.add(linkOf(e, groupBy));
    }
    best = Math.min(best, links.size);
  }
  return best;
}

/** 'nodes': fewest inner nodes plus direct source->target links whose removal disconnects. */
function bruteMinNodeCut(graph: RoutingGraph, source: number, target: number, usable: (e: number) => boolean, nodeUsable: (v: number) => boolean, groupBy?: Int32Array): number {
  const direct = new Set<string>();
  for (let e = graph.firstOut[source]; e < graph.firstOut[source + 1]; e++) {
    if (graph.head[e] === target && usable(e)) direct.add(linkOf(e, groupBy));
  }
  let best = Infinity;
  for (let mask = 0; mask < 1 << graph.nodeCount; mask++) {
    if (mask & (1 << source) || mask & (1 << target)) continue;
    const isDirect = (e: number): boolean => graph.tail[e] === source && graph.head[e] === target;
    const cutOff = !connected(graph, source, target, (e) => !usable(e) || isDirect(e), (v) => (mask & (1 << v)) !== 0 || !nodeUsable(v));
    if (cutOff) best = Math.min(best, popcount(mask) + direct.size);
  }
  return best;
}

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}

/** Structural checks every result must pass: valid simple disjoint paths and a cut that really cuts. */
function expectSound(
  graph: RoutingGraph,
  source: number,
  target: number,
  result: DisjointPathsResult,
  mode: 'edges' | 'nodes',
  k: number,
  groupBy?: Int32Array,
  blockedEdges?: Uint8Array,
  blockedNodes?: Uint8Array,
): void {
  expect(result.paths.length).toBe(Math.min(k, result.maxDisjoint));
  let total = 0;
  for (const p of result.paths) {
    expect(p.found).toBe(true);
    expect(p.nodes[0]).toBe(source);
    expect(p.nodes[p.nodes.length - 1]).toBe(target);
    let cost = 0;
    p.edges.forEach((e, i) => {
      expect(graph.tail[e]).toBe(p.nodes[i]);
      expect(graph.head[e]).toBe(p.nodes[i + 1]);
      expect(blockedEdges?.[e] ?? 0).toBe(0);
      cost += graph.weight[e];
    });
    for (const v of p.nodes.slice(1, -1)) expect(blockedNodes?.[v] ?? 0).toBe(0);
    expect(p.cost).toBe(cost);
    expect(new Set(p.nodes).size).toBe(p.nodes.length);
    total += p.cost;
  }
  expect(result.totalCost).toBeCloseTo(total, 9);
  for (let i = 0; i < result.paths.length; i++) {
    for (let j = i + 1; j < result.paths.length; j++) {
      expect(disjointPair(result.paths[i], result.paths[j], mode, groupBy)).toBe(true);
    }
  }
  // Removing the cut (whole links for groups) disconnects source from target, and it has maxDisjoint elements.
  expect(result.minCut.length + result.minCutDirectEdges.length).toBe(result.maxDisjoint);
  const cutLinks = new Set([...(mode === 'edges' ? result.minCut : []), ...result.minCutDirectEdges].map((e) => linkOf(e, groupBy)));
  const cutNodes = new Set(mode === 'nodes' ? result.minCut : []);
  expect(
    connected(
      graph,
      source,
      target,
      (e) => cutLinks.has(linkOf(e, groupBy)) || (blockedEdges?.[e] ?? 0) !== 0,
      (v) => cutNodes.has(v) || (blockedNodes?.[v] ?? 0) !== 0,
    ),
  ).toBe(false);
}

describe('disjointPaths on drawn graphs', () => {
  /*
   * The trap:            a(1)
   *                 #0 ↗ w1  ↘ #4 w3
   *             s(0)    #1 w1 ↓     t(3)
   *                 #3 ↘ w3  ↗ #2 w1
   *                      b(2)
   *
   * Shortest route s-a-b-t costs 3; deleting its edges leaves no second
   * route. The optimum pair is s-a-t + s-b-t, total 4 + 4 = 8.
   */
  const trap = buildRoutingGraph({ nodeCount: 4, from: [0, 1, 2, 0, 1], to: [1, 2, 3, 2, 3], weight: [1, 1, 1, 3, 3] });

  it('the trap: two routes of total cost 8, not the greedy dead end', () => {
    const result = disjointPaths(trap, 0, 3, { k: 2 });
    expect(result.paths.map((p) => refs(trap, p))).toEqual([
      [0, 4],
      [3, 2],
    ]);
    expect(result.totalCost).toBe(8);
    expect(result.maxDisjoint).toBe(2);
    expectSound(trap, 0, 3, result, 'edges', 2);
  });

  it('the trap, k = 1: the shortest route alone; maxDisjoint still 2', () => {
    const result = disjointPaths(trap, 0, 3, { k: 1 });
    expect(result.paths.map((p) => refs(trap, p))).toEqual([[0, 1, 2]]);
    expect(result.maxDisjoint).toBe(2);
    expect(result.minCut.map((e) => trap.edgeRef[e]).sort()).toEqual([0, 3]); // the two edges out of s
  });

  /*
   * Parallel edges are distinct edges, but share nodes:
   *
   *     s(0) ==#0 w1, #1 w2==> m(1) --#2 w1--> t(2)
   *                            m(1) --#3 w5--> t(2)
   *
   * 'edges': two routes (#0 #2 and #1 #3, total 9). Both {#0, #1} and
   * {#2, #3} are minimum cuts; the one reported is the one nearest the source.
   * 'nodes': one route through m; the cut is node m.
   */
  const parallel = buildRoutingGraph({ nodeCount: 3, from: [0, 0, 1, 1], to: [1, 1, 2, 2], weight: [1, 2, 1, 5] });

  it('parallel edges give edge-disjoint routes but not node-disjoint ones', () => {
    const byEdges = disjointPaths(parallel, 0, 2, { k: 3 });
    expect(byEdges.maxDisjoint).toBe(2);
    expect(byEdges.paths.map((p) => refs(parallel, p))).toEqual([
      [0, 2],
      [1, 3],
    ]);
    expect(byEdges.totalCost).toBe(9);
    expect(byEdges.minCut.map((e) => parallel.edgeRef[e])).toEqual([0, 1]);
    expectSound(parallel, 0, 2, byEdges, 'edges', 3);

    const byNodes = disjointPaths(parallel, 0, 2, { k: 3, disjoint: 'nodes' });
    expect(byNodes.maxDisjoint).toBe(1);
    expect(byNodes.paths.map((p) => refs(parallel, p))).toEqual([[0, 2]]);
    expect(byNodes.minCut).toEqual([1]);
    expect(byNodes.minCutDirectEdges).toEqual([]);
  });

  /*
   * Direct edges in 'nodes' mode: s(0) --#0 w4--> t(1) twice (#0, #1) and s -#2 w1-> m(2) -#3 w1-> t.
   * Three internally node-disjoint routes; no node cut exists, the cut is
   * node m plus both direct edges. If #0 and #1 are one link (groupBy), only two.
   */
  const direct = buildRoutingGraph({ nodeCount: 3, from: [0, 0, 0, 2], to: [1, 1, 2, 1], weight: [4, 4, 1, 1] });

  it("'nodes' mode counts direct source-target edges, and groups them", () => {
    const result = disjointPaths(direct, 0, 1, { k: 5, disjoint: 'nodes' });
    expect(result.maxDisjoint).toBe(3);
    expect(result.minCut).toEqual([2]);
    expect(result.minCutDirectEdges.map((e) => direct.edgeRef[e]).sort()).toEqual([0, 1]);
    expect(result.totalCost).toBe(10);
    expectSound(direct, 0, 1, result, 'nodes', 5);

    const groupBy = new Int32Array([7, 7, -1, -1]); // CSR order = input order here (all but #3 leave node 0)
    expect(Array.from(direct.edgeRef)).toEqual([0, 1, 2, 3]);
    const grouped = disjointPaths(direct, 0, 1, { k: 5, disjoint: 'nodes', groupBy });
    expect(grouped.maxDisjoint).toBe(2);
    expect(grouped.totalCost).toBe(6);
    expectSound(direct, 0, 1, grouped, 'nodes', 5, groupBy);
  });

  /*
   * Two-way links as groups. L is one two-way link between u and v of weight
   * 0 each way (#2 u->v and #5 v->u share edgeRef 2); the other edges are one-way.
   *
   *        s(0) --#0 w1--> u(2) --#3 w5--> t(3)
   *          |              ‖                ^
   *          |              L  (w0 both ways) |
   *          |              ‖                |
   *          +---#1 w5--> v(1) --#4 w1-------+
   *
   * As plain directed edges, s-u-v-t (1+0+1 = 2) and s-v-u-t (5+0+5 = 10)
   * are edge-disjoint (u->v and v->u are different edges) and tie with
   * s-u-t + s-v-t (6 + 6) at total 12 — a directed solver may return them,
   * and this one does without groupBy: after s-u-v-t, the second search
   * reaches u from v by the forward edge v->u and by undoing u->v at equal
   * cost, and takes the first it sees. As a link, L may carry only one route;
   * the cancellation step turns the pair into s-u-t + s-v-t, same total.
   * (With positive weights a min-cost flow never uses both directions:
   * swapping the tails of the two routes saves both weights. The zero weight
   * makes the tie.)
   */
  const twoWay = buildRoutingGraph({
    nodeCount: 4,
    from: [0, 0, 2, 2, 1, 1],
    to: [2, 1, 1, 3, 3, 2],
    weight: [1, 5, 0, 5, 1, 0],
    ref: [0, 1, 2, 3, 4, 2],
  });

  it('two-way links: a directed treatment may use one link both ways; groupBy never does', () => {
    const everyPath = allSimplePaths(twoWay, 0, 3);
    const usesLinkBothWays = (a: SimplePath, b: SimplePath): boolean =>
      a.edges.some((e) => b.edges.some((f) => f !== e && twoWay.edgeRef[e] === twoWay.edgeRef[f]));
    const cheapestDirected = bruteCheapestSet(everyPath, 2, 'edges');
    const badDirectedPairs = everyPath.flatMap((a, i) =>
      everyPath
        .slice(i + 1)
        .filter((b) => disjointPair(a, b, 'edges') && a.cost + b.cost === cheapestDirected && usesLinkBothWays(a, b))
        .map((b) => [a.edges.map((e) => twoWay.edgeRef[e]), b.edges.map((e) => twoWay.edgeRef[e])]),
    );
    expect(cheapestDirected).toBe(12);
    // s-u-v-t with s-v-u-t: a cheapest pair as directed edges, but both use L.
    expect(badDirectedPairs).toEqual([[[0, 2, 4], [1, 2, 3]]]);
    // Without groupBy the two directions of L are just two edges, and this solver does pick that pair.
    const directed = disjointPaths(twoWay, 0, 3, { k: 2 });
    expect(directed.paths.map((p) => refs(twoWay, p))).toEqual([
      [0, 2, 4],
      [1, 2, 3],
    ]);

    const result = disjointPaths(twoWay, 0, 3, { k: 2, groupBy: twoWay.edgeRef });
    expect(result.totalCost).toBe(12);
    expect(result.paths.map((p) => refs(twoWay, p))).toEqual([
      [0, 3],
      [1, 4],
    ]);
    expectSound(twoWay, 0, 3, result, 'edges', 2, twoWay.edgeRef);
    expect(disjointPaths(twoWay, 0, 3, { k: 5, groupBy: twoWay.edgeRef }).maxDisjoint).toBe(2);
  });

  /*
   * One physical link compiled twice in the same direction (two services on
   * one track, same edgeRef 0), then on to t by two separate links:
   *
   *     s(0) ==#0 w1, #1 w1 (one link)==> m(1) ==#2 w1, #3 w1==> t(2)
   *
   * As directed edges there are 2 edge-disjoint routes; as links only 1, and
   * the min cut is that shared link.
   */
  it('a link compiled as two parallel edges carries one route, not two', () => {
    const graph = buildRoutingGraph({ nodeCount: 3, from: [0, 0, 1, 1], to: [1, 1, 2, 2], weight: [1, 1, 1, 1], ref: [0, 0, 1, 2] });
    expect(disjointPaths(graph, 0, 2, { k: 2 }).maxDisjoint).toBe(2);
    const result = disjointPaths(graph, 0, 2, { k: 2, groupBy: graph.edgeRef });
    expect(result.maxDisjoint).toBe(1);
    expect(result.paths).toHaveLength(1);
    expect(result.minCut.map((e) => graph.edgeRef[e])).toEqual([0]);
    expectSound(graph, 0, 2, result, 'edges', 2, graph.edgeRef);
  });

  it('honours blockedEdges and blockedNodes', () => {
    const blockedEdges = new Uint8Array(trap.edgeCount);
    blockedEdges[trap.edgeRef.indexOf(4)] = 1; // a -> t
    const result = disjointPaths(trap, 0, 3, { k: 2, blockedEdges });
    expect(result.maxDisjoint).toBe(1);
    expect(result.paths.map((p) => refs(trap, p))).toEqual([[0, 1, 2]]);
    expect(result.minCut.map((e) => trap.edgeRef[e])).toEqual([2]); // b -> t is all that is left
    const blockedNodes = new Uint8Array(4);
    blockedNodes[1] = 1; // a
    const viaB = disjointPaths(trap, 0, 3, { k: 2, blockedNodes, disjoint: 'nodes' });
    expect(viaB.paths.map((p) => refs(trap, p))).toEqual([[3, 2]]);
    expect(viaB.minCut).toEqual([2]);
  });

  it('rejects bad arguments and unsupported groups', () => {
    expect(() => disjointPaths(trap, 0, 0)).toThrow(InvalidDisjointPathsArgumentError);
    expect(() => disjointPaths(trap, 0, 3, { k: 0 })).toThrow(/k is 0/);
    expect(() => disjointPaths(trap, 0, 3, { groupBy: new Int32Array(2) })).toThrow(/groupBy has 2 entries/);
    // Group 0 spanning s->a and b->t is not one physical link.
    const groupBy = new Int32Array(trap.edgeCount).fill(-1);
    groupBy[trap.edgeRef.indexOf(0)] = 0;
    groupBy[trap.edgeRef.indexOf(2)] = 0;
    expect(() => disjointPaths(trap, 0, 3, { groupBy })).toThrow(UnsupportedGroupError);
  });
});

describe('disjointPaths against brute force and max-flow on random multigraphs', () => {
  /** A random multigraph; with `links`, edges come as groups (two-way pairs or doubled one-way edges). */
  function randomCase(random: () => number, links: boolean): { graph: RoutingGraph; groupBy?: Int32Array } {
    const n = 3 + Math.floor(random() * 4);
    const from: number[] = [];
    const to: number[] = [];
    const weight: number[] = [];
    const ref: number[] = [];
    const count = 4 + Math.floor(random() * (links ? 8 : 12));
    // Many zero weights: ties are where a link can end up used both ways.
    const randomWeight = (): number => (random() < 0.4 ? 0 : Math.floor(random() * 4));
    for (let i = 0; i < count; i++) {
      const u = Math.floor(random() * n);
      const v = Math.floor(random() * n);
      const w = randomWeight();
      from.push(u);
      to.push(v);
      weight.push(w);
      ref.push(links ? i : -1);
      if (links) {
        const kind = random();
        if (kind < 0.5) {
          from.push(v); // two-way link
          to.push(u);
          weight.push(randomWeight());
          ref.push(i);
        } else if (kind < 0.65) {
          from.push(u); // the same link twice in one direction
          to.push(v);
          weight.push(randomWeight());
          ref.push(i);
        }
      } else if (random() < 0.2) {
        from.push(u); // a separate parallel edge
        to.push(v);
        weight.push(randomWeight());
        ref.push(-1);
      }
    }
    const graph = buildRoutingGraph({ nodeCount: n, from, to, weight, ref });
    return { graph, groupBy: links ? graph.edgeRef : undefined };
  }

  for (const mode of ['edges', 'nodes'] as const) {
    for (const links of [false, true]) {
      it(`${mode}-disjoint${links ? ' with two-way link groups' : ''}: 250 graphs`, () => {
        const random = mulberry32((mode === 'edges' ? 1 : 2) * 100 + (links ? 7 : 3));
        let multiRoute = 0;
        for (let trial = 0; trial < 250; trial++) {
          const { graph, groupBy } = randomCase(random, links);
          const n = graph.nodeCount;
          const source = Math.floor(random() * n);
          const target = (source + 1 + Math.floor(random() * (n - 1))) % n;
          let blockedEdges: Uint8Array | undefined;
          let blockedNodes: Uint8Array | undefined;
          if (trial % 3 === 1) blockedEdges = new Uint8Array(graph.edgeCount).map(() => (random() < 0.15 ? 1 : 0));
          if (trial % 3 === 2) blockedNodes = new Uint8Array(n).map(() => (random() < 0.15 ? 1 : 0));
          const usable = (e: number): boolean =>
            !blockedEdges?.[e] &&
            (!blockedNodes?.[graph.tail[e]] || graph.tail[e] === source || graph.tail[e] === target) &&
            (!blockedNodes?.[graph.head[e]] || graph.head[e] === source || graph.head[e] === target);
          const nodeUsable = (v: number): boolean => !blockedNodes?.[v] || v === source || v === target;

          const all = disjointPaths(graph, source, target, { k: 50, disjoint: mode, groupBy, blockedEdges, blockedNodes });
          expectSound(graph, source, target, all, mode, 50, groupBy, blockedEdges, blockedNodes);
          // The maximum number of disjoint routes is the minimum cut (brute force over all cuts) ...
          const bruteCut =
            mode === 'edges'
              ? bruteMinEdgeCut(graph, source, target, usable, groupBy)
              : bruteMinNodeCut(graph, source, target, usable, nodeUsable, groupBy);
          expect(all.maxDisjoint).toBe(bruteCut);
          // ... and, without groups, an independent unit-capacity max flow (Dinic).
          if (!links) expect(all.maxDisjoint).toBe(unitMaxFlow(graph, source, target, mode, usable, nodeUsable));

          // Total cost for k = 1, 2, 3 equals the cheapest set of that many disjoint simple paths.
          const simple = allSimplePaths(graph, source, target, blockedEdges, blockedNodes);
          for (const k of [1, 2, 3]) {
            const result = disjointPaths(graph, source, target, { k, disjoint: mode, groupBy, blockedEdges, blockedNodes });
            expectSound(graph, source, target, result, mode, k, groupBy, blockedEdges, blockedNodes);
            expect(result.maxDisjoint).toBe(all.maxDisjoint);
            const count = Math.min(k, all.maxDisjoint);
            expect(result.paths.length).toBe(count);
            if (count > 0) expect(result.totalCost).toBe(bruteCheapestSet(simple, count, mode, groupBy));
            // No set of count + 1 disjoint paths exists when we stopped short of k.
            if (count < k) expect(bruteCheapestSet(simple, count + 1, mode, groupBy)).toBe(Infinity);
          }
          if (all.maxDisjoint >= 2) multiRoute++;
        }
        expect(multiRoute).toBeGreaterThan(40); // enough cases with more than one route
      });
    }
  }
});

/** Max-flow with unit capacities, via maxFlow: on edges directly, or on the node-split network for 'nodes'. */
function unitMaxFlow(
  graph: RoutingGraph,
  source: number,
  target: number,
  mode: 'edges' | 'nodes',
  usable: (e: number) => boolean,
  nodeUsable: (v: number) => boolean,
): number {
  const from: number[] = [];
  const to: number[] = [];
  const capacity: number[] = [];
  const n = graph.nodeCount;
  for (let e = 0; e < graph.edgeCount; e++) {
    if (!usable(e)) continue;
    const u = graph.tail[e];
    const v = graph.head[e];
    if (mode === 'edges') {
      from.push(u);
      to.push(v);
      capacity.push(1);
    } else {
      // u_out = n + u, v_in = v; unit capacity only for direct edges.
      from.push(n + u);
      to.push(v);
      capacity.push(u === source && v === target ? 1 : Infinity);
    }
  }
  if (mode === 'nodes') {
    for (let v = 0; v < n; v++) {
      if (v === source || v === target || !nodeUsable(v)) continue;
      from.push(v);
      to.push(n + v);
      capacity.push(1);
    }
    return maxFlow({ nodeCount: 2 * n, from, to, capacity }, n + source, target).value;
  }
  return maxFlow({ nodeCount: n, from, to, capacity }, source, target).value;
}
