/**
 * Shortest paths on small drawn graphs, for every one-to-one query class.
 * Edges are listed in input order; the tests name edges by that input index
 * (`edgeRef`), and check that results name the CSR edge actually used.
 */
import { describe, expect, it } from 'vitest';
import { AStarQuery } from '../src/core/astar.js';
import { BidirectionalDijkstraQuery } from '../src/core/bidirectional-dijkstra.js';
import { DijkstraQuery, StaleTreeError } from '../src/core/dijkstra.js';
import { InvalidNodeError, InvalidQueryOptionError, type PathResult, type QueryOptions } from '../src/core/path.js';
import { buildRoutingGraph, type RoutingGraph } from '../src/core/routing-graph.js';

interface OneToOne {
  route(source: number, target: number, options?: QueryOptions): PathResult;
}

const algorithms: Array<{ name: string; make: (graph: RoutingGraph) => OneToOne }> = [
  { name: 'DijkstraQuery', make: (g) => new DijkstraQuery(g) },
  { name: 'BidirectionalDijkstraQuery', make: (g) => new BidirectionalDijkstraQuery(g) },
  { name: 'AStarQuery', make: (g) => new AStarQuery(g) },
];

/** Input indices (edgeRef) of the CSR edges in a result. */
function refs(graph: RoutingGraph, result: PathResult): number[] {
  return result.edges.map((e) => graph.edgeRef[e]);
}

/** The CSR id of the edge with input index `ref`. */
function csrId(graph: RoutingGraph, ref: number): number {
  return graph.edgeRef.indexOf(ref);
}

/*
 * Graph A — parallel edges, one-way edges, an isolated node:
 *
 *          #0: w4
 *      +============+
 *      |   #1: w1   v
 *      0 ---------> 1 --#2: w1--> 3 --#5: w1--> 4
 *      |                          ^             |
 *      +--#3: w2--> 2 --#4: w2----+             |
 *      ^                                        |
 *      +-----------------#6: w1-----------------+      5 (isolated)
 *
 * Every edge is one-way. 0 -> 4: #1, #2, #5, cost 3 (the w1 copy of 0 -> 1,
 * not the w4 one). 1 -> 0 must go round: #2, #5, #6, cost 3.
 */
const graphA = buildRoutingGraph({
  nodeCount: 6,
  from: [0, 0, 1, 0, 2, 3, 4],
  to: [1, 1, 3, 2, 3, 4, 0],
  weight: [4, 1, 1, 2, 2, 1, 1],
});

/*
 * Graph B — zero weights, a zero-weight cycle and self-loops:
 *
 *      0 --#0: w0--> 1 --#1: w0--> 2 --#3: w5--> 3
 *      ^             ⟲ #2: w0      |             ⟲ #6: w2
 *      +-----------#4: w0----------+
 *      0 --#5: w7--> 3
 *
 * 0 -> 3: #0, #1, #3, cost 5; 2 -> 1: #4, #0, cost 0.
 */
const graphB = buildRoutingGraph({
  nodeCount: 4,
  from: [0, 1, 1, 2, 2, 0, 3],
  to: [1, 2, 1, 3, 0, 3, 3],
  weight: [0, 0, 0, 5, 0, 7, 2],
});

