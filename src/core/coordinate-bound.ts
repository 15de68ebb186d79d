import { DEGREES_TO_RADIANS, haversineKm } from './geodesic.js';
import type { LowerBound } from './lower-bound.js';
import type { RoutingGraph } from './routing-graph.js';

/** How node coordinates bound the cost between two nodes (see RoutingGraph.bound). */
export const NO_BOUND = 0;
export const GEODESIC = 1;
export const EUCLIDEAN = 2;

/**
 * Per-node tables that the goal-directed searches (A*, ALT) read in their
 * inner loops: for 'geodesic', latitude and longitude in radians and
 * cos(latitude); for 'euclidean', x and y; nothing for 'none'.
 */
export interface CoordinateTables {
  kind: typeof NO_BOUND | typeof GEODESIC | typeof EUCLIDEAN;
  scale: number;
  a: Float64Array;
  b: Float64Array;
  cosLat: Float64Array;
}

/** Checks the graph's bound settings and builds its tables; `fail` makes the caller's typed error. */
export function coordinateTables(graph: RoutingGraph, fail: (detail: string) => Error): CoordinateTables {
  const { bound, boundScale, x, y, nodeCount: n } = graph;
  const empty = new Float64Array(0);
  if (bound === 'none') return { kind: NO_BOUND, scale: 0, a: empty, b: empty, cosLat: empty };
  if (x === undefined || y === undefined || x.length < n || y.length < n) {
    throw fail(`graph.bound is '${bound}' but the graph has no x/y coordinates for all ${n} nodes`);
  }
  if (!(boundScale >= 0 && Number.isFinite(boundScale))) {
    throw fail(`graph.boundScale is ${boundScale}; it must be finite and >= 0`);
  }
  if (bound === 'euclidean') return { kind: EUCLIDEAN, scale: boundScale, a: Float64Array.from(x), b: Float64Array.from(y), cosLat: empty };
  const a = new Float64Array(n), b = new Float64Array(n), cosLat = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    a[v] = y[v] * DEGREES_TO_RADIANS;
    b[v] = x[v] * DEGREES_TO_RADIANS;
    cosLat[v] = Math.cos(a[v]);
  }
  return { kind: GEODESIC, scale: boundScale, a, b, cosLat };
}

/**
 * The graph's coordinate bound (RoutingGraph.bound) as a LowerBound for the
 * goal-directed search, and between a node and any point for the
 * bidirectional A*. Points are given in the tables' units: (lat, lon in
 * radians, cos lat) for 'geodesic', (x, y, unused) for 'euclidean'.
 */
export class CoordinateBound implements LowerBound {
  readonly kind: CoordinateTables['kind'];
  private readonly scale: number;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly cosLat: Float64Array;
  // The current target, in the tables' units.
  private ta = 0;
  private tb = 0;
  private tc = 0;

  /** Checks the graph's bound settings; `fail` makes the caller's typed error. */
  constructor(graph: RoutingGraph, fail: (detail: string) => Error) {
    const tables = coordinateTables(graph, fail);
    this.kind = tables.kind;
    this.scale = tables.scale;
    this.a = tables.a;
    this.b = tables.b;
    this.cosLat = tables.cosLat;
  }

  aim(_source: number, target: number): void {
    if (this.kind === NO_BOUND) return;
    this.ta = this.a[target];
    this.tb = this.b[target];
    this.tc = this.kind === GEODESIC ? this.cosLat[target] : 0;
  }

  toTarget(v: number): number {
    return this.between(v, this.ta, this.tb, this.tc);
  }

  /** Lower bound on the cost between node v and the point (pa, pb, pc). */
  between(v: number, pa: number, pb: number, pc: number): number {
    const kind = this.kind;
    if (kind === NO_BOUND) return 0;
    if (kind === GEODESIC) return this.scale * haversineKm(this.a[v], this.b[v], this.cosLat[v], pa, pb, pc);
    const dx = this.a[v] - pa;
    const dy = this.b[v] - pb;
    return this.scale * Math.sqrt(dx * dx + dy * dy);
  }
}
