// Connected, strongly connected and biconnected components (issue 15, item 5):
// small drawn graphs, brute force on random graphs, and a chain of 400k nodes
// (no recursion).
import { describe, expect, it } from 'vitest';
import { bridgesAndArticulationPoints } from '../src/core/bridges.js';
import { biconnectedComponents, connectedComponents, InvalidComponentsGraphError, stronglyConnectedComponents } from '../src/core/components.js';
import { prng } from './fixtures/prng.js';
import { randomRoutingGraph } from './fixtures/random-routing-graph.js';

/** "0-1 1-2 2>0": edges, `-` or `>` (the order of the arrays is the order written). */
function edges(text: string): { from: number[]; to: number[] } {
  const pairs = text.trim().split(/\s+/).map((e) => e.split(/[->]/).map(Number));
  return { from: pairs.map((p) => p[0]), to: pairs.map((p) => p[1]) };
}

describe('components of small graphs', () => {
  //   0 → 1 → 2 → 0     3 → 4     5
  //           ↓
  //           3
  const g = edges('0>1 1>2 2>0 2>3 3>4');

  it('connected: {0..4} and {5}', () => {
    const c = connectedComponents(6, g.from, g.to);
    expect(c.groups()).toEqual([[0, 1, 2, 3, 4], [5]]);
    expect([...c.component]).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it('strongly connected: the cycle 0 1 2, then 3, 4 and 5 alone', () => {
    const c = stronglyConnectedComponents(6, g.from, g.to);
    expect(c.groups()).toEqual([[0, 1, 2], [3], [4], [5]]);
  });

  it('biconnected: two triangles sharing node 2 (a bowtie) and a tail 4–5 hanging off 3', () => {
    //   0   3
    //   |\ /|
    //   | 2 |
    //   |/ \|
    //   1   4 — 5
    const bowtie = edges('0-1 1-2 2-0 2-3 3-4 4-2 4-5');
    const b = biconnectedComponents(6, bowtie.from, bowtie.to);
    expect(b.edgeGroups()).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(b.nodeGroups()).toEqual([[0, 1, 2], [2, 3, 4], [4, 5]]);
    expect(b.articulationPoints).toEqual([2, 4]);
  });

  it('biconnected: parallel edges make one block, a self-loop none', () => {
    const b = biconnectedComponents(3, [0, 1, 1, 2], [1, 0, 1, 1]);
    expect([...b.edgeComponent]).toEqual([0, 0, -1, 1]);
    expect(b.articulationPoints).toEqual([1]);
  });

  it('refuses edge arrays that are no graph', () => {
    expect(() => connectedComponents(2, [0, 1], [1])).toThrow(InvalidComponentsGraphError);
    expect(() => stronglyConnectedComponents(2, [0], [2])).toThrow(/stronglyConnectedComponents: edge 0 has node 2, not in 0..1/);
    expect(() => biconnectedComponents(-1, [], [])).toThrow(/nodeCount must be a whole number/);
  });
});

/** Nodes reachable from s (following edges forward, or both ways). */
function reach(from: ArrayLike<number>, to: ArrayLike<number>, s: number, undirected: boolean, removed = -1): Set<number> {
  const seen = new Set([s]);
  const queue = [s];
  while (queue.length) {
    const v = queue.shift()!;
    for (let e = 0; e < from.length; e++) {
      const ends: [number, number][] = undirected ? [[from[e], to[e]], [to[e], from[e]]] : [[from[e], to[e]]];
      for (const [a, b] of ends) if (a === v && b !== removed && !seen.has(b)) (seen.add(b), queue.push(b));
    }
  }
  return seen;
}

describe('components agree with brute force on random graphs', () => {
  it('connected and strongly connected: same component iff reachable (both ways for strong)', () => {
    const random = prng(5);
    for (let trial = 0; trial < 200; trial++) {
      const g = randomRoutingGraph(random, 14);
      const [n, from, to] = [g.nodeCount, g.tail, g.head];
      const cc = connectedComponents(n, from, to);
      const scc = stronglyConnectedComponents(n, from, to);
      const forward = Array.from({ length: n }, (_, v) => reach(from, to, v, false));
      for (let u = 0; u < n; u++) {
        const both = reach(from, to, u, true);
        for (let v = 0; v < n; v++) {
          expect(cc.component[u] === cc.component[v]).toBe(both.has(v));
          expect(scc.component[u] === scc.component[v]).toBe(forward[u].has(v) && forward[v].has(u));
        }
      }
    }
  });

  it('biconnected: two edges share a block iff no single node separates them; the articulation points are those of bridges.ts', () => {
    const random = prng(6);
    for (let trial = 0; trial < 150; trial++) {
      const g = randomRoutingGraph(random, 11);
      const [n, from, to] = [g.nodeCount, Array.from(g.tail), Array.from(g.head)];
      const b = biconnectedComponents(n, from, to);
      const m = from.length;
      // Components of the graph without node x, for every x (and without none: x = -1).
      const without = (x: number) => {
        const label = new Array<number>(n).fill(-1);
        for (let s = 0; s < n; s++) if (s !== x && label[s] < 0) for (const v of reach(from, to, s, true, x)) label[v] = s;
        return label;
      };
      const cuts = Array.from({ length: n + 1 }, (_, i) => without(i - 1));
      for (let e = 0; e < m; e++) {
        if (from[e] === to[e]) {
          expect(b.edgeComponent[e]).toBe(-1);
          continue;
        }
        for (let f = e + 1; f < m; f++) {
          if (from[f] === to[f]) continue;
          const together = cuts.every((label, i) => {
            const ends = [from[e], to[e], from[f], to[f]].filter((v) => v !== i - 1);
            return ends.every((v) => label[v] === label[ends[0]]);
          });
          expect(b.edgeComponent[e] === b.edgeComponent[f], `edges ${e} and ${f}`).toBe(together);
        }
      }
      const loopless = from.map((_, e) => e).filter((e) => from[e] !== to[e]);
      expect(b.articulationPoints).toEqual(bridgesAndArticulationPoints(n, loopless.map((e) => from[e]), loopless.map((e) => to[e])).articulationPoints);
    }
  });
});

describe('no recursion', () => {
  it('a directed cycle of 400,000 nodes is one strong component; the path along it, 399,999 blocks of one edge', () => {
    const n = 400_000;
    const from = Int32Array.from({ length: n }, (_, i) => i);
    const to = Int32Array.from({ length: n }, (_, i) => (i + 1) % n);
    expect(stronglyConnectedComponents(n, from, to).count).toBe(1);
    expect(connectedComponents(n, from, to).count).toBe(1);
    const path = biconnectedComponents(n, from.subarray(0, n - 1), to.subarray(0, n - 1));
    expect(path.count).toBe(n - 1);
    expect(path.articulationPoints.length).toBe(n - 2);
    expect(biconnectedComponents(n, from, to).count).toBe(1);
  });
});
