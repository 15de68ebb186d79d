/**
 * bridgesAndArticulationPoints: a drawn multigraph with known answers, random
 * multigraphs checked against the obvious brute force (remove each edge / node
 * and count components), and a long chain to show the DFS is not recursive.
 */
import { describe, expect, it } from 'vitest';
import {
  bridgesAndArticulationPoints,
  InvalidUndirectedGraphError,
  type Split,
} from '../src/core/bridges.js';
import { mulberry32 } from './fixtures/prng.js';


/** Component label of every node (-1 for removed ones), by union-find over the edges that are kept. */
function components(
  n: number,
  from: number[],
  to: number[],
  skipEdge: number,
  skipNode: number,
): { label: number[]; count: number } {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (let i = 0; i < from.length; i++) {
    if (i === skipEdge || from[i] === skipNode || to[i] === skipNode) continue;
    parent[find(from[i])] = find(to[i]);
  }
  const label: number[] = [];
  const ids = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    if (v === skipNode) {
      label.push(-1);
      continue;
    }
    const r = find(v);
    if (!ids.has(r)) ids.set(r, ids.size);
    label.push(ids.get(r)!);
  }
  return { label, count: ids.size };
}

/** The pieces of x's original component after removing x, as sorted node lists, sorted. */
function brutePieces(n: number, from: number[], to: number[], skipEdge: number, skipNode: number, anyNodeOfComponent: number): number[][] {
  const before = components(n, from, to, -1, -1).label;
  const after = components(n, from, to, skipEdge, skipNode).label;
  const byLabel = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    if (v === skipNode || before[v] !== before[anyNodeOfComponent]) continue;
    if (!byLabel.has(after[v])) byLabel.set(after[v], []);
    byLabel.get(after[v])!.push(v);
  }
  return canonical([...byLabel.values()]);
}

