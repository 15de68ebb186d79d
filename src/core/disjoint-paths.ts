/**
 * k disjoint routes of minimum TOTAL cost between two nodes (min-cost flow by
 * successive shortest paths with Johnson potentials — Suurballe's idea
 * generalised to k), plus the maximum number of disjoint routes and a minimum
 * cut that limits them (Menger).
 *
 * Why a flow and not "shortest route, delete it, repeat": deleting the first
 * route can leave no second one although two disjoint routes exist (the first
 * route may cut across both of them). The flow's residual arcs let a later
 * route undo part of an earlier one, and the result is optimal.
 *
 * The flow network (built per call, its own small CSR, not a RoutingGraph):
 * - 'edges': every usable graph edge is an arc of capacity 1.
 * - 'nodes': every node v other than source and target is split into
 *   v_in -> v_out (capacity 1); an edge u -> v becomes u_out -> v_in with
 *   unbounded capacity, except direct source -> target edges (capacity 1 each:
 *   they are routes of their own with no inner node, and no node cut stops them).
 * - Edges into the source and out of the target are left out (no simple route uses them).
 *
 * Groups (`groupBy`, e.g. edgeRef) make the edges of one group share ONE unit
 * of capacity: "disjoint" then means no two routes use the same group. A
 * group must be one physical link — all its edges join the same two nodes, in
 * either direction — or UnsupportedGroupError is thrown (disjointness under
 * arbitrary shared-risk groups is NP-hard). How they are enforced:
 * 1. Edges of a group in the same direction are interchangeable, so only the
 *    cheapest usable one becomes an arc (lowest id on ties).
 * 2. That leaves at most u -> v and v -> u, each an arc of capacity 1. A
 *    min-cost flow over them may use both (the tie case: zero weights). Then
 *    both units are cancelled: the two routes s..u->v..t and s..v->u..t become
 *    s..u..t and s..v..t, the flow value is unchanged and the cost drops by
 *    w(u->v) + w(v->u) >= 0. So the cancelled flow respects the groups and
 *    costs no more than the unrestricted optimum — it is optimal for the
 *    restricted problem too. The same argument shows the maximum number of
 *    routes and the minimum cut are unaffected (a cut crosses a link in one
 *    direction only), so they are read off the plain directed network.
 * In 'nodes' mode node splitting already keeps routes off each other's
 * links; groups then only matter for parallel direct source -> target edges.
 * Negative group ids mean "no group".
 */
import { GenerationStamp } from './generation-stamp.js';
import { IndexedMinHeap } from './min-heap.js';
import { checkNode, checkOptions, type PathResult, type QueryOptions } from './path.js';
import type { RoutingGraph } from './routing-graph.js';
import { residualReach } from './residual-reach.js';

export interface DisjointRouteOptions {
  /** How many routes to find. Default 2; an integer >= 1. */
  k?: number;
  /** 'edges': no edge (or group) is shared; 'nodes': no node but source and target is shared. Default 'edges'. */
  disjoint?: 'edges' | 'nodes';
  /** Indexed by CSR edge id; 1 = edge unusable. */
  blockedEdges?: Uint8Array;
  /** Indexed by node id; 1 = node unusable (source and target are never blocked). */
  blockedNodes?: Uint8Array;
}

export interface DisjointPathsOptions extends DisjointRouteOptions {
  /** Edge -> group id (e.g. edgeRef); edges of one group count as one link. Negative = no group. Length edgeCount. */
  groupBy?: Int32Array;
}

