/**
 * ALT queries: A* whose lower bound comes from landmark distances and the
 * triangle inequality (see landmarks.ts). Landmarks know the real road
 * network — detours around rivers, one-way systems — which straight-line
 * distance does not, so on most long queries far fewer nodes are settled.
 *
 * Per query only the `activeLandmarks` landmarks that give the best bound
 * between source and target are used: the others mostly bound nothing useful
 * for this pair and would only cost time at every node.
 *
 * When the graph has a coordinate bound (RoutingGraph.bound, as AStarQuery
 * uses), the search takes the larger of the landmark bound and the coordinate
 * bound at each node: both are admissible and consistent, so their maximum is
 * too, and it is never weaker than either (straight-line distance wins where
 * no active landmark lies "behind" the source or target).
 *
 * Blocking edges or nodes only lengthens paths, so the landmark bounds stay
 * admissible: `blockedEdges`, `blockedNodes` and `maxCost` are all supported.
 * A node whose cost drops after it was settled (possible only through rounding
 * in the bound) is put back on the heap, so results stay optimal.
 */
import { coordinateTables, EUCLIDEAN, NO_BOUND } from './coordinate-bound.js';
import { haversineKm } from './geodesic.js';
import type { Landmarks } from './landmarks.js';
import { IndexedMinHeap } from './min-heap.js';
import { checkNode, checkOptions, notFound, pathFromParents, searchLimit, type PathResult, type QueryOptions } from './path.js';
import type { RoutingGraph } from './routing-graph.js';
import { InputError } from '../errors/steppenet-error.js';

export interface ALTQueryOptions {
  /** Landmarks used per query (default 6; at most landmarks.count). */
  activeLandmarks?: number;
  /** Also use the graph's coordinate bound (default true when graph.bound is not 'none'). */
  useCoordinates?: boolean;
}

/** Landmarks built for another graph, an unusable option, or a coordinate bound the graph cannot give. */
export class InvalidALTQueryError extends InputError {
  constructor(detail: string) {
    super(`ALTQuery: ${detail}`);
  }
}


const ROUTE = 'ALTQuery.route';
const LAST_GENERATION = 0xffffffff;

export class ALTQuery {
  private readonly cost: Float64Array;
  /** Lower bound to the current target, computed once per node per run. */
  private readonly estimate: Float64Array;
  private readonly parent: Int32Array;
  private readonly stamp: Uint32Array;
  private readonly heap: IndexedMinHeap;
  private generation = 0;
  private readonly active: number;
  /** Per query: indices of the active landmarks and their distances from/to the target. */
  private readonly activeIndex: Int32Array;
  private readonly targetFrom: Float64Array;
  private readonly targetTo: Float64Array;
  /** Scratch for choosing the active landmarks. */
  private readonly scores: Float64Array;
  private readonly taken: Uint8Array;
  /** Coordinate bound: kind, scale, and per node (lat, lon in radians, cos lat) or (x, y). */
  private readonly coordinateKind: number;
  private readonly scale: number;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly cosLat: Float64Array;
  private currentTarget = 0;

  constructor(
    readonly graph: RoutingGraph,
    readonly landmarks: Landmarks,
    options: ALTQueryOptions = {},
  ) {
    if (landmarks.nodeCount !== graph.nodeCount) {
      throw new InvalidALTQueryError(
        `landmarks were built for ${landmarks.nodeCount} nodes, the graph has ${graph.nodeCount}`,
      );
    }
    const active = options.activeLandmarks ?? Math.min(6, landmarks.count);
    if (!Number.isInteger(active) || active < 1 || active > landmarks.count) {
      throw new InvalidALTQueryError(`option activeLandmarks is ${active}; it must be an integer in 1..${landmarks.count}`);
    }
    this.active = active;
    const n = graph.nodeCount;
    this.cost = new Float64Array(n);
    this.estimate = new Float64Array(n);
    this.parent = new Int32Array(n);
    this.stamp = new Uint32Array(n);
    this.heap = new IndexedMinHeap(n);
    this.activeIndex = new Int32Array(active);
    this.targetFrom = new Float64Array(active);
    this.targetTo = new Float64Array(active);
    this.scores = new Float64Array(landmarks.count);
    this.taken = new Uint8Array(landmarks.count);

    const useCoordinates = options.useCoordinates ?? graph.bound !== 'none';
    if (useCoordinates && graph.bound === 'none') {
      throw new InvalidALTQueryError("option useCoordinates is true but graph.bound is 'none'");
    }
    const tables = coordinateTables(useCoordinates ? graph : { ...graph, bound: 'none' }, (detail) => new InvalidALTQueryError(detail));
    this.coordinateKind = tables.kind;
    this.scale = tables.scale;
    this.a = tables.a;
    this.b = tables.b;
    this.cosLat = tables.cosLat;
  }

