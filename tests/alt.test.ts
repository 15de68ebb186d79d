import { describe, expect, it } from 'vitest';
import { ALTQuery, InvalidALTQueryError } from '../src/core/alt-query.js';
import { buildLandmarks, InvalidLandmarkOptionError, type Landmarks } from '../src/core/landmarks.js';
import { buildRoutingGraph, type RoutingGraph } from '../src/core/routing-graph.js';
import { mulberry32 } from './fixtures/prng.js';
import { expectValidPath, referenceDistances } from './fixtures/reference-dijkstra.js';

function reverseOf(graph: RoutingGraph): RoutingGraph {
  return buildRoutingGraph({ nodeCount: graph.nodeCount, from: graph.head, to: graph.tail, weight: graph.weight });
}

/** A random directed graph with one-way edges, two-way pairs, parallel edges and zero weights, usually disconnected. */
function randomGraph(random: () => number, withCoordinates: boolean): RoutingGraph {
  const n = 2 + Math.floor(random() * 28);
  const m = Math.floor(random() * n * 3);
  const x = Array.from({ length: n }, () => random() * 10);
  const y = Array.from({ length: n }, () => random() * 10);
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  const add = (a: number, b: number): void => {
    from.push(a);
    to.push(b);
    // With coordinates the weight is at least the straight-line distance, so the Euclidean bound is admissible.
    const straight = withCoordinates ? Math.hypot(x[a] - x[b], y[a] - y[b]) : 0;
    weight.push(random() < 0.1 && !withCoordinates ? 0 : straight + Math.round(random() * 40) / 4);
  };
  for (let i = 0; i < m; i++) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    add(a, b);
    const r = random();
    if (r < 0.4) add(b, a);
    else if (r < 0.5) add(a, b);
  }
  return withCoordinates
    ? buildRoutingGraph({ nodeCount: n, from, to, weight, x, y, bound: 'euclidean', boundScale: 1 })
    : buildRoutingGraph({ nodeCount: n, from, to, weight });
}

/** Tables equal to the reference distances up to float64 rounding (Infinity where unreachable). */
function expectTablesMatch(graph: RoutingGraph, landmarks: Landmarks): void {
  const reverse = reverseOf(graph);
  for (let i = 0; i < landmarks.count; i++) {
    const L = landmarks.nodes[i];
    const from = referenceDistances(graph, L);
    const to = referenceDistances(reverse, L);
    for (let v = 0; v < graph.nodeCount; v++) {
      const f = landmarks.fromLandmark[v * landmarks.count + i];
      const t = landmarks.toLandmark[v * landmarks.count + i];
      if (from[v] === Infinity) expect(f, `d(L${i}, ${v})`).toBe(Infinity);
      else expect(Math.abs(f - from[v]), `d(L${i}, ${v})`).toBeLessThanOrEqual(from[v] * 2 ** -40);
      if (to[v] === Infinity) expect(t, `d(${v}, L${i})`).toBe(Infinity);
      else expect(Math.abs(t - to[v]), `d(${v}, L${i})`).toBeLessThanOrEqual(to[v] * 2 ** -40);
    }
  }
}

describe('landmarks', () => {
  //   0 —1— 1 —1— 2 —1— 3 —1— 4 —1— 5 —1— 6 —1— 7      a two-way line of 8 nodes
  // Whatever the random root, the node farthest from it is an end of the line,
  // and the node farthest from that end is the other end: with 'farthest' the
  // two landmarks are exactly {0, 7}.
  const line = buildRoutingGraph({
    nodeCount: 8,
    from: [0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7],
    to: [1, 0, 2, 1, 3, 2, 4, 3, 5, 4, 6, 5, 7, 6],
    weight: new Array(14).fill(1),
  });

  it("'farthest' puts two landmarks on a line at its two ends, for any seed", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const landmarks = buildLandmarks(line, { count: 2, seed, method: 'farthest' });
      expect(Array.from(landmarks.nodes).sort()).toEqual([0, 7]);
    }
  });

  it('stores exact distances from and to every landmark (node-major tables)', () => {
    const landmarks = buildLandmarks(line, { count: 2, seed: 1, method: 'farthest' });
    const end = landmarks.nodes[0];
    for (let v = 0; v < 8; v++) {
      expect(landmarks.fromLandmark[v * 2]).toBe(Math.abs(v - end));
      expect(landmarks.toLandmark[v * 2]).toBe(Math.abs(v - end));
    }
    expectTablesMatch(line, buildLandmarks(line, { count: 4, seed: 9 }));
  });

  it('is reproducible for a seed, and picks distinct landmarks in the largest component', () => {
    const random = mulberry32(5);
    let graph = randomGraph(random, false);
    while (graph.nodeCount < 20) graph = randomGraph(random, false);
    const a = buildLandmarks(graph, { count: 3, seed: 11 });
    const b = buildLandmarks(graph, { count: 3, seed: 11 });
    expect(Array.from(a.nodes)).toEqual(Array.from(b.nodes));
    expect(new Set(a.nodes).size).toBe(3);
    expectTablesMatch(graph, a);
  });

  it('rejects bad options, naming them', () => {
    expect(() => buildLandmarks(line, { count: 0 })).toThrow(InvalidLandmarkOptionError);
    expect(() => buildLandmarks(line, { count: 9 })).toThrow(/largest connected component has only 8 nodes/);
    expect(() => buildLandmarks(line, { seed: 0.5 })).toThrow(/option seed/);
    expect(() => buildLandmarks(line, { method: 'random' as 'avoid' })).toThrow(/option method/);
  });
});

