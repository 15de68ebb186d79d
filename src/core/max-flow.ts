/**
 * Maximum flow (Dinic's algorithm) on a small edge-list network with real
 * capacities. It keeps its own residual arrays rather than using a
 * RoutingGraph: callers build flow networks of their own (checkpoint
 * capacities across a border, a super source and sink, unit capacities to
 * count disjoint routes), not shortest-path graphs.
 *
 * Residual layout (residual-network.ts): input edge i becomes arc 2i
 * (forward, residual = capacity left) and arc 2i+1 (backward, residual = flow
 * on edge i), so arc a's partner is a ^ 1 and the flow on edge i is simply
 * residual[2i+1].
 */
import { InvalidNodeError } from './path.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { DataError, InputError } from '../errors/steppenet-error.js';
import { residualArcs, residualSearch, ResidualSearchState, type ResidualArcs } from './residual-network.js';

export interface FlowNetwork {
  nodeCount: number;
  /** Tail of each edge. */
  from: ArrayLike<number>;
  /** Head of each edge. */
  to: ArrayLike<number>;
  /** Capacity of each edge: a number >= 0; Infinity is allowed (e.g. super source edges). */
  capacity: ArrayLike<number>;
}

export interface MaxFlowResult {
  /** Value of a maximum flow (total leaving the source). */
  value: number;
  /** Flow on each input edge, by input index. */
  flow: Float64Array;
  /**
   * A minimum cut: indices of input edges with positive capacity that go from
   * the source side to the sink side. They are all saturated and their
   * capacities sum to `value` (up to rounding).
   */
  minCut: number[];
  /** 1 for nodes reachable from the source in the final residual network (the source side of minCut). */
  sourceSide: Uint8Array;
}

/** A FlowNetwork that cannot be solved as given: mismatched arrays, a bad node, a bad capacity. */
export class InvalidFlowNetworkError extends InputError {
  constructor(
    readonly functionName: string,
    readonly argument: string,
    detail: string,
  ) {
    super(`${functionName}: ${argument} ${detail}`);
  }
}

/** Source and sink are joined by a path of infinite-capacity edges, so no finite maximum exists. */
export class UnboundedFlowError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_GRAPH';
  constructor(
    readonly source: number,
    readonly sink: number,
  ) {
    super(`maxFlow: source ${source} reaches sink ${sink} through infinite-capacity edges only; the flow is unbounded`);
  }
}

/**
 * Relative tolerance below which a residual capacity counts as zero. Real
 * capacities (0.1 + 0.2 ...) leave crumbs like 3e-17 after subtraction; without
 * a tolerance those would show up as extra augmenting paths and split the min cut.
 */
const RELATIVE_EPSILON = 1e-12;

export function maxFlow(network: FlowNetwork, source: number, sink: number): MaxFlowResult {
  const n = checkNetwork(network);
  checkEndpoint('source', source, n);
  checkEndpoint('sink', sink, n);
  if (source === sink) {
    throw new InvalidFlowNetworkError('maxFlow', 'sink', `${sink} is the source; source and sink must differ`);
  }
  const { from, to, capacity } = network;
  const m = from.length;

  const { firstArc, arcsOf, arcHead } = residualArcs(n, from, to);
  const residual = new Float64Array(2 * m);
  let largestFinite = 0;
  for (let i = 0; i < m; i++) {
    const c = capacity[i];
    residual[2 * i] = c;
    if (c !== Infinity && c > largestFinite) largestFinite = c;
  }
  const arcs = { firstArc, arcsOf, arcHead, residual };
  const epsilon = (largestFinite > 0 ? largestFinite : 1) * RELATIVE_EPSILON;
  const state = new ResidualSearchState(n);

  // Only arcs of infinite capacity have more than Number.MAX_VALUE left.
  if (residualSearch(arcs, source, Number.MAX_VALUE, state, sink)) throw new UnboundedFlowError(source, sink);

  const value = dinic(arcs, n, source, sink, epsilon, state);

  const flow = new Float64Array(m);
  for (let i = 0; i < m; i++) flow[i] = residual[2 * i + 1];

  // Source side of the min cut: reachable in the final residual network.
  residualSearch(arcs, source, epsilon, state);
  const sourceSide = state.side();
  const minCut: number[] = [];
  for (let i = 0; i < m; i++) {
    if (capacity[i] > 0 && sourceSide[from[i]] === 1 && sourceSide[to[i]] === 0) minCut.push(i);
  }
  return { value, flow, minCut, sourceSide };
}

/**
 * Dinic's phases: a level graph by BFS over arcs with residual left, then a
 * blocking flow in it, until the sink is unreachable. Pushes the flow into
 * `arcs.residual`; returns its value.
 */
