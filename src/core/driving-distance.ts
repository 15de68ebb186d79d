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
  /** Depth by node, valid for the nodes of the current run (each is written before it is read). */
  private readonly depthOf: Int32Array;

  constructor(readonly graph: RoutingGraph) {
    this.dijkstra = new DijkstraQuery(graph);
    this.depthOf = new Int32Array(graph.nodeCount);
  }

  /** Every node within `maxCost` of `source` (Infinity: every node it reaches). */
  run(source: number, maxCost: number, options: DrivingDistanceOptions = {}): DrivingDistance {
    checkNode('drivingDistance', 'source', this.graph, source);
    checkMaxCost('drivingDistance', maxCost);
    const query = this.dijkstra;
    query.tree(source, { ...options, maxCost });
    // Read straight from the query's arrays (the tree view checks every call; this loop runs once per node).
    const order = query.settledNodes();
    const n = order.length;
    const node = Int32Array.from(order);
    const cost = new Float64Array(n);
    const edge = new Int32Array(n);
    const predecessor = new Int32Array(n);
    const depth = new Int32Array(n);
    const depthOf = this.depthOf;
    const tail = this.graph.tail;
    for (let i = 0; i < n; i++) {
      const v = order[i];
      const e = query.parentEdgeOf(v);
      cost[i] = query.distanceOf(v);
      edge[i] = e;
      predecessor[i] = e < 0 ? -1 : tail[e];
      // A node is settled after its tree parent, so the parent's depth is written first.
      depth[i] = e < 0 ? 0 : depthOf[tail[e]] + 1;
      depthOf[v] = depth[i];
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
  const { node, cost, maxCost, source } = reach;
  const passes = (u: number) => blockedNodes === undefined || blockedNodes[u] === 0 || u === source;
  // Count first, then fill typed arrays: no growing arrays on a graph of millions of edges.
  let count = 0;
  for (let i = 0; i < node.length; i++) {
    const u = node[i];
    if (!passes(u)) continue;
    for (let e = firstOut[u]; e < firstOut[u + 1]; e++) if (blockedEdges === undefined || blockedEdges[e] === 0) count++;
  }
  const edge = new Int32Array(count);
  const startCost = new Float64Array(count);
  const fraction = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < node.length; i++) {
    const u = node[i];
    if (!passes(u)) continue;
    const du = cost[i];
    for (let e = firstOut[u]; e < firstOut[u + 1]; e++) {
      if (blockedEdges !== undefined && blockedEdges[e] !== 0) continue;
      const w = weight[e];
      edge[k] = e;
      startCost[k] = du;
      fraction[k] = du + w <= maxCost ? 1 : Math.max(0, Math.min(1, (maxCost - du) / w));
      k++;
    }
  }
  return { edge, startCost, fraction };
}
