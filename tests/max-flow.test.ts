/**
 * maxFlow (Dinic): drawn networks with known answers, then random tiny
 * networks checked against a brute-force minimum cut over every subset of nodes
 * (max-flow = min-cut), plus feasibility of the returned flow.
 */
import { describe, expect, it } from 'vitest';
import {
  InvalidFlowNetworkError,
  maxFlow,
  UnboundedFlowError,
  type FlowNetwork,
  type MaxFlowResult,
} from '../src/core/max-flow.js';
import { InvalidNodeError } from '../src/core/path.js';
import { mulberry32 } from './fixtures/prng.js';


/** Minimum over all node sets S with source ∈ S, sink ∉ S of the capacity leaving S. */
function bruteForceMinCut(net: FlowNetwork, source: number, sink: number): number {
  let best = Infinity;
  for (let mask = 0; mask < 1 << net.nodeCount; mask++) {
    if (!(mask & (1 << source)) || mask & (1 << sink)) continue;
    let cut = 0;
    for (let i = 0; i < net.from.length; i++) {
      if (mask & (1 << net.from[i]) && !(mask & (1 << net.to[i]))) cut += net.capacity[i];
    }
    best = Math.min(best, cut);
  }
  return best;
}

/** The flow respects capacities and is conserved everywhere but source and sink; value = net outflow of source. */
function expectFeasible(net: FlowNetwork, result: MaxFlowResult, source: number, sink: number, tolerance: number): void {
  const balance = new Float64Array(net.nodeCount);
  for (let i = 0; i < net.from.length; i++) {
    const f = result.flow[i];
    expect(f).toBeGreaterThanOrEqual(-tolerance);
    expect(f).toBeLessThanOrEqual(net.capacity[i] + tolerance);
    balance[net.from[i]] -= f;
    balance[net.to[i]] += f;
  }
  for (let v = 0; v < net.nodeCount; v++) {
    if (v === source || v === sink) continue;
    expect(Math.abs(balance[v])).toBeLessThanOrEqual(tolerance);
  }
  expect(Math.abs(-balance[source] - result.value)).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(balance[sink] - result.value)).toBeLessThanOrEqual(tolerance);
}

/** The reported cut separates source from sink, consists of edges S -> T, and its capacity equals the flow value. */
function expectCutMatches(net: FlowNetwork, result: MaxFlowResult, source: number, sink: number, tolerance: number): void {
  expect(result.sourceSide[source]).toBe(1);
  expect(result.sourceSide[sink]).toBe(0);
  let cutCapacity = 0;
  for (const i of result.minCut) {
    expect(result.sourceSide[net.from[i]]).toBe(1);
    expect(result.sourceSide[net.to[i]]).toBe(0);
    expect(Math.abs(result.flow[i] - net.capacity[i])).toBeLessThanOrEqual(tolerance);
    cutCapacity += net.capacity[i];
  }
  // No positive-capacity edge from S to T is missing from the cut.
  for (let i = 0; i < net.from.length; i++) {
    if (net.capacity[i] > 0 && result.sourceSide[net.from[i]] === 1 && result.sourceSide[net.to[i]] === 0) {
      expect(result.minCut).toContain(i);
    }
  }
  expect(Math.abs(cutCapacity - result.value)).toBeLessThanOrEqual(tolerance);
}

