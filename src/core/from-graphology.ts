/**
 * Compiles a graphology graph into a RoutingGraph and routes on it by node
 * keys. Directed edges become one CSR edge; undirected edges become two (one
 * each way), both mapping back to the same graphology edge key. Directed,
 * undirected, mixed and multi graphs all work; on multi graphs the cheapest
 * parallel edge is the one reported.
 *
 * Unlike graphology-shortest-path, a missing or unusable weight is an error
 * naming the edge, never a silent 1.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { AStarQuery } from './astar.js';
import { BidirectionalDijkstraQuery } from './bidirectional-dijkstra.js';
import { DijkstraQuery } from './dijkstra.js';
import type { PathResult, QueryOptions } from './path.js';
import { buildRoutingGraph, type RoutingGraph } from './routing-graph.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { DataError, InputError } from '../errors/steppenet-error.js';

export type GraphologyEdgeWeight<EdgeAttributes extends Attributes = Attributes> =
  | string
  | ((edgeKey: string, attributes: EdgeAttributes, source: string, target: string) => number);

export interface FromGraphologyOptions<
  NodeAttributes extends Attributes = Attributes,
  EdgeAttributes extends Attributes = Attributes,
> {
  /** Edge attribute name, or a function of the edge; must give a finite number >= 0 for every edge. */
  weight: GraphologyEdgeWeight<EdgeAttributes>;
  /** Node position for the A* bound: [x, y], or [longitude, latitude] with bound 'geodesic'. */
  coordinates?: (nodeKey: string, attributes: NodeAttributes) => [number, number];
  /** How positions bound costs (see RoutingGraph.bound). Default 'euclidean' when coordinates are given. */
  bound?: 'geodesic' | 'euclidean';
  /** Multiplies the distance; must keep scale × distance <= weight on every edge. Default 1. */
  boundScale?: number;
}

export type GraphologyAlgorithm = 'dijkstra' | 'bidirectional' | 'astar';

export interface GraphologyRouteOptions extends QueryOptions {
  /** Default 'bidirectional'. */
  algorithm?: GraphologyAlgorithm;
}

export interface GraphologyRoute {
  found: boolean;
  /** Infinity when not found. */
  cost: number;
  /** Node keys from source to target; [] when not found. */
  nodes: string[];
  /** Graphology edge keys in order; [] when not found or source === target. */
  edges: string[];
}

/** An edge whose weight is missing, not a number, NaN, infinite or negative. */
export class InvalidEdgeWeightError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_GRAPH';
  constructor(
    readonly edgeKey: string,
    readonly value: unknown,
    readonly weightSource: string,
  ) {
    super(
      `fromGraphology: edge "${edgeKey}" has weight ${describeValue(value)} (from ${weightSource}); ` +
        'weights must be finite numbers >= 0',
    );
  }
}

/** A node key that is not in the compiled graph. */
export class UnknownNodeError extends InputError {
  static override readonly code: ErrorCode = 'UNKNOWN_NAME';
  constructor(
    readonly functionName: string,
    readonly nodeKey: unknown,
  ) {
    super(`${functionName}: node ${describeValue(nodeKey)} is not in the graph`);
  }
}

/** A coordinates callback that gave something other than two finite numbers. */
export class InvalidCoordinatesError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_GRAPH';
  constructor(
    readonly nodeKey: string,
    readonly value: unknown,
  ) {
    super(`fromGraphology: coordinates of node "${nodeKey}" are ${describeValue(value)}; expected [x, y] of finite numbers`);
  }
}

/** An options field of fromGraphology with a value it cannot use. */
export class InvalidGraphologyOptionError extends InputError {
  constructor(
    readonly option: string,
    readonly value: unknown,
    detail: string,
  ) {
    super(`fromGraphology: option ${option} is ${describeValue(value)}; ${detail}`);
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined (missing)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  return String(value);
}

export class GraphologyRouter {
  private readonly indexByKey: Map<string, number>;
  private dijkstra?: DijkstraQuery;
  private bidirectional?: BidirectionalDijkstraQuery;
  private astar?: AStarQuery;

  constructor(
    readonly graph: RoutingGraph,
    /** Node key of each node id. */
    readonly nodeKeys: string[],
    /** Graphology edge key of each CSR edge id (both directions of an undirected edge share one). */
    readonly edgeKeys: string[],
  ) {
    this.indexByKey = new Map(nodeKeys.map((key, index) => [key, index]));
  }

