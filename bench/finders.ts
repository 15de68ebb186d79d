/**
 * One adapter per path finder, all with the same shape, so the bench can check
 * and time steppenet's queries and the JavaScript peers (graphology-shortest-path,
 * ngraph.path) on the same graph and the same pairs.
 *
 * - `create(graph)` builds what the finder needs (peer graph objects,
 *   hierarchies, landmark tables) and reports how long that took and how much
 *   memory it holds: the bytes of steppenet's typed arrays (excluding the shared
 *   RoutingGraph, which the report lists once), or the process heap growth for a
 *   peer (measured around a forced garbage collection when one is available).
 * - `query(s, t)` is the timed call, exactly what a user of that library runs.
 * - `pathCost(s, t)` runs the query and returns the cost of the path it
 *   RETURNED, computed from the graph (not trusting the finder's own number):
 *   steppenet paths are checked edge by edge; a peer's node path is costed by the
 *   cheapest edge between consecutive nodes. A path that is not a path of the
 *   graph throws PathCheckError.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { UndirectedGraph } from 'graphology';
import { astar as graphologyAstar, dijkstra as graphologyDijkstra } from 'graphology-shortest-path';
import createNgraph from 'ngraph.graph';
import { aStar as ngraphAStar, nba as ngraphNba } from 'ngraph.path';
import { ALTQuery } from '../src/core/alt-query.js';
import { AStarQuery } from '../src/core/astar.js';
import { BidirectionalAStarQuery } from '../src/core/bidirectional-astar.js';
import { BidirectionalDijkstraQuery } from '../src/core/bidirectional-dijkstra.js';
import { foldChains, FoldedQuery } from '../src/core/chain-folding.js';
import { ContractionHierarchyQuery } from '../src/core/ch-query.js';
import { contractGraph, type ContractionHierarchy } from '../src/core/contraction-hierarchy.js';
import { DijkstraQuery } from '../src/core/dijkstra.js';
import { buildLandmarks } from '../src/core/landmarks.js';
import type { PathResult } from '../src/core/path.js';
import type { RoutingGraph } from '../src/core/routing-graph.js';

export interface SetupReport {
  /** Preprocessing wall time (graph objects, hierarchies, landmark tables, query objects). */
  ms: number;
  /** Preprocessing CPU time of this process (user + system), ms; steppenet finders only. */
  cpuMs?: number;
  /** Set when the preprocessing was shared with another finder (its figures are repeated here). */
  sharedWith?: string;
  /** Memory held by the finder's own structures; NaN when it could not be measured. */
  bytes: number;
  /** How `bytes` was measured. */
  memoryKind: 'typed arrays' | 'heap delta' | 'unmeasured';
}

export interface Finder {
  readonly name: string;
  readonly family: 'steppenet' | 'peer';
  readonly setup: SetupReport;
  /** The timed call. */
  query(source: number, target: number): unknown;
  /** Cost of the path the finder returns (Infinity when it finds none), recomputed from the graph. */
  pathCost(source: number, target: number): number;
}

export interface FinderSpec {
  readonly name: string;
  readonly family: 'steppenet' | 'peer';
  create(graph: RoutingGraph): Finder;
}

/** A finder returned something that is not a path of the graph from source to target. */
export class PathCheckError extends Error {
  constructor(
    readonly finder: string,
    readonly source: number,
    readonly target: number,
    detail: string,
  ) {
    super(`${finder}: ${source} -> ${target}: ${detail}`);
    this.name = 'PathCheckError';
  }
}

/** The graph does not fit a peer's configuration (e.g. weights that are not Euclidean lengths). */
export class PeerSetupError extends Error {
  constructor(
    readonly finder: string,
    detail: string,
  ) {
    super(`${finder}: ${detail}`);
    this.name = 'PeerSetupError';
  }
}

// --- memory measurement -----------------------------------------------------

