/**
 * Minimum-cost flow by successive shortest paths with Johnson potentials (one
 * unit or a whole path's bottleneck per augmentation) on integer capacities
 * and costs >= 0; plus plain
 * augmentation (any path, no costs) to finish a maximum flow. The residual
 * network is residual-network.ts's: residual arc 2a is flow arc a (capacity
 * left), 2a+1 its reverse (flow on a, cost -cost[a]).
 */
import { GenerationStamp } from './generation-stamp.js';
import { IndexedMinHeap } from './min-heap.js';
import { residualArcs, residualSearch, ResidualSearchState, type ResidualArcs } from './residual-network.js';
import { InvalidFlowNetworkError } from './max-flow.js';

/** A flow network as an arc list: arcs 0..arcCount-1 (longer arrays are read only that far). */
export interface CostedArcList {
  nodeCount: number;
  arcCount: number;
  source: number;
  sink: number;
  tail: Int32Array;
  head: Int32Array;
  capacity: Int32Array;
  cost: Float64Array;
}

export class MinCostFlow {
  /** Nodes settled by all the cheapest-path searches so far. */
  settled = 0;
  private readonly arcs: ResidualArcs & { residual: Int32Array; arcHead: Int32Array; firstArc: Uint32Array; arcsOf: Uint32Array };
  private readonly arcCost: Float64Array;
  /** Johnson potentials, up to a shift shared by all nodes (only differences matter). */
  private readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly parentArc: Int32Array;
  /** Marks the nodes whose dist and parentArc belong to the current search. */
  private readonly reached: GenerationStamp;
  private readonly heap: IndexedMinHeap;
  /** Settled nodes of the latest cheapest-path search. */
  private readonly settledOrder: Int32Array;
  /** The plain (BFS) searches' scratch and result. */
  private readonly plain: ResidualSearchState;
  private readonly source: number;
  private readonly sink: number;
  private readonly arcCount: number;

  constructor(net: CostedArcList) {
    const N = net.nodeCount;
    const A = net.arcCount;
    this.source = net.source;
    this.sink = net.sink;
    this.arcCount = A;
    const { firstArc, arcsOf, arcHead } = residualArcs(N, net.tail.subarray(0, A), net.head.subarray(0, A));
    const residual = new Int32Array(2 * A);
    this.arcCost = new Float64Array(2 * A);
    for (let a = 0; a < A; a++) {
      residual[2 * a] = net.capacity[a];
      this.arcCost[2 * a] = net.cost[a];
      this.arcCost[2 * a + 1] = -net.cost[a];
    }
    this.arcs = { firstArc, arcsOf, arcHead, residual };
    // All costs start >= 0, so zero potentials are valid.
    this.potential = new Float64Array(N);
    this.dist = new Float64Array(N);
    this.parentArc = new Int32Array(N);
    this.reached = new GenerationStamp(N);
    this.heap = new IndexedMinHeap(N);
    this.settledOrder = new Int32Array(N);
    this.plain = new ResidualSearchState(N);
  }

  /**
   * Sends one unit along a cheapest augmenting path (Dijkstra on reduced
   * costs, stopped at the sink). Returns false when the sink is unreachable.
   */
  augmentCheapest(): boolean {
    return this.augmentCheapestPath(1) > 0;
  }

  /**
   * Sends as much as the cheapest augmenting path takes, at most `limit`
   * units; returns the units sent (0 when the sink is unreachable) and adds
   * their cost to `cost`.
   */
  augmentCheapestPath(limit: number): number {
    const { residual, arcHead, firstArc, arcsOf } = this.arcs;
    const { arcCost, potential, dist, parentArc, heap } = this;
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
    if (!sinkReached) return 0;

    // Potentials: settled nodes gain their distance d, every other node the
    // sink's distance D, which keeps all reduced costs >= 0. Shifted by -D for
    // all nodes, that is "settled nodes gain d - D", touching only settled nodes.
    const D = dist[sink];
    for (let i = 0; i < count; i++) {
      const v = this.settledOrder[i];
      potential[v] += dist[v] - D;
    }
    let units = limit;
    for (let v = sink; v !== this.source; v = this.arcs.arcHead[parentArc[v] ^ 1]) units = Math.min(units, this.arcs.residual[parentArc[v]]);
    this.augmentToSink(parentArc, units);
    return units;
  }

  /** Total cost of the flow sent so far. */
  get cost(): number {
    let total = 0;
    for (let a = 0; a < this.arcCount; a++) total += this.arcs.residual[2 * a + 1] * this.arcCost[2 * a];
    return total;
  }

  /** Sends one unit along any augmenting path (BFS); false when none is left. */
  augmentAny(): boolean {
    if (!residualSearch(this.arcs, this.source, 0, this.plain, this.sink)) return false;
    this.augmentToSink(this.plain.parentArc, 1);
    return true;
  }