  /** Node id of a node key. */
  indexOf(nodeKey: string): number {
    const index = this.indexByKey.get(nodeKey);
    if (index === undefined) throw new UnknownNodeError('GraphologyRouter.indexOf', nodeKey);
    return index;
  }

  route(sourceKey: string, targetKey: string, options: GraphologyRouteOptions = {}): GraphologyRoute {
    const source = this.indexByKey.get(sourceKey);
    if (source === undefined) throw new UnknownNodeError('GraphologyRouter.route', sourceKey);
    const target = this.indexByKey.get(targetKey);
    if (target === undefined) throw new UnknownNodeError('GraphologyRouter.route', targetKey);
    const { algorithm = 'bidirectional', ...queryOptions } = options;
    let result: PathResult;
    switch (algorithm) {
      case 'dijkstra':
        result = (this.dijkstra ??= new DijkstraQuery(this.graph)).route(source, target, queryOptions);
        break;
      case 'bidirectional':
        result = (this.bidirectional ??= new BidirectionalDijkstraQuery(this.graph)).route(source, target, queryOptions);
        break;
      case 'astar':
        result = (this.astar ??= new AStarQuery(this.graph)).route(source, target, queryOptions);
        break;
      default:
        throw new InvalidGraphologyOptionError('algorithm', algorithm, "expected 'dijkstra', 'bidirectional' or 'astar'");
    }
    return {
      found: result.found,
      cost: result.cost,
      nodes: result.nodes.map((v) => this.nodeKeys[v]),
      edges: result.edges.map((e) => this.edgeKeys[e]),
    };
  }
}

export function fromGraphology<NodeAttributes extends Attributes, EdgeAttributes extends Attributes>(
  graph: AbstractGraph<NodeAttributes, EdgeAttributes>,
  options: FromGraphologyOptions<NodeAttributes, EdgeAttributes>,
): GraphologyRouter {
  const { weight, coordinates } = options;
  if (typeof weight !== 'string' && typeof weight !== 'function') {
    throw new InvalidGraphologyOptionError('weight', weight, 'expected an attribute name or a function');
  }
  if (options.bound !== undefined && options.bound !== 'geodesic' && options.bound !== 'euclidean') {
    throw new InvalidGraphologyOptionError('bound', options.bound, "expected 'geodesic' or 'euclidean'");
  }
  const boundScale = options.boundScale ?? 1;
  if (!(Number.isFinite(boundScale) && boundScale >= 0)) {
    throw new InvalidGraphologyOptionError('boundScale', boundScale, 'expected a finite number >= 0');
  }

  const nodeKeys: string[] = [];
  const indexByKey = new Map<string, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  graph.forEachNode((key, attributes) => {
    indexByKey.set(key, nodeKeys.length);
    nodeKeys.push(key);
    if (coordinates) {
      const point = coordinates(key, attributes);
      if (!Array.isArray(point) || point.length !== 2 || !Number.isFinite(point[0]) || !Number.isFinite(point[1])) {
        throw new InvalidCoordinatesError(key, point);
      }
      xs.push(point[0]);
      ys.push(point[1]);
    }
  });

  const graphologyEdgeKeys: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const weights: number[] = [];
  const refs: number[] = [];
  const weightSource = typeof weight === 'string' ? `attribute "${weight}"` : 'the weight function';
  graph.forEachEdge((key, attributes, source, target, _sourceAttributes, _targetAttributes, undirected) => {
    const value: unknown = typeof weight === 'string' ? attributes[weight] : weight(key, attributes, source, target);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new InvalidEdgeWeightError(key, value, weightSource);
    }
    const ref = graphologyEdgeKeys.length;
    graphologyEdgeKeys.push(key);
    const u = indexByKey.get(source)!;
    const v = indexByKey.get(target)!;
    from.push(u);
    to.push(v);
    weights.push(value);
    refs.push(ref);
    // An undirected edge can be used both ways; a self-loop needs only one copy.
    if (undirected && u !== v) {
      from.push(v);
      to.push(u);
      weights.push(value);
      refs.push(ref);
    }
  });

  const routingGraph = buildRoutingGraph({
    nodeCount: nodeKeys.length,
    from,
    to,
    weight: weights,
    ref: refs,
    ...(coordinates ? { x: xs, y: ys, bound: options.bound ?? 'euclidean', boundScale } : {}),
  });
  const edgeKeys = Array.from(routingGraph.edgeRef, (ref) => graphologyEdgeKeys[ref]);
  return new GraphologyRouter(routingGraph, nodeKeys, edgeKeys);
}
