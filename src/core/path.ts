/**
 * What every shortest-path query returns and accepts, plus the argument
 * checks they share. Queries work on CSR ids (see routing-graph.ts): edge ids
 * in results are CSR positions, so parallel edges are told apart.
 */
import type { RoutingGraph } from './routing-graph.js';

export interface PathResult {
  found: boolean;
  /** Infinity when not found. */
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
  /** Paths costing more than this are not found (the search stops there). Must be >= 0. */
  maxCost?: number;
}

/** A node id argument that is not an integer in 0..nodeCount-1. */
export class InvalidNodeError extends RangeError {
  constructor(
    readonly functionName: string,
    readonly argument: string,
    readonly value: number,
    readonly nodeCount: number,
  ) {
    super(`${functionName}: ${argument} ${value} is not a node id in 0..${nodeCount - 1}`);
    this.name = 'InvalidNodeError';
  }
}

/** A QueryOptions field that does not fit the graph (wrong array length, NaN or negative maxCost). */
export class InvalidQueryOptionError extends RangeError {
  constructor(
    readonly functionName: string,
    readonly option: keyof QueryOptions,
    detail: string,
  ) {
    super(`${functionName}: option ${option} ${detail}`);
    this.name = 'InvalidQueryOptionError';
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

export function notFound(settled: number): PathResult {
  return { found: false, cost: Infinity, edges: [], nodes: [], settled };
}

/**
 * Follows parent edges back from `target` to `source` (parentEdge[source] is
 * never read) and returns the path in source-to-target order.
 */
export function pathFromParents(
  graph: RoutingGraph,
  parentEdge: Int32Array,
  source: number,
  target: number,
  cost: number,
  settled: number,
): PathResult {
  const tail = graph.tail;
  const edges: number[] = [];
  for (let v = target; v !== source; ) {
    const e = parentEdge[v];
    edges.push(e);
    v = tail[e];
  }
  edges.reverse();
  return { found: true, cost, edges, nodes: nodesAlong(graph, source, edges), settled };
}

export function nodesAlong(graph: RoutingGraph, source: number, edges: readonly number[]): number[] {
  const head = graph.head;
  const nodes = new Array<number>(edges.length + 1);
  nodes[0] = source;
  for (let i = 0; i < edges.length; i++) nodes[i + 1] = head[edges[i]];
  return nodes;
}
