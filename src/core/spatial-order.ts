import { buildRoutingGraph, type RoutingGraph } from './routing-graph.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { DataError } from '../errors/steppenet-error.js';

/**
 * Renumbers a graph's nodes along a Hilbert curve over their coordinates, so
 * that nodes close in space are close in memory. Searches on road graphs
 * touch a spatially compact set of nodes; with input ids scattered (OSM
 * extracts: neighbours ~60k ids apart) almost every relaxation is a cache
 * miss. Results are the same graph, relabelled: `originalId[v]` is the input
 * id of node v, `newId[u]` the new id of input node u. Edge refs are kept.
 */
export interface RenumberedGraph {
  graph: RoutingGraph;
  originalId: Uint32Array;
  newId: Uint32Array;
}

export class MissingCoordinatesError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_GRAPH';
  constructor() {
    super('renumberAlongHilbertCurve: the graph has no node coordinates to order by');
  }
}

/** Position of (x, y) on a Hilbert curve filling a 2^order × 2^order grid. */
export function hilbertIndex(x: number, y: number, order: number): number {
  let d = 0;
  for (let s = 1 << (order - 1); s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    // Rotate the quadrant so the curve stays continuous.
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

export function renumberAlongHilbertCurve(graph: RoutingGraph): RenumberedGraph {
  const { x, y, nodeCount: n } = graph;
  if (!x || !y) throw new MissingCoordinatesError();
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let v = 0; v < n; v++) {
    minX = Math.min(minX, x[v]); maxX = Math.max(maxX, x[v]);
    minY = Math.min(minY, y[v]); maxY = Math.max(maxY, y[v]);
  }
  const order = 16;
  const cells = (1 << order) - 1;
  const scaleX = maxX > minX ? cells / (maxX - minX) : 0;
  const scaleY = maxY > minY ? cells / (maxY - minY) : 0;
  const key = new Float64Array(n);
  for (let v = 0; v < n; v++) key[v] = hilbertIndex(Math.floor((x[v] - minX) * scaleX), Math.floor((y[v] - minY) * scaleY), order);
  // Ties keep input order, so the renumbering is deterministic.
  const originalId = Uint32Array.from({ length: n }, (_, v) => v).sort((a, b) => key[a] - key[b] || a - b);
  const newId = new Uint32Array(n);
  for (let v = 0; v < n; v++) newId[originalId[v]] = v;

  const m = graph.edgeCount;
  const from = new Uint32Array(m), to = new Uint32Array(m);
  for (let e = 0; e < m; e++) {
    from[e] = newId[graph.tail[e]];
    to[e] = newId[graph.head[e]];
  }
  const nx = new Float64Array(n), ny = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    nx[v] = x[originalId[v]];
    ny[v] = y[originalId[v]];
  }
  return {
    graph: buildRoutingGraph({ nodeCount: n, from, to, weight: graph.weight, ref: graph.edgeRef, x: nx, y: ny, bound: graph.bound, boundScale: graph.boundScale }),
    originalId,
    newId,
  };
}
