/**
 * Landmarks for ALT (A*, Landmarks, Triangle inequality; Goldberg & Harrelson 2005).
 *
 * For a landmark L the triangle inequality gives two lower bounds on the cost
 * d(v, t) of any path from v to t:
 *   d(L, t) − d(L, v)   (since d(L, t) ≤ d(L, v) + d(v, t))
 *   d(v, L) − d(t, L)   (since d(v, L) ≤ d(v, t) + d(t, L))
 * so every landmark needs the distances FROM it to all nodes and TO it from all
 * nodes (one Dijkstra tree on the graph and one on the reversed graph).
 *
 * Selection (seeded, reproducible), within the largest weakly connected
 * component (landmarks in a tiny component would bound nothing useful):
 * - 'farthest': the first landmark is the node farthest from a random root;
 *   each next one is the node farthest from all landmarks chosen so far.
 * - 'avoid' (default): the first landmark as for 'farthest'; each next one comes
 *   from a shortest-path tree grown from a random root. Every node weighs how
 *   badly the current landmarks bound its distance from the root
 *   (d(root, v) − bound(root, v)), and each subtree sums its nodes' weights.
 *   Among the subtrees that hold no landmark yet, the heaviest is picked, and
 *   walking down it into the heaviest child each time ends at a leaf, which
 *   becomes the landmark — it "avoids" regions that are already well covered.
 *   (Goldberg & Harrelson walk from the root itself; on road graphs, with few
 *   branches near the root, every child subtree soon holds a landmark and that
 *   walk stalls, so this starts from the heaviest uncovered subtree instead.
 *   On Amsterdam, Rome, Delhi and Moscow it settles 6–23% fewer nodes per query than
 *   'farthest'.) When every subtree holds a landmark, 'farthest' decides.
 *
 * Storage: node-major Float64 (`fromLandmark[v * count + i]`), so the distances
 * of one node to all landmarks share cache lines. (Float32 halved the memory but
 * turned every finite distance above ~3.4e38 into Infinity, which the query
 * reads as a proof of "unreachable": ALT answered "no route" where one exists.)
 * Infinity in the tables means unreachable and nothing else: when the weights
 * are so large that a distance could overflow, the tables hold the distances
 * divided by `scale` (a power of two, so the division is exact), computed on
 * a graph with the weights divided likewise; the query multiplies each bound
 * by `scale`. A bound that overflows there exceeds Number.MAX_VALUE, so every
 * path it bounds overflows too and is no route (see PathResult.cost).
 * Dijkstra's distances are float sums whose rounding grows with path length;
 * subtracting `slack` (maxDistance · 2^-22, far more than that) keeps every
 * bound admissible.
 */
import { DijkstraQuery } from './dijkstra.js';
import { buildRoutingGraph, type RoutingGraph } from './routing-graph.js';
import { mulberry32 as seededRandom } from './seeded-random.js';
import { InputError } from '../errors/steppenet-error.js';

export interface Landmarks {
  readonly nodeCount: number;
  /** Number of landmarks. */
  readonly count: number;
  /** Node id of each landmark. */
  readonly nodes: Uint32Array;
  /** fromLandmark[v * count + i] = d(landmark i, v) / scale; Infinity when unreachable. */
  readonly fromLandmark: Float64Array;
  /** toLandmark[v * count + i] = d(v, landmark i) / scale; Infinity when unreachable. */
  readonly toLandmark: Float64Array;
  /** Subtract from any bound computed from these arrays to cover Dijkstra's rounding (see the module comment). */
  readonly slack: number;
  /** The tables hold distances divided by this power of two (1 unless the weights are huge); multiply bounds by it. */
  readonly scale: number;
}

export interface LandmarkOptions {
  /** Number of landmarks (default 16; at most the size of the largest component). */
  count?: number;
  /** Seed of the random roots (default 1). */
  seed?: number;
  /** Selection heuristic (default 'avoid'). */
  method?: 'avoid' | 'farthest';
}

export class InvalidLandmarkOptionError extends InputError {
  constructor(
    readonly option: keyof LandmarkOptions,
    readonly value: unknown,
    detail: string,
  ) {
    super(`buildLandmarks: option ${option} is ${String(value)}; ${detail}`);
  }
}

/** Bytes held by the landmark tables. */
export function landmarkBytes(landmarks: Landmarks): number {
  return landmarks.nodes.byteLength + landmarks.fromLandmark.byteLength + landmarks.toLandmark.byteLength;
}


