import { describe, expect, it } from 'vitest';
import { crc32, deserializeContractionHierarchy, HierarchyFileError, serializeContractionHierarchy } from '../src/core/ch-file.js';
import { ContractionHierarchyQuery } from '../src/core/ch-query.js';
import { contractGraph, type ContractionOptions } from '../src/core/contraction-hierarchy.js';
import { InvalidNodeError } from '../src/core/path.js';
import { buildRoutingGraph, type RoutingGraph } from '../src/core/routing-graph.js';
import { InputError } from '../src/errors/steppenet-error.js';
import { mulberry32 } from './fixtures/prng.js';
import { expectValidPath, referenceDistances } from './fixtures/reference-dijkstra.js';
import { randomRoutingGraph } from './fixtures/random-routing-graph.js';

const settings: ContractionOptions[] = [{}, { witnessSettledLimit: 1, estimateSettledLimit: 1, witnessHopLimit: 1 }, { witnessHopLimit: 2 }];

describe('ContractionHierarchyQuery.distance and routeEdges', () => {
  it('match the reference Dijkstra on every pair of 100 random graphs', () => {
    const random = mulberry32(4242);
    let pairs = 0;
    for (let i = 0; i < 100; i++) {
      const graph = randomRoutingGraph(random);
      const query = new ContractionHierarchyQuery(graph, contractGraph(graph, settings[i % settings.length]));
      for (let s = 0; s < graph.nodeCount; s++) {
        const expected = referenceDistances(graph, s);
        for (let t = 0; t < graph.nodeCount; t++) {
          pairs++;
          const d = query.distance(s, t);
          const typed = query.routeEdges(s, t);
          if (expected[t] === Infinity) {
            expect(d, `graph ${i}: ${s}->${t}`).toBe(Infinity);
            expect(typed.count).toBe(-1);
            continue;
          }
          expect(d, `graph ${i}: ${s}->${t}`).toBeCloseTo(expected[t], 9);
          expect(typed.cost).toBeCloseTo(expected[t], 9);
          // The typed path is the same path route() returns, edge for edge.
          const route = query.route(s, t);
          expect(Array.from(typed.edges.subarray(0, Math.max(0, typed.count)))).toEqual(route.edges);
          expect(typed.cost).toBe(route.cost);
          if (s !== t) expectValidPath(graph, s, t, route);
        }
      }
    }
    expect(pairs).toBeGreaterThan(20_000);
  });

  it('rejects bad node ids', () => {
    const graph = randomRoutingGraph(mulberry32(1));
    const query = new ContractionHierarchyQuery(graph, contractGraph(graph));
    expect(() => query.distance(0, graph.nodeCount)).toThrow(InvalidNodeError);
    expect(() => query.routeEdges(-1, 0)).toThrow(InvalidNodeError);
    expect(() => query.table([0], [1.5])).toThrow(InvalidNodeError);
  });
});

describe('ContractionHierarchyQuery.table (bucket many-to-many)', () => {
  it('equals repeated reference Dijkstra on random graphs, with repeated and unreachable nodes', () => {
    const random = mulberry32(777);
    let cells = 0;
    let unreachable = 0;
    for (let i = 0; i < 80; i++) {
      const graph = randomRoutingGraph(random, 60);
      const query = new ContractionHierarchyQuery(graph, contractGraph(graph, settings[i % settings.length]));
      const pick = (k: number): number[] => Array.from({ length: k }, () => Math.floor(random() * graph.nodeCount));
      const sources = pick(1 + Math.floor(random() * 12));
      const targets = pick(1 + Math.floor(random() * 12));
      const matrix = query.table(sources, targets);
      expect(matrix).toBeInstanceOf(Float64Array);
      expect(matrix.length).toBe(sources.length * targets.length);
      sources.forEach((s, a) => {
        const expected = referenceDistances(graph, s);
        targets.forEach((t, b) => {
          cells++;
          const got = matrix[a * targets.length + b];
          if (expected[t] === Infinity) {
            unreachable++;
            expect(got, `graph ${i}: ${s}->${t}`).toBe(Infinity);
          } else expect(got, `graph ${i}: ${s}->${t}`).toBeCloseTo(expected[t], 9);
        });
      });
    }
    expect(cells).toBeGreaterThan(2_000);
    expect(unreachable).toBeGreaterThan(50);
  });

  it('handles empty source or target lists and interleaves with point queries', () => {
    const graph = randomRoutingGraph(mulberry32(3), 40);
    const query = new ContractionHierarchyQuery(graph, contractGraph(graph));
    expect(query.table([], [0, 1]).length).toBe(0);
    expect(query.table([0, 1], []).length).toBe(0);
    const before = query.distance(0, 1);
    const all = Array.from({ length: graph.nodeCount }, (_, v) => v);
    const matrix = query.table(all, all);
    expect(query.distance(0, 1)).toBe(before);
    for (let s = 0; s < graph.nodeCount; s++) {
      for (let t = 0; t < graph.nodeCount; t++) expect(matrix[s * graph.nodeCount + t]).toBe(query.distance(s, t));
    }
  });
});

