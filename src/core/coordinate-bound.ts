import { DEGREES_TO_RADIANS } from './geodesic.js';
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
