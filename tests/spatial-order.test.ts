import { describe, expect, it } from 'vitest';
import { DijkstraQuery } from '../src/core/dijkstra.js';
import { buildRoutingGraph } from '../src/core/routing-graph.js';
import { hilbertIndex, MissingCoordinatesError, renumberAlongHilbertCurve } from '../src/core/spatial-order.js';
import { prng } from './fixtures/random-network.js';

describe('hilbertIndex', () => {
  it('visits the 2×2 grid in the order (0,0) (0,1) (1,1) (1,0) and every cell of a 16×16 grid once, neighbour to neighbour', () => {
    expect([[0, 0], [0, 1], [1, 1], [1, 0]].map(([x, y]) => hilbertIndex(x, y, 1))).toEqual([0, 1, 2, 3]);
    const at = new Map<number, [number, number]>();
    for (let x = 0; x < 16; x++) for (let y = 0; y < 16; y++) at.set(hilbertIndex(x, y, 4), [x, y]);
    expect(at.size).toBe(256);
    for (let d = 1; d < 256; d++) {
      const [a, b] = [at.get(d - 1)!, at.get(d)!];
      expect(Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1])).toBe(1);
    }
  });
});

describe('renumberAlongHilbertCurve', () => {
  it('relabels nodes without changing any shortest-path cost (random planar graphs)', () => {
    const random = prng(3);
    for (let trial = 0; trial < 50; trial++) {
      const n = 2 + Math.floor(random() * 80);
      const m = Math.floor(random() * 4 * n);
      const from = Array.from({ length: m }, () => Math.floor(random() * n));
      const to = Array.from({ length: m }, () => Math.floor(random() * n));
      const weight = Array.from({ length: m }, () => Math.floor(random() * 20));
      const x = Array.from({ length: n }, () => random() * 1000), y = Array.from({ length: n }, () => random() * 1000);
      const graph = buildRoutingGraph({ nodeCount: n, from, to, weight, x, y, bound: 'euclidean', boundScale: 0 });
      const { graph: renumbered, originalId, newId } = renumberAlongHilbertCurve(graph);
      for (let v = 0; v < n; v++) {
        expect(originalId[newId[v]]).toBe(v);
        expect([renumbered.x![newId[v]], renumbered.y![newId[v]]]).toEqual([x[v], y[v]]);
      }
      const [a, b] = [new DijkstraQuery(graph), new DijkstraQuery(renumbered)];
      const s = Math.floor(random() * n);
      const before = a.tree(s), after = b.tree(newId[s]);
      for (let v = 0; v < n; v++) expect(after.distance(newId[v])).toBe(before.distance(v));
      // Edge refs survive: the path found names the same input edges' weights.
      const path = after.pathTo(newId[n - 1]);
      if (path.found) expect(path.edges.reduce((sum, e) => sum + weight[renumbered.edgeRef[e]], 0)).toBe(path.cost);
    }
  });

  it('needs coordinates', () => {
    const graph = buildRoutingGraph({ nodeCount: 2, from: [0], to: [1], weight: [1] });
    expect(() => renumberAlongHilbertCurve(graph)).toThrow(MissingCoordinatesError);
  });
});