export interface DisjointPathsResult {
  /**
   * min(k, maxDisjoint) routes, pairwise disjoint, of minimum total cost (fewer
   * only when weights are so large that a route's cost would overflow: such a
   * route is no route, see PathResult.cost); each route's cost is its edges
   * summed in path order;
   * each route is simple (no repeated node). Sorted by cost, then by edge ids.
   * Each route's `settled` is 0: the searches serve all routes at once, see `settled` below.
   */
  paths: PathResult[];
  /** Sum of the routes' costs (0 when there are none; Infinity only if that sum overflows, each route's cost being finite). */
  totalCost: number;
  /** The largest number of disjoint routes that exist (may exceed k). */
  maxDisjoint: number;
  /**
   * A minimum set whose removal leaves no route from source to target:
   * 'edges' — CSR edge ids, one per cut link (for a group, the cheapest usable
   * member in the direction that crosses the cut; remove the whole group, via
   * groupBy/edgeRef, to cut the link); 'nodes' — node ids.
   * minCut.length + minCutDirectEdges.length === maxDisjoint.
   */
  minCut: number[];
  /** 'nodes' only: direct source -> target edges in the cut (one per group); no node removal can cut them. Always [] for 'edges'. */
  minCutDirectEdges: number[];
  /** Flow-network nodes settled by all the shortest-path searches (for benchmarks). */
  settled: number;
}

/** An argument of disjointPaths that is out of range (k, disjoint, source === target, groupBy length). */
export class InvalidDisjointPathsArgumentError extends RangeError {
  constructor(
    readonly argument: string,
    detail: string,
  ) {
    super(`disjointPaths: ${argument} ${detail}`);
    this.name = 'InvalidDisjointPathsArgumentError';
  }
}

/** A group whose edges do not all join the same two nodes: its capacity cannot be shared soundly. */
export class UnsupportedGroupError extends Error {
  constructor(
    readonly group: number,
    readonly edges: readonly number[],
  ) {
    super(
      `disjointPaths: group ${group} has edges ${edges.join(', ')} that do not all join the same two nodes; ` +
        'only groups of parallel or opposite edges (one physical link) are supported',
    );
    this.name = 'UnsupportedGroupError';
  }
}

/** Capacity that no flow here can reach (flows are bounded by the number of edges). */
const UNBOUNDED = 0x3fffffff;
/** Arc labels: >= 0 a graph edge; <= SPLIT_LABEL_BASE the split arc of node (SPLIT_LABEL_BASE - label). */
const SPLIT_LABEL_BASE = -2;

/** One-off wrapper around DisjointPathsQuery. */
export function disjointPaths(
  graph: RoutingGraph,
  source: number,
  target: number,
  options: DisjointPathsOptions = {},
): DisjointPathsResult {
  return new DisjointPathsQuery(graph, options.groupBy).paths(source, target, options);
}

/**
 * Reusable for many source/target pairs on one graph and one grouping: the
 * groups are checked and linked once, in the constructor.
 */
export class DisjointPathsQuery {
  /**
   * Edges of one group and one direction form a list: sameDirectionNext links
   * them in id order, directionHead[e] is the list's first edge (e itself for
   * an ungrouped edge), oppositeHead[e] the first edge of the group's other
   * direction (-1 if none).
   */
  private readonly sameDirectionNext: Int32Array;
  private readonly directionHead: Int32Array;
  private readonly oppositeHead: Int32Array;

  constructor(
    readonly graph: RoutingGraph,
    readonly groupBy?: Int32Array,
  ) {
    const m = graph.edgeCount;
    if (groupBy !== undefined && groupBy.length !== m) {
      throw new InvalidDisjointPathsArgumentError('groupBy', `has ${groupBy.length} entries; it needs one per edge (${m})`);
    }
    this.sameDirectionNext = new Int32Array(m).fill(-1);
    this.directionHead = new Int32Array(m);
    this.oppositeHead = new Int32Array(m).fill(-1);
    for (let e = 0; e < m; e++) this.directionHead[e] = e;
    if (groupBy !== undefined) this.linkGroups(groupBy);
  }

