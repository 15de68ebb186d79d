/**
 * fromGraphology: drawn directed/undirected/mixed/multi graphs, weight
 * validation, and a randomized comparison with graphology-shortest-path on
 * simple graphs (no parallel edges, where its node-path answer is unambiguous).
 */
import * as graphology from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { dijkstra } from 'graphology-shortest-path';
import { describe, expect, it } from 'vitest';
import {
  fromGraphology,
  InvalidCoordinatesError,
  InvalidEdgeWeightError,
  InvalidGraphologyOptionError,
  UnknownNodeError,
  type GraphologyAlgorithm,
} from '../src/core/from-graphology.js';
import { greatCircleKm } from '../src/core/geodesic.js';
import { mulberry32 } from './fixtures/prng.js';

// graphology's typings describe a CommonJS module (so TypeScript sees the class
// at `.default.default`), but Node loads its ESM build, whose default export is
// the Graph class itself. The cast states what the runtime gives.
const Graph = graphology.default as unknown as typeof graphology.default.default;
const { MultiGraph } = graphology;

const algorithms: GraphologyAlgorithm[] = ['dijkstra', 'bidirectional', 'astar'];


/*
 * Mixed graph (— undirected, → one-way):
 *
 *        ab: 2        bc: 2
 *    a ——————— b ————————→ c ——————— d
 *    ^                     |   cd: 1
 *    +—————— ca: 1 ————————+   (c → a, one-way)
 *
 * a → d: ab, bc, cd = 5.   d → a: cd, ca = 2.   c → b: ca, ab = 3 (bc is one-way).
 */
function mixedGraph(): AbstractGraph {
  const graph = new Graph({ type: 'mixed' });
  for (const key of ['a', 'b', 'c', 'd']) graph.addNode(key);
  graph.addUndirectedEdgeWithKey('ab', 'a', 'b', { minutes: 2 });
  graph.addDirectedEdgeWithKey('bc', 'b', 'c', { minutes: 2 });
  graph.addDirectedEdgeWithKey('ca', 'c', 'a', { minutes: 1 });
  graph.addUndirectedEdgeWithKey('cd', 'c', 'd', { minutes: 1 });
  return graph;
}

/*
 * Multi graph, all between a and b:
 *
 *         slow: 5 (a → b)
 *    a ========================> b
 *         fast: 3 (a → b)
 *      ———————— ferry: 4 (a — b, both ways) ————————
 *
 * a → b: fast (3). b → a: ferry (4). a → b with fast blocked: ferry (4).
 */
function multiGraph(): AbstractGraph {
  const graph = new MultiGraph({ type: 'mixed' });
  graph.addNode('a');
  graph.addNode('b');
  graph.addDirectedEdgeWithKey('slow', 'a', 'b', { minutes: 5 });
  graph.addDirectedEdgeWithKey('fast', 'a', 'b', { minutes: 3 });
  graph.addUndirectedEdgeWithKey('ferry', 'a', 'b', { minutes: 4 });
  return graph;
}

