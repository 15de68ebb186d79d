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
 * The flow network is built per call (disjoint-flow-network.ts: capacity 1
 * per edge, or per node with nodes split in 'nodes' mode); edges into the
 * source and out of the target are left out (no simple route uses them). The
 * flow is solved by min-cost-flow.ts and split into routes by flow-paths.ts.
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
import { buildFlowNetwork, cutFrom, type DisjointFlowNetwork } from './disjoint-flow-network.js';
import { flowPaths } from './flow-paths.js';
import { MinCostFlow } from './min-cost-flow.js';
import { checkNode, checkOptions, type PathResult, type QueryOptions } from './path.js';
import type { RoutingGraph } from './routing-graph.js';
import { InputError } from '../errors/steppenet-error.js';

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
export class InvalidDisjointPathsArgumentError extends InputError {
  constructor(
    readonly argument: string,
    detail: string,
  ) {
    super(`disjointPaths: ${argument} ${detail}`);
  }
}

/** A group whose edges do not all join the same two nodes: its capacity cannot be shared soundly. */
export class UnsupportedGroupError extends InputError {
  constructor(
    readonly group: number,
    readonly edges: readonly number[],
  ) {
    super(
      `disjointPaths: group ${group} has edges ${edges.join(', ')} that do not all join the same two nodes; ` +
        'only groups of parallel or opposite edges (one physical link) are supported',
    );
  }
}

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
    const paths = routesOf(net, flow).filter((p) => p.cost < Infinity).sort(comparePaths);
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
  private cancelOppositeUse(net: DisjointFlowNetwork, kept: Uint8Array, flow: Int32Array): void {
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



/** The routes a flow carries (see flow-paths.ts), as paths of graph edges; consumes `flow`. */
function routesOf(net: DisjointFlowNetwork, flow: Int32Array): PathResult[] {
  const { graph } = net;
  return flowPaths(net.nodeCount, net.tail, net.head, flow, net.source, net.sink).map((arcs) => {
    // Split arcs are no graph edges.
    const edges = arcs.map((a) => net.label[a]).filter((e) => e >= 0);
    const nodes = [graph.tail[edges[0]]];
    let cost = 0;
    for (const e of edges) {
      nodes.push(graph.head[e]);
      cost += graph.weight[e];
    }
    return { found: true, cost, edges, nodes, settled: 0 };
  });
}

function comparePaths(a: PathResult, b: PathResult): number {
  if (a.cost !== b.cost) return a.cost - b.cost;
  const n = Math.min(a.edges.length, b.edges.length);
  for (let i = 0; i < n; i++) if (a.edges[i] !== b.edges[i]) return a.edges[i] - b.edges[i];
  return a.edges.length - b.edges.length;
}
