/**
 * The flow network of one disjoint-paths query (see disjoint-paths.ts), its
 * own small arc list, not a RoutingGraph:
 * - 'edges': every kept graph edge is an arc of capacity 1.
 * - 'nodes': every node v other than source and target is split into
 *   v_in -> v_out (capacity 1); an edge u -> v becomes u_out -> v_in with
 *   unbounded capacity, except direct source -> target edges (capacity 1 each:
 *   they are routes of their own with no inner node, and no node cut stops them).
 * Which edges are kept (usable, one per group and direction) is the query's choice.
 */
import type { RoutingGraph } from './routing-graph.js';

/** Capacity that no flow here can reach (flows are bounded by the number of edges). */
export const UNBOUNDED = 0x3fffffff;
/** Arc labels: >= 0 a graph edge; <= SPLIT_LABEL_BASE the split arc of node (SPLIT_LABEL_BASE - label). */
export const SPLIT_LABEL_BASE = -2;

/** The flow network of one query, as a plain arc list; arcOfEdge maps kept graph edges to their arcs. */
export interface DisjointFlowNetwork {
  graph: RoutingGraph;
  nodeCount: number;
  arcCount: number;
  source: number;
  sink: number;
  mode: 'edges' | 'nodes';
  tail: Int32Array;
  head: Int32Array;
  capacity: Int32Array;
  cost: Float64Array;
  /** Graph edge id, or SPLIT_LABEL_BASE - v for the split arc of node v. */
  label: Int32Array;
  arcOfEdge: Int32Array;
}

/** Builds the flow network described at the top of the file from the kept edges (kept[e] === 1). */
export function buildFlowNetwork(
  graph: RoutingGraph,
  source: number,
  target: number,
  mode: 'edges' | 'nodes',
  kept: Uint8Array,
): DisjointFlowNetwork {
  const { nodeCount: n, edgeCount: m, tail, head, weight } = graph;
  const maxArcs = mode === 'edges' ? m : m + n;
  const net: DisjointFlowNetwork = {
    graph,
    nodeCount: mode === 'edges' ? n : 2 * n,
    arcCount: 0,
    // Routes arrive at v_in = v and leave from v_out = n + v; for 'edges' both are v.
    source: mode === 'edges' ? source : n + source,
    sink: target,
    mode,
    tail: new Int32Array(maxArcs),
    head: new Int32Array(maxArcs),
    capacity: new Int32Array(maxArcs),
    cost: new Float64Array(maxArcs),
    label: new Int32Array(maxArcs),
    arcOfEdge: new Int32Array(m).fill(-1),
  };
  const addArc = (from: number, to: number, capacity: number, cost: number, label: number): void => {
    const a = net.arcCount++;
    net.tail[a] = from;
    net.head[a] = to;
    net.capacity[a] = capacity;
    net.cost[a] = cost;
    net.label[a] = label;
    if (label >= 0) net.arcOfEdge[label] = a;
  };
  if (mode === 'edges') {
    for (let e = 0; e < m; e++) if (kept[e] === 1) addArc(tail[e], head[e], 1, weight[e], e);
    return net;
  }
  // A node is usable as an inner node if some kept edge reaches it; blocked nodes have none.
  const reached = new Uint8Array(n);
  for (let e = 0; e < m; e++) if (kept[e] === 1) reached[head[e]] = 1;
  for (let v = 0; v < n; v++) {
    if (v !== source && v !== target && reached[v] === 1) addArc(v, n + v, 1, 0, SPLIT_LABEL_BASE - v);
  }
  for (let e = 0; e < m; e++) {
    if (kept[e] === 0) continue;
    const direct = tail[e] === source && head[e] === target;
    addArc(n + tail[e], head[e], direct ? 1 : UNBOUNDED, weight[e], e);
  }
  return net;
}

/** Reads a minimum cut off the source side of a maximum flow: the capacity-1 arcs leaving it. */
export function cutFrom(net: DisjointFlowNetwork, sourceSide: Uint8Array): { minCut: number[]; minCutDirectEdges: number[] } {
  const minCut: number[] = [];
  const minCutDirectEdges: number[] = [];
  for (let a = 0; a < net.arcCount; a++) {
    if (net.capacity[a] === UNBOUNDED || sourceSide[net.tail[a]] === 0 || sourceSide[net.head[a]] === 1) continue;
    const label = net.label[a];
    if (label <= SPLIT_LABEL_BASE) minCut.push(SPLIT_LABEL_BASE - label);
    else if (net.mode === 'edges') minCut.push(label);
    else minCutDirectEdges.push(label);
  }
  return { minCut: minCut.sort((x, y) => x - y), minCutDirectEdges: minCutDirectEdges.sort((x, y) => x - y) };
}