let gcFunction: (() => void) | null | undefined;
/** A forced full GC, or null when the runtime refuses (then heap deltas are unmeasured). */
function garbageCollector(): (() => void) | null {
  if (gcFunction !== undefined) return gcFunction;
  try {
    setFlagsFromString('--expose-gc');
    gcFunction = runInNewContext('gc') as () => void;
  } catch {
    gcFunction = null;
  }
  return gcFunction;
}

/** Heap bytes in use after a full GC; NaN without a GC. */
export function settledHeapBytes(): number {
  const gc = garbageCollector();
  if (gc === null) return NaN;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Bytes of the distinct ArrayBuffers reachable from `roots` through own
 * properties (a few levels deep), leaving out the graph's own arrays: what a
 * steppenet structure or query object holds beyond the shared RoutingGraph.
 */
export function typedArrayBytes(roots: readonly object[], graph: RoutingGraph): number {
  const excluded = new Set<ArrayBufferLike>();
  for (const value of Object.values(graph)) if (ArrayBuffer.isView(value)) excluded.add(value.buffer);
  const counted = new Set<ArrayBufferLike>();
  const visited = new Set<object>();
  let bytes = 0;
  const visit = (value: unknown, depth: number): void => {
    if (value === null || typeof value !== 'object' || visited.has(value)) return;
    visited.add(value);
    if (ArrayBuffer.isView(value)) {
      if (!excluded.has(value.buffer) && !counted.has(value.buffer)) {
        counted.add(value.buffer);
        bytes += value.buffer.byteLength;
      }
      return;
    }
    if (value === graph || depth === 0) return;
    for (const child of Object.values(value)) visit(child, depth - 1);
  };
  for (const root of roots) visit(root, 3);
  return bytes;
}

// --- path checks --------------------------------------------------------------

const RELATIVE_TOLERANCE = 1e-9;

/** Checks a steppenet PathResult edge by edge and returns its recomputed cost. */
export function costOfPathResult(finder: string, graph: RoutingGraph, source: number, target: number, result: PathResult): number {
  if (!result.found) {
    if (result.cost !== Infinity) throw new PathCheckError(finder, source, target, `not found but cost ${result.cost}`);
    return Infinity;
  }
  const { edges, nodes } = result;
  if (nodes.length !== edges.length + 1) {
    throw new PathCheckError(finder, source, target, `${edges.length} edges but ${nodes.length} nodes`);
  }
  if (nodes[0] !== source || nodes[nodes.length - 1] !== target) {
    throw new PathCheckError(finder, source, target, `path runs ${nodes[0]} -> ${nodes[nodes.length - 1]}`);
  }
  let cost = 0;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (!(e >= 0 && e < graph.edgeCount) || graph.tail[e] !== nodes[i] || graph.head[e] !== nodes[i + 1]) {
      throw new PathCheckError(finder, source, target, `edge ${i} (id ${e}) does not join ${nodes[i]} -> ${nodes[i + 1]}`);
    }
    cost += graph.weight[e];
  }
  if (Math.abs(cost - result.cost) > RELATIVE_TOLERANCE * Math.max(1, cost)) {
    throw new PathCheckError(finder, source, target, `reports cost ${result.cost} but its edges sum to ${cost}`);
  }
  return cost;
}

/** Cheapest edge u -> v, or -1. */
function cheapestEdge(graph: RoutingGraph, u: number, v: number): number {
  let best = -1;
  for (let e = graph.firstOut[u]; e < graph.firstOut[u + 1]; e++) {
    if (graph.head[e] === v && (best < 0 || graph.weight[e] < graph.weight[best])) best = e;
  }
  return best;
}

/**
 * Cost of a peer's node path (either orientation: ngraph.path lists it from
 * the target back to the source), summing the cheapest edge between
 * consecutive nodes. An empty or missing path means "not found".
 */