  /** Units of flow on each arc right now (a copy). */
  flowSnapshot(): Int32Array {
    const flow = new Int32Array(this.arcCount);
    for (let a = 0; a < flow.length; a++) flow[a] = this.arcs.residual[2 * a + 1];
    return flow;
  }

  /** Nodes reachable from the source in the residual network. */
  sourceSide(): Uint8Array {
    residualSearch(this.arcs, this.source, 0, this.plain);
    return this.plain.side();
  }

  /** `units` along the parent arcs from the sink back to the source. */
  private augmentToSink(parentArc: Int32Array, units: number): void {
    const { residual, arcHead } = this.arcs;
    for (let v = this.sink; v !== this.source; ) {
      const a = parentArc[v];
      residual[a] -= units;
      residual[a ^ 1] += units;
      v = arcHead[a ^ 1];
    }
  }
}

/** A flow network with a cost per unit of flow on each edge: the input of minCostMaxFlow. */
export interface CostFlowNetwork {
  nodeCount: number;
  /** Tail of each edge. */
  from: ArrayLike<number>;
  /** Head of each edge. */
  to: ArrayLike<number>;
  /** Capacity of each edge: a whole number from 0 to 2^31 − 1 (trucks, trains, tonnes a day). */
  capacity: ArrayLike<number>;
  /** Cost of one unit of flow on each edge: a finite number >= 0. */
  cost: ArrayLike<number>;
}

export interface MinCostFlowResult {
  /** The flow carried: a maximum flow, or `limit` when that is less. */
  value: number;
  /** Its total cost, sum of flow × cost over the edges: the least of any flow of that value. */
  cost: number;
  /** Flow on each input edge, by input index. */
  flow: Int32Array;
}

/**
 * The cheapest maximum flow from source to sink (NetworkX max_flow_min_cost,
 * pgRouting pgr_maxFlowMinCost), or the cheapest flow of `limit` units when
 * less can be asked: successive cheapest augmenting paths with Johnson
 * potentials, each carrying its bottleneck. Exact on whole capacities;
 * costs must be >= 0.
 */
export function minCostMaxFlow(network: CostFlowNetwork, source: number, sink: number, options: { limit?: number } = {}): MinCostFlowResult {
  const fn = 'minCostMaxFlow';
  const bad = (argument: string, detail: string) => new InvalidFlowNetworkError(fn, argument, detail);
  if (typeof network !== 'object' || network === null) throw bad('network', `must be { nodeCount, from, to, capacity, cost }, got ${JSON.stringify(network)}`);
  const { nodeCount: n, from, to, capacity, cost } = network;
  if (!Number.isInteger(n) || n < 0) throw bad('nodeCount', `must be a whole number >= 0, got ${n}`);
  const m = from?.length;
  for (const [name, array] of [['to', to], ['capacity', capacity], ['cost', cost]] as const) {
    if (array?.length !== m) throw bad(name, `must have one entry per edge (${m}), got ${array?.length}`);
  }
  for (let e = 0; e < m; e++) {
    if (!Number.isInteger(from[e]) || from[e] < 0 || from[e] >= n) throw bad(`from[${e}]`, `${from[e]} is not a node in 0..${n - 1}`);
    if (!Number.isInteger(to[e]) || to[e] < 0 || to[e] >= n) throw bad(`to[${e}]`, `${to[e]} is not a node in 0..${n - 1}`);
    if (!Number.isInteger(capacity[e]) || capacity[e] < 0 || capacity[e] > 0x7fffffff) throw bad(`capacity[${e}]`, `must be a whole number from 0 to 2^31 - 1, got ${capacity[e]}`);
    if (!Number.isFinite(cost[e]) || cost[e] < 0) throw bad(`cost[${e}]`, `must be a finite number >= 0, got ${cost[e]}`);
  }
  for (const [name, v] of [['source', source], ['sink', sink]] as const) {
    if (!Number.isInteger(v) || v < 0 || v >= n) throw bad(name, `${v} is not a node in 0..${n - 1}`);
  }
  if (source === sink) throw bad('sink', `${sink} is the source; source and sink must differ`);
  const limit = options.limit ?? Infinity;
  if (!(limit >= 0)) throw bad('options.limit', `must be a number >= 0, got ${limit}`);
  const solver = new MinCostFlow({
    nodeCount: n, arcCount: m, source, sink,
    tail: Int32Array.from(from), head: Int32Array.from(to), capacity: Int32Array.from(capacity), cost: Float64Array.from(cost),
  });
  let value = 0;
  for (let sent; value < limit && (sent = solver.augmentCheapestPath(Math.min(limit - value, 0x7fffffff))) > 0; ) value += sent;
  return { value, cost: solver.cost, flow: solver.flowSnapshot() };
}