function canonical(pieces: number[][]): number[][] {
  return pieces.map((p) => [...p].sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
}

function piecesOf(split: Split): number[][] {
  return canonical(split.pieces.map((p) => p.nodes()));
}

describe('bridgesAndArticulationPoints on a drawn multigraph', () => {
  /*
   *     0 ---#0--- 1           5 ===#6,#7=== 6 ---#8--- 7
   *      \        /            |
   *      #1     #2             #5
   *        \    /              |
   *          2 -----#3------ 3 ---#4--- 4          8 (isolated)   9 ⟲ #9
   *
   * Triangle 0-1-2; bridge #3 (2-3); bridge #4 (3-4); bridge #5 (3-5);
   * 5-6 doubled by parallel edges #6 and #7, so neither is a bridge;
   * bridge #8 (6-7). Self-loop #9 at 9 changes nothing.
   * Articulation points: 2 (cuts {0,1} off), 3 (three ways: {0,1,2}, {4}, {5,6,7}),
   * 5? no: removing 5 leaves {6,7} cut off -> yes, 5 is one; 6 (cuts {7}).
   */
  const from = [0, 0, 1, 2, 3, 3, 5, 5, 6, 9];
  const to = [1, 2, 2, 3, 4, 5, 6, 6, 7, 9];
  const result = bridgesAndArticulationPoints(10, from, to);

  it('finds exactly the bridges #3, #4, #5, #8 and the cut nodes 2, 3, 5, 6', () => {
    expect(result.bridges).toEqual([3, 4, 5, 8]);
    expect(result.articulationPoints).toEqual([2, 3, 5, 6]);
    expect(result.componentCount).toBe(3);
  });

  it('reports what each element splits, largest piece first', () => {
    const split = (kind: Split['kind'], element: number): Split =>
      result.splits().find((s) => s.kind === kind && s.element === element)!;
    // Bridge #3 (2-3): {0,1,2} | {3,4,5,6,7}; the larger piece is "the rest".
    expect(split('bridge', 3).pieces.map((p) => p.nodes())).toEqual([[3, 4, 5, 6, 7], [0, 1, 2]]);
    expect(split('bridge', 3).cutOff()).toEqual([0, 1, 2]);
    expect(split('bridge', 3).componentSize).toBe(8);
    expect(split('bridge', 8).cutOff()).toEqual([7]);
    // Node 3 splits its component three ways.
    expect(split('articulationPoint', 3).pieces.map((p) => p.size)).toEqual([3, 3, 1]);
    expect(piecesOf(split('articulationPoint', 3))).toEqual([[0, 1, 2], [4], [5, 6, 7]]);
    expect(split('articulationPoint', 5).cutOff()).toEqual([6, 7]);
    expect(split('articulationPoint', 2).cutOff()).toEqual([0, 1]);
    expect(result.splits().map((s) => `${s.kind[0]}${s.element}`)).toEqual(['b3', 'b4', 'b5', 'b8', 'a2', 'a3', 'a5', 'a6']);
    // Cut-off sizes without building splits: b3 {0,1,2}, b4 {4}, b5 {5,6,7}, b8 {7}, a2 {0,1}, a3 {4} + one 3-piece, a5 {6,7}, a6 {7}.
    expect(Array.from(result.cutOffSize)).toEqual([3, 1, 3, 1, 2, 4, 2, 1]);
    expect(() => result.split(8)).toThrow(InvalidUndirectedGraphError);
  });

  it('weights pieces by nodeWeight', () => {
    const weight = [1, 1, 0, 0, 5, 0, 0, 2, 9, 9];
    const weighted = bridgesAndArticulationPoints(10, from, to, { nodeWeight: weight });
    const node3 = weighted.split(weighted.bridges.length + weighted.articulationPoints.indexOf(3));
    expect(node3.element).toBe(3);
    // Pieces {0,1,2} and {5,6,7} tie on size; DFS order keeps {0,1,2} (the root's piece) first as "the rest".
    expect(node3.pieces.map((p) => p.weight)).toEqual([1 + 1 + 0, 0 + 0 + 2, 5]);
    expect(weighted.cutOffWeight[weighted.bridges.length + 1]).toBe(7);
  });

  it('rejects bad input with a typed error naming the argument', () => {
    expect(() => bridgesAndArticulationPoints(2, [0], [2])).toThrow(InvalidUndirectedGraphError);
    expect(() => bridgesAndArticulationPoints(2, [0], [1, 0])).toThrow(/to has 2 entries/);
    expect(() => bridgesAndArticulationPoints(2, [0], [1], { nodeWeight: [1] })).toThrow(/nodeWeight/);
  });
});

describe('bridgesAndArticulationPoints against brute force on random multigraphs', () => {
  it('500 graphs with parallel edges and self-loops', () => {
    const random = mulberry32(2024);
    for (let trial = 0; trial < 500; trial++) {
      const n = 1 + Math.floor(random() * 9);
      const m = Math.floor(random() * 13);
      const from: number[] = [];
      const to: number[] = [];
      for (let i = 0; i < m; i++) {
        const u = Math.floor(random() * n);
        // Bias towards repeating the previous edge so parallel edges are common.
        if (i > 0 && random() < 0.15) {
          from.push(from[i - 1]);
          to.push(to[i - 1]);
        } else {
          from.push(u);
          to.push(Math.floor(random() * n));
        }
      }
      const weight = Array.from({ length: n }, () => Math.floor(random() * 5));
      const result = bridgesAndArticulationPoints(n, from, to, { nodeWeight: weight });
      const base = components(n, from, to, -1, -1);
      expect(result.componentCount).toBe(base.count);

      const expectedBridges: number[] = [];
      for (let e = 0; e < m; e++) {
        if (components(n, from, to, e, -1).count > base.count) expectedBridges.push(e);
      }
      const expectedCutNodes: number[] = [];
      for (let v = 0; v < n; v++) {
        if (components(n, from, to, -1, v).count > base.count) expectedCutNodes.push(v);
      }
      expect(result.bridges).toEqual(expectedBridges);
      expect(result.articulationPoints).toEqual(expectedCutNodes);

      expect(result.splitCount).toBe(expectedBridges.length + expectedCutNodes.length);
      for (let i = 0; i < result.splitCount; i++) {
        const split = result.split(i);
        expect(split.kind).toBe(i < result.bridges.length ? 'bridge' : 'articulationPoint');
        const isBridge = split.kind === 'bridge';
        const anyNode = isBridge ? from[split.element] : split.element;
        const expected = brutePieces(n, from, to, isBridge ? split.element : -1, isBridge ? -1 : split.element, anyNode);
        expect(piecesOf(split)).toEqual(expected);
        const sizes = split.pieces.map((p) => p.size);
        expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
        for (const piece of split.pieces) {
          expect(piece.size).toBe(piece.nodes().length);
          expect(piece.weight).toBe(piece.nodes().reduce((s, v) => s + weight[v], 0));
        }
        expect(split.componentSize).toBe(base.label.filter((c) => c === base.label[anyNode]).length);
        const rest = new Set(split.pieces[0].nodes());
        const expectedCutOff = expected.flat().filter((v) => !rest.has(v)).sort((a, b) => a - b);
        expect(split.cutOff()).toEqual(expectedCutOff);
        expect(result.cutOffSize[i]).toBe(expectedCutOff.length);
        expect(result.cutOffWeight[i]).toBe(expectedCutOff.reduce((s, v) => s + weight[v], 0));
      }
    }
  });
});

describe('bridgesAndArticulationPoints on a long chain', () => {
  it('handles a 300 000-node path without recursion', () => {
    const n = 300_000;
    const from = new Int32Array(n - 1);
    const to = new Int32Array(n - 1);
    for (let i = 0; i < n - 1; i++) {
      from[i] = i;
      to[i] = i + 1;
    }
    const result = bridgesAndArticulationPoints(n, from, to);
    expect(result.bridges.length).toBe(n - 1);
    expect(result.articulationPoints.length).toBe(n - 2);
    // Node 1 cuts off node 0 only; the middle node cuts the chain in halves.
    const splitAt = (v: number): Split => result.split(n - 1 + (v - 1));
    expect(splitAt(1).element).toBe(1);
    expect(splitAt(1).cutOff()).toEqual([0]);
    expect(splitAt(150_000).pieces.map((p) => p.size)).toEqual([150_000, 149_999]);
    expect(result.cutOffSize[n - 1 + (150_000 - 1)]).toBe(149_999);
  });
});
