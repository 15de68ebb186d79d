/**
 * Driving distance (pgRouting's pgr_drivingDistance): every node whose
 * shortest-path cost from a source is within a limit, with its cost, the
 * edge it is reached by, that edge's tail and its depth in the tree. Built on
 * DijkstraQuery's tree, which already stops at a maxCost: this adds the
 * depths and copies the tree out into plain arrays, so the result outlives
 * the next query. Also the reachable part of every edge leaving the tree
 * (reachedEdges), for isochrones that cut an edge where the budget runs out.
 */
import { DijkstraQuery } from './dijkstra.js';
import { checkNode, InvalidQueryOptionError, type QueryOptions } from './path.js';
import type { RoutingGraph } from './routing-graph.js';

/** The options of a driving-distance query: QueryOptions' blocked edges and nodes (the limit is an argument). */
export type DrivingDistanceOptions = Omit<QueryOptions, 'maxCost'>;

/**
 * The nodes within `maxCost` of `source`, as parallel arrays in the order the
 * search settled them (non-decreasing cost; the source first, at cost 0).
 * Row i: node[i] is reached at cost[i] by edge[i] from predecessor[i], depth[i]
 * edges from the source. The source's edge and predecessor are -1 (pgRouting
 * gives the source itself as its own predecessor) and its depth 0.
 */
export interface DrivingDistance {
  readonly source: number;
  readonly maxCost: number;
  readonly node: Int32Array;
  /** The cost of the shortest path: its edge weights summed in path order (as PathResult.cost). */
  readonly cost: Float64Array;
  /** CSR id of the last edge of the shortest path. */
  readonly edge: Int32Array;
  readonly predecessor: Int32Array;
  /** Edges on the shortest path. */
  readonly depth: Int32Array;
}

/**
 * Every edge that leaves a node of a driving distance, with how much of it
 * the budget covers: `fraction` 1 when its head is reached through it within
 * maxCost (cost[tail] + weight <= maxCost), else (maxCost − cost[tail]) /
 * weight, the share of its weight left when the budget runs out. Blocked
 * edges, and edges out of a blocked node other than the source, are left out,
 * as the search left them. Edge order: by tail in settling order, then CSR.
 */
export interface ReachedEdges {
  readonly edge: Int32Array;
  /** The cost at the edge's tail (where it is entered). */
  readonly startCost: Float64Array;
  /** The reachable share of the edge, 0..1 (0 only when its tail is reached exactly at maxCost). */
  readonly fraction: Float64Array;
}

/** A maxCost that is no number >= 0. */
function checkMaxCost(functionName: string, maxCost: number): void {
  if (typeof maxCost !== 'number' || Number.isNaN(maxCost) || maxCost < 0) {
    throw new InvalidQueryOptionError(functionName, 'maxCost', `is ${maxCost}; it must be a number >= 0 (Infinity for the whole tree)`);
  }
}

/**
 * A reusable driving-distance query on one graph (it owns one DijkstraQuery:
 * node-sized arrays allocated once, so a query costs time in proportion to
 * the part of the graph within the limit).
 */
export class DrivingDistanceQuery {
  private readonly dijkstra: DijkstraQuery;

  constructor(readonly graph: RoutingGraph) {
    this.dijkstra = new DijkstraQuery(graph);
  }

  /** Every node within `maxCost` of `source` (Infinity: every node it reaches). */
  run(source: number, maxCost: number, options: DrivingDistanceOptions = {}): DrivingDistance {
    checkNode('drivingDistance', 'source', this.graph, source);
    checkMaxCost('drivingDistance', maxCost);
    const tree = this.dijkstra.tree(source, { ...options, maxCost });
    const order = tree.reached();
    const n = order.length;
    const node = Int32Array.from(order);
    const cost = new Float64Array(n);
    const edge = new Int32Array(n);
    const predecessor = new Int32Array(n);
    const depth = new Int32Array(n);
    // A node is settled after its tree parent, so the parent's depth is known first.
    const depthOf = new Map<number, number>();
    const tail = this.graph.tail;
    for (let i = 0; i < n; i++) {
      const v = order[i];
      const e = tree.parentEdge(v);
      cost[i] = tree.distance(v);
      edge[i] = e;
      predecessor[i] = e < 0 ? -1 : tail[e];
      depth[i] = e < 0 ? 0 : depthOf.get(tail[e])! + 1;
      depthOf.set(v, depth[i]);
    }
    return { source, maxCost, node, cost, edge, predecessor, depth };
  }
}

/** One driving distance from `source` (see DrivingDistanceQuery; keep a query to run many on one graph). */
export function drivingDistance(graph: RoutingGraph, source: number, maxCost: number, options?: DrivingDistanceOptions): DrivingDistance {
  return new DrivingDistanceQuery(graph).run(source, maxCost, options);
}

/** The reachable part of every edge leaving the nodes of `reach` (see ReachedEdges); pass the options the driving distance ran with. */
export function reachedEdges(graph: RoutingGraph, reach: DrivingDistance, options: DrivingDistanceOptions = {}): ReachedEdges {
  const { firstOut, weight } = graph;
  const { blockedEdges, blockedNodes } = options;
  const edges: number[] = [];
  const starts: number[] = [];
  const fractions: number[] = [];
  for (let i = 0; i < reach.node.length; i++) {
    const u = reach.node[i];
    if (blockedNodes !== undefined && blockedNodes[u] !== 0 && u !== reach.source) continue;
    const du = reach.cost[i];
    for (let e = firstOut[u]; e < firstOut[u + 1]; e++) {
      if (blockedEdges !== undefined && blockedEdges[e] !== 0) continue;
      const w = weight[e];
      edges.push(e);
      starts.push(du);
      fractions.push(du + w <= reach.maxCost ? 1 : Math.max(0, Math.min(1, (reach.maxCost - du) / w)));
    }
  }
  return { edge: Int32Array.from(edges), startCost: Float64Array.from(starts), fraction: Float64Array.from(fractions) };
}