  private linkGroups(groupBy: Int32Array): void {
    const { tail, head, edgeCount: m } = this.graph;
    const slotOfGroup = new Map<number, number>();
    // Per slot and direction (0 = as the group's first edge, 1 = reversed): first and last edge of the list.
    const first: number[] = [];
    const last: number[] = [];
    for (let e = 0; e < m; e++) {
      const g = groupBy[e];
      if (g < 0 || tail[e] === head[e]) continue; // self-loops are never on a route
      let slot = slotOfGroup.get(g);
      if (slot === undefined) {
        slot = first.length / 2;
        slotOfGroup.set(g, slot);
        first.push(e, -1);
        last.push(e, -1);
        continue;
      }
      const f = first[2 * slot];
      let d: number;
      if (tail[e] === tail[f] && head[e] === head[f]) d = 0;
      else if (tail[e] === head[f] && head[e] === tail[f]) d = 1;
      else throw new UnsupportedGroupError(g, [f, e]);
      const i = 2 * slot + d;
      if (first[i] < 0) {
        first[i] = e;
      } else {
        this.sameDirectionNext[last[i]] = e;
        this.directionHead[e] = first[i];
      }
      last[i] = e;
    }
    for (let slot = 0; slot < first.length / 2; slot++) {
      const forward = first[2 * slot];
      const backward = first[2 * slot + 1];
      if (backward < 0) continue;
      for (let e = forward; e >= 0; e = this.sameDirectionNext[e]) this.oppositeHead[e] = backward;
      for (let e = backward; e >= 0; e = this.sameDirectionNext[e]) this.oppositeHead[e] = forward;
    }
  }

  paths(source: number, target: number, options: DisjointRouteOptions = {}): DisjointPathsResult {
    const graph = this.graph;
    checkNode('disjointPaths', 'source', graph, source);
    checkNode('disjointPaths', 'target', graph, target);
    checkOptions('disjointPaths', graph, { blockedEdges: options.blockedEdges, blockedNodes: options.blockedNodes });
    const k = options.k ?? 2;
    const mode = options.disjoint ?? 'edges';
    if (!Number.isInteger(k) || k < 1) throw new InvalidDisjointPathsArgumentError('k', `is ${k}; it must be an integer >= 1`);
    if (mode !== 'edges' && mode !== 'nodes') {
      throw new InvalidDisjointPathsArgumentError('disjoint', `is ${String(mode)}; it must be 'edges' or 'nodes'`);
    }
    if (source === target) {
      throw new InvalidDisjointPathsArgumentError('target', `${target} is the source; disjoint routes need two different ends`);
    }

    const kept = this.keptEdges(source, target, options);
    const net = buildFlowNetwork(graph, source, target, mode, kept);
    const solver = new MinCostFlow(net);
    let found = 0;
    while (found < k && solver.augmentCheapest()) found++;
    const flow = solver.flowSnapshot();
    this.cancelOppositeUse(net, kept, flow);
    // A route whose cost overflowed is no route (see PathResult.cost); the cheapest search never takes one.
    const paths = decompose(net, flow).filter((p) => p.cost < Infinity).sort(comparePaths);
    // Keep pushing flow (no costs needed) to learn the true maximum and its cut (also when the
    // cheapest search stopped early because every further route's cost would overflow).
    let maxDisjoint = found;
    while (solver.augmentAny()) maxDisjoint++;
    const { minCut, minCutDirectEdges } = cutFrom(net, solver.sourceSide());

    let totalCost = 0;
    for (const p of paths) totalCost += p.cost;
    return { paths, totalCost, maxDisjoint, minCut, minCutDirectEdges, settled: solver.settled };
  }

