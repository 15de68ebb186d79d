/**
 * A* search: Dijkstra ordered by (cost so far + lower bound to the target).
 * The bound comes from the graph's coordinates (see RoutingGraph.bound):
 * great-circle km or planar distance, times boundScale; 'none' gives zero and
 * A* settles exactly what Dijkstra would.
 *
 * If no edge is shorter than its bound (scale × distance(tail, head) <=
 * weight), the bound is consistent, because distances obey the triangle
 * inequality, and every node is settled once; otherwise results stay optimal
 * (see goal-directed-search.ts, which holds the loop).
 */
import { CoordinateBound } from './coordinate-bound.js';
import { GoalDirectedSearch } from './goal-directed-search.js';
import type { PathResult, QueryOptions } from './path.js';
import type { RoutingGraph } from './routing-graph.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { DataError } from '../errors/steppenet-error.js';

/** A graph whose bound settings cannot give a lower bound (missing coordinates, bad scale). */
export class InvalidBoundError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_GRAPH';
  constructor(detail: string, functionName = 'AStarQuery') {
    super(`${functionName}: ${detail}`);
  }
}

export class AStarQuery {
  private readonly search: GoalDirectedSearch;
  private readonly bound: CoordinateBound;

  constructor(readonly graph: RoutingGraph) {
    this.search = new GoalDirectedSearch(graph);
    this.bound = new CoordinateBound(graph, (detail) => new InvalidBoundError(detail));
  }

  route(source: number, target: number, options?: QueryOptions): PathResult {
    return this.search.route('AStarQuery.route', source, target, this.bound, undefined, options);
  }
}