/** The nodes a path of edge ids walks through, from its first edge's tail; checks that the edges join up. */
function nodesOf(graph: RoutingGraph, source: number, edges: readonly number[]): number[] {
  const nodes = [source];
  for (const e of edges) {
    expect(graph.tail[e]).toBe(nodes[nodes.length - 1]);
    nodes.push(graph.head[e]);
  }
  return nodes;
}

describe('ContractionHierarchyQuery.tablePaths (bucket many-to-many with paths)', () => {
  //   0 ──2── 1 ──2── 2          two-way edges with their weights,
  //   │               │          and one one-way edge 5 → 6 (weight 1):
  //   6               1          6 reaches nothing but itself.
  //   │               │
  //   3 ──1── 4 ──1── 5 ──▶ 6
  it('gives the distances and paths of a small drawn graph', () => {
    const two = [[0, 1, 2], [1, 2, 2], [0, 3, 6], [2, 5, 1], [3, 4, 1], [4, 5, 1]];
    const from = [...two.flatMap(([a, b]) => [a, b]), 5];
    const to = [...two.flatMap(([a, b]) => [b, a]), 6];
    const weight = [...two.flatMap(([, , w]) => [w, w]), 1];
    const graph = buildRoutingGraph({ nodeCount: 7, from, to, weight });
    const table = new ContractionHierarchyQuery(graph, contractGraph(graph)).tablePaths([0, 3, 6], [2, 4, 6, 0]);
    expect(Array.from(table.weights)).toEqual([
      // to 2, 4, 6, 0
      4, 6, 6, 0, // from 0: 0-1-2; 0-1-2-5-4 (6, not 0-3-4 = 7); 0-1-2-5-6; itself
      3, 1, 3, 6, // from 3: 3-4-5-2; 3-4; 3-4-5-6; 3-0 (6, not 3-4-5-2-1-0 = 7)
      Infinity, Infinity, 0, Infinity, // from 6: nowhere but itself
    ]);
    const paths = [0, 1, 2].map((i) => [0, 1, 2, 3].map((j) => table.edges(i, j)));
    const nodes = paths.map((row, i) => row.map((edges) => (edges ? nodesOf(graph, [0, 3, 6][i], edges) : null)));
    expect(nodes).toEqual([
      [[0, 1, 2], [0, 1, 2, 5, 4], [0, 1, 2, 5, 6], [0]],
      [[3, 4, 5, 2], [3, 4], [3, 4, 5, 6], [3, 0]],
      [null, null, [6], null],
    ]);
    expect(paths[2][2]).toEqual([]);
    expect(() => table.edges(3, 0)).toThrow(InputError);
    expect(() => table.edges(0, -1)).toThrow(InputError);
    expect(() => table.edges(0.5, 0)).toThrow(InputError);
  });

  it('equals the reference Dijkstra exactly on random graphs: weights, and real paths that sum to them', () => {
    const random = mulberry32(2026);
    let cells = 0;
    let unreachable = 0;
    let longer = 0;
    for (let i = 0; i < 60; i++) {
      const graph = randomRoutingGraph(random, 60);
      const query = new ContractionHierarchyQuery(graph, contractGraph(graph, settings[i % settings.length]));
      const pick = (k: number): number[] => Array.from({ length: k }, () => Math.floor(random() * graph.nodeCount));
      // Several source and target sets per hierarchy, with repeats; the tables interleave with point queries.
      for (let set = 0; set < 4; set++) {
        const sources = pick(1 + Math.floor(random() * 15));
        const targets = pick(1 + Math.floor(random() * 15));
        const table = query.tablePaths(sources, targets);
        expect(table.weights.length).toBe(sources.length * targets.length);
        // The same weights as table(), bit for bit.
        expect(Array.from(table.weights)).toEqual(Array.from(query.table(sources, targets)));
        query.distance(sources[0], targets[0]); // a point query in between must not spoil the table's paths
        sources.forEach((s, a) => {
          const expected = referenceDistances(graph, s);
          targets.forEach((t, b) => {
            cells++;
            const weight = table.weights[a * targets.length + b];
            const edges = table.edges(a, b);
            // Weights are multiples of 1/4: every sum is exact, so "equal" means equal.
            expect(weight, `graph ${i}: ${s}->${t}`).toBe(expected[t]);
            if (expected[t] === Infinity) {
              unreachable++;
              expect(edges).toBeNull();
              expect(query.routeEdges(s, t).count).toBe(-1);
              return;
            }
            expect(edges).not.toBeNull();
            const nodes = nodesOf(graph, s, edges!);
            expect(nodes[nodes.length - 1]).toBe(t);
            const sum = edges!.reduce((total, e) => total + graph.weight[e], 0);
            expect(sum, `graph ${i}: ${s}->${t}`).toBe(weight);
            expect(sum).toBe(query.routeEdges(s, t).cost);
            if (s === t) expect(edges).toEqual([]);
            if (edges!.length > 1) longer++;
          });
        });
      }
    }
    expect(cells).toBeGreaterThan(5_000);
    expect(unreachable).toBeGreaterThan(200);
    expect(longer).toBeGreaterThan(1_000);
  });

  it('handles empty source or target lists', () => {
    const graph = randomRoutingGraph(mulberry32(5), 20);
    const query = new ContractionHierarchyQuery(graph, contractGraph(graph));
    expect(query.tablePaths([], [0]).weights.length).toBe(0);
    expect(query.tablePaths([0], []).weights.length).toBe(0);
    expect(() => query.tablePaths([0], []).edges(0, 0)).toThrow(InputError);
    expect(() => query.tablePaths([graph.nodeCount], [0])).toThrow(InvalidNodeError);
  });
});

