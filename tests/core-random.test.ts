/**
 * Randomized comparison of the fast queries against a slow, obvious Dijkstra
 * written here over a plain adjacency list. Graphs (2–60 nodes) have one-way
 * and two-way edges, parallel edges with different weights, self-loops and
 * zero weights. Every result must have the reference cost and must be a real
 * path: a tail/head chain from source to target over unblocked edges whose
 * weights sum to the reported cost.
 */
import { describe, expect, it } from 'vitest';
import { AStarQuery } from '../src/core/astar.js';
import { BidirectionalDijkstraQuery } from '../src/core/bidirectional-dijkstra.js';
import { DijkstraQuery } from '../src/core/dijkstra.js';
import { greatCircleKm } from '../src/core/geodesic.js';
import type { PathResult, QueryOptions } from '../src/core/path.js';
import { buildRoutingGraph, type EdgeList, type RoutingGraph } from '../src/core/routing-graph.js';
import { mulberry32 } from './fixtures/prng.js';


interface TestGraph {
  list: EdgeList & { from: number[]; to: number[]; weight: number[] };
  graph: RoutingGraph;
}

/** Adds random edges: ~half two-way, some duplicated with another weight, some self-loops. */
function randomEdges(
  random: () => number,
  nodeCount: number,
  weightOf: (from: number, to: number) => number,
): { from: number[]; to: number[]; weight: number[] } {
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  const add = (u: number, v: number): void => {
    from.push(u);
    to.push(v);
    weight.push(weightOf(u, v));
  };
  const pairs = Math.floor(random() * nodeCount * 2.5);
  for (let i = 0; i < pairs; i++) {
    const u = Math.floor(random() * nodeCount);
    const v = random() < 0.05 ? u : Math.floor(random() * nodeCount);
    add(u, v);
    if (random() < 0.5) add(v, u);
    if (random() < 0.2) add(u, v); // a parallel edge, usually with another weight
  }
  return { from, to, weight };
}

/** Integer weights 0..9 (ties and zeros are common) or fractional ones. */
function randomWeight(random: () => number): number {
  const r = random();
  if (r < 0.15) return 0;
  if (r < 0.7) return Math.floor(random() * 10);
  return random() * 10;
}

function plainGraph(random: () => number): TestGraph {
  const nodeCount = 2 + Math.floor(random() * 59);
  const list = { nodeCount, ...randomEdges(random, nodeCount, () => randomWeight(random)) };
  return { list, graph: buildRoutingGraph(list) };
}

/**
 * Nodes scattered over the border area (lon 50–70, lat 45–56), some sharing a
 * position. Weights are hours at 20–90 km/h over a length >= the great-circle
 * distance, so 1/90 is an admissible boundScale; edges between co-located
 * nodes may weigh 0.
 */
function geodesicGraph(random: () => number): TestGraph {
  const nodeCount = 2 + Math.floor(random() * 59);
  const lon: number[] = [];
  const lat: number[] = [];
  for (let v = 0; v < nodeCount; v++) {
    if (v > 0 && random() < 0.1) {
      const w = Math.floor(random() * v);
      lon.push(lon[w]);
      lat.push(lat[w]);
    } else {
      lon.push(50 + random() * 20);
      lat.push(45 + random() * 11);
    }
  }
  const hours = (u: number, v: number): number => {
    const km = greatCircleKm(lon[u], lat[u], lon[v], lat[v]) * (1 + random() * 0.6);
    return km / (20 + random() * 70);
  };
  const list = { nodeCount, ...randomEdges(random, nodeCount, hours), x: lon, y: lat, bound: 'geodesic' as const, boundScale: 1 / 90 };
  return { list, graph: buildRoutingGraph(list) };
}

/** Planar layout, weights = distance × (1..2); boundScale 1 is admissible. */
function euclideanGraph(random: () => number): TestGraph {
  const nodeCount = 2 + Math.floor(random() * 59);
  const px = Array.from({ length: nodeCount }, () => random() * 100);
  const py = Array.from({ length: nodeCount }, () => random() * 100);
  const length = (u: number, v: number): number => Math.hypot(px[u] - px[v], py[u] - py[v]) * (1 + random());
  const list = { nodeCount, ...randomEdges(random, nodeCount, length), x: px, y: py, bound: 'euclidean' as const, boundScale: 1 };
  return { list, graph: buildRoutingGraph(list) };
}

