/**
 * Yen's k shortest loopless paths over edges (parallel edges are different
 * routes), against drawn graphs and a brute-force enumeration of every simple
 * path on random small multigraphs; filterReasonable on a drawn case.
 */
import { describe, expect, it } from 'vitest';
import {
  filterReasonable,
  InvalidAlternativesArgumentError,
  kShortestPaths,
  KShortestPathsQuery,
} from '../src/core/k-shortest-paths.js';
import { InvalidQueryOptionError, type PathResult } from '../src/core/path.js';
import { buildRoutingGraph, type RoutingGraph } from '../src/core/routing-graph.js';
import { mulberry32 } from './fixtures/prng.js';


function refs(graph: RoutingGraph, path: PathResult): number[] {
  return path.edges.map((e) => graph.edgeRef[e]);
}

interface SimplePath {
  edges: number[];
  cost: number;
}

/** Every simple path (no repeated node) from source to target, by DFS over CSR edges; costs summed from the first edge. */
function allSimplePaths(
  graph: RoutingGraph,
  source: number,
  target: number,
  blockedEdges?: Uint8Array,
  blockedNodes?: Uint8Array,
): SimplePath[] {
  const out: SimplePath[] = [];
  const onPath = new Uint8Array(graph.nodeCount);
  const edges: number[] = [];
  const visit = (v: number): void => {
    if (v === target) {
      let cost = 0;
      for (const e of edges) cost += graph.weight[e];
      out.push({ edges: [...edges], cost });
      return;
    }
    if (blockedNodes && blockedNodes[v] && v !== source) return;
    onPath[v] = 1;
    for (let e = graph.firstOut[v]; e < graph.firstOut[v + 1]; e++) {
      const w = graph.head[e];
      if (onPath[w] || (blockedEdges && blockedEdges[e])) continue;
      edges.push(e);
      visit(w);
      edges.pop();
    }
    onPath[v] = 0;
  };
  visit(source);
  return out;
}

/** The path starts at source, ends at target, follows edges head to tail, repeats no node, and its cost and nodes are right. */
function expectValidSimplePath(graph: RoutingGraph, path: PathResult, source: number, target: number): void {
  expect(path.found).toBe(true);
  expect(path.nodes[0]).toBe(source);
  expect(path.nodes[path.nodes.length - 1]).toBe(target);
  expect(path.nodes.length).toBe(path.edges.length + 1);
  let cost = 0;
  for (let i = 0; i < path.edges.length; i++) {
    const e = path.edges[i];
    expect(graph.tail[e]).toBe(path.nodes[i]);
    expect(graph.head[e]).toBe(path.nodes[i + 1]);
    cost += graph.weight[e];
  }
  expect(path.cost).toBe(cost);
  expect(new Set(path.nodes).size).toBe(path.nodes.length);
}

