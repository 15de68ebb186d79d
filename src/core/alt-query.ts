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
 * The search loop is goal-directed-search.ts's, shared with AStarQuery.
 */
import { CoordinateBound } from './coordinate-bound.js';
import { GoalDirectedSearch } from './goal-directed-search.js';
import type { LowerBound } from './lower-bound.js';
import type { Landmarks } from './landmarks.js';
import type { PathResult, QueryOptions } from './path.js';
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

export class ALTQuery {
  private readonly search: GoalDirectedSearch;
  private readonly coordinates: CoordinateBound;
  private readonly bound: LandmarkBound;

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
    const useCoordinates = options.useCoordinates ?? graph.bound !== 'none';
    if (useCoordinates && graph.bound === 'none') {
      throw new InvalidALTQueryError("option useCoordinates is true but graph.bound is 'none'");
    }
    this.coordinates = new CoordinateBound(useCoordinates ? graph : { ...graph, bound: 'none' }, (detail) => new InvalidALTQueryError(detail));
    this.search = new GoalDirectedSearch(graph);
    this.bound = new LandmarkBound(landmarks, active);
  }

  route(source: number, target: number, options?: QueryOptions): PathResult {
    return this.search.route('ALTQuery.route', source, target, this.coordinates, this.bound, options);
  }
}

/** The best bound the active landmarks give (the loop takes the larger of it and the coordinate bound). */
class LandmarkBound implements LowerBound {
  /** Per query: indices of the active landmarks and their distances from/to the target. */
  private readonly activeIndex: Int32Array;
  private readonly targetFrom: Float64Array;
  private readonly targetTo: Float64Array;
  /** Scratch for choosing the active landmarks. */
  private readonly scores: Float64Array;
  private readonly taken: Uint8Array;

  constructor(
    private readonly landmarks: Landmarks,
    private readonly active: number,
  ) {
    this.activeIndex = new Int32Array(active);
    this.targetFrom = new Float64Array(active);
    this.targetTo = new Float64Array(active);
    this.scores = new Float64Array(landmarks.count);
    this.taken = new Uint8Array(landmarks.count);
  }

  /** Picks the landmarks with the best bound from source to target; caches their target distances. */
  aim(source: number, target: number): void {
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

  /** Lower bound on the cost from v to the current target by the active landmarks. */
  toTarget(v: number): number {
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
    return h;
  }
}