export function costOfNodePath(
  finder: string,
  graph: RoutingGraph,
  source: number,
  target: number,
  path: readonly number[] | null | undefined,
): number {
  if (path === null || path === undefined || path.length === 0) return Infinity;
  let nodes = path;
  if (nodes[0] === target && nodes[nodes.length - 1] === source && source !== target) nodes = [...nodes].reverse();
  if (nodes[0] !== source || nodes[nodes.length - 1] !== target) {
    throw new PathCheckError(finder, source, target, `path runs ${path[0]} -> ${path[path.length - 1]}`);
  }
  let cost = 0;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const e = cheapestEdge(graph, nodes[i], nodes[i + 1]);
    if (e < 0) throw new PathCheckError(finder, source, target, `no edge ${nodes[i]} -> ${nodes[i + 1]} (step ${i})`);
    cost += graph.weight[e];
  }
  return cost;
}

// --- steppenet finders ------------------------------------------------------------

interface RoutingQuery {
  route(source: number, target: number): PathResult;
}

function steppenetFinder(
  name: string,
  graph: RoutingGraph,
  build: () => { query: RoutingQuery; structures: object[] },
): Finder {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const { query, structures } = build();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return {
    name,
    family: 'steppenet',
    setup: { ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes: typedArrayBytes([query, ...structures], graph), memoryKind: 'typed arrays' },
    query: (s, t) => query.route(s, t),
    pathCost: (s, t) => costOfPathResult(name, graph, s, t, query.route(s, t)),
  };
}

/**
 * One contraction hierarchy (and query object) per graph, shared by the CH
 * finders and the table timing: contracting Moscow twice would only repeat the
 * same ~10 s. The first caller's wall and CPU preprocessing times are kept.
 */
interface SharedHierarchy {
  hierarchy: ContractionHierarchy;
  query: ContractionHierarchyQuery;
  ms: number;
  cpuMs: number;
}
const hierarchies = new WeakMap<RoutingGraph, SharedHierarchy>();

export function sharedHierarchy(graph: RoutingGraph): SharedHierarchy {
  let shared = hierarchies.get(graph);
  if (shared === undefined) {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const hierarchy = contractGraph(graph);
    const query = new ContractionHierarchyQuery(graph, hierarchy);
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    shared = { hierarchy, query, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
    hierarchies.set(graph, shared);
  }
  return shared;
}

function chFinder(name: string, graph: RoutingGraph, distanceOnly: boolean): Finder {
  const firstUse = !hierarchies.has(graph);
  const { hierarchy, query, ms, cpuMs } = sharedHierarchy(graph);
  const setup: SetupReport = { ms, cpuMs, bytes: typedArrayBytes([query, hierarchy], graph), memoryKind: 'typed arrays' };
  if (!firstUse) setup.sharedWith = 'the first CH finder';
  if (distanceOnly) {
    return {
      name,
      family: 'steppenet',
      setup,
      query: (s, t) => query.distance(s, t),
      // No path to cost: the check compares the distance itself with Dijkstra's cost.
      pathCost: (s, t) => query.distance(s, t),
    };
  }
  return {
    name,
    family: 'steppenet',
    setup,
    query: (s, t) => query.route(s, t),
    pathCost: (s, t) => costOfPathResult(name, graph, s, t, query.route(s, t)),
  };
}

// --- peers -----------------------------------------------------------------------

/**
 * The peers see the road graph as undirected, as the ngraph.path demo does.
 * Refuses graphs where that would change the answers.
 */
function undirectedEdges(finder: string, graph: RoutingGraph): { u: number[]; v: number[]; w: number[] } {
  const u: number[] = [];
  const v: number[] = [];
  const w: number[] = [];
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = graph.tail[e];
    const b = graph.head[e];
    const back = cheapestEdge(graph, b, a);
    if (back < 0 || graph.weight[back] !== graph.weight[cheapestEdge(graph, a, b)]) {
      throw new PeerSetupError(finder, `edge ${a} -> ${b} has no reverse edge of the same weight; the peers are run on undirected graphs`);
    }
    if (a < b) {
      u.push(a);
      v.push(b);
      w.push(graph.weight[e]);
    }
  }
  return { u, v, w };
}