describe('maxFlow on drawn networks', () => {
  /*
   *            #0: 0.5          #3: 0.3
   *       s(0) --------> a(1) ----------> t(3)
   *         |             |                ^
   *         | #1: 0.4     | #2: 0.25       | #4: 0.55
   *         v             v                |
   *         +----------> b(2) -------------+
   *
   * Cuts: {s} 0.9; {s,a} 0.4+0.25+0.3 = 0.95; {s,b} 0.5+0.55 = 1.05;
   * {s,a,b} 0.3+0.55 = 0.85  <- minimum, so the max flow is 0.85 and the
   * min cut is {#3, #4}.
   */
  const fractional: FlowNetwork = {
    nodeCount: 4,
    from: [0, 0, 1, 1, 2],
    to: [1, 2, 2, 3, 3],
    capacity: [0.5, 0.4, 0.25, 0.3, 0.55],
  };

  it('fractional capacities: value 0.85, cut {#3, #4}', () => {
    const result = maxFlow(fractional, 0, 3);
    expect(result.value).toBeCloseTo(0.85, 12);
    expect(result.minCut).toEqual([3, 4]);
    expect(Array.from(result.sourceSide)).toEqual([1, 1, 1, 0]);
    expectFeasible(fractional, result, 0, 3, 1e-12);
  });

  /*
   * Two checkpoints (1, 2) on one side, two destinations (4, 5) on the
   * other; super source 0 and super sink 6 joined by infinite edges:
   *
   *        ∞     1 --#2: 3--> 4      ∞
   *   0 ---+---> |     \            +---> 6
   *        |     |      #4: 2       |
   *        +---> 2 --#3: 1--> 5 ----+
   *
   *   #0: 0->1 ∞, #1: 0->2 ∞, #2: 1->4 cap 3, #3: 2->5 cap 1,
   *   #4: 1->5 cap 2, #5: 4->6 ∞, #6: 5->6 ∞.
   * All flow crosses the middle: 3 + 1 + 2 = 6.
   */
  it('multiple sources and sinks through an infinite-capacity super source and sink', () => {
    const net: FlowNetwork = {
      nodeCount: 7,
      from: [0, 0, 1, 2, 1, 4, 5],
      to: [1, 2, 4, 5, 5, 6, 6],
      capacity: [Infinity, Infinity, 3, 1, 2, Infinity, Infinity],
    };
    const result = maxFlow(net, 0, 6);
    expect(result.value).toBe(6);
    expect(result.minCut).toEqual([2, 3, 4]);
    expectFeasible(net, result, 0, 6, 0);
  });

  /*
   * Parallel edges add up; a self-loop and an edge into the source carry nothing useful:
   *   0 ==#0: 2, #1: 1.5==> 1 --#2: 10--> 2,  1 ⟲ #3: 5,  2 --#4: 4--> 0
   */
  it('parallel edges count separately; self-loops are harmless', () => {
    const net: FlowNetwork = { nodeCount: 3, from: [0, 0, 1, 1, 2], to: [1, 1, 2, 1, 0], capacity: [2, 1.5, 10, 5, 4] };
    const result = maxFlow(net, 0, 2);
    expect(result.value).toBe(3.5);
    expect(result.minCut).toEqual([0, 1]);
    expect(result.flow[3]).toBe(0);
  });

  it('an unreachable sink gives value 0 and an empty cut', () => {
    const net: FlowNetwork = { nodeCount: 3, from: [0, 2], to: [1, 1], capacity: [1, 1] };
    const result = maxFlow(net, 0, 2);
    expect(result.value).toBe(0);
    expect(result.minCut).toEqual([]);
    expect(Array.from(result.sourceSide)).toEqual([1, 1, 0]);
  });

  it('rejects an all-infinite path, bad capacities, bad nodes and source === sink', () => {
    expect(() => maxFlow({ nodeCount: 3, from: [0, 1], to: [1, 2], capacity: [Infinity, Infinity] }, 0, 2)).toThrow(
      UnboundedFlowError,
    );
    expect(() => maxFlow({ nodeCount: 2, from: [0], to: [1], capacity: [-1] }, 0, 1)).toThrow(InvalidFlowNetworkError);
    expect(() => maxFlow({ nodeCount: 2, from: [0], to: [1], capacity: [NaN] }, 0, 1)).toThrow(/capacity\[0\] is NaN/);
    expect(() => maxFlow({ nodeCount: 2, from: [0], to: [2], capacity: [1] }, 0, 1)).toThrow(/to\[0\] is 2/);
    expect(() => maxFlow({ nodeCount: 2, from: [0], to: [1], capacity: [1, 2] }, 0, 1)).toThrow(InvalidFlowNetworkError);
    expect(() => maxFlow({ nodeCount: 2, from: [0], to: [1], capacity: [1] }, 0, 0)).toThrow(InvalidFlowNetworkError);
    expect(() => maxFlow({ nodeCount: 2, from: [0], to: [1], capacity: [1] }, 0, 5)).toThrow(InvalidNodeError);
  });
});

describe('maxFlow against brute-force min cut on random tiny networks', () => {
  for (const kind of ['integer', 'real'] as const) {
    it(`${kind} capacities, 300 networks`, () => {
      const random = mulberry32(kind === 'integer' ? 7 : 11);
      for (let trial = 0; trial < 300; trial++) {
        const n = 2 + Math.floor(random() * 6);
        const m = Math.floor(random() * 14);
        const from: number[] = [];
        const to: number[] = [];
        const capacity: number[] = [];
        for (let i = 0; i < m; i++) {
          from.push(Math.floor(random() * n));
          to.push(Math.floor(random() * n));
          capacity.push(kind === 'integer' ? Math.floor(random() * 4) : Math.round(random() * 1000) / 100);
        }
        const net: FlowNetwork = { nodeCount: n, from, to, capacity };
        const source = Math.floor(random() * n);
        const sink = (source + 1 + Math.floor(random() * (n - 1))) % n;
        const result = maxFlow(net, source, sink);
        const expected = bruteForceMinCut(net, source, sink);
        const tolerance = kind === 'integer' ? 0 : 1e-9;
        expect(Math.abs(result.value - expected)).toBeLessThanOrEqual(tolerance);
        expectFeasible(net, result, source, sink, tolerance);
        expectCutMatches(net, result, source, sink, tolerance);
      }
    });
  }
});
