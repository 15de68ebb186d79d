import { describe, expect, it } from 'vitest';
import { drivingDistance, DrivingDistanceQuery, reachedEdges } from '../src/core/driving-distance.js';
import { InvalidNodeError, InvalidQueryOptionError } from '../src/core/path.js';
import { buildRoutingGraph } from '../src/core/routing-graph.js';
import { mulberry32 } from './fixtures/prng.js';
import { randomRoutingGraph } from './fixtures/random-routing-graph.js';
import { referenceDistances } from './fixtures/reference-dijkstra.js';

describe('drivingDistance on a small graph', () => {
  //   0 --2--> 1 --3--> 2 --4--> 3
  //   0 --------6-----> 2          (a longer shortcut: 2 is reached at 5 through 1, not at 6)
  const graph = buildRoutingGraph({ nodeCount: 5, from: [0, 1, 2, 0, 3], to: [1, 2, 3, 2, 4], weight: [2, 3, 4, 6, 1] });
  const edgeOf = (u: number, v: number) => [...Array(graph.edgeCount).keys()].find((e) => graph.tail[e] === u && graph.head[e] === v && (u !== 0 || v !== 2 || graph.weight[e] === 6))!;

  it('lists the nodes within the limit with cost, predecessor edge and depth, in order of cost', () => {
    const r = drivingDistance(graph, 0, 7);
    expect([...r.node]).toEqual([0, 1, 2]);
    expect([...r.cost]).toEqual([0, 2, 5]);
    expect([...r.predecessor]).toEqual([-1, 0, 1]);
    expect([...r.edge]).toEqual([-1, edgeOf(0, 1), edgeOf(1, 2)]);
    expect([...r.depth]).toEqual([0, 1, 2]);
  });

  it('keeps a node exactly at the limit', () => {
    expect([...drivingDistance(graph, 0, 9).node]).toEqual([0, 1, 2, 3]);
  });

  it('cuts the edges leaving the tree where the budget runs out', () => {
    const r = drivingDistance(graph, 0, 7);
    const reached = reachedEdges(graph, r);
    const byEdge = new Map([...reached.edge].map((e, i) => [e, [reached.startCost[i], reached.fraction[i]]]));
    expect(byEdge.get(edgeOf(0, 1))).toEqual([0, 1]);
    expect(byEdge.get(edgeOf(0, 2))).toEqual([0, 1]);
    expect(byEdge.get(edgeOf(1, 2))).toEqual([2, 1]);
    // Node 2 at 5, a 4-long edge, 2 left: half of it.
    expect(byEdge.get(edgeOf(2, 3))).toEqual([5, 0.5]);
    expect(byEdge.has(edgeOf(3, 4))).toBe(false);
  });

  it('honours blocked edges', () => {
    const blockedEdges = new Uint8Array(graph.edgeCount);
    blockedEdges[edgeOf(1, 2)] = 1;
    const r = drivingDistance(graph, 0, 7, { blockedEdges });
    expect([...r.node]).toEqual([0, 1, 2]);
    expect([...r.cost]).toEqual([0, 2, 6]);
    expect([...r.depth]).toEqual([0, 1, 1]);
    expect([...reachedEdges(graph, r, { blockedEdges }).edge]).not.toContain(edgeOf(1, 2));
  });

  it('refuses a bad source or limit with an input error', () => {
    expect(() => drivingDistance(graph, 5, 1)).toThrow(InvalidNodeError);
    expect(() => drivingDistance(graph, 0, -1)).toThrow(InvalidQueryOptionError);
    expect(() => drivingDistance(graph, 0, Number.NaN)).toThrow(InvalidQueryOptionError);
  });
});

describe('drivingDistance agrees with a brute-force Dijkstra on random graphs', () => {
  it('on 300 graphs, every limit, with and without blocked edges', () => {
    const random = mulberry32(20261130);
    for (let round = 0; round < 300; round++) {
      const graph = randomRoutingGraph(random, 40);
      const query = new DrivingDistanceQuery(graph);
      const blockedEdges = new Uint8Array(graph.edgeCount).map(() => (random() < 0.2 ? 1 : 0));
      const options = round % 2 ? { blockedEdges } : {};
      const source = Math.floor(random() * graph.nodeCount);
      const reference = referenceDistances(graph, source, options);
      const maxCost = round % 5 === 0 ? Infinity : Math.round(random() * 80) / 2;
      const r = query.run(source, maxCost, options);
      const expected = reference.map((d, v) => [v, d] as const).filter(([, d]) => d < Infinity && d <= maxCost);
      expect([...r.node].sort((a, b) => a - b), `round ${round}`).toEqual(expected.map(([v]) => v));
      const row = new Map([...r.node].map((v, i) => [v, i]));
      for (const [v, d] of expected) {
        const i = row.get(v)!;
        expect(r.cost[i]).toBe(d);
        if (v === source) {
          expect([r.edge[i], r.predecessor[i], r.depth[i]]).toEqual([-1, -1, 0]);
          continue;
        }
        // The predecessor edge is a real edge into v from a reached node, and the tree's sums and depths add up.
        const e = r.edge[i];
        expect(graph.head[e]).toBe(v);
        expect(graph.tail[e]).toBe(r.predecessor[i]);
        expect(options.blockedEdges?.[e] ?? 0).toBe(0);
        const p = row.get(r.predecessor[i])!;
        expect(p).toBeLessThan(i);
        expect(r.cost[p] + graph.weight[e]).toBe(r.cost[i]);
        expect(r.depth[i]).toBe(r.depth[p] + 1);
      }
      for (let i = 1; i < r.cost.length; i++) expect(r.cost[i]).toBeGreaterThanOrEqual(r.cost[i - 1]);
      // Every unblocked edge out of a reached node, cut by the budget left at its tail.
      const reached = reachedEdges(graph, r, options);
      const outOfTree = [...Array(graph.edgeCount).keys()].filter((e) => row.has(graph.tail[e]) && !options.blockedEdges?.[e]);
      expect([...reached.edge].sort((a, b) => a - b)).toEqual(outOfTree);
      reached.edge.forEach((e, k) => {
        const start = reference[graph.tail[e]];
        expect(reached.startCost[k]).toBe(start);
        const w = graph.weight[e];
        expect(reached.fraction[k]).toBeCloseTo(start + w <= maxCost ? 1 : (maxCost - start) / w, 12);
      });
    }
  });
});
