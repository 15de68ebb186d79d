// CI smoke test of the benchmark: the same modules `npm run bench` uses, on a
// small generated road graph, checking CORRECTNESS only (every finder, peers
// included, against plain Dijkstra). No timing is asserted anywhere.
import { describe, expect, it } from 'vitest';
import { checkFinder, referenceCosts, sameCost } from '../bench/check.js';
import { costOfNodePath, FINDERS, type Finder, PathCheckError } from '../bench/finders.js';
import { drawQueryPairs, generateRoadLikeGraph, largestComponent } from '../bench/graphs.js';
import { interleavedCpuTimes, tightLoopCpuTimes, type TightLoopTiming } from '../bench/measure.js';
import { type FinderRow, renderReport } from '../bench/report.js';
import { buildRoutingGraph } from '../src/core/routing-graph.js';

const graph = generateRoadLikeGraph({ nodes: 2000, seed: 7 });
const pairs = drawQueryPairs(graph, 30, 42);
const expected = referenceCosts(graph, pairs);

describe('generated road-like graph', () => {
  it('is about the requested size, planar, undirected, with Euclidean weights and degree-2 shape nodes', () => {
    expect(graph.nodeCount).toBeGreaterThan(1500);
    expect(graph.nodeCount).toBeLessThan(2500);
    expect(graph.bound).toBe('euclidean');
    let degreeTwo = 0;
    for (let v = 0; v < graph.nodeCount; v++) if (graph.firstOut[v + 1] - graph.firstOut[v] === 2) degreeTwo++;
    expect(degreeTwo).toBeGreaterThan(graph.nodeCount / 3);
    for (let e = 0; e < graph.edgeCount; e++) {
      const a = graph.tail[e];
      const b = graph.head[e];
      expect(graph.weight[e]).toBeCloseTo(Math.hypot(graph.x![a] - graph.x![b], graph.y![a] - graph.y![b]), 9);
    }
    // Every edge has its way back with the same weight and the same record (edgeRef).
    for (let e = 0; e < graph.edgeCount; e++) {
      let back = -1;
      for (let f = graph.firstOut[graph.head[e]]; f < graph.firstOut[graph.head[e] + 1]; f++) {
        if (graph.head[f] === graph.tail[e] && graph.edgeRef[f] === graph.edgeRef[e]) back = f;
      }
      expect(back, `edge ${e}`).toBeGreaterThanOrEqual(0);
      expect(graph.weight[back]).toBe(graph.weight[e]);
    }
  });

  it('is reproducible from its seed', () => {
    const again = generateRoadLikeGraph({ nodes: 2000, seed: 7 });
    expect(Array.from(again.head)).toEqual(Array.from(graph.head));
    expect(Array.from(again.weight)).toEqual(Array.from(graph.weight));
  });

  it('draws pairs inside the largest component, so every pair has a route', () => {
    const members = new Set(largestComponent(graph));
    expect(pairs).toHaveLength(30);
    for (const { source, target } of pairs) {
      expect(members.has(source) && members.has(target)).toBe(true);
      expect(source).not.toBe(target);
    }
    for (const cost of expected) expect(Number.isFinite(cost)).toBe(true);
  });
});

