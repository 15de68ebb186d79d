/**
 * DistancesToTarget + GuidedSearch (A* guided by exact distances to the
 * target) against plain DijkstraQuery: same costs for every node, and for
 * searches that block more than the distances were computed with.
 */
import { describe, expect, it } from 'vitest';
import { DijkstraQuery } from '../src/core/dijkstra.js';
import { DistancesToTarget, GuidedSearch, UnusableDistancesError } from '../src/core/guided-search.js';
import { buildRoutingGraph } from '../src/core/routing-graph.js';
import { mulberry32 } from './fixtures/prng.js';


describe('GuidedSearch on a drawn graph', () => {
  /*
   *   0 --#0 w1--> 1 --#1 w1--> 2 --#2 w1--> 3
   *   |                                      ^
   *   +-------------#3 w5--------------------+
   *
   * Distances to 3: node 0: 3, node 1: 2, node 2: 1. Blocking #1 forces #3 (cost 5).
   */
  const graph = buildRoutingGraph({ nodeCount: 4, from: [0, 1, 2, 0], to: [1, 2, 3, 3], weight: [1, 1, 1, 5] });

  it('finds the same routes as Dijkstra, with and without an extra block', () => {
    const toTarget = new DistancesToTarget(graph);
    toTarget.compute(3);
    expect([0, 1, 2, 3].map((v) => toTarget.distance(v))).toEqual([3, 2, 1, 0]);
    const search = new GuidedSearch(graph);
    const free = search.route(0, toTarget);
    expect(free.edges.map((e) => graph.edgeRef[e])).toEqual([0, 1, 2]);
    // With exact distances and no block in the way, A* settles just the route's nodes.
    expect(free.settled).toBe(4);
    const blockedEdges = new Uint8Array(graph.edgeCount);
    blockedEdges[graph.edgeRef.indexOf(1)] = 1;
    const detour = search.route(0, toTarget, { blockedEdges });
    expect(detour.edges.map((e) => graph.edgeRef[e])).toEqual([3]);
    expect(detour.cost).toBe(5);
    expect(search.route(0, toTarget, { blockedEdges, maxCost: 4 }).found).toBe(false);
  });

  it('refuses distances that were not computed, or belong to another graph', () => {
    const search = new GuidedSearch(graph);
    expect(() => search.route(0, new DistancesToTarget(graph))).toThrow(UnusableDistancesError);
    const other = buildRoutingGraph({ nodeCount: 4, from: [0], to: [3], weight: [1] });
    const elsewhere = new DistancesToTarget(other);
    elsewhere.compute(3);
    expect(() => search.route(0, elsewhere)).toThrow(/different graph/);
  });

  it('maxCost in compute marks farther nodes unreachable', () => {
    const toTarget = new DistancesToTarget(graph);
    toTarget.compute(3, { maxCost: 2 });
    expect([0, 1, 2, 3].map((v) => toTarget.distance(v))).toEqual([Infinity, 2, 1, 0]);
  });
});

describe('GuidedSearch against DijkstraQuery on random multigraphs', () => {
  it('300 graphs: distances, and routes under extra blocks and maxCost', () => {
    const random = mulberry32(31337);
    let found = 0;
    for (let trial = 0; trial < 300; trial++) {
      const n = 2 + Math.floor(random() * 12);
      const m = Math.floor(random() * 40);
      const from: number[] = [];
      const to: number[] = [];
      const weight: number[] = [];
      for (let i = 0; i < m; i++) {
        from.push(Math.floor(random() * n));
        to.push(Math.floor(random() * n));
        weight.push(Math.floor(random() * 7));
      }
      const graph = buildRoutingGraph({ nodeCount: n, from, to, weight });
      const target = Math.floor(random() * n);
      const baseEdges = new Uint8Array(graph.edgeCount).map(() => (random() < 0.1 ? 1 : 0));
      const baseNodes = new Uint8Array(n).map(() => (random() < 0.1 ? 1 : 0));
      const toTarget = new DistancesToTarget(graph);
      toTarget.compute(target, { blockedEdges: baseEdges, blockedNodes: baseNodes });
      const dijkstra = new DijkstraQuery(graph);
      for (let v = 0; v < n; v++) {
        const expected = dijkstra.route(v, target, { blockedEdges: baseEdges, blockedNodes: baseNodes });
        expect(toTarget.distance(v)).toBe(expected.cost);
      }

      const search = new GuidedSearch(graph);
      for (let q = 0; q < 5; q++) {
        const source = Math.floor(random() * n);
        // Extra blocks on top of the base ones.
        const blockedEdges = baseEdges.map((b) => (b || random() < 0.2 ? 1 : 0));
        const blockedNodes = baseNodes.map((b) => (b || random() < 0.1 ? 1 : 0));
        const maxCost = random() < 0.3 ? Math.floor(random() * 10) : undefined;
        const options = { blockedEdges, blockedNodes, maxCost };
        const expected = dijkstra.route(source, target, options);
        const got = search.route(source, toTarget, options);
        expect(got.found).toBe(expected.found);
        expect(got.cost).toBe(expected.cost);
        if (got.found) {
          found++;
          expect(got.nodes[0]).toBe(source);
          expect(got.nodes[got.nodes.length - 1]).toBe(target);
          let cost = 0;
          got.edges.forEach((e, i) => {
            expect(graph.tail[e]).toBe(got.nodes[i]);
            expect(graph.head[e]).toBe(got.nodes[i + 1]);
            expect(blockedEdges[e]).toBe(0);
            cost += graph.weight[e];
          });
          for (const v of got.nodes.slice(1, -1)) expect(blockedNodes[v]).toBe(0);
          expect(cost).toBe(got.cost);
        }
      }
    }
    expect(found).toBeGreaterThan(300);
  });
});