/** Nodes of the largest weakly connected component (union-find over the edges). */
function largestComponent(graph: RoutingGraph): Uint32Array {
  const n = graph.nodeCount;
  const parent = new Int32Array(n);
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = find(graph.tail[e]);
    const b = find(graph.head[e]);
    if (a !== b) parent[a] = b;
  }
  const size = new Int32Array(n);
  let bestRoot = 0;
  for (let v = 0; v < n; v++) {
    const r = find(v);
    if (++size[r] > size[bestRoot]) bestRoot = r;
  }
  const members = new Uint32Array(size[bestRoot]);
  let k = 0;
  for (let v = 0; v < n; v++) if (find(v) === bestRoot) members[k++] = v;
  return members;
}

/** Chooses landmarks and computes their distance tables (see the module comment). */
export function buildLandmarks(graph: RoutingGraph, options: LandmarkOptions = {}): Landmarks {
  const n = graph.nodeCount;
  const count = options.count ?? 16;
  const seed = options.seed ?? 1;
  const method = options.method ?? 'avoid';
  if (!Number.isInteger(count) || count < 1) {
    throw new InvalidLandmarkOptionError('count', count, 'it must be a positive integer');
  }
  if (!Number.isInteger(seed)) throw new InvalidLandmarkOptionError('seed', seed, 'it must be an integer');
  if (method !== 'avoid' && method !== 'farthest') {
    throw new InvalidLandmarkOptionError('method', method, "it must be 'avoid' or 'farthest'");
  }
  if (n === 0) throw new InvalidLandmarkOptionError('count', count, 'the graph has no nodes');
  const component = largestComponent(graph);
  if (count > component.length) {
    throw new InvalidLandmarkOptionError(
      'count',
      count,
      `the largest connected component has only ${component.length} nodes`,
    );
  }
  // A shortest path has at most n - 1 edges: with every weight below MAX_VALUE / (4n) no distance, nor the
  // difference of two, can overflow. Above that, work on weights divided by a power of two that brings them there.
  const scale = distanceScale(graph);
  const { chosen, from, to } = chooseLandmarks(graph, scale, component, count, seed, method);
  const { fromLandmark, toLandmark, maxDistance } = nodeMajorTables(n, from, to);
  return {
    nodeCount: n,
    count,
    nodes: Uint32Array.from(chosen),
    fromLandmark,
    toLandmark,
    // Dijkstra's sums are off by at most (path length) · 2^-53 of maxDistance, so 2^-22 covers paths of
    // up to 2^30 edges; the absolute term covers subnormal weights (their sums round in absolute steps).
    slack: maxDistance * 2 ** -22 + n * 2 ** -1060,
    scale,
  };
}

/**
 * Picks `count` landmarks in `component` (the first farthest from a random
 * root, the rest by `method`) and computes, on weights divided by `scale`,
 * each one's distances from and to every node (landmark-major).
 */
function chooseLandmarks(
  graph: RoutingGraph,
  scale: number,
  component: Uint32Array,
  count: number,
  seed: number,
  method: 'avoid' | 'farthest',
): { chosen: number[]; from: Float64Array[]; to: Float64Array[] } {
  const n = graph.nodeCount;
  const random = seededRandom(seed);
  const randomMember = (): number => component[Math.floor(random() * component.length)];
  const weights = scale === 1 ? graph.weight : graph.weight.map((w) => w / scale);
  const scaled = scale === 1 ? graph : { ...graph, weight: weights };
  const reverse = buildRoutingGraph({ nodeCount: n, from: graph.head, to: graph.tail, weight: weights });
  const forwardQuery = new DijkstraQuery(scaled);
  const backwardQuery = new DijkstraQuery(reverse);

  const from: Float64Array[] = [];
  const to: Float64Array[] = [];
  const chosen: number[] = [];
  const isLandmark = new Uint8Array(n);
  const distancesFrom = (query: DijkstraQuery, source: number): Float64Array => {
    const tree = query.tree(source);
    const d = new Float64Array(n).fill(Infinity);
    for (const v of tree.reached()) d[v] = tree.distance(v);
    return d;
  };
  const add = (landmark: number): void => {
    chosen.push(landmark);
    isLandmark[landmark] = 1;
    from.push(distancesFrom(forwardQuery, landmark));
    to.push(distancesFrom(backwardQuery, landmark));
  };
  /** Member farthest (largest finite value of `score`) from everything so far; -1 if none is left. */
  const farthest = (score: (v: number) => number): number => {
    let best = -1;
    let bestScore = -1;
    for (let k = 0; k < component.length; k++) {
      const v = component[k];
      if (isLandmark[v]) continue;
      const s = score(v);
      if (Number.isFinite(s) && s > bestScore) {
        bestScore = s;
        best = v;
      }
    }
    return best;
  };

  // First landmark: farthest from a random root (both directions count, so one-way regions are reached).
  {
    const root = randomMember();
    const dOut = distancesFrom(forwardQuery, root);
    const dIn = distancesFrom(backwardQuery, root);
    const first = farthest((v) => Math.max(finiteOrZero(dOut[v]), finiteOrZero(dIn[v])));
    add(first >= 0 ? first : root);
  }
  while (chosen.length < count) {
    let next = method === 'avoid' ? avoidCandidate(scaled, forwardQuery, randomMember(), from, to, isLandmark) : -1;
    if (next < 0) {
      // Farthest from the landmark set: the largest minimum over landmarks of the round-trip distance.
      next = farthest((v) => {
        let nearest = Infinity;
        for (let i = 0; i < chosen.length; i++) {
          const d = finiteOrZero(from[i][v]) + finiteOrZero(to[i][v]);
          if (d < nearest) nearest = d;
        }
        return nearest;
      });
    }
    if (next < 0) next = component.find((v) => !isLandmark[v]) as number;
    add(next);
  }
  return { chosen, from, to };
}