describe('fromGraphology on drawn graphs', () => {
  for (const algorithm of algorithms) {
    it(`mixed graph, ${algorithm}: undirected edges go both ways, one-way edges one way`, () => {
      const router = fromGraphology(mixedGraph(), { weight: 'minutes' });
      expect(router.route('a', 'd', { algorithm })).toEqual({ found: true, cost: 5, nodes: ['a', 'b', 'c', 'd'], edges: ['ab', 'bc', 'cd'] });
      expect(router.route('d', 'a', { algorithm })).toEqual({ found: true, cost: 2, nodes: ['d', 'c', 'a'], edges: ['cd', 'ca'] });
      expect(router.route('c', 'b', { algorithm })).toEqual({ found: true, cost: 3, nodes: ['c', 'a', 'b'], edges: ['ca', 'ab'] });
      expect(router.route('b', 'b', { algorithm })).toEqual({ found: true, cost: 0, nodes: ['b'], edges: [] });
    });

    it(`multi graph, ${algorithm}: the cheapest parallel edge is named`, () => {
      const router = fromGraphology(multiGraph(), { weight: 'minutes' });
      expect(router.route('a', 'b', { algorithm }).edges).toEqual(['fast']);
      expect(router.route('b', 'a', { algorithm })).toMatchObject({ cost: 4, edges: ['ferry'] });
      const blockedEdges = new Uint8Array(router.graph.edgeCount);
      router.edgeKeys.forEach((key, e) => {
        if (key === 'fast') blockedEdges[e] = 1;
      });
      expect(router.route('a', 'b', { algorithm, blockedEdges })).toMatchObject({ cost: 4, edges: ['ferry'] });
    });
  }

  it('an undirected edge becomes two CSR edges that both map back to its key', () => {
    const router = fromGraphology(mixedGraph(), { weight: 'minutes' });
    // 2 undirected × 2 + 2 directed.
    expect(router.graph.edgeCount).toBe(6);
    expect(router.edgeKeys.filter((key) => key === 'ab')).toHaveLength(2);
    expect(router.edgeKeys.filter((key) => key === 'bc')).toHaveLength(1);
  });

  it('an undirected graph routes both ways at the same cost', () => {
    // x —3— y —4— z, and x —9— z
    const graph = new Graph({ type: 'undirected' });
    for (const key of ['x', 'y', 'z']) graph.addNode(key);
    graph.addEdgeWithKey('xy', 'x', 'y', { w: 3 });
    graph.addEdgeWithKey('yz', 'y', 'z', { w: 4 });
    graph.addEdgeWithKey('xz', 'x', 'z', { w: 9 });
    const router = fromGraphology(graph, { weight: 'w' });
    expect(router.route('x', 'z')).toMatchObject({ cost: 7, edges: ['xy', 'yz'] });
    expect(router.route('z', 'x')).toMatchObject({ cost: 7, edges: ['yz', 'xy'] });
  });

  it('a weight function receives key, attributes, source and target', () => {
    const router = fromGraphology(mixedGraph(), {
      // ca now weighs 100: d → a can only be cd, ca (1 + 100); a → c is ab, bc (2 + 2).
      weight: (key, attributes) => (key === 'ca' ? 100 : (attributes.minutes as number)),
    });
    expect(router.route('d', 'a').cost).toBe(101);
    expect(router.route('a', 'c').cost).toBe(4);
  });

  it('unreachable: found false, cost Infinity', () => {
    const graph = new Graph({ type: 'directed' });
    for (const key of ['lonely', 'p', 'q']) graph.addNode(key);
    graph.addEdge('p', 'q', { w: 1 });
    const router = fromGraphology(graph, { weight: 'w' });
    expect(router.route('q', 'p')).toEqual({ found: false, cost: Infinity, nodes: [], edges: [] });
    expect(router.route('p', 'lonely').found).toBe(false);
  });

  it('rejects a missing weight, naming the edge key', () => {
    const graph = new Graph();
    for (const key of ['a', 'b', 'c']) graph.addNode(key);
    graph.addEdgeWithKey('good', 'a', 'b', { w: 1 });
    graph.addEdgeWithKey('no-weight', 'b', 'c', {});
    expect(() => fromGraphology(graph, { weight: 'w' })).toThrow(InvalidEdgeWeightError);
    expect(() => fromGraphology(graph, { weight: 'w' })).toThrow(/edge "no-weight" has weight undefined \(missing\)/);
  });

  it('rejects NaN, negative, infinite and string weights, naming the edge key and value', () => {
    const cases: Array<[unknown, RegExp]> = [
      [Number.NaN, /edge "bad" has weight NaN/],
      [-1, /edge "bad" has weight -1/],
      [Infinity, /edge "bad" has weight Infinity/],
      ['5', /edge "bad" has weight "5"/],
    ];
    for (const [value, message] of cases) {
      const graph = new Graph();
      graph.addNode('a');
      graph.addNode('b');
      graph.addEdgeWithKey('bad', 'a', 'b', { w: value });
      let caught: unknown;
      try {
        fromGraphology(graph, { weight: 'w' });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidEdgeWeightError);
      expect((caught as InvalidEdgeWeightError).edgeKey).toBe('bad');
      expect((caught as Error).message).toMatch(message);
    }
    const graph = new Graph();
    graph.addNode('a');
    graph.addNode('b');
    graph.addEdgeWithKey('fn', 'a', 'b', {});
    expect(() => fromGraphology(graph, { weight: () => Number.NaN })).toThrow(/edge "fn" has weight NaN \(from the weight function\)/);
  });

  it('rejects an unknown node key, naming it', () => {
    const router = fromGraphology(mixedGraph(), { weight: 'minutes' });
    expect(() => router.route('a', 'zz')).toThrow(UnknownNodeError);
    expect(() => router.route('zz', 'a')).toThrow(/node "zz" is not in the graph/);
    expect(() => router.indexOf('nope')).toThrow(/"nope"/);
    expect(router.indexOf('c')).toBe(router.nodeKeys.indexOf('c'));
  });

  it('rejects bad coordinates and options', () => {
    expect(() => fromGraphology(mixedGraph(), { weight: 'minutes', coordinates: (key) => (key === 'c' ? [1, Number.NaN] : [0, 0]) })).toThrow(
      InvalidCoordinatesError,
    );
    expect(() => fromGraphology(mixedGraph(), { weight: 'minutes', boundScale: -1 })).toThrow(InvalidGraphologyOptionError);
    const router = fromGraphology(mixedGraph(), { weight: 'minutes' });
    expect(() => router.route('a', 'b', { algorithm: 'nba' as GraphologyAlgorithm })).toThrow(/algorithm is "nba"/);
  });

  it('without coordinates the bound is none; with geodesic coordinates A* still finds the same route', () => {
    // Three towns on a line of latitude; edges are km along the road, >= great-circle.
    const graph = new Graph({ type: 'undirected' });
    const towns: Record<string, [number, number]> = { west: [60, 50], middle: [61, 50], east: [62, 50] };
    for (const [key, position] of Object.entries(towns)) graph.addNode(key, { position });
    const km = (a: string, b: string): number => greatCircleKm(...towns[a], ...towns[b]);
    graph.addEdgeWithKey('w-m', 'west', 'middle', { km: km('west', 'middle') * 1.1 });
    graph.addEdgeWithKey('m-e', 'middle', 'east', { km: km('middle', 'east') * 1.1 });
    graph.addEdgeWithKey('w-e', 'west', 'east', { km: km('west', 'east') * 1.5 });
    const plain = fromGraphology(graph, { weight: 'km' });
    expect(plain.graph.bound).toBe('none');
    const geo = fromGraphology(graph, {
      weight: 'km',
      coordinates: (_key, attributes) => attributes.position as [number, number],
      bound: 'geodesic',
    });
    expect(geo.graph.bound).toBe('geodesic');
    const expected = plain.route('west', 'east', { algorithm: 'dijkstra' });
    expect(expected.edges).toEqual(['w-m', 'm-e']);
    expect(geo.route('west', 'east', { algorithm: 'astar' })).toEqual(expected);
    expect(plain.route('west', 'east', { algorithm: 'astar' })).toEqual(expected);
  });
});