/**
 * The reference: O(n²) Dijkstra over an adjacency list, edges named by input
 * index. A blocked node other than the source gets a distance but is not
 * expanded (it can end a path, never be passed through).
 */
function referenceDistances(
  list: TestGraph['list'],
  source: number,
  blockedInputEdges?: Uint8Array,
  blockedNodes?: Uint8Array,
): number[] {
  const adjacency: Array<Array<{ to: number; weight: number; input: number }>> = [];
  for (let v = 0; v < list.nodeCount; v++) adjacency.push([]);
  for (let i = 0; i < list.from.length; i++) {
    adjacency[list.from[i]].push({ to: list.to[i], weight: list.weight[i], input: i });
  }
  const dist = new Array<number>(list.nodeCount).fill(Infinity);
  const done = new Array<boolean>(list.nodeCount).fill(false);
  dist[source] = 0;
  for (;;) {
    let u = -1;
    for (let v = 0; v < list.nodeCount; v++) if (!done[v] && dist[v] < Infinity && (u < 0 || dist[v] < dist[u])) u = v;
    if (u < 0) break;
    done[u] = true;
    if (blockedNodes && blockedNodes[u] && u !== source) continue;
    for (const edge of adjacency[u]) {
      if (blockedInputEdges && blockedInputEdges[edge.input]) continue;
      if (dist[u] + edge.weight < dist[edge.to]) dist[edge.to] = dist[u] + edge.weight;
    }
  }
  return dist;
}

function closeTo(actual: number, expected: number): boolean {
  if (expected === Infinity || actual === Infinity) return actual === expected;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

/** Fails with `context` unless `result` is a valid path of the reference cost. */
function checkResult(
  graph: RoutingGraph,
  result: PathResult,
  source: number,
  target: number,
  expectedCost: number,
  options: QueryOptions,
  context: string,
): void {
  const fail = (why: string): never => expect.fail(`${context}: ${why} (result ${JSON.stringify({ ...result, cost: String(result.cost) })})`);
  if (!closeTo(result.cost, expectedCost)) fail(`cost ${result.cost}, reference ${expectedCost}`);
  const maxCost = options.maxCost ?? Infinity;
  const shouldFind = expectedCost < Infinity && expectedCost <= maxCost;
  if (result.found !== shouldFind) fail(`found ${result.found}, reference cost ${expectedCost}, maxCost ${maxCost}`);
  if (!result.found) {
    if (result.edges.length !== 0 || result.nodes.length !== 0) fail('not found but edges/nodes not empty');
    return;
  }
  if (result.nodes.length !== result.edges.length + 1) fail('nodes.length !== edges.length + 1');
  if (result.nodes[0] !== source) fail('path does not start at the source');
  if (result.nodes[result.nodes.length - 1] !== target) fail('path does not end at the target');
  let sum = 0;
  for (let i = 0; i < result.edges.length; i++) {
    const e = result.edges[i];
    if (!(Number.isInteger(e) && e >= 0 && e < graph.edgeCount)) fail(`edge ${e} is not a CSR id`);
    if (graph.tail[e] !== result.nodes[i] || graph.head[e] !== result.nodes[i + 1]) fail(`edge ${e} does not join nodes[${i}] -> nodes[${i + 1}]`);
    if (options.blockedEdges?.[e]) fail(`edge ${e} is blocked`);
    if (i > 0 && options.blockedNodes?.[result.nodes[i]]) fail(`passes through blocked node ${result.nodes[i]}`);
    sum += graph.weight[e];
  }
  if (!closeTo(sum, result.cost)) fail(`edge weights sum to ${sum}, not the cost ${result.cost}`);
}

/** Random block masks: by input index (for the reference) and by CSR id (for the queries). */
function randomBlocks(
  random: () => number,
  { list, graph }: TestGraph,
): { blockedInputEdges: Uint8Array; blockedEdges: Uint8Array; blockedNodes: Uint8Array } {
  const edgeShare = random() * 0.4;
  const nodeShare = random() * 0.3;
  const blockedInputEdges = new Uint8Array(list.from.length);
  for (let i = 0; i < blockedInputEdges.length; i++) blockedInputEdges[i] = random() < edgeShare ? 1 : 0;
  const blockedEdges = new Uint8Array(graph.edgeCount);
  for (let e = 0; e < graph.edgeCount; e++) blockedEdges[e] = blockedInputEdges[graph.edgeRef[e]];
  const blockedNodes = new Uint8Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) blockedNodes[v] = random() < nodeShare ? 1 : 0;
  return { blockedInputEdges, blockedEdges, blockedNodes };
}