describe('bench correctness check', () => {
  for (const spec of FINDERS) {
    it(`${spec.name} agrees with plain Dijkstra on all 30 pairs`, () => {
      const finder = spec.create(graph);
      const result = checkFinder(finder, pairs, expected);
      expect(result.mismatches).toEqual([]);
      expect(result.checked).toBe(30);
      expect(result.passed).toBe(true);
    });
  }

  it('catches a finder that is wrong on one pair, and the report marks it FAIL', () => {
    const honest = FINDERS[0].create(graph);
    const liar: Finder = {
      ...honest,
      name: 'liar',
      pathCost: (s, t) => honest.pathCost(s, t) + (s === pairs[3].source && t === pairs[3].target ? 1 : 0),
    };
    const result = checkFinder(liar, pairs, expected);
    expect(result.passed).toBe(false);
    expect(result.mismatches.map((m) => m.pair)).toEqual([3]);
    const markdown = renderReport({
      graph: 'smoke',
      origin: 'generated',
      nodeCount: graph.nodeCount,
      edgeCount: graph.edgeCount,
      componentSize: 0,
      graphBytes: 0,
      pairs: pairs.length,
      seed: 42,
      environment: 'test',
      rows: [{ name: 'liar', family: 'steppenet', setup: honest.setup, check: result }],
      referencePeer: 'ngraph.path NBA*',
    });
    expect(markdown).toMatch(/\| liar \| \*\*FAIL\*\* 1\/30 wrong/);
    expect(markdown).toMatch(/## FAILING FINDERS/);
    expect(markdown).toMatch(/pair 3 \(/);
  });

  it('measures CPU time with the finders interleaved: every finder on every pair in every round', () => {
    const finders = FINDERS.slice(0, 3).map((spec) => spec.create(graph));
    const calls: string[] = [];
    const traced = finders.map((f) => ({ ...f, query: (s: number, t: number) => (calls.push(`${f.name} ${s}`), f.query(s, t)) }));
    const times = interleavedCpuTimes(traced, pairs.slice(0, 5), 2, Infinity);
    // Pair by pair: the three finders run on pair 1, then on pair 2, …
    expect(calls.slice(0, 3)).toEqual(finders.map((f) => `${f.name} ${pairs[0].source}`));
    expect(calls).toHaveLength(3 * 5 * 2);
    for (const f of finders) {
      const t = times.get(f.name)!;
      expect(t.samples).toBe(10);
      expect(t.roundCpuMedianMs).toHaveLength(2);
      expect(t.cpuMedianMs).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(t.wallMedianMs)).toBe(true);
    }
  });

  it('measures the CH queries back to back: checked first, one finder after the other, every pair in every sweep, in batches', () => {
    const ch = FINDERS.filter((spec) => spec.name === 'steppenet CH' || spec.name === 'steppenet CH distance').map((spec) => spec.create(graph));
    expect(ch).toHaveLength(2);
    const seven = pairs.slice(0, 7);
    for (const finder of ch) expect(checkFinder(finder, seven, expected.subarray(0, 7)).passed).toBe(true);
    const calls: string[] = [];
    const traced = ch.map((f) => ({ ...f, query: (s: number, t: number) => (calls.push(f.name), f.query(s, t)) }));
    // 7 pairs in batches of 3: batches of 3, 3 and 1 queries per sweep.
    const times = tightLoopCpuTimes(traced, seven, { rounds: 2, sweeps: 2, batchSize: 3 });
    // One warm-up sweep, then 2 rounds × 2 sweeps, all of one finder before the next.
    expect(calls).toEqual([...Array<string>(7 * 5).fill(ch[0].name), ...Array<string>(7 * 5).fill(ch[1].name)]);
    for (const f of ch) {
      const t = times.get(f.name)!;
      expect(t.queries).toBe(28);
      expect(t.batches).toBe(12);
      expect(t.roundCpuMedianMs).toHaveLength(2);
      expect(t.cpuMedianMs).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(t.cpuMeanMs) && Number.isFinite(t.wallMedianMs)).toBe(true);
    }
  });

  it('judges the CH time targets on the back-to-back CPU median, with the interleaved figure and the margins beside it', () => {
    const chRow = (name: string, tightMs: number, interleavedMs: number): FinderRow => {
      const tight: TightLoopTiming = { rounds: 5, batchSize: 10, batches: 1000, queries: 10000, cpuMedianMs: tightMs, cpuMeanMs: tightMs, wallMedianMs: tightMs, roundCpuMedianMs: [tightMs, tightMs + 0.002] };
      return {
        name,
        family: 'steppenet',
        setup: { ms: 7000, cpuMs: 7000, bytes: 100e6, memoryKind: 'typed arrays' },
        check: { finder: name, checked: 200, total: 200, mismatches: [], passed: true, meanMs: 0.1 },
        cpu: { samples: 600, cpuMedianMs: interleavedMs, cpuMeanMs: interleavedMs, wallMedianMs: interleavedMs, roundCpuMedianMs: [interleavedMs, interleavedMs, interleavedMs] },
        tight,
      };
    };
    const markdown = renderReport({
      graph: 'moscow',
      origin: 'made-up timings',
      nodeCount: 10,
      edgeCount: 20,
      componentSize: 10,
      graphBytes: 30e6,
      pairs: 200,
      seed: 42,
      environment: 'test',
      rows: [chRow('steppenet CH', 0.08, 0.139), chRow('steppenet CH distance', 0.055, 0.048)],
      referencePeer: 'ngraph.path NBA*',
    });
    expect(markdown).toContain('## CH queries back to back (tight loop) beside the interleaved pass');
    expect(markdown).toContain('| steppenet CH | ok 200/200 | 80.0 (80.0–82.0) | 80.0 | 80.0 | 10000 | 139.0 | 1.74× |');
    expect(markdown).toMatch(/- MET — CH route\(\) median ≤ 100\.0 µs \(CPU, queries back to back[^)]*\): 80\.0 µs \(rounds 80\.0–82\.0 µs; wall 80\.0 µs\), 20\.0 µs \(20 %\) under the target; interleaved between the other finders: 139\.0 µs, 39\.0 µs over \(1\.39× the target\)/);
    expect(markdown).toMatch(/- \*\*MISSED\*\* — CH distance-only median ≤ 50\.0 µs [^\n]*: 55\.0 µs [^\n]*, 5\.0 µs over \(1\.10× the target\); interleaved between the other finders: 48\.0 µs, 2\.0 µs \(4 %\) under the target; Why: /);
  });

  it('records a finder that throws as a mismatch with the error, not as a crash', () => {
    const broken: Finder = { ...FINDERS[0].create(graph), name: 'broken', pathCost: () => { throw new Error('boom'); } };
    const result = checkFinder(broken, pairs.slice(0, 2), expected);
    expect(result.mismatches).toHaveLength(2);
    expect(result.mismatches[0].error).toBe('boom');
  });

  //   0 —1— 1 —2— 2     (two-way)
  it('costs a peer node path from the graph, in either orientation, and rejects a non-path', () => {
    const g = buildRoutingGraph({ nodeCount: 3, from: [0, 1, 1, 2], to: [1, 0, 2, 1], weight: [1, 1, 2, 2] });
    expect(costOfNodePath('p', g, 0, 2, [0, 1, 2])).toBe(3);
    expect(costOfNodePath('p', g, 0, 2, [2, 1, 0])).toBe(3);
    expect(costOfNodePath('p', g, 0, 2, [])).toBe(Infinity);
    expect(() => costOfNodePath('p', g, 0, 2, [0, 2])).toThrow(PathCheckError);
    expect(() => costOfNodePath('p', g, 0, 2, [0, 1])).toThrow(PathCheckError);
  });

  it('compares costs with an absolute or relative tolerance of 1e-6', () => {
    expect(sameCost(100, 100 + 5e-7)).toBe(true);
    expect(sameCost(1e9, 1e9 + 100)).toBe(true);
    expect(sameCost(1, 1.01)).toBe(false);
    expect(sameCost(Infinity, Infinity)).toBe(true);
    expect(sameCost(5, Infinity)).toBe(false);
  });
});
