import { describe, expect, it } from 'vitest';
import { foldChains, FoldedQuery } from '../src/core/chain-folding.js';
import { buildRoutingGraph, type RoutingGraph } from '../src/core/routing-graph.js';
import { expectValidPath, referenceDistances } from './fixtures/reference-dijkstra.js';
import { mulberry32 } from './fixtures/prng.js';

// A drawn street grid (x, y in km, weights = lengths):
//
//   0 ── 5 ── 6 ── 1          5, 6: shape nodes of the street 0–1 (both ways)
//   │              │
//   7              8 ←        7: shape node of 0–2 (both ways); 8: one way 3 → 8 → 1
//   │              │
//   2 ──────────── 3          4: a lone node (no streets)
//
// Folded: 5, 6, 7 and the corners 0 and 2 (two neighbours, traffic passes
// straight through), and 8. Kept: 1 and 3, where the one-way street meets the
// two-way ones (not a pass-through), and the lone 4.
const xy: [number, number][] = [[0, 2], [3, 2], [0, 0], [3, 0], [5, 5], [1, 2], [2, 2], [0, 1], [3, 1]];
const streets: [number, number, boolean][] = [
  [0, 5, true], [5, 6, true], [6, 1, true], [0, 7, true], [7, 2, true], [2, 3, true], [3, 8, false], [8, 1, false],
];
function drawnGraph(): RoutingGraph {
  const from: number[] = [], to: number[] = [], weight: number[] = [];
  for (const [a, b, twoWay] of streets) {
    const w = Math.hypot(xy[a][0] - xy[b][0], xy[a][1] - xy[b][1]);
    from.push(a); to.push(b); weight.push(w);
    if (twoWay) { from.push(b); to.push(a); weight.push(w); }
  }
  return buildRoutingGraph({ nodeCount: 9, from, to, weight, x: xy.map((p) => p[0]), y: xy.map((p) => p[1]), bound: 'euclidean' });
}

describe('foldChains on the drawn grid', () => {
  const graph = drawnGraph();
  const folded = foldChains(graph);
  const q = new FoldedQuery(folded);

  it('keeps the junctions and folds the pass-through nodes', () => {
    expect([...folded.originalNode]).toEqual([1, 3, 4]);
    expect([0, 2, 5, 6, 7, 8].map((v) => folded.foldedNode[v])).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it.each([
    [0, 1, 3, [0, 5, 6, 1]],
    [5, 6, 1, [5, 6]],
    [6, 5, 1, [6, 5]],
    [5, 8, 7, [5, 0, 7, 2, 3, 8]], // 8 is on the one-way 3 → 8 → 1: reached from 3 only
    [8, 7, 5, [8, 1, 6, 5, 0, 7]],
    [7, 6, 3, [7, 0, 5, 6]],
  ])('%i → %i costs %d along %j', (s, t, cost, nodes) => {
    const r = q.route(s, t);
    expect(r.cost).toBeCloseTo(cost, 12);
    expect(r.nodes).toEqual(nodes);
    expectValidPath(graph, s, t, r);
  });
});

/** A random street grid with streets cut into shape nodes, some one way, some removed. */
function randomStreets(random: () => number, side: number): RoutingGraph {
  const x: number[] = [], y: number[] = [];
  const from: number[] = [], to: number[] = [], weight: number[] = [];
  for (let i = 0; i < side * side; i++) { x.push((i % side) * 10 + random()); y.push(Math.floor(i / side) * 10 + random()); }
  const street = (a: number, b: number) => {
    if (random() < 0.2) return;
    const oneWay = random() < 0.2;
    let prev = a;
    const shapes = Math.floor(random() * 4);
    for (let k = 1; k <= shapes + 1; k++) {
      let next = b;
      if (k <= shapes) {
        next = x.length;
        x.push(x[a] + ((x[b] - x[a]) * k) / (shapes + 1) + random() * 0.5);
        y.push(y[a] + ((y[b] - y[a]) * k) / (shapes + 1) + random() * 0.5);
      }
      const w = Math.hypot(x[prev] - x[next], y[prev] - y[next]) * (1 + random() * 0.3);
      from.push(prev); to.push(next); weight.push(w);
      if (!oneWay) { from.push(next); to.push(prev); weight.push(w); }
      prev = next;
    }
  };
  for (let i = 0; i < side * side; i++) {
    if (i % side < side - 1) street(i, i + 1);
    if (i + side < side * side) street(i, i + side);
  }
  return buildRoutingGraph({ nodeCount: x.length, from, to, weight, x, y, bound: 'euclidean' });
}

describe('FoldedQuery against plain Dijkstra on random street grids', () => {
  it('finds the optimal path in the original edges on every pair, also with blocks and maxCost', () => {
    const random = mulberry32(11);
    for (let round = 0; round < 5; round++) {
      const graph = randomStreets(random, 3 + round);
      const folded = foldChains(graph);
      expect(folded.graph.nodeCount).toBeLessThan(graph.nodeCount);
      const q = new FoldedQuery(folded);
      const blockedEdges = new Uint8Array(graph.edgeCount).map(() => (random() < 0.05 ? 1 : 0));
      for (let s = 0; s < graph.nodeCount; s += 3) {
        const plain = referenceDistances(graph, s);
        const blocked = referenceDistances(graph, s, { blockedEdges });
        for (let t = 0; t < graph.nodeCount; t += 3) {
          const r = q.route(s, t);
          expect(r.found, `${s} → ${t}`).toBe(Number.isFinite(plain[t]));
          if (r.found) {
            expect(r.cost).toBeCloseTo(plain[t], 9);
            expectValidPath(graph, s, t, r);
            expect(q.route(s, t, { maxCost: r.cost }).found).toBe(true);
            if (r.cost > 0) expect(q.route(s, t, { maxCost: r.cost * 0.999 }).found).toBe(false);
          }
          const b = q.route(s, t, { blockedEdges });
          expect(b.found).toBe(Number.isFinite(blocked[t]));
          if (b.found) expect(b.cost).toBeCloseTo(blocked[t], 9);
        }
      }
    }
  });
});