function dinic(
  arcs: ResidualArcs & { residual: Float64Array },
  n: number,
  source: number,
  sink: number,
  epsilon: number,
  state: ResidualSearchState,
): number {
  const { firstArc, arcHead } = arcs;
  const { queue, parentArc } = state;
  const level = new Int32Array(n);
  const nextArc = new Int32Array(n);
  const pathArcs = new Int32Array(n);
  const pathNodes = new Int32Array(n);
  let value = 0;
  for (;;) {
    residualSearch(arcs, source, epsilon, state);
    level.fill(-1);
    level[source] = 0;
    for (let i = 1; i < state.count; i++) {
      const w = queue[i];
      level[w] = level[arcHead[parentArc[w] ^ 1]] + 1;
    }
    if (level[sink] < 0) return value;
    for (let v = 0; v < n; v++) nextArc[v] = firstArc[v];
    value += blockingFlow(arcs, level, nextArc, pathArcs, pathNodes, source, sink, epsilon);
  }
}

/**
 * A blocking flow in the level graph by iterative DFS (pathArcs[0..depth) is
 * the current partial path); returns its value. Dead ends leave the level
 * graph (level -1) for the rest of the phase.
 */
function blockingFlow(
  arcs: ResidualArcs & { residual: Float64Array },
  level: Int32Array,
  nextArc: Int32Array,
  pathArcs: Int32Array,
  pathNodes: Int32Array,
  source: number,
  sink: number,
  epsilon: number,
): number {
  const { firstArc, arcsOf, arcHead, residual } = arcs;
  let value = 0;
  let depth = 0;
  let v = source;
  for (;;) {
    if (v === sink) {
      let bottleneck = Infinity;
      for (let d = 0; d < depth; d++) bottleneck = Math.min(bottleneck, residual[pathArcs[d]]);
      let firstSaturated = -1;
      for (let d = 0; d < depth; d++) {
        const a = pathArcs[d];
        residual[a] -= bottleneck;
        residual[a ^ 1] += bottleneck;
        if (firstSaturated < 0 && residual[a] <= epsilon) firstSaturated = d;
      }
      value += bottleneck;
      // Resume from the tail of the first arc that filled up; the arcs before it still have room.
      depth = firstSaturated;
      v = pathNodes[depth];
      continue;
    }
    const end = firstArc[v + 1];
    let p = nextArc[v];
    const nextLevel = level[v] + 1;
    while (p < end) {
      const a = arcsOf[p];
      if (residual[a] > epsilon && level[arcHead[a]] === nextLevel) break;
      p++;
    }
    nextArc[v] = p;
    if (p < end) {
      const a = arcsOf[p];
      pathArcs[depth] = a;
      pathNodes[depth] = v;
      depth++;
      v = arcHead[a];
    } else {
      if (v === source) return value;
      // Dead end: no blocking path goes through v in this phase.
      level[v] = -1;
      depth--;
      v = pathNodes[depth];
      nextArc[v]++;
    }
  }
}

function checkNetwork(network: FlowNetwork): number {
  const { nodeCount: n, from, to, capacity } = network;
  if (!Number.isInteger(n) || n < 0) {
    throw new InvalidFlowNetworkError('maxFlow', 'nodeCount', `is ${n}; it must be an integer >= 0`);
  }
  const m = from.length;
  if (to.length !== m || capacity.length !== m) {
    throw new InvalidFlowNetworkError(
      'maxFlow',
      'network',
      `has ${m} from, ${to.length} to and ${capacity.length} capacity entries; they must be equal`,
    );
  }
  for (let i = 0; i < m; i++) {
    const u = from[i];
    const v = to[i];
    if (!Number.isInteger(u) || u < 0 || u >= n) {
      throw new InvalidFlowNetworkError('maxFlow', `from[${i}]`, `is ${u}; it must be a node id in 0..${n - 1}`);
    }
    if (!Number.isInteger(v) || v < 0 || v >= n) {
      throw new InvalidFlowNetworkError('maxFlow', `to[${i}]`, `is ${v}; it must be a node id in 0..${n - 1}`);
    }
    const c = capacity[i];
    if (typeof c !== 'number' || !(c >= 0)) {
      throw new InvalidFlowNetworkError('maxFlow', `capacity[${i}]`, `is ${c}; it must be a number >= 0 (Infinity allowed)`);
    }
  }
  return n;
}

function checkEndpoint(argument: string, node: number, n: number): void {
  if (!Number.isInteger(node) || node < 0 || node >= n) throw new InvalidNodeError('maxFlow', argument, node, n);
}
