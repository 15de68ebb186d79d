// Min-cost max-flow (issue 15, item 5): a small drawn network checked by eye,
// brute force over every integer flow of tiny random networks, and the value
// against maxFlow (Dinic) on larger ones.
import { describe, expect, it } from 'vitest';
import { maxFlow, InvalidFlowNetworkError } from '../src/core/max-flow.js';
import { minCostMaxFlow, type CostFlowNetwork } from '../src/core/min-cost-flow.js';
import { prng } from './fixtures/prng.js';

describe('minCostMaxFlow on a drawn network', () => {
  // Two border crossings from s (0) to t (3): the cheap one, 0 → 1 → 3, takes
  // 4 units at 1 + 1 a unit; the dear one, 0 → 2 → 3, takes 3 at 5 + 5;
  // 1 → 2 (capacity 2, cost 1) lets flow from the cheap road reach the dear crossing.
  //
  //        1
  //      ↗ | ↘
  //    0   ↓   3
  //      ↘ 2 ↗
  const net: CostFlowNetwork = {
    nodeCount: 4,
    from: [0, 1, 0, 2, 1],
    to: [1, 3, 2, 3, 2],
    capacity: [6, 4, 3, 3, 2],
    cost: [1, 1, 5, 5, 1],
  };

  it('carries the maximum, 7, as cheaply as it can', () => {
    const r = minCostMaxFlow(net, 0, 3);
    // 4 by the cheap way (2 each), then 3 more into 2: by 0 → 1 → 2 (2 units at 1 + 1) and 0 → 2 (1 unit at 5), then 2 → 3 at 5.
    expect(r.value).toBe(7);
    expect([...r.flow]).toEqual([6, 4, 1, 3, 2]);
    expect(r.cost).toBe(4 * 2 + 2 * (1 + 1 + 5) + 1 * (5 + 5));
  });

  it('with a limit, the cheapest flow of that value', () => {
    expect(minCostMaxFlow(net, 0, 3, { limit: 4 })).toMatchObject({ value: 4, cost: 8 });
    expect(minCostMaxFlow(net, 0, 3, { limit: 5 })).toMatchObject({ value: 5, cost: 8 + 7 });
    expect(minCostMaxFlow(net, 0, 3, { limit: 100 }).value).toBe(7);
  });

  it('refuses a network it cannot solve exactly', () => {
    expect(() => minCostMaxFlow({ ...net, capacity: [6, 4, 3, 3, 1.5] }, 0, 3)).toThrow(InvalidFlowNetworkError);
    expect(() => minCostMaxFlow({ ...net, cost: [1, 1, -5, 5, 1] }, 0, 3)).toThrow(/minCostMaxFlow: cost\[2\] must be a finite number >= 0, got -5/);
    expect(() => minCostMaxFlow(net, 0, 0)).toThrow(/source and sink must differ/);
    expect(() => minCostMaxFlow({ ...net, to: [1, 3] }, 0, 3)).toThrow(/to must have one entry per edge \(5\), got 2/);
  });
});

/** Every integer flow of a tiny network: the largest value, and the least cost at that value. */
function bruteForce(net: CostFlowNetwork, s: number, t: number): { value: number; cost: number } {
  const m = net.from.length;
  const flow = new Array<number>(m).fill(0);
  let best = { value: -1, cost: Infinity };
  const visit = (e: number) => {
    if (e === m) {
      const balance = new Array<number>(net.nodeCount).fill(0);
      for (let i = 0; i < m; i++) {
        balance[net.from[i]] -= flow[i];
        balance[net.to[i]] += flow[i];
      }
      if (balance.some((b, v) => v !== s && v !== t && b !== 0)) return;
      const value = balance[t];
      const cost = flow.reduce((sum, f, i) => sum + f * net.cost[i], 0);
      if (value > best.value || (value === best.value && cost < best.cost)) best = { value, cost };
      return;
    }
    for (let f = 0; f <= net.capacity[e]; f++) {
      flow[e] = f;
      visit(e + 1);
    }
    flow[e] = 0;
  };
  visit(0);
  return best;
}

function randomCostNetwork(random: () => number, nodes: number, edges: number, maxCapacity: number): CostFlowNetwork {
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < edges; i++) {
    const a = Math.floor(random() * nodes);
    let b = Math.floor(random() * (nodes - 1));
    if (b >= a) b++;
    from.push(a);
    to.push(b);
  }
  return {
    nodeCount: nodes, from, to,
    capacity: from.map(() => Math.floor(random() * (maxCapacity + 1))),
    cost: from.map(() => Math.floor(random() * 6)),
  };
}

describe('minCostMaxFlow on random networks', () => {
  it('equals the brute force over every integer flow (300 networks of 4–5 nodes and 7 edges)', () => {
    const random = prng(11);
    for (let trial = 0; trial < 300; trial++) {
      const net = randomCostNetwork(random, 4 + Math.floor(random() * 2), 7, 2);
      const r = minCostMaxFlow(net, 0, net.nodeCount - 1);
      const brute = bruteForce(net, 0, net.nodeCount - 1);
      expect({ trial, value: r.value, cost: r.cost }).toEqual({ trial, ...brute });
      // The flow it returns is a flow of that value and cost.
      const balance = new Array<number>(net.nodeCount).fill(0);
      r.flow.forEach((f, i) => {
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(net.capacity[i]);
        balance[net.from[i]] -= f;
        balance[net.to[i]] += f;
      });
      expect(balance.slice(1, -1).every((b) => b === 0)).toBe(true);
      expect(balance[net.nodeCount - 1]).toBe(r.value);
    }
  });

  it('carries the value of maxFlow (Dinic) on larger networks', () => {
    const random = prng(12);
    for (let trial = 0; trial < 100; trial++) {
      const net = randomCostNetwork(random, 30, 120, 50);
      expect(minCostMaxFlow(net, 0, 29).value).toBe(maxFlow(net, 0, 29).value);
    }
  });
});
