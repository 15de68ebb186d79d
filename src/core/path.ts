/**
 * What every shortest-path query returns and accepts, plus the argument
 * checks they share. Queries work on CSR ids (see routing-graph.ts): edge ids
 * in results are CSR positions, so parallel edges are told apart.
 */
import type { RoutingGraph } from './routing-graph.js';
import { InputError } from '../errors/steppenet-error.js';

export interface PathResult {
  found: boolean;
  /**
   * The sum of the weights of `edges`, added in path order (from the source
   * on), exactly as `pathCost` computes it; always finite when found.
   * Infinity when not found. A path whose sum overflows (exceeds
   * Number.MAX_VALUE) is no route: it is not found, as if unreachable.
   */
  cost: number;
  /** CSR edge ids from source to target, in order ([] when source === target or not found). */
  edges: number[];
  /** Node ids along the path, edges.length + 1 of them when found; [] when not found. */
  nodes: number[];
  /** Nodes settled by the search (for benchmarks). */
  settled: number;
}

export interface QueryOptions {
  /** Indexed by CSR edge id; 1 = edge unusable. */
  blockedEdges?: Uint8Array;
  /**
   * Indexed by node id; 1 = node unusable. A blocked node is never passed
   * through, but it may still be the end of a path: the source and target of a
   * query are never blocked, and a shortest-path tree reports blocked nodes it
   * can reach without passing through another blocked node.
   */
  blockedNodes?: Uint8Array;
  /**
   * Paths costing more than this are not found. Must be >= 0. The cost
   * compared is the path's own cost (its edge weights summed in path order);
   * searches prune with a hair of slack above it (see searchLimit).
   */
  maxCost?: number;
}

/** A node id argument that is not an integer in 0..nodeCount-1. */
export class InvalidNodeError extends InputError {
  constructor(
    readonly functionName: string,
    readonly argument: string,
    readonly value: number,
    readonly nodeCount: number,
  ) {
    super(`${functionName}: ${argument} ${value} is not a node id in 0..${nodeCount - 1}`);
  }
}

/** A QueryOptions field that does not fit the graph (wrong array length, NaN or negative maxCost). */
export class InvalidQueryOptionError extends InputError {
  constructor(
    readonly functionName: string,
    readonly option: keyof QueryOptions,
    detail: string,
  ) {
    super(`${functionName}: option ${option} ${detail}`);
  }
}

export function checkNode(functionName: string, argument: string, graph: RoutingGraph, node: number): void {
  if (!Number.isInteger(node) || node < 0 || node >= graph.nodeCount) {
    throw new InvalidNodeError(functionName, argument, node, graph.nodeCount);
  }
}

/** Returns maxCost (Infinity when absent) after checking every option against the graph. */
export function checkOptions(functionName: string, graph: RoutingGraph, options: QueryOptions | undefined): number {
  if (options === undefined) return Infinity;
  const { blockedEdges, blockedNodes, maxCost } = options;
  if (blockedEdges !== undefined && blockedEdges.length < graph.edgeCount) {
    throw new InvalidQueryOptionError(
      functionName,
      'blockedEdges',
      `has length ${blockedEdges.length}; it must cover all ${graph.edgeCount} edges`,
    );
  }
  if (blockedNodes !== undefined && blockedNodes.length < graph.nodeCount) {
    throw new InvalidQueryOptionError(
      functionName,
      'blockedNodes',
      `has length ${blockedNodes.length}; it must cover all ${graph.nodeCount} nodes`,
    );
  }
  if (maxCost === undefined) return Infinity;
  if (typeof maxCost !== 'number' || Number.isNaN(maxCost) || maxCost < 0) {
    throw new InvalidQueryOptionError(functionName, 'maxCost', `is ${maxCost}; it must be a number >= 0`);
  }
  return maxCost;
}

/**
 * The cost a search prunes at for a given maxCost: a relative hair above it
 * (2^-24, far more than the rounding between the sums a search keeps, added
 * in other orders, and a path's own sum over up to ~10^8 edges), and never
 * above Number.MAX_VALUE: a path whose cost overflows is no route. The
 * exact check is on the found path's own sum (see finishPath).
 */
export function searchLimit(maxCost: number): number {
  const limit = maxCost + maxCost * 2 ** -24 + Number.MIN_VALUE;
  return limit < Number.MAX_VALUE ? limit : Number.MAX_VALUE;
}

/** Sum of the edges' weights, added in path order from the first edge on: the cost of every PathResult. */
export function pathCost(graph: RoutingGraph, edges: readonly number[]): number {
  const weight = graph.weight;
  let cost = 0;
  for (let i = 0; i < edges.length; i++) cost += weight[edges[i]];
  return cost;
}

/**
 * The result for a path a search found: its cost summed in path order, found
 * only when that sum is finite and at most maxCost (the exact check after a
 * search that pruned with searchLimit).
 */
export function finishPath(
  graph: RoutingGraph,
  source: number,
  edges: number[],
  maxCost: number,
  settled: number,
): PathResult {
  const cost = pathCost(graph, edges);
  if (!(cost <= maxCost && cost < Infinity)) return notFound(settled);
  return { found: true, cost, edges, nodes: nodesAlong(graph, source, edges), settled };
}

export function notFound(settled: number): PathResult {
  return { found: false, cost: Infinity, edges: [], nodes: [], settled };
}

/**
 * Follows parent edges back from `target` to `source` (parentEdge[source] is
 * never read) and returns the path in source-to-target order, its cost summed
 * in path order and checked against maxCost (see finishPath).
 */
export function pathFromParents(
  graph: RoutingGraph,
  parentEdge: Int32Array,
  source: number,
  target: number,
  maxCost: number,
  settled: number,
): PathResult {
  return finishPath(graph, source, edgesFromParents(graph, parentEdge, source, target), maxCost, settled);
}

/** The edges of the parent chain from `source` to `target`, in path order. */
export function edgesFromParents(graph: RoutingGraph, parentEdge: Int32Array, source: number, target: number): number[] {
  const tail = graph.tail;
  const edges: number[] = [];
  for (let v = target; v !== source; ) {
    const e = parentEdge[v];
    edges.push(e);
    v = tail[e];
  }
  edges.reverse();
  return edges;
}

export function nodesAlong(graph: RoutingGraph, source: number, edges: readonly number[]): number[] {
  const head = graph.head;
  const nodes = new Array<number>(edges.length + 1);
  nodes[0] = source;
  for (let i = 0; i < edges.length; i++) nodes[i + 1] = head[edges[i]];
  return nodes;
}