  /**
   * 1 for the edges that become arcs: usable (not blocked, not a self-loop, not
   * into the source or out of the target) and the cheapest usable edge of
   * their group and direction.
   */
  private keptEdges(source: number, target: number, options: QueryOptions): Uint8Array {
    const { nodeCount: n, edgeCount: m, tail, head, weight } = this.graph;
    const { blockedEdges, blockedNodes } = options;
    const usable = new Uint8Array(m);
    const nodeOk = new Uint8Array(n).fill(1);
    if (blockedNodes !== undefined) for (let v = 0; v < n; v++) if (blockedNodes[v] !== 0) nodeOk[v] = 0;
    nodeOk[source] = 1;
    nodeOk[target] = 1;
    for (let e = 0; e < m; e++) {
      const u = tail[e];
      const v = head[e];
      if (u === v || v === source || u === target) continue;
      if ((blockedEdges !== undefined && blockedEdges[e] !== 0) || nodeOk[u] === 0 || nodeOk[v] === 0) continue;
      usable[e] = 1;
    }
    const kept = new Uint8Array(m);
    const { directionHead, sameDirectionNext } = this;
    for (let h = 0; h < m; h++) {
      if (directionHead[h] !== h) continue;
      let best = -1;
      for (let e = h; e >= 0; e = sameDirectionNext[e]) {
        if (usable[e] === 1 && (best < 0 || weight[e] < weight[best])) best = e;
      }
      if (best >= 0) kept[best] = 1;
    }
    return kept;
  }

  /** Where a group carries flow both ways (u -> v and v -> u), cancel both units (see the file comment). */
  private cancelOppositeUse(net: FlowNetwork, kept: Uint8Array, flow: Int32Array): void {
    if (this.groupBy === undefined) return;
    const { oppositeHead, sameDirectionNext } = this;
    for (let a = 0; a < net.arcCount; a++) {
      const e = net.label[a];
      if (e < 0 || flow[a] === 0 || oppositeHead[e] < 0) continue;
      for (let o = oppositeHead[e]; o >= 0; o = sameDirectionNext[o]) {
        if (kept[o] === 1 && flow[net.arcOfEdge[o]] > 0) {
          flow[a] = 0;
          flow[net.arcOfEdge[o]] = 0;
        }
      }
    }
  }
}