describe('kShortestPaths on a drawn multigraph', () => {
  /*
   *          #0: w1
   *      +==========+
   *      0  #1: w2  1 --#2: w1--> 3
   *      +==========+             ^
   *      |                        |
   *      +--#3: w2--> 2 --#4: w1--+
   *
   * 0 -> 3: [#0 #2] cost 2; [#1 #2] cost 3 (the other parallel edge);
   * [#3 #4] cost 3. The cost-3 tie is broken by CSR edge ids: the edges out
   * of node 0 keep input order (#0, #1, #3 get ids 0, 1, 2), so [#1 #2] comes first.
   */
  const graph = buildRoutingGraph({ nodeCount: 4, from: [0, 0, 1, 0, 2], to: [1, 1, 3, 2, 3], weight: [1, 2, 1, 2, 1] });

  it('returns both parallel-edge routes and the third one, in cost order', () => {
    const paths = kShortestPaths(graph, 0, 3, 3);
    expect(paths.map((p) => refs(graph, p))).toEqual([
      [0, 2],
      [1, 2],
      [3, 4],
    ]);
    expect(paths.map((p) => p.cost)).toEqual([2, 3, 3]);
    for (const p of paths) expectValidSimplePath(graph, p, 0, 3);
  });

  it('returns fewer than k without error when fewer exist', () => {
    expect(kShortestPaths(graph, 0, 3, 10)).toHaveLength(3);
    expect(kShortestPaths(graph, 3, 0, 4)).toEqual([]);
    expect(kShortestPaths(graph, 0, 3, 0)).toEqual([]);
  });

  it('source === target gives the single empty route', () => {
    const paths = kShortestPaths(graph, 2, 2, 3);
    expect(paths).toHaveLength(1);
    expect(paths[0]).toMatchObject({ found: true, cost: 0, edges: [], nodes: [2] });
  });

  it('honours blockedEdges, blockedNodes and maxCost, and leaves the query reusable', () => {
    const query = new KShortestPathsQuery(graph);
    const blockedEdges = new Uint8Array(graph.edgeCount);
    blockedEdges[graph.edgeRef.indexOf(0)] = 1;
    expect(query.paths(0, 3, 5, { blockedEdges }).map((p) => refs(graph, p))).toEqual([
      [1, 2],
      [3, 4],
    ]);
    const blockedNodes = new Uint8Array(graph.nodeCount);
    blockedNodes[1] = 1;
    expect(query.paths(0, 3, 5, { blockedNodes }).map((p) => refs(graph, p))).toEqual([[3, 4]]);
    expect(query.paths(0, 3, 5, { maxCost: 2.5 }).map((p) => refs(graph, p))).toEqual([[0, 2]]);
    // Nothing stays blocked from the earlier calls.
    expect(query.paths(0, 3, 5)).toHaveLength(3);
  });

  it('rejects a bad k and bad options with typed errors', () => {
    expect(() => kShortestPaths(graph, 0, 3, -1)).toThrow(InvalidAlternativesArgumentError);
    expect(() => kShortestPaths(graph, 0, 3, 1.5)).toThrow(/k is 1.5/);
    expect(() => kShortestPaths(graph, 0, 3, 2, { maxCost: -1 })).toThrow(InvalidQueryOptionError);
  });
});

describe('kShortestPaths against brute-force enumeration of simple paths', () => {
  it('600 random multigraphs (parallel edges, zero weights, ties, self-loops)', () => {
    const random = mulberry32(99);
    let compared = 0;
    let truncated = 0;
    for (let trial = 0; trial < 600; trial++) {
      const n = 2 + Math.floor(random() * 5);
      const m = 8 + Math.floor(random() * 20);
      const from: number[] = [];
      const to: number[] = [];
      const weight: number[] = [];
      for (let i = 0; i < m; i++) {
        if (i > 0 && random() < 0.2) {
          from.push(from[i - 1]); // a parallel edge
          to.push(to[i - 1]);
        } else {
          from.push(Math.floor(random() * n));
          to.push(Math.floor(random() * n));
        }
        weight.push(Math.floor(random() * 5));
      }
      const graph = buildRoutingGraph({ nodeCount: n, from, to, weight });
      const source = Math.floor(random() * n);
      // Mostly distinct endpoints; sometimes source === target (the single empty route).
      const target = random() < 0.05 ? source : (source + 1 + Math.floor(random() * (n - 1))) % n;
      const k = 1 + Math.floor(random() * 8);
      let blockedEdges: Uint8Array | undefined;
      let blockedNodes: Uint8Array | undefined;
      let maxCost: number | undefined;
      const variant = trial % 4;
      if (variant === 1) {
        blockedEdges = new Uint8Array(graph.edgeCount).map(() => (random() < 0.2 ? 1 : 0));
      } else if (variant === 2) {
        blockedNodes = new Uint8Array(n).map(() => (random() < 0.2 ? 1 : 0));
      } else if (variant === 3) {
        maxCost = Math.floor(random() * 10);
      }

      const brute = allSimplePaths(graph, source, target, blockedEdges, blockedNodes)
        .filter((p) => maxCost === undefined || p.cost <= maxCost)
        .sort((a, b) => a.cost - b.cost);
      const paths = kShortestPaths(graph, source, target, k, { blockedEdges, blockedNodes, maxCost });

      expect(paths.length).toBe(Math.min(k, brute.length));
      expect(paths.map((p) => p.cost)).toEqual(brute.slice(0, k).map((p) => p.cost));
      const keys = new Set(paths.map((p) => p.edges.join(',')));
      expect(keys.size).toBe(paths.length);
      for (const p of paths) {
        expectValidSimplePath(graph, p, source, target);
        for (const e of p.edges) expect(blockedEdges?.[e] ?? 0).toBe(0);
        for (const v of p.nodes.slice(1, -1)) expect(blockedNodes?.[v] ?? 0).toBe(0);
      }
      // Every path strictly cheaper than the last returned one must be among those returned.
      if (paths.length > 0) {
        const lastCost = paths[paths.length - 1].cost;
        for (const b of brute) if (b.cost < lastCost) expect(keys.has(b.edges.join(','))).toBe(true);
      }
      // Ties are listed by edge sequence.
      for (let i = 1; i < paths.length; i++) {
        if (paths[i].cost === paths[i - 1].cost) {
          const a = paths[i - 1].edges;
          const b = paths[i].edges;
          let d = 0;
          while (d < a.length && d < b.length && a[d] === b[d]) d++;
          expect(d < a.length && d < b.length ? a[d] < b[d] : a.length < b.length).toBe(true);
        }
      }
      compared += paths.length;
      if (brute.length > k) truncated++;
    }
    // The random cases are not all trivial: many paths compared, and often more paths exist than k.
    expect(compared).toBeGreaterThan(1000);
    expect(truncated).toBeGreaterThan(100);
  });
});

