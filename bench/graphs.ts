/**
 * The graphs the benchmark runs on, and the query pairs drawn from them.
 *
 * Real graphs: the ngraph.path demo's OpenStreetMap road graphs (© OpenStreetMap
 * contributors, ODbL), looked up in `<repo>/../shared/data/osm-roads/`. When
 * that folder (or one city's files) is absent, a seeded road-like graph of
 * about the same size is generated instead, so the bench runs anywhere; the
 * report says which one was used.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRoutingGraph, type RoutingGraph } from '../src/core/routing-graph.js';
import { loadRoadGraphBinary } from '../src/io/road-graph-binary.js';
import { renumberAlongHilbertCurve } from '../src/core/spatial-order.js';
import { mulberry32 as seededRandom } from '../src/core/seeded-random.js';

/** The demo's cities, smallest first, with their node counts (for generated stand-ins). */
export const ROAD_GRAPHS = [
  { name: 'amsterdam', nodes: 68_213 },
  { name: 'seattle', nodes: 148_463 },
  { name: 'rome', nodes: 234_496 },
  { name: 'delhi', nodes: 231_161 },
  { name: 'moscow', nodes: 411_992 },
] as const;

export interface BenchGraph {
  name: string;
  graph: RoutingGraph;
  /** Where it came from: the OSM files, or the generator (with its parameters). */
  origin: string;
}

/** An unknown graph name on the command line. */
export class UnknownGraphError extends Error {
  constructor(readonly graphName: string) {
    super(`bench: unknown graph "${graphName}"; known: ${ROAD_GRAPHS.map((g) => g.name).join(', ')}`);
    this.name = 'UnknownGraphError';
  }
}

/** `<repo>/../shared/data/osm-roads`, resolved from this file's location (bench/ is one level below the repo root). */
export function roadGraphDirectory(): string {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  return join(repoRoot, '..', 'shared', 'data', 'osm-roads');
}

function roadGraphFiles(name: string, directory: string): { co: string; gr: string } | undefined {
  for (const suffix of ['.gz', '']) {
    const co = join(directory, `${name}-roads.co.bin${suffix}`);
    const gr = join(directory, `${name}-roads.gr.bin${suffix}`);
    if (existsSync(co) && existsSync(gr)) return { co, gr };
  }
  return undefined;
}

/** Loads the named city's road graph, or generates a stand-in of similar size when its files are absent. */
export async function loadBenchGraph(name: string, directory = roadGraphDirectory()): Promise<BenchGraph> {
  const spec = ROAD_GRAPHS.find((g) => g.name === name);
  if (spec === undefined) throw new UnknownGraphError(name);
  const files = roadGraphFiles(name, directory);
  // Every finder, the peers included, gets the same graph with its nodes
  // renumbered along a Hilbert curve (src/core/spatial-order.ts): the OSM
  // extracts scatter neighbouring ids, which costs steppenet's typed-array
  // searches a cache miss per relaxation.
  const ordered = (graph: RoutingGraph) => renumberAlongHilbertCurve(graph).graph;
  const order = 'nodes renumbered along a Hilbert curve';
  if (files !== undefined) {
    return { name, graph: ordered(await loadRoadGraphBinary(files.co, files.gr)), origin: `OSM road graph ${files.co}; ${order}` };
  }
  const seed = ROAD_GRAPHS.indexOf(spec) + 1;
  return {
    name,
    graph: ordered(generateRoadLikeGraph({ nodes: spec.nodes, seed })),
    origin: `GENERATED stand-in (no files in ${directory}): generateRoadLikeGraph({ nodes: ${spec.nodes}, seed: ${seed} }); ${order}`,
  };
}


export interface RoadLikeOptions {
  /** Approximate node count. */
  nodes: number;
  seed: number;
  /** Share of grid streets removed (default 0.15). */
  deletion?: number;
}

/**
 * A road-like undirected graph: a jittered square grid of intersections
 * (spacing 100 units), a share of the streets deleted at random, and every
 * remaining street drawn as a polyline with 0–3 intermediate "shape" nodes
 * (degree 2, as in the OSM extracts). Weights are Euclidean lengths, so the
 * Euclidean bound applies (`bound: 'euclidean'`, `boundScale: 1`). Each street
 * segment becomes two directed edges sharing one `edgeRef`.
 */