interface Tally {
  found: number;
  notFound: number;
  changedByBlocks: number;
  cutByMaxCost: number;
}

/** Runs every one-to-one query class on random (source, target) pairs of one graph. */
function compareOneToOne(random: () => number, testGraph: TestGraph, label: string, tally: Tally): void {
  const { list, graph } = testGraph;
  const queries = [
    { name: 'DijkstraQuery', query: new DijkstraQuery(graph) },
    { name: 'BidirectionalDijkstraQuery', query: new BidirectionalDijkstraQuery(graph) },
    { name: 'AStarQuery', query: new AStarQuery(graph) },
  ];
  for (let pair = 0; pair < 6; pair++) {
    const source = Math.floor(random() * list.nodeCount);
    const target = pair === 0 ? source : Math.floor(random() * list.nodeCount);
    const free = referenceDistances(list, source);
    const blocks = randomBlocks(random, testGraph);
    const blocked = referenceDistances(list, source, blocks.blockedInputEdges, blocks.blockedNodes);
    const blockedOptions = { blockedEdges: blocks.blockedEdges, blockedNodes: blocks.blockedNodes };
    // A maxCost around the true cost, so both sides of the cut are exercised.
    const maxCost = free[target] === Infinity ? random() * 20 : free[target] * (0.5 + random());
    for (const { name, query } of queries) {
      const context = `${label} ${name} ${source} -> ${target}`;
      checkResult(graph, query.route(source, target), source, target, free[target], {}, context);
      checkResult(graph, query.route(source, target, blockedOptions), source, target, blocked[target], blockedOptions, `${context} blocked`);
      const capped = query.route(source, target, { maxCost });
      checkResult(graph, capped, source, target, free[target] <= maxCost ? free[target] : Infinity, { maxCost }, `${context} maxCost ${maxCost}`);
    }
    if (free[target] < Infinity) tally.found++;
    else tally.notFound++;
    if (blocked[target] !== free[target]) tally.changedByBlocks++;
    if (free[target] < Infinity && free[target] > maxCost) tally.cutByMaxCost++;
  }
}