describe('ALTQuery', () => {
  //   0 ──2── 1 ──2── 2
  //   │               │         two-way roads; 0→2 is 4 along the top,
  //   1               1         3 + 1 + 1 = 5 round the bottom;
  //   │               │         with the top edge 1–2 blocked the bottom wins.
  //   3 ──────3────── 4
  const drawn = buildRoutingGraph({
    nodeCount: 5,
    from: [0, 1, 1, 2, 0, 3, 3, 4, 4, 2],
    to: [1, 0, 2, 1, 3, 0, 4, 3, 2, 4],
    weight: [2, 2, 2, 2, 1, 1, 3, 3, 1, 1],
  });

  it('finds the drawn routes, with and without a blocked edge', () => {
    const query = new ALTQuery(drawn, buildLandmarks(drawn, { count: 2, seed: 3 }));
    expect(query.route(0, 2)).toMatchObject({ found: true, cost: 4, nodes: [0, 1, 2] });
    const blockedEdges = new Uint8Array(drawn.edgeCount);
    for (let e = 0; e < drawn.edgeCount; e++) if (drawn.tail[e] === 1 && drawn.head[e] === 2) blockedEdges[e] = 1;
    expect(query.route(0, 2, { blockedEdges })).toMatchObject({ found: true, cost: 5, nodes: [0, 3, 4, 2] });
    expect(query.route(0, 2, { maxCost: 3.5 })).toMatchObject({ found: false, cost: Infinity });
    expect(query.route(3, 3)).toMatchObject({ found: true, cost: 0, edges: [], nodes: [3] });
  });

  it('matches the reference on every pair of 120 random graphs, with and without coordinates', () => {
    const random = mulberry32(31337);
    let pairs = 0;
    let found = 0;
    for (let i = 0; i < 120; i++) {
      const withCoordinates = i % 2 === 1;
      const graph = randomGraph(random, withCoordinates);
      const count = Math.min(1 + (i % 5), graph.nodeCount);
      let landmarks: Landmarks;
      try {
        landmarks = buildLandmarks(graph, { count, seed: i, method: i % 3 === 0 ? 'farthest' : 'avoid' });
      } catch {
        // Largest component smaller than `count`: one landmark always fits.
        landmarks = buildLandmarks(graph, { count: 1, seed: i });
      }
      const query = new ALTQuery(graph, landmarks, { activeLandmarks: Math.min(2, landmarks.count) });
      for (let s = 0; s < graph.nodeCount; s++) {
        const expected = referenceDistances(graph, s);
        for (let t = 0; t < graph.nodeCount; t++) {
          const result = query.route(s, t);
          pairs++;
          if (expected[t] === Infinity) {
            expect(result, `graph ${i}: ${s}->${t}`).toMatchObject({ found: false, cost: Infinity });
          } else {
            expect(result.cost, `graph ${i}: ${s}->${t}`).toBeCloseTo(expected[t], 9);
            expectValidPath(graph, s, t, result);
            found++;
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(20_000);
    expect(found).toBeGreaterThan(pairs / 4);
  });

  it('matches the reference with random blocked edges and nodes', () => {
    const random = mulberry32(4242);
    let checked = 0;
    for (let i = 0; i < 60; i++) {
      const graph = randomGraph(random, i % 2 === 0);
      const landmarks = buildLandmarks(graph, { count: 1, seed: i });
      const query = new ALTQuery(graph, landmarks);
      const blockedEdges = Uint8Array.from({ length: graph.edgeCount }, () => (random() < 0.2 ? 1 : 0));
      const blockedNodes = Uint8Array.from({ length: graph.nodeCount }, () => (random() < 0.15 ? 1 : 0));
      const options = { blockedEdges, blockedNodes };
      for (let s = 0; s < graph.nodeCount; s++) {
        for (let t = 0; t < graph.nodeCount; t++) {
          const expected = referenceDistances(graph, s, options, t)[t];
          const result = query.route(s, t, options);
          if (expected === Infinity) expect(result.found, `graph ${i}: ${s}->${t}`).toBe(false);
          else {
            expect(result.cost, `graph ${i}: ${s}->${t}`).toBeCloseTo(expected, 9);
            expectValidPath(graph, s, t, result, options);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('rejects landmarks of another graph and impossible options', () => {
    const landmarks = buildLandmarks(drawn, { count: 2, seed: 1 });
    const bigger = buildRoutingGraph({ nodeCount: 6, from: [0], to: [1], weight: [1] });
    expect(() => new ALTQuery(bigger, landmarks)).toThrow(InvalidALTQueryError);
    expect(() => new ALTQuery(drawn, landmarks, { activeLandmarks: 3 })).toThrow(/activeLandmarks is 3/);
    expect(() => new ALTQuery(drawn, landmarks, { useCoordinates: true })).toThrow(/graph.bound is 'none'/);
  });
});