for (const { name, make } of algorithms) {
  describe(`${name} on drawn graphs`, () => {
    it('graph A: takes the cheaper of two parallel edges and returns its CSR id', () => {
      const result = make(graphA).route(0, 4);
      expect(result.found).toBe(true);
      expect(result.cost).toBe(3);
      expect(refs(graphA, result)).toEqual([1, 2, 5]);
      expect(result.edges[0]).toBe(csrId(graphA, 1));
      expect(result.edges[0]).not.toBe(csrId(graphA, 0));
      expect(result.nodes).toEqual([0, 1, 3, 4]);
    });

    it('graph A: one-way edges are not used backwards (1 -> 0 goes round, cost 3)', () => {
      const result = make(graphA).route(1, 0);
      expect(result.cost).toBe(3);
      expect(refs(graphA, result)).toEqual([2, 5, 6]);
      expect(result.nodes).toEqual([1, 3, 4, 0]);
    });

    it('graph A: blocking the cheap parallel edge falls back to 0-2-3-4 (cost 5)', () => {
      const blockedEdges = new Uint8Array(graphA.edgeCount);
      blockedEdges[csrId(graphA, 1)] = 1;
      const result = make(graphA).route(0, 4, { blockedEdges });
      expect(result.cost).toBe(5);
      expect(refs(graphA, result)).toEqual([3, 4, 5]);
    });

    it('graph A: blocking both copies of 0 -> 1 and edge #4 leaves 4 unreachable', () => {
      const blockedEdges = new Uint8Array(graphA.edgeCount);
      for (const ref of [0, 1, 4]) blockedEdges[csrId(graphA, ref)] = 1;
      const result = make(graphA).route(0, 4, { blockedEdges });
      expect(result).toMatchObject({ found: false, cost: Infinity, edges: [], nodes: [] });
    });

    it('graph A: blocking node 1 gives 0-2-3-4 (cost 5); blocking node 3 leaves 4 unreachable', () => {
      const query = make(graphA);
      const blockedNodes = new Uint8Array(graphA.nodeCount);
      blockedNodes[1] = 1;
      expect(query.route(0, 4, { blockedNodes }).nodes).toEqual([0, 2, 3, 4]);
      blockedNodes[1] = 0;
      blockedNodes[3] = 1;
      expect(query.route(0, 4, { blockedNodes }).found).toBe(false);
    });

    it('graph A: a blocked source or target is still an endpoint', () => {
      const blockedNodes = new Uint8Array(graphA.nodeCount);
      blockedNodes[0] = 1;
      blockedNodes[4] = 1;
      const result = make(graphA).route(0, 4, { blockedNodes });
      expect(result.cost).toBe(3);
      expect(result.nodes).toEqual([0, 1, 3, 4]);
    });

    it('graph A: maxCost 3 finds the cost-3 path, maxCost 2.9 does not', () => {
      const query = make(graphA);
      expect(query.route(0, 4, { maxCost: 3 }).cost).toBe(3);
      expect(query.route(0, 4, { maxCost: 2.9 })).toMatchObject({ found: false, cost: Infinity });
    });

    it('graph A: the isolated node 5 is unreachable from 0 and 0 from it', () => {
      const query = make(graphA);
      expect(query.route(0, 5)).toMatchObject({ found: false, cost: Infinity, edges: [], nodes: [] });
      expect(query.route(5, 0)).toMatchObject({ found: false, cost: Infinity, edges: [], nodes: [] });
    });

    it('source === target: found, cost 0, no edges, one node', () => {
      const query = make(graphA);
      expect(query.route(2, 2)).toMatchObject({ found: true, cost: 0, edges: [], nodes: [2] });
      expect(query.route(5, 5)).toMatchObject({ found: true, cost: 0, edges: [], nodes: [5] });
    });

    it('graph B: zero-weight edges, a zero-weight cycle and self-loops', () => {
      const query = make(graphB);
      const r03 = query.route(0, 3);
      expect(r03.cost).toBe(5);
      expect(refs(graphB, r03)).toEqual([0, 1, 3]);
      const r21 = query.route(2, 1);
      expect(r21.cost).toBe(0);
      expect(refs(graphB, r21)).toEqual([4, 0]);
      expect(query.route(3, 0).found).toBe(false);
    });

    it('reuses one query object: results do not leak between runs', () => {
      const query = make(graphA);
      const blockedNodes = new Uint8Array(graphA.nodeCount);
      blockedNodes[3] = 1;
      expect(query.route(0, 4, { blockedNodes }).found).toBe(false);
      expect(query.route(0, 4).cost).toBe(3);
      expect(query.route(0, 5).found).toBe(false);
      expect(query.route(1, 0).cost).toBe(3);
    });

    it('rejects a node id outside the graph and mis-sized options', () => {
      const query = make(graphA);
      expect(() => query.route(0, 6)).toThrow(InvalidNodeError);
      expect(() => query.route(-1, 0)).toThrow(/source -1/);
      expect(() => query.route(0, 1, { blockedEdges: new Uint8Array(2) })).toThrow(InvalidQueryOptionError);
      expect(() => query.route(0, 1, { blockedNodes: new Uint8Array(2) })).toThrow(/blockedNodes/);
      expect(() => query.route(0, 1, { maxCost: Number.NaN })).toThrow(/maxCost/);
    });
  });
}

describe('DijkstraQuery.oneToMany and tree on graph A', () => {
  it('oneToMany returns one result per target, in the order asked (duplicates allowed)', () => {
    const query = new DijkstraQuery(graphA);
    const results = query.oneToMany(0, [4, 5, 0, 2, 4]);
    expect(results.map((r) => r.cost)).toEqual([3, Infinity, 0, 2, 3]);
    expect(refs(graphA, results[0])).toEqual([1, 2, 5]);
    expect(results[2]).toMatchObject({ found: true, edges: [], nodes: [0] });
    expect(refs(graphA, results[3])).toEqual([3]);
  });

  it('oneToMany stops once all targets are settled (target 1 at cost 1 settles before 3 and 4)', () => {
    const results = new DijkstraQuery(graphA).oneToMany(0, [1]);
    expect(results[0].cost).toBe(1);
    // Settled: 0 (cost 0) and 1 (cost 1) only.
    expect(results[0].settled).toBe(2);
  });

  it('tree from 0 gives every distance and parent edge; 5 is unreached', () => {
    const tree = new DijkstraQuery(graphA).tree(0);
    expect([0, 1, 2, 3, 4, 5].map((v) => tree.distance(v))).toEqual([0, 1, 2, 2, 3, Infinity]);
    expect(tree.parentEdge(0)).toBe(-1);
    expect(tree.parentEdge(1)).toBe(csrId(graphA, 1));
    expect(tree.parentEdge(5)).toBe(-1);
    expect(refs(graphA, tree.pathTo(4))).toEqual([1, 2, 5]);
    expect(tree.pathTo(5).found).toBe(false);
    expect(tree.reached().sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('tree with maxCost 2 reaches 0, 1, 2, 3 but not 4 (cost 3)', () => {
    const tree = new DijkstraQuery(graphA).tree(0, { maxCost: 2 });
    expect(tree.reached().sort()).toEqual([0, 1, 2, 3]);
    expect(tree.distance(4)).toBe(Infinity);
  });

  it('tree with node 3 blocked: 3 is reached (cost 2) but not passed through, so 4 is unreached', () => {
    const blockedNodes = new Uint8Array(graphA.nodeCount);
    blockedNodes[3] = 1;
    const tree = new DijkstraQuery(graphA).tree(0, { blockedNodes });
    expect(tree.distance(3)).toBe(2);
    expect(tree.distance(4)).toBe(Infinity);
  });

  it('a tree goes stale when its query runs again', () => {
    const query = new DijkstraQuery(graphA);
    const tree = query.tree(0);
    expect(tree.distance(4)).toBe(3);
    query.route(1, 0);
    expect(() => tree.distance(4)).toThrow(StaleTreeError);
  });
});