  route(source: number, target: number, options?: QueryOptions): PathResult {
    const graph = this.graph;
    checkNode(ROUTE, 'source', graph, source);
    checkNode(ROUTE, 'target', graph, target);
    const maxCost = checkOptions(ROUTE, graph, options);
    if (source === target) return { found: true, cost: 0, edges: [], nodes: [source], settled: 0 };
    const blockedEdges = options?.blockedEdges;
    const blockedNodes = options?.blockedNodes;

    this.chooseActive(source, target);
    this.currentTarget = target;
    const sourceBound = this.lowerBound(source);
    // Bounds are computed, not summed along the path: prune with a hair of slack, check the path's own sum exactly.
    const limit = searchLimit(maxCost);
    // An infinite bound is a proof that the target cannot be reached (or only by a path whose cost overflows).
    if (sourceBound === Infinity || sourceBound > limit) return notFound(0);

    if (this.generation === LAST_GENERATION) {
      this.stamp.fill(0);
      this.generation = 0;
    }
    const generation = ++this.generation;
    const { firstOut, head, weight } = graph;
    const { cost, estimate, parent, stamp, heap } = this;
    heap.clear();

    cost[source] = 0;
    parent[source] = -1;
    stamp[source] = generation;
    estimate[source] = sourceBound;
    heap.push(source, sourceBound);
    let settled = 0;
    while (!heap.isEmpty()) {
      if (heap.minKey() > limit) break;
      const u = heap.pop();
      settled++;
      if (u === target) return pathFromParents(graph, parent, source, target, maxCost, settled);
      const cu = cost[u];
      const end = firstOut[u + 1];
      for (let e = firstOut[u]; e < end; e++) {
        if (blockedEdges !== undefined && blockedEdges[e] !== 0) continue;
        const v = head[e];
        if (blockedNodes !== undefined && blockedNodes[v] !== 0 && v !== target) continue;
        const cv = cu + weight[e];
        if (stamp[v] !== generation) {
          stamp[v] = generation;
          cost[v] = cv;
          parent[v] = e;
          const h = this.lowerBound(v);
          estimate[v] = h;
          // v cannot reach the target (or not within maxCost): never worth a heap slot.
          if (h === Infinity) continue;
          heap.push(v, cv + h);
        } else if (cv < cost[v]) {
          cost[v] = cv;
          parent[v] = e;
          if (estimate[v] === Infinity) continue;
          heap.pushOrDecrease(v, cv + estimate[v]);
        }
      }
    }
    return notFound(settled);
  }

  /** Picks the landmarks with the best bound from source to target; caches their target distances. */
  private chooseActive(source: number, target: number): void {
    const { count, fromLandmark, toLandmark } = this.landmarks;
    const scores = this.scores;
    const s = source * count;
    const t = target * count;
    for (let i = 0; i < count; i++) {
      const a = fromLandmark[t + i] - fromLandmark[s + i];
      const b = toLandmark[s + i] - toLandmark[t + i];
      // NaN (both unreachable) compares false and scores as -Infinity: that landmark says nothing.
      let best = -Infinity;
      if (a > best) best = a;
      if (b > best) best = b;
      scores[i] = best;
    }
    const taken = this.taken;
    taken.fill(0);
    for (let j = 0; j < this.active; j++) {
      let pick = -1;
      for (let i = 0; i < count; i++) {
        if (taken[i] === 0 && (pick < 0 || scores[i] > scores[pick])) pick = i;
      }
      taken[pick] = 1;
      this.activeIndex[j] = pick;
      this.targetFrom[j] = fromLandmark[t + pick];
      this.targetTo[j] = toLandmark[t + pick];
    }
  }

  /** Lower bound on the cost from v to the current target: the best landmark bound or coordinate bound. */
  private lowerBound(v: number): number {
    const { count, fromLandmark, toLandmark, slack, scale } = this.landmarks;
    const { activeIndex, targetFrom, targetTo } = this;
    const base = v * count;
    let h = 0;
    for (let j = 0; j < activeIndex.length; j++) {
      const i = base + activeIndex[j];
      const a = targetFrom[j] - fromLandmark[i];
      if (a > h) h = a;
      const b = toLandmark[i] - targetTo[j];
      if (b > h) h = b;
    }
    h = h > slack ? h - slack : 0;
    // The tables hold distances / scale (exact, a power of two); Infinity here means every path overflows.
    if (scale !== 1) h *= scale;
    const kind = this.coordinateKind;
    if (kind === NO_BOUND) return h;
    const t = this.currentTarget;
    const a = this.a;
    const b = this.b;
    let c: number;
    if (kind === EUCLIDEAN) {
      const dx = a[v] - a[t];
      const dy = b[v] - b[t];
      c = this.scale * Math.sqrt(dx * dx + dy * dy);
    } else {
      const cosLat = this.cosLat;
      c = this.scale * haversineKm(a[v], b[v], cosLat[v], a[t], b[t], cosLat[t]);
    }
    return c > h ? c : h;
  }
}