describe('hierarchy file integrity', () => {
  const random = mulberry32(11);
  let graph = randomRoutingGraph(random);
  while (graph.nodeCount < 12 || graph.edgeCount < 20) graph = randomRoutingGraph(random);
  const ch = contractGraph(graph);
  const bytes = serializeContractionHierarchy(ch);

  it('uses the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('loads the intact file, with and without the graph', () => {
    expect(() => deserializeContractionHierarchy(bytes, 'ok.ch', graph)).not.toThrow();
    expect(() => deserializeContractionHierarchy(bytes, 'ok.ch')).not.toThrow();
  });

  it('refuses every file with a single flipped bit, each with a HierarchyFileError', () => {
    let refused = 0;
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const copy = bytes.slice();
      copy[bit >> 3] ^= 1 << (bit & 7);
      let error: unknown;
      try {
        deserializeContractionHierarchy(copy, 'flipped.ch');
      } catch (e) {
        error = e;
      }
      expect(error, `bit ${bit}`).toBeInstanceOf(HierarchyFileError);
      refused++;
    }
    expect(refused).toBe(bytes.length * 8);
  });

  it('refuses a file whose weights were zeroed, one at a time and all together', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Find the weight sections: upWeight follows rank, nodeOfRank, upFirst, upHead.
    const n = ch.nodeCount;
    const up = ch.upHead.length;
    const down = ch.downTail.length;
    const pad = (b: number): number => Math.ceil(b / 8) * 8;
    const upWeightAt = 40 + 2 * pad(4 * n) + pad(4 * (n + 1)) + pad(4 * up);
    const downWeightAt = upWeightAt + pad(8 * up) + pad(4 * up) + pad(4 * (n + 1)) + pad(4 * down);
    for (let p = 0; p < up; p++) expect(view.getFloat64(upWeightAt + 8 * p, true)).toBe(ch.upWeight[p]);
    for (let p = 0; p < down; p++) expect(view.getFloat64(downWeightAt + 8 * p, true)).toBe(ch.downWeight[p]);
    let checked = 0;
    const all = bytes.slice();
    for (const [at, weights] of [
      [upWeightAt, ch.upWeight],
      [downWeightAt, ch.downWeight],
    ] as const) {
      for (let p = 0; p < weights.length; p++) {
        if (weights[p] === 0) continue;
        const copy = bytes.slice();
        new DataView(copy.buffer).setFloat64(at + 8 * p, 0, true);
        new DataView(all.buffer).setFloat64(at + 8 * p, 0, true);
        expect(() => deserializeContractionHierarchy(copy, 'zeroed.ch', graph)).toThrow(/checksum mismatch/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(() => deserializeContractionHierarchy(all, 'zeroed.ch', graph)).toThrow(HierarchyFileError);
  });

  it('refuses a hierarchy for a graph whose weights differ (fingerprint)', () => {
    const changed = buildRoutingGraph({
      nodeCount: graph.nodeCount,
      from: Array.from(graph.tail),
      to: Array.from(graph.head),
      weight: Array.from(graph.weight, (w, e) => (e === 0 ? w + 1 : w)),
    });
    expect(() => deserializeContractionHierarchy(bytes, 'other.ch', changed)).toThrow(/fingerprint/);
  });
});