function requireEuclideanWeights(finder: string, graph: RoutingGraph): { x: Float64Array; y: Float64Array } {
  const { x, y } = graph;
  if (x === undefined || y === undefined) throw new PeerSetupError(finder, 'the graph has no coordinates');
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = graph.tail[e];
    const b = graph.head[e];
    const length = Math.hypot(x[a] - x[b], y[a] - y[b]);
    if (Math.abs(length - graph.weight[e]) > RELATIVE_TOLERANCE * Math.max(1, length)) {
      throw new PeerSetupError(
        finder,
        `edge ${e} weighs ${graph.weight[e]} but its endpoints are ${length} apart; ngraph.path (configured as in its demo) measures Euclidean lengths`,
      );
    }
  }
  return { x, y };
}

function peerFinder<T>(
  name: string,
  graph: RoutingGraph,
  build: () => T,
  query: (built: T, s: number, t: number) => readonly number[] | null | undefined,
): Finder {
  const heapBefore = settledHeapBytes();
  const start = performance.now();
  const built = build();
  const ms = performance.now() - start;
  const heapAfter = settledHeapBytes();
  const bytes = heapAfter - heapBefore;
  return {
    name,
    family: 'peer',
    setup: { ms, bytes, memoryKind: Number.isNaN(bytes) ? 'unmeasured' : 'heap delta' },
    query: (s, t) => query(built, s, t),
    pathCost: (s, t) => costOfNodePath(name, graph, s, t, query(built, s, t)),
  };
}

function buildGraphology(finder: string, graph: RoutingGraph): UndirectedGraph {
  const { u, v, w } = undirectedEdges(finder, graph);
  const g = new UndirectedGraph();
  for (let node = 0; node < graph.nodeCount; node++) g.addNode(String(node));
  for (let i = 0; i < u.length; i++) {
    const a = String(u[i]);
    const b = String(v[i]);
    // A simple graph keeps one edge per pair: the cheapest, as a shortest path would.
    if (g.hasEdge(a, b)) {
      const key = g.edge(a, b) as string;
      if (w[i] < (g.getEdgeAttribute(key, 'weight') as number)) g.setEdgeAttribute(key, 'weight', w[i]);
    } else {
      g.addEdge(a, b, { weight: w[i] });
    }
  }
  return g;
}

function numericPath(path: readonly string[] | null | undefined): number[] | null {
  return path === null || path === undefined ? null : path.map(Number);
}

interface XY {
  x: number;
  y: number;
}

/** ngraph.graph built as the demo's loadGraph does: numeric ids, {x, y} data, one link per undirected record. */
function buildNgraph(finder: string, graph: RoutingGraph) {
  const { x, y } = requireEuclideanWeights(finder, graph);
  const { u, v } = undirectedEdges(finder, graph);
  const g = createNgraph<XY, undefined>();
  for (let node = 0; node < graph.nodeCount; node++) g.addNode(node, { x: x[node], y: y[node] });
  for (let i = 0; i < u.length; i++) g.addLink(u[i], v[i]);
  return g;
}

/** The demo's `distance(a, b)`: Euclidean distance between the nodes' data points; also its heuristic. */
function demoDistance(a: { data: XY }, b: { data: XY }): number {
  const dx = a.data.x - b.data.x;
  const dy = a.data.y - b.data.y;
  return Math.sqrt(dx * dx + dy * dy);
}

function ngraphPathIds(path: readonly { id: string | number }[]): number[] {
  return path.map((node) => node.id as number);
}