describe('filterReasonable', () => {
  /*
   *                        #1: w1
   *      0 --#0: w10--> 1 =========> 2        A = [#0 #1]  cost 11
   *      |                 #2: w1.5  ^        B = [#0 #2]  cost 11.5: shares #0 (10 of 11.5 = 87 %) with A
   *      +---------#3: w12-----------+        C = [#3]     cost 12:   shares nothing
   *      |                           |        D = [#4 #5]  cost 20 > 1.5 × 11 = 16.5
   *      +--#4: w10--> 3 --#5: w10---+
   */
  const graph = buildRoutingGraph({
    nodeCount: 4,
    from: [0, 1, 1, 0, 0, 3],
    to: [1, 2, 2, 2, 3, 2],
    weight: [10, 1, 1.5, 12, 10, 10],
  });
  const all = kShortestPaths(graph, 0, 2, 10);
  const byCost = { weightOf: (e: number) => graph.weight[e] };

  it('Yen finds all four routes', () => {
    expect(all.map((p) => refs(graph, p))).toEqual([[0, 1], [0, 2], [3], [4, 5]]);
  });

  it('defaults: drops B (87 % shared with A) and D (too long)', () => {
    expect(filterReasonable(all, byCost).map((p) => refs(graph, p))).toEqual([[0, 1], [3]]);
  });

  it('looser sharing keeps B; a looser stretch keeps D', () => {
    expect(filterReasonable(all, { ...byCost, maxShared: 0.9 }).map((p) => refs(graph, p))).toEqual([[0, 1], [0, 2], [3]]);
    expect(filterReasonable(all, { ...byCost, maxStretch: 2 }).map((p) => refs(graph, p))).toEqual([[0, 1], [3], [4, 5]]);
  });

  it('without weightOf, sharing is counted in edges (B shares 1 of 2 = 50 %)', () => {
    expect(filterReasonable(all).map((p) => refs(graph, p))).toEqual([[0, 1], [0, 2], [3]]);
  });

  it('groupBy makes different edges count as one link', () => {
    // Put #1 and #2 in one group: B then shares all of itself with A.
    const groupBy = new Int32Array(graph.edgeCount).fill(-1);
    groupBy[graph.edgeRef.indexOf(1)] = 7;
    groupBy[graph.edgeRef.indexOf(2)] = 7;
    expect(filterReasonable(all, { maxShared: 0.9, groupBy }).map((p) => refs(graph, p))).toEqual([[0, 1], [3]]);
  });

  it('rejects bad thresholds', () => {
    expect(() => filterReasonable(all, { maxStretch: 0.5 })).toThrow(InvalidAlternativesArgumentError);
    expect(() => filterReasonable(all, { maxShared: 1.2 })).toThrow(/maxShared is 1.2/);
    expect(() => filterReasonable(all, { maxShared: NaN })).toThrow(InvalidAlternativesArgumentError);
  });
});