export function generateRoadLikeGraph(options: RoadLikeOptions): RoutingGraph {
  const random = seededRandom(options.seed);
  const deletion = options.deletion ?? 0.15;
  // Nodes per intersection ≈ 1 + (streets per intersection ≈ 2·(1−deletion)) × (mean shape nodes 1.5).
  const perIntersection = 1 + 2 * (1 - deletion) * 1.5;
  const side = Math.max(2, Math.round(Math.sqrt(options.nodes / perIntersection)));
  const spacing = 100;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      xs.push(col * spacing + (random() - 0.5) * 0.6 * spacing);
      ys.push(row * spacing + (random() - 0.5) * 0.6 * spacing);
    }
  }
  const from: number[] = [];
  const to: number[] = [];
  const street = (a: number, b: number): void => {
    const shapes = Math.floor(random() * 4);
    let previous = a;
    for (let k = 1; k <= shapes; k++) {
      const f = k / (shapes + 1);
      const id = xs.length;
      // A small sideways wiggle, as real streets have.
      xs.push(xs[a] + (xs[b] - xs[a]) * f + (random() - 0.5) * 0.2 * spacing);
      ys.push(ys[a] + (ys[b] - ys[a]) * f + (random() - 0.5) * 0.2 * spacing);
      from.push(previous);
      to.push(id);
      previous = id;
    }
    from.push(previous);
    to.push(b);
  };
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      const v = row * side + col;
      if (col + 1 < side && random() >= deletion) street(v, v + 1);
      if (row + 1 < side && random() >= deletion) street(v, v + side);
    }
  }
  const records = from.length;
  const edgeFrom = new Uint32Array(2 * records);
  const edgeTo = new Uint32Array(2 * records);
  const weight = new Float64Array(2 * records);
  const ref = new Int32Array(2 * records);
  for (let r = 0; r < records; r++) {
    const a = from[r];
    const b = to[r];
    const w = Math.hypot(xs[a] - xs[b], ys[a] - ys[b]);
    edgeFrom[2 * r] = a;
    edgeTo[2 * r] = b;
    edgeFrom[2 * r + 1] = b;
    edgeTo[2 * r + 1] = a;
    weight[2 * r] = w;
    weight[2 * r + 1] = w;
    ref[2 * r] = r;
    ref[2 * r + 1] = r;
  }
  return buildRoutingGraph({
    nodeCount: xs.length,
    from: edgeFrom,
    to: edgeTo,
    weight,
    ref,
    x: xs,
    y: ys,
    bound: 'euclidean',
    boundScale: 1,
  });
}

/**
 * Nodes of the largest weakly connected component (for the symmetric road
 * graphs that is also the largest strongly connected one, so every pair drawn
 * from it has a path).
 */
export function largestComponent(graph: RoutingGraph): Uint32Array {
  const n = graph.nodeCount;
  const label = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let bestLabel = -1;
  let bestSize = 0;
  for (let start = 0; start < n; start++) {
    if (label[start] >= 0) continue;
    let top = 0;
    let size = 0;
    stack[top++] = start;
    label[start] = start;
    while (top > 0) {
      const v = stack[--top];
      size++;
      for (let e = graph.firstOut[v]; e < graph.firstOut[v + 1]; e++) {
        const w = graph.head[e];
        if (label[w] < 0) {
          label[w] = start;
          stack[top++] = w;
        }
      }
      for (let i = graph.firstIn[v]; i < graph.firstIn[v + 1]; i++) {
        const w = graph.tail[graph.inEdge[i]];
        if (label[w] < 0) {
          label[w] = start;
          stack[top++] = w;
        }
      }
    }
    if (size > bestSize) {
      bestSize = size;
      bestLabel = start;
    }
  }
  const members = new Uint32Array(bestSize);
  let k = 0;
  for (let v = 0; v < n; v++) if (label[v] === bestLabel) members[k++] = v;
  return members;
}

export interface QueryPair {
  source: number;
  target: number;
}

/** `count` seeded pairs of distinct nodes, both drawn uniformly from the largest component. */
export function drawQueryPairs(graph: RoutingGraph, count: number, seed: number): QueryPair[] {
  const members = largestComponent(graph);
  if (members.length < 2) throw new RangeError(`drawQueryPairs: the largest component has ${members.length} node(s)`);
  const random = seededRandom(seed);
  const pairs: QueryPair[] = [];
  while (pairs.length < count) {
    const source = members[Math.floor(random() * members.length)];
    const target = members[Math.floor(random() * members.length)];
    if (source !== target) pairs.push({ source, target });
  }
  return pairs;
}