/** The flow network of one query, as a plain arc list; arcOfEdge maps kept graph edges to their arcs. */
interface FlowNetwork {
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

/** Builds the flow network described at the top of the file from the kept edges. */
function buildFlowNetwork(
  graph: RoutingGraph,
  source: number,
  target: number,
  mode: 'edges' | 'nodes',
  kept: Uint8Array,
): FlowNetwork {
  const { nodeCount: n, edgeCount: m, tail, head, weight } = graph;
  const maxArcs = mode === 'edges' ? m : m + n;
  const net: FlowNetwork = {
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

/**
 * Splits a flow (units per arc, consumed) into routes: walk from the source
 * along arcs with flow; on returning to a flow node already on the walk, drop
 * the loop (a zero-cost cycle in a min-cost flow) and carry on.
 */
function decompose(net: FlowNetwork, flow: Int32Array): PathResult[] {
  const { graph, source, sink, nodeCount: N, arcCount: A } = net;
  const firstOut = new Int32Array(N + 1);
  for (let a = 0; a < A; a++) firstOut[net.tail[a] + 1]++;
  for (let v = 0; v < N; v++) firstOut[v + 1] += firstOut[v];
  const outArcs = new Int32Array(A);
  const fill = firstOut.slice(0, N);
  for (let a = 0; a < A; a++) outArcs[fill[net.tail[a]]++] = a;
  const scan = firstOut.slice(0, N); // arcs before scan[v] carry no more flow
  const positionOnWalk = new Int32Array(N).fill(-1);
  const walk: number[] = [];
  const walkNodes: number[] = [];

  const routes: PathResult[] = [];
  for (;;) {
    walk.length = 0;
    walkNodes.length = 0;
    let v = source;
    positionOnWalk[v] = 0;
    walkNodes.push(v);
    while (v !== sink) {
      while (scan[v] < firstOut[v + 1] && flow[outArcs[scan[v]]] === 0) scan[v]++;
      if (scan[v] === firstOut[v + 1]) break; // only at the source, once all flow is used
      const a = outArcs[scan[v]];
      flow[a]--;
      const w = net.head[a];
      if (positionOnWalk[w] >= 0) {
        // Loop back to w: forget the arcs since w (their flow is already taken off).
        const keep = positionOnWalk[w];
        for (let i = keep + 1; i < walkNodes.length; i++) positionOnWalk[walkNodes[i]] = -1;
        walkNodes.length = keep + 1;
        walk.length = keep;
      } else {
        positionOnWalk[w] = walkNodes.length;
        walkNodes.push(w);
        walk.push(a);
      }
      v = w;
    }
    for (const u of walkNodes) positionOnWalk[u] = -1;
    if (v !== sink) break;
    const edges: number[] = [];
    for (const a of walk) if (net.label[a] >= 0) edges.push(net.label[a]);
    const nodes = [graph.tail[edges[0]]];
    let cost = 0;
    for (const e of edges) {
      nodes.push(graph.head[e]);
      cost += graph.weight[e];
    }
    routes.push({ found: true, cost, edges, nodes, settled: 0 });
  }
  return routes;
}

/** Reads a minimum cut off the source side of a maximum flow: the capacity-1 arcs leaving it. */
function cutFrom(net: FlowNetwork, sourceSide: Uint8Array): { minCut: number[]; minCutDirectEdges: number[] } {
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

/**
 * Successive shortest paths on the residual network, one unit per route.
 * Residual arc 2a is flow arc a (capacity left), 2a+1 its reverse (flow on a, cost -cost[a]).
 */
class MinCostFlow {
  settled = 0;
  private readonly residual: Int32Array;
  private readonly arcHead: Int32Array;
  private readonly arcCost: Float64Array;
  private readonly firstArc: Int32Array;
  private readonly arcsOf: Int32Array;
  /** Johnson potentials, up to a shift shared by all nodes (only differences matter). */
  private readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly parentArc: Int32Array;
  /** Marks the nodes whose dist and parentArc belong to the current search. */
  private readonly reached: GenerationStamp;
  private readonly heap: IndexedMinHeap;
  private readonly settledOrder: Int32Array;
  private readonly source: number;
  private readonly sink: number;

  constructor(private readonly net: FlowNetwork) {
    const N = net.nodeCount;
    const A = net.arcCount;
    this.source = net.source;
    this.sink = net.sink;
    this.residual = new Int32Array(2 * A);
    this.arcHead = new Int32Array(2 * A);
    this.arcCost = new Float64Array(2 * A);
    this.firstArc = new Int32Array(N + 1);
    for (let a = 0; a < A; a++) {
      this.residual[2 * a] = net.capacity[a];
      this.arcHead[2 * a] = net.head[a];
      this.arcHead[2 * a + 1] = net.tail[a];
      this.arcCost[2 * a] = net.cost[a];
      this.arcCost[2 * a + 1] = -net.cost[a];
      this.firstArc[net.tail[a] + 1]++;
      this.firstArc[net.head[a] + 1]++;
    }
    for (let v = 0; v < N; v++) this.firstArc[v + 1] += this.firstArc[v];
    this.arcsOf = new Int32Array(2 * A);
    const fill = this.firstArc.slice(0, N);
    for (let a = 0; a < A; a++) {
      this.arcsOf[fill[net.tail[a]]++] = 2 * a;
      this.arcsOf[fill[net.head[a]]++] = 2 * a + 1;
    }
    // All costs start >= 0, so zero potentials are valid.
    this.potential = new Float64Array(N);
    this.dist = new Float64Array(N);
    this.parentArc = new Int32Array(N);
    this.reached = new GenerationStamp(N);
    this.heap = new IndexedMinHeap(N);
    this.settledOrder = new Int32Array(N);
  }

  /**
   * Sends one unit along a cheapest augmenting path (Dijkstra on reduced
   * costs, stopped at the sink). Returns false when the sink is unreachable.
   */
  augmentCheapest(): boolean {
    const { residual, arcHead, arcCost, firstArc, arcsOf, potential, dist, parentArc, heap } = this;
    const reached = this.reached.next();
    const sink = this.sink;
    heap.clear();
    dist[this.source] = 0;
    parentArc[this.source] = -1;
    reached.mark(this.source);
    heap.push(this.source, 0);
    let count = 0;
    let sinkReached = false;
    while (!heap.isEmpty()) {
      // A distance that overflowed: every augmenting path left would cost more than any finite route can.
      if (heap.minKey() === Infinity) break;
      const u = heap.pop();
      this.settledOrder[count++] = u;
      if (u === sink) {
        sinkReached = true;
        break;
      }
      const du = dist[u];
      const pu = potential[u];
      for (let p = firstArc[u]; p < firstArc[u + 1]; p++) {
        const a = arcsOf[p];
        if (residual[a] === 0) continue;
        const v = arcHead[a];
        // Reduced cost, >= 0 in exact arithmetic; clamp rounding crumbs below zero.
        let rc = arcCost[a] + pu - potential[v];
        if (rc < 0) rc = 0;
        const dv = du + rc;
        if (!reached.has(v)) {
          reached.mark(v);
          dist[v] = dv;
          parentArc[v] = a;
          heap.push(v, dv);
        } else if (dv < dist[v] && heap.contains(v)) {
          dist[v] = dv;
          parentArc[v] = a;
          heap.decreaseKey(v, dv);
        }
      }
    }
    this.settled += count;
    if (!sinkReached) return false;

    // Potentials: settled nodes gain their distance d, every other node the
    // sink's distance D, which keeps all reduced costs >= 0. Shifted by -D for
    // all nodes, that is "settled nodes gain d - D", touching only settled nodes.
    const D = dist[sink];
    for (let i = 0; i < count; i++) {
      const v = this.settledOrder[i];
      potential[v] += dist[v] - D;
    }
    for (let v = sink; v !== this.source; ) {
      const a = parentArc[v];
      residual[a]--;
      residual[a ^ 1]++;
      v = arcHead[a ^ 1];
    }
    return true;
  }

  /** Sends one unit along any augmenting path (BFS); false when none is left. */
  augmentAny(): boolean {
    const { residual, arcHead, firstArc, arcsOf, parentArc } = this;
    const reached = this.reached.next();
    const queue = this.settledOrder;
    reached.mark(this.source);
    queue[0] = this.source;
    let qHead = 0;
    let qTail = 1;
    while (qHead < qTail) {
      const u = queue[qHead++];
      for (let p = firstArc[u]; p < firstArc[u + 1]; p++) {
        const a = arcsOf[p];
        const v = arcHead[a];
        if (residual[a] === 0 || reached.has(v)) continue;
        reached.mark(v);
        parentArc[v] = a;
        if (v === this.sink) {
          for (let w = v; w !== this.source; ) {
            const b = parentArc[w];
            residual[b]--;
            residual[b ^ 1]++;
            w = arcHead[b ^ 1];
          }
          return true;
        }
        queue[qTail++] = v;
      }
    }
    return false;
  }

  /** Units of flow on each flow-network arc right now (a copy). */
  flowSnapshot(): Int32Array {
    const flow = new Int32Array(this.net.arcCount);
    for (let a = 0; a < flow.length; a++) flow[a] = this.residual[2 * a + 1];
    return flow;
  }

  /** Flow nodes reachable from the source in the residual network. */
  sourceSide(): Uint8Array {
    const { firstArc, arcsOf, arcHead, residual } = this;
    return residualReach({ firstArc, arcsOf, arcHead, residual }, this.net.nodeCount, this.source, 0, this.settledOrder);
  }

}

function comparePaths(a: PathResult, b: PathResult): number {
  if (a.cost !== b.cost) return a.cost - b.cost;
  const n = Math.min(a.edges.length, b.edges.length);
  for (let i = 0; i < n; i++) if (a.edges[i] !== b.edges[i]) return a.edges[i] - b.edges[i];
  return a.edges.length - b.edges.length;
}