describe('fromGraphology agrees with graphology-shortest-path on random simple graphs', () => {
  const types = ['directed', 'undirected', 'mixed'] as const;
  for (const type of types) {
    it(`${type}: 100 graphs, costs equal dijkstra.bidirectional's path cost`, () => {
      const random = mulberry32(type.length * 7919);
      let foundPaths = 0;
      let noPaths = 0;
      for (let round = 0; round < 100; round++) {
        const graph = new Graph({ type, multi: false });
        const nodeCount = 2 + Math.floor(random() * 40);
        for (let v = 0; v < nodeCount; v++) graph.addNode(`n${v}`);
        // At most one edge per unordered pair, so the node path names its edges unambiguously.
        const used = new Set<string>();
        const edgeTries = Math.floor(random() * nodeCount * 2);
        for (let i = 0; i < edgeTries; i++) {
          const u = Math.floor(random() * nodeCount);
          const v = Math.floor(random() * nodeCount);
          const pair = u < v ? `${u}|${v}` : `${v}|${u}`;
          if (u === v || used.has(pair)) continue;
          used.add(pair);
          const w = random() < 0.1 ? 0 : Math.round(random() * 100) / 10;
          const undirected = type === 'undirected' || (type === 'mixed' && random() < 0.5);
          if (undirected) graph.addUndirectedEdge(`n${u}`, `n${v}`, { w });
          else graph.addDirectedEdge(`n${u}`, `n${v}`, { w });
        }
        const router = fromGraphology(graph, { weight: 'w' });
        for (let pair = 0; pair < 5; pair++) {
          const s = `n${Math.floor(random() * nodeCount)}`;
          const t = `n${Math.floor(random() * nodeCount)}`;
          const nodePath = dijkstra.bidirectional(graph, s, t, 'w') as string[] | null;
          let expected = Infinity;
          if (nodePath) {
            expected = 0;
            for (let i = 0; i + 1 < nodePath.length; i++) {
              const edge = graph.type === 'undirected'
                ? graph.edge(nodePath[i], nodePath[i + 1])
                : (graph.directedEdge(nodePath[i], nodePath[i + 1]) ?? graph.undirectedEdge(nodePath[i], nodePath[i + 1]));
              expected += graph.getEdgeAttribute(edge!, 'w') as number;
            }
          }
          for (const algorithm of algorithms) {
            const result = router.route(s, t, { algorithm });
            const context = `${type} graph ${round} ${s} -> ${t} ${algorithm}`;
            expect(result.found, context).toBe(expected < Infinity);
            if (expected === Infinity) {
              expect(result.cost, context).toBe(Infinity);
              continue;
            }
            expect(result.cost, context).toBeCloseTo(expected, 9);
            // The returned edge keys chain from s to t and sum to the cost.
            expect(result.nodes[0], context).toBe(s);
            expect(result.nodes[result.nodes.length - 1], context).toBe(t);
            let sum = 0;
            result.edges.forEach((key, i) => {
              expect(graph.extremities(key).sort(), context).toEqual([result.nodes[i], result.nodes[i + 1]].sort());
              if (graph.isDirected(key)) expect(graph.source(key), context).toBe(result.nodes[i]);
              sum += graph.getEdgeAttribute(key, 'w') as number;
            });
            expect(sum, context).toBeCloseTo(result.cost, 9);
          }
          if (expected < Infinity) foundPaths++;
          else noPaths++;
        }
      }
      expect(foundPaths).toBeGreaterThan(100);
      expect(noPaths).toBeGreaterThan(20);
    });
  }
});