export const FINDERS: readonly FinderSpec[] = [
  {
    name: 'steppenet Dijkstra',
    family: 'steppenet',
    create: (graph) => steppenetFinder('steppenet Dijkstra', graph, () => ({ query: new DijkstraQuery(graph), structures: [] })),
  },
  {
    name: 'steppenet BidirectionalDijkstra',
    family: 'steppenet',
    create: (graph) =>
      steppenetFinder('steppenet BidirectionalDijkstra', graph, () => ({
        query: new BidirectionalDijkstraQuery(graph),
        structures: [],
      })),
  },
  {
    name: 'steppenet A*',
    family: 'steppenet',
    create: (graph) => steppenetFinder('steppenet A*', graph, () => ({ query: new AStarQuery(graph), structures: [] })),
  },
  {
    name: 'steppenet bidirectional A*',
    family: 'steppenet',
    create: (graph) => steppenetFinder('steppenet bidirectional A*', graph, () => ({ query: new BidirectionalAStarQuery(graph), structures: [] })),
  },
  {
    name: 'steppenet folded bidirectional A*',
    family: 'steppenet',
    create: (graph) =>
      steppenetFinder('steppenet folded bidirectional A*', graph, () => {
        const folded = foldChains(graph);
        return { query: new FoldedQuery(folded), structures: [folded] };
      }),
  },
  {
    name: 'steppenet ALT',
    family: 'steppenet',
    create: (graph) =>
      steppenetFinder('steppenet ALT', graph, () => {
        const landmarks = buildLandmarks(graph, { count: 16, seed: 1 });
        return { query: new ALTQuery(graph, landmarks), structures: [landmarks] };
      }),
  },
  {
    name: 'steppenet CH',
    family: 'steppenet',
    create: (graph) => chFinder('steppenet CH', graph, false),
  },
  {
    name: 'steppenet CH distance',
    family: 'steppenet',
    create: (graph) => chFinder('steppenet CH distance', graph, true),
  },
  {
    name: 'graphology dijkstra.bidirectional',
    family: 'peer',
    create: (graph) =>
      peerFinder(
        'graphology dijkstra.bidirectional',
        graph,
        () => buildGraphology('graphology dijkstra.bidirectional', graph),
        (g, s, t) => numericPath(graphologyDijkstra.bidirectional(g, String(s), String(t), 'weight')),
      ),
  },
  {
    name: 'graphology astar.bidirectional',
    family: 'peer',
    create: (graph) =>
      peerFinder(
        'graphology astar.bidirectional',
        graph,
        () => {
          const { x, y } = requireEuclideanWeights('graphology astar.bidirectional', graph);
          const g = buildGraphology('graphology astar.bidirectional', graph);
          // Euclidean distance to the target: admissible because weights are Euclidean lengths.
          const heuristic = (node: string, target: string): number => {
            const a = +node;
            const b = +target;
            const dx = x[a] - x[b];
            const dy = y[a] - y[b];
            return Math.sqrt(dx * dx + dy * dy);
          };
          return { g, heuristic };
        },
        ({ g, heuristic }, s, t) =>
          numericPath(graphologyAstar.bidirectional(g, String(s), String(t), 'weight', heuristic)),
      ),
  },
  {
    name: 'ngraph.path aStar',
    family: 'peer',
    create: (graph) =>
      peerFinder(
        'ngraph.path aStar',
        graph,
        () => {
          const g = buildNgraph('ngraph.path aStar', graph);
          return ngraphAStar(g, { distance: demoDistance, heuristic: demoDistance });
        },
        (finder, s, t) => ngraphPathIds(finder.find(s, t)),
      ),
  },
  {
    name: 'ngraph.path NBA*',
    family: 'peer',
    create: (graph) =>
      peerFinder(
        'ngraph.path NBA*',
        graph,
        () => {
          const g = buildNgraph('ngraph.path NBA*', graph);
          return ngraphNba(g, { distance: demoDistance, heuristic: demoDistance });
        },
        (finder, s, t) => ngraphPathIds(finder.find(s, t)),
      ),
  },
];

/** The peer every speed-up is compared with. */
export const REFERENCE_PEER = 'ngraph.path NBA*';
