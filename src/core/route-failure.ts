/**
 * What each link of a route is worth: fail it (one edge, or its whole group —
 * both directions of a two-way link) and find the best remaining route
 * between the same two places. The extra cost is the penalty of that failure,
 * Infinity when nothing is left. Used to pick the most resilient of several
 * routes and to rank links by criticality.
 *
 * A route of L links needs L searches between the same two ends, so they are
 * A* searches guided by exact distances to the target computed once (see
 * guided-search.ts): only the region the failure actually disturbs is explored.
 */
import { DistancesToTarget, GuidedSearch } from './guided-search.js';
import { checkOptions, type PathResult } from './path.js';
import type { RoutingGraph } from './routing-graph.js';
import { InputError } from '../errors/steppenet-error.js';

export interface FailureOptions {
  /** A RouteFailureQuery on the same graph to reuse (one is created otherwise). */
  query?: RouteFailureQuery;
  /** Edge -> group id (e.g. edgeRef): failing an edge fails every edge of its group. Negative = the edge alone. */
  groupBy?: Int32Array;
  /** Edges unusable in every scenario (already failed), indexed by CSR edge id. */
  blockedEdges?: Uint8Array;
  /** Nodes unusable in every scenario (the route's own ends never are). */
  blockedNodes?: Uint8Array;
}
export interface FailurePenalty {
  /** The route's edge that fails (the first one, if the route uses its group more than once). */
  edge: number;
  /** Its group id, or -1 without groupBy / for an ungrouped edge. */
  group: number;
  /** Positions in route.edges of the failed edges. */
  positions: number[];
  /** Every CSR edge made unusable by this failure (the whole group), ascending. */
  failedEdges: number[];
  /** Best route between the route's ends without the failed edges; not found when they were indispensable. */
  detour: PathResult;
  /**
   * detour.cost minus the route's cost (sum of its edge weights); Infinity when
   * disconnected. Negative when the given route was not a cheapest one.
   */
  extraCost: number;
}

/** A route or option that failurePenalties cannot work with. */
export class InvalidRouteError extends InputError {
  constructor(
    readonly argument: string,
    detail: string,
  ) {
    super(`failurePenalties: ${argument} ${detail}`);
  }
}

/**
 * One entry per distinct link of the route, in route order. With groupBy, a
 * link is a group; without it, every edge is its own link (parallel edges
 * are separate links, so failing one leaves its twin usable).
 */
export function failurePenalties(graph: RoutingGraph, route: PathResult, options: FailureOptions = {}): FailurePenalty[] {
  const query = options.query ?? new RouteFailureQuery(graph);
  if (query.graph !== graph) throw new InvalidRouteError('options.query', 'was built for a different graph');
  return query.penalties(route, options);
}

/** Reusable search state for failurePenalties on one graph; its edge mask stays all-zero between calls. */
export class RouteFailureQuery {
  private readonly toTarget: DistancesToTarget;
  private readonly search: GuidedSearch;
  private readonly mask: Uint8Array;

  constructor(readonly graph: RoutingGraph) {
    this.toTarget = new DistancesToTarget(graph);
    this.search = new GuidedSearch(graph);
    this.mask = new Uint8Array(graph.edgeCount);
  }

  penalties(route: PathResult, options: Omit<FailureOptions, 'query'> = {}): FailurePenalty[] {
    const graph = this.graph;
    const { groupBy, blockedEdges, blockedNodes } = options;
    checkOptions('failurePenalties', graph, { blockedEdges, blockedNodes });
    checkRoute(graph, route);
    if (groupBy !== undefined && groupBy.length !== graph.edgeCount) {
      throw new InvalidRouteError('options.groupBy', `has ${groupBy.length} entries; it needs one per edge (${graph.edgeCount})`);
    }
    const edges = route.edges;
    if (edges.length === 0) return [];
    const source = route.nodes[0];
    const target = route.nodes[route.nodes.length - 1];
    let routeCost = 0;
    for (const e of edges) routeCost += graph.weight[e];

    // Links of the route, in order; with groups, every graph edge of each group (one pass over groupBy).
    const linkOfPosition: number[] = [];
    const linkFirstEdge: number[] = [];
    const linkGroup: number[] = [];
    const linkOfGroup = new Map<number, number>();
    for (let i = 0; i < edges.length; i++) {
      const group = groupBy !== undefined && groupBy[edges[i]] >= 0 ? groupBy[edges[i]] : -1;
      let link = group >= 0 ? linkOfGroup.get(group) : undefined;
      if (link === undefined) {
        link = linkFirstEdge.length;
        linkFirstEdge.push(edges[i]);
        linkGroup.push(group);
        if (group >= 0) linkOfGroup.set(group, link);
      }
      linkOfPosition.push(link);
    }
    const failedEdges: number[][] = linkFirstEdge.map((e, link) => (linkGroup[link] >= 0 ? [] : [e]));
    if (groupBy !== undefined && linkOfGroup.size > 0) {
      for (let e = 0; e < graph.edgeCount; e++) {
        if (groupBy[e] < 0) continue;
        const link = linkOfGroup.get(groupBy[e]);
        if (link !== undefined) failedEdges[link].push(e);
      }
    }

    // One mask for all scenarios: the caller's blocks, plus the current link's edges while it is failed.
    const mask = this.mask;
    if (blockedEdges) mask.set(blockedEdges.subarray(0, graph.edgeCount));
    try {
      const searchOptions = { blockedEdges: mask, blockedNodes };
      this.toTarget.compute(target, searchOptions);
      const penalties: FailurePenalty[] = [];
      for (let link = 0; link < linkFirstEdge.length; link++) {
        for (const e of failedEdges[link]) mask[e] = 1;
        const detour = this.search.route(source, this.toTarget, searchOptions);
        for (const e of failedEdges[link]) mask[e] = blockedEdges ? blockedEdges[e] : 0;
        const positions: number[] = [];
        for (let i = 0; i < edges.length; i++) if (linkOfPosition[i] === link) positions.push(i);
        penalties.push({
          edge: linkFirstEdge[link],
          group: linkGroup[link],
          positions,
          failedEdges: failedEdges[link],
          detour,
          extraCost: detour.found ? detour.cost - routeCost : Infinity,
        });
      }
      return penalties;
    } finally {
      if (blockedEdges) mask.fill(0);
    }
  }
}

/** The route must be found and follow graph edges from its first node to its last. */
function checkRoute(graph: RoutingGraph, route: PathResult): void {
  if (!route.found) throw new InvalidRouteError('route', 'is not found; there is nothing to fail');
  const { edges, nodes } = route;
  if (nodes.length !== edges.length + 1) {
    throw new InvalidRouteError('route', `has ${edges.length} edges but ${nodes.length} nodes; it needs edges + 1`);
  }
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (!Number.isInteger(e) || e < 0 || e >= graph.edgeCount) {
      throw new InvalidRouteError(`route.edges[${i}]`, `is ${e}; it must be an edge id in 0..${graph.edgeCount - 1}`);
    }
    if (graph.tail[e] !== nodes[i] || graph.head[e] !== nodes[i + 1]) {
      throw new InvalidRouteError(`route.edges[${i}]`, `(${graph.tail[e]} -> ${graph.head[e]}) does not join nodes ${nodes[i]} -> ${nodes[i + 1]}`);
    }
  }
  const last = nodes[nodes.length - 1];
  if (!Number.isInteger(nodes[0]) || nodes[0] < 0 || nodes[0] >= graph.nodeCount || last < 0 || last >= graph.nodeCount) {
    throw new InvalidRouteError('route.nodes', 'are not node ids of this graph');
  }
}
