import { describe, expect, it } from 'vitest';
import { BidirectionalAStarQuery } from '../src/core/bidirectional-astar.js';
import { buildRoutingGraph } from '../src/core/routing-graph.js';
import { expectValidPath, referenceDistances } from './fixtures/reference-dijkstra.js';
import { mulberry32 } from './fixtures/prng.js';

// A drawn graph (planar coordinates, Euclidean bound):
//
//   0 ---4--- 1 ---4--- 2
//   |                   |
//   3                   3
//   |                   |
//   3 --------10------- 4      edge lengths on the lines; 0-3 and 2-4 are 3 long
//
const drawn = buildRoutingGraph({
  nodeCount: 5,
  from: [0, 1, 1, 2, 0, 3, 2, 4, 3, 4],
  to: [1, 0, 2, 1, 3, 0, 4, 2, 4, 3],
  weight: [4, 4, 4, 4, 3, 3, 3, 3, 10, 10],
  x: [0, 4, 8, 0, 8],
  y: [3, 3, 3, 0, 0],
  bound: 'euclidean',
});

describe('BidirectionalAStarQuery on the drawn graph', () => {
  const q = new BidirectionalAStarQuery(drawn);
  it.each([
    [0, 2, 8, [0, 1, 2]],
    [3, 2, 11, [3, 0, 1, 2]],
    [3, 4, 10, [3, 4]],
    [4, 0, 11, [4, 2, 1, 0]],
  ])('%i → %i costs %d along %j', (s, t, cost, nodes) => {
    const r = q.route(s, t);
    expect(r.cost).toBe(cost);
    expect(r.nodes).toEqual(nodes);
  });

  it('names itself when the graph cannot give a bound', () => {
    const bad = buildRoutingGraph({ nodeCount: 2, from: [0], to: [1], weight: [1], x: [0, 1], y: [0, 0], bound: 'euclidean', boundScale: NaN });
    expect(() => new BidirectionalAStarQuery(bad)).toThrow(/^BidirectionalAStarQuery: graph.boundScale is NaN/);
  });

  it('honours blocked edges and nodes, and maxCost', () => {
    const blockedNodes = new Uint8Array(5);
    blockedNodes[1] = 1;
    expect(q.route(0, 2, { blockedNodes }).nodes).toEqual([0, 3, 4, 2]);
    expect(q.route(0, 2, { maxCost: 8 }).found).toBe(true);
    expect(q.route(0, 2, { maxCost: 7.999 }).found).toBe(false);
    const blockedEdges = new Uint8Array(drawn.edgeCount).fill(1);
    expect(q.route(0, 2, { blockedEdges }).found).toBe(false);
  });
});

describe('BidirectionalAStarQuery against plain Dijkstra on random geometric graphs', () => {
  it('returns an optimal path whose cost is the sum of its edges, on every pair', () => {
    const random = mulberry32(7);
    for (let round = 0; round < 12; round++) {
      const n = 10 + Math.floor(random() * 40);
      const x = Array.from({ length: n }, () => random() * 100);
      const y = Array.from({ length: n }, () => random() * 100);
      const from: number[] = [], to: number[] = [], weight: number[] = [];
      for (let k = 0; k < n * 3; k++) {
        const u = Math.floor(random() * n), v = Math.floor(random() * n);
        // Never shorter than the straight line: a consistent Euclidean bound.
        const w = Math.hypot(x[u] - x[v], y[u] - y[v]) * (1 + random());
        from.push(u); to.push(v); weight.push(w);
        if (random() < 0.7) { from.push(v); to.push(u); weight.push(w); }
      }
      const graph = buildRoutingGraph({ nodeCount: n, from, to, weight, x, y, bound: 'euclidean' });
      const q = new BidirectionalAStarQuery(graph);
      const blockedEdges = new Uint8Array(graph.edgeCount).map(() => (random() < 0.1 ? 1 : 0));
      const blockedNodes = new Uint8Array(n).map(() => (random() < 0.1 ? 1 : 0));
      for (let s = 0; s < n; s += 3) {
        for (let t = 0; t < n; t += 2) {
          for (const options of [{}, { blockedEdges }, { blockedNodes }]) {
            const expected = referenceDistances(graph, s, options, t)[t];
            const r = q.route(s, t, options);
            expect(r.found).toBe(Number.isFinite(expected));
            if (r.found) {
              expect(r.cost).toBeCloseTo(expected, 9);
              expectValidPath(graph, s, t, r, options);
            }
          }
        }
      }
    }
  });
});