describe('randomized: every query matches a reference Dijkstra', () => {
  it('300 plain graphs: Dijkstra, bidirectional and A* (zero bound), with and without blocks and maxCost', () => {
    const random = mulberry32(1);
    const tally: Tally = { found: 0, notFound: 0, changedByBlocks: 0, cutByMaxCost: 0 };
    for (let round = 0; round < 300; round++) compareOneToOne(random, plainGraph(random), `plain graph ${round}`, tally);
    // The random graphs must actually exercise each kind of outcome.
    expect(tally.found).toBeGreaterThan(500);
    expect(tally.notFound).toBeGreaterThan(50);
    expect(tally.changedByBlocks).toBeGreaterThan(200);
    expect(tally.cutByMaxCost).toBeGreaterThan(100);
  });

  it('300 geodesic graphs (hours, boundScale 1/90 h/km): A* with a great-circle bound equals the reference', () => {
    const random = mulberry32(2);
    const tally: Tally = { found: 0, notFound: 0, changedByBlocks: 0, cutByMaxCost: 0 };
    for (let round = 0; round < 300; round++) {
      const testGraph = geodesicGraph(random);
      expect(testGraph.graph.bound).toBe('geodesic');
      compareOneToOne(random, testGraph, `geodesic graph ${round}`, tally);
    }
    expect(tally.found).toBeGreaterThan(500);
    expect(tally.changedByBlocks).toBeGreaterThan(200);
  });

  it('300 euclidean graphs: A* with a planar bound equals the reference', () => {
    const random = mulberry32(3);
    const tally: Tally = { found: 0, notFound: 0, changedByBlocks: 0, cutByMaxCost: 0 };
    for (let round = 0; round < 300; round++) {
      const testGraph = euclideanGraph(random);
      expect(testGraph.graph.bound).toBe('euclidean');
      compareOneToOne(random, testGraph, `euclidean graph ${round}`, tally);
    }
    expect(tally.found).toBeGreaterThan(500);
  });

  it('A* with the geodesic bound settles fewer nodes than Dijkstra on the same queries', () => {
    // Not a correctness property, but it fails if the bound is silently zero.
    const random = mulberry32(4);
    let dijkstraSettled = 0;
    let astarSettled = 0;
    for (let round = 0; round < 100; round++) {
      const { list, graph } = geodesicGraph(random);
      const dijkstra = new DijkstraQuery(graph);
      const astar = new AStarQuery(graph);
      for (let pair = 0; pair < 5; pair++) {
        const s = Math.floor(random() * list.nodeCount);
        const t = Math.floor(random() * list.nodeCount);
        const d = dijkstra.route(s, t);
        const a = astar.route(s, t);
        if (d.found) {
          dijkstraSettled += d.settled;
          astarSettled += a.settled;
        }
      }
    }
    expect(astarSettled).toBeLessThan(dijkstraSettled * 0.9);
  });

  it('300 graphs: oneToMany and tree agree with one-to-one routes and the reference', () => {
    const random = mulberry32(5);
    let compared = 0;
    for (let round = 0; round < 300; round++) {
      const testGraph = plainGraph(random);
      const { list, graph } = testGraph;
      const query = new DijkstraQuery(graph);
      const oneToOne = new DijkstraQuery(graph);
      const source = Math.floor(random() * list.nodeCount);
      const withBlocks = random() < 0.5;
      const blocks = randomBlocks(random, testGraph);
      const options: QueryOptions = withBlocks ? { blockedEdges: blocks.blockedEdges, blockedNodes: blocks.blockedNodes } : {};
      const expected = withBlocks
        ? referenceDistances(list, source, blocks.blockedInputEdges, blocks.blockedNodes)
        : referenceDistances(list, source);
      const label = `graph ${round} from ${source}${withBlocks ? ' blocked' : ''}`;

      const targets = Array.from({ length: Math.floor(random() * 8) }, () => Math.floor(random() * list.nodeCount));
      const many = query.oneToMany(source, targets, options);
      expect(many.length).toBe(targets.length);
      targets.forEach((t, i) => {
        checkResult(graph, many[i], source, t, expected[t], options, `${label} oneToMany target ${t}`);
        const single = oneToOne.route(source, t, options);
        if (!closeTo(single.cost, many[i].cost)) expect.fail(`${label}: oneToMany ${many[i].cost} vs route ${single.cost} to ${t}`);
        compared++;
      });

      const tree = query.tree(source, options);
      const reached = new Set(tree.reached());
      for (let v = 0; v < list.nodeCount; v++) {
        const context = `${label} tree node ${v}`;
        if (!closeTo(tree.distance(v), expected[v])) expect.fail(`${context}: distance ${tree.distance(v)}, reference ${expected[v]}`);
        if (reached.has(v) !== (expected[v] < Infinity)) expect.fail(`${context}: reached() disagrees with the reference`);
        const path = tree.pathTo(v);
        checkResult(graph, path, source, v, expected[v], options, context);
        const parent = tree.parentEdge(v);
        if (path.edges.length > 0 ? parent !== path.edges[path.edges.length - 1] : parent !== -1) {
          expect.fail(`${context}: parentEdge ${parent} is not the last edge of pathTo`);
        }
        const single = oneToOne.route(source, v, options);
        if (!closeTo(single.cost, tree.distance(v))) expect.fail(`${context}: tree ${tree.distance(v)} vs route ${single.cost}`);
        compared++;
      }
      const order = tree.reached();
      for (let i = 1; i < order.length; i++) {
        if (tree.distance(order[i]) < tree.distance(order[i - 1])) expect.fail(`${label}: reached() not in distance order`);
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });
});