/** The landmark-major distance tables interleaved node-major (what a query reads together lies together), and their largest finite entry. */
function nodeMajorTables(n: number, from: Float64Array[], to: Float64Array[]): { fromLandmark: Float64Array; toLandmark: Float64Array; maxDistance: number } {
  const count = from.length;
  const fromLandmark = new Float64Array(n * count);
  const toLandmark = new Float64Array(n * count);
  let maxDistance = 0;
  for (let i = 0; i < count; i++) {
    const f = from[i];
    const t = to[i];
    for (let v = 0; v < n; v++) {
      fromLandmark[v * count + i] = f[v];
      toLandmark[v * count + i] = t[v];
      if (f[v] !== Infinity && f[v] > maxDistance) maxDistance = f[v];
      if (t[v] !== Infinity && t[v] > maxDistance) maxDistance = t[v];
    }
  }
  return { fromLandmark, toLandmark, maxDistance };
}

/** 1, or the power of two that brings every weight below MAX_VALUE / (4 · nodeCount) (see the module comment). */
function distanceScale(graph: RoutingGraph): number {
  let maxWeight = 0;
  const weight = graph.weight;
  for (let e = 0; e < weight.length; e++) if (weight[e] > maxWeight) maxWeight = weight[e];
  const ceiling = Number.MAX_VALUE / (4 * Math.max(1, graph.nodeCount));
  let scale = 1;
  while (maxWeight / scale >= ceiling) scale *= 2;
  return scale;
}

function finiteOrZero(d: number): number {
  return d === Infinity ? 0 : d;
}

/**
 * The 'avoid' step: grows a shortest-path tree from `root`, weighs each node by
 * how much the current landmarks underestimate d(root, v), sums the weights
 * per subtree, and walks from the heaviest subtree without a landmark into the
 * heaviest child until a leaf. Returns -1 when every subtree holds a landmark
 * (the caller falls back to 'farthest').
 */
function avoidCandidate(
  graph: RoutingGraph,
  query: DijkstraQuery,
  root: number,
  from: Float64Array[],
  to: Float64Array[],
  isLandmark: Uint8Array,
): number {
  const tree = query.tree(root);
  const order = tree.reached();
  const n = graph.nodeCount;
  const size = new Float64Array(n);
  const covered = new Uint8Array(n);
  const bestChild = new Int32Array(n).fill(-1);
  const bestChildSize = new Float64Array(n);
  for (let k = 0; k < order.length; k++) {
    const v = order[k];
    const d = tree.distance(v);
    let bound = 0;
    for (let i = 0; i < from.length; i++) {
      const a = from[i][v] - from[i][root];
      if (a > bound) bound = a;
      const b = to[i][root] - to[i][v];
      if (b > bound) bound = b;
    }
    size[v] = bound < d ? d - bound : 0;
    covered[v] = isLandmark[v];
  }
  // Children are settled after their parents: sweep in reverse settle order.
  for (let k = order.length - 1; k > 0; k--) {
    const v = order[k];
    const p = graph.tail[tree.parentEdge(v)];
    size[p] += size[v];
    if (covered[v]) covered[p] = 1;
    const effective = covered[v] ? 0 : size[v];
    if (effective > bestChildSize[p]) {
      bestChildSize[p] = effective;
      bestChild[p] = v;
    }
  }
  // Near the root every subtree tends to hold some landmark, so start from the
  // heaviest subtree that holds none, wherever it hangs, and walk down from there.
  let top = -1;
  for (let k = 0; k < order.length; k++) {
    const v = order[k];
    if (!covered[v] && size[v] > 0 && (top < 0 || size[v] > size[top])) top = v;
  }
  if (top < 0) return -1;
  let v = top;
  while (bestChild[v] >= 0) v = bestChild[v];
  return isLandmark[v] ? -1 : v;
}
