import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deserializeContractionHierarchy,
  HierarchyFileError,
  loadContractionHierarchy,
  saveContractionHierarchy,
  serializeContractionHierarchy,
} from '../src/core/ch-file.js';
import { ContractionHierarchyQuery, HierarchyGraphMismatchError } from '../src/core/ch-query.js';
import {
  contractGraph,
  type ContractionHierarchy,
  type ContractionOptions,
  InvalidContractionOptionError,
  shortcutCount,
} from '../src/core/contraction-hierarchy.js';
import { InvalidNodeError, InvalidQueryOptionError } from '../src/core/path.js';
import { buildRoutingGraph, type RoutingGraph } from '../src/core/routing-graph.js';
import { mulberry32 } from './fixtures/prng.js';
import { expectValidPath, referenceDistances } from './fixtures/reference-dijkstra.js';
import { randomRoutingGraph } from './fixtures/random-routing-graph.js';

/** Two-way edges from [a, b, weight] triples. */
function undirected(n: number, edges: [number, number, number][]): RoutingGraph {
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  for (const [a, b, w] of edges) {
    from.push(a, b);
    to.push(b, a);
    weight.push(w, w);
  }
  return buildRoutingGraph({ nodeCount: n, from, to, weight });
}


function expectSameHierarchy(a: ContractionHierarchy, b: ContractionHierarchy): void {
  expect(b.nodeCount).toBe(a.nodeCount);
  expect(b.edgeCount).toBe(a.edgeCount);
  expect(b.graphFingerprint).toBe(a.graphFingerprint);
  for (const key of [
    'rank',
    'nodeOfRank',
    'upFirst',
    'upHead',
    'upWeight',
    'upArc',
    'downFirst',
    'downTail',
    'downWeight',
    'downArc',
    'shortcutHalves',
  ] as const) {
    expect(Array.from(b[key]), key).toEqual(Array.from(a[key]));
  }
}

describe('contraction hierarchy on a drawn graph', () => {
  //        0
  //     1 / \ 1
  //      4   1          a 5-cycle, every road two-way, every weight 1
  //    1 |   | 1
  //      3 - 2
  //        1
  //
  // Whichever node v is contracted first, its two neighbours u and w are 2
  // apart through v but 3 apart the other way round, so no witness exists and
  // the hierarchy MUST get shortcuts u→w and w→u of weight 2. A query u→w can
  // then only be answered through that shortcut, and must unpack it to the two
  // real edges u→v→w.
  const cycle = undirected(5, [
    [0, 1, 1],
    [1, 2, 1],
    [2, 3, 1],
    [3, 4, 1],
    [4, 0, 1],
  ]);
  const ch = contractGraph(cycle);
  const query = new ContractionHierarchyQuery(cycle, ch);

  it('creates the shortcut around the first contracted node and unpacks it', () => {
    const v = ch.nodeOfRank[0];
    const u = (v + 4) % 5;
    const w = (v + 1) % 5;
    expect(shortcutCount(ch)).toBeGreaterThanOrEqual(2);
    // A shortcut u -> w exists among the upward/downward arcs, with weight 2.
    const arcs: { weight: number; arc: number }[] = [];
    const ru = ch.rank[u];
    const rw = ch.rank[w];
    if (ru < rw) {
      for (let p = ch.upFirst[ru]; p < ch.upFirst[ru + 1]; p++) if (ch.upHead[p] === rw) arcs.push({ weight: ch.upWeight[p], arc: ch.upArc[p] });
    } else {
      for (let p = ch.downFirst[rw]; p < ch.downFirst[rw + 1]; p++) if (ch.downTail[p] === ru) arcs.push({ weight: ch.downWeight[p], arc: ch.downArc[p] });
    }
    expect(arcs).toHaveLength(1);
    expect(arcs[0].weight).toBe(2);
    expect(arcs[0].arc).toBeGreaterThanOrEqual(cycle.edgeCount); // a shortcut id, not an original edge

    const result = query.route(u, w);
    expect(result.cost).toBe(2);
    expect(result.nodes).toEqual([u, v, w]);
    expectValidPath(cycle, u, w, result);
  });

  it('answers every pair with the cycle distance min(k, 5 - k)', () => {
    for (let s = 0; s < 5; s++) {
      for (let t = 0; t < 5; t++) {
        const k = (t - s + 5) % 5;
        const result = query.route(s, t);
        expect(result.cost, `${s}->${t}`).toBe(Math.min(k, 5 - k));
        if (s !== t) expectValidPath(cycle, s, t, result);
        else expect(result).toMatchObject({ found: true, edges: [], nodes: [s] });
      }
    }
  });

  //   0 --1-- 1 --1-- 2        the long edge 0-2 (weight 10) is never shortest:
  //    \_______10_____/        0→2 costs 2 through node 1.
  it('never routes over an edge that a cheaper path beats, in either contraction order', () => {
    const triangle = undirected(3, [
      [0, 1, 1],
      [1, 2, 1],
      [0, 2, 10],
    ]);
    const q = new ContractionHierarchyQuery(triangle, contractGraph(triangle));
    const result = q.route(0, 2);
    expect(result.cost).toBe(2);
    expect(result.nodes).toEqual([0, 1, 2]);
  });

  //   0 ──3──▶ 1 ──4──▶ 2      one-way only: 2 cannot reach 0
  it('respects one-way edges and reports unreachable targets', () => {
    const line = buildRoutingGraph({ nodeCount: 3, from: [0, 1], to: [1, 2], weight: [3, 4] });
    const q = new ContractionHierarchyQuery(line, contractGraph(line));
    expect(q.route(0, 2)).toMatchObject({ found: true, cost: 7, nodes: [0, 1, 2] });
    expect(q.route(2, 0)).toMatchObject({ found: false, cost: Infinity, edges: [], nodes: [] });
  });

  //   0 ══5══ 1   parallel edges 0→1 of weight 5 and 2: the cheaper one, by its own CSR id
  it('uses the cheapest of parallel edges and returns its CSR id', () => {
    const g = buildRoutingGraph({ nodeCount: 2, from: [0, 0], to: [1, 1], weight: [5, 2] });
    const result = new ContractionHierarchyQuery(g, contractGraph(g)).route(0, 1);
    expect(result.cost).toBe(2);
    expect(g.weight[result.edges[0]]).toBe(2);
  });
});

describe('contraction order', () => {
  //   d0  d1  d2  d3  d4  d5     a place's depart node d (one arc out, weight 0)
  //    ↓   ↓   ↓   ↓   ↓   ↓     and arrive node a (one arc in) hang on its node r;
  //   r0══r1══r2══r3══r4══r5     r0 … r5 a two-way line, weights 1 … 6
  //    ↓   ↓   ↓   ↓   ↓   ↓     (a compiled network's shape: depart → mode → arrive)
  //   a0  a1  a2  a3  a4  a5
  it('contracts nodes that no path runs through (no arcs in, or none out) first, with no shortcuts for them', () => {
    const k = 6;
    const r = (i: number) => i;
    const d = (i: number) => k + i;
    const a = (i: number) => 2 * k + i;
    const from: number[] = [];
    const to: number[] = [];
    const weight: number[] = [];
    const arc = (u: number, v: number, w: number) => (from.push(u), to.push(v), weight.push(w));
    for (let i = 0; i < k; i++) {
      arc(d(i), r(i), 0);
      arc(r(i), a(i), 0);
      if (i + 1 < k) {
        arc(r(i), r(i + 1), i + 1);
        arc(r(i + 1), r(i), i + 1);
      }
    }
    const graph = buildRoutingGraph({ nodeCount: 3 * k, from, to, weight });
    const ch = contractGraph(graph);
    const lineRanks = Array.from({ length: k }, (_, i) => ch.rank[r(i)]);
    const endRanks = Array.from({ length: k }, (_, i) => [ch.rank[d(i)], ch.rank[a(i)]]).flat();
    // Every depart and arrive node goes before every line node (ranks 0 … 11, then 12 … 17).
    expect(Math.max(...endRanks)).toBeLessThan(Math.min(...lineRanks));
    // Then the line alone: a path, whose contraction needs at most one shortcut per node.
    expect(shortcutCount(ch)).toBeLessThanOrEqual(k);
  });
});

describe('contraction hierarchy against a reference Dijkstra', () => {
  // Witness-search limits from generous to absurdly small: a search that gives up
  // early may add needless shortcuts but must never change an answer.
  const settings: ContractionOptions[] = [{}, { witnessSettledLimit: 1, estimateSettledLimit: 1, witnessHopLimit: 1 }, { witnessHopLimit: 2 }];

  it('matches the reference cost on every pair of 150 random graphs, with valid unpacked paths', () => {
    const random = mulberry32(20240611);
    let pairs = 0;
    let found = 0;
    let shortcuts = 0;
    for (let i = 0; i < 150; i++) {
      const graph = randomRoutingGraph(random);
      const ch = contractGraph(graph, settings[i % settings.length]);
      shortcuts += shortcutCount(ch);
      const query = new ContractionHierarchyQuery(graph, ch);
      for (let s = 0; s < graph.nodeCount; s++) {
        const expected = referenceDistances(graph, s);
        for (let t = 0; t < graph.nodeCount; t++) {
          const result = query.route(s, t);
          pairs++;
          if (expected[t] === Infinity) {
            expect(result, `graph ${i}: ${s}->${t} unreachable`).toMatchObject({ found: false, cost: Infinity });
          } else {
            expect(result.cost, `graph ${i}: ${s}->${t}`).toBeCloseTo(expected[t], 9);
          }
          if (result.found && s !== t) {
            found++;
            expectValidPath(graph, s, t, result);
          }
        }
      }
    }
    // The test only means something if it exercised real routes and real shortcuts.
    expect(pairs).toBeGreaterThan(20_000);
    expect(found).toBeGreaterThan(pairs / 4);
    expect(shortcuts).toBeGreaterThan(500);
  });

  it('honours maxCost: a path costing more is not found, one costing exactly that is', () => {
    const random = mulberry32(99);
    let checked = 0;
    for (let i = 0; i < 40; i++) {
      const graph = randomRoutingGraph(random);
      const query = new ContractionHierarchyQuery(graph, contractGraph(graph));
      for (let s = 0; s < graph.nodeCount; s++) {
        const expected = referenceDistances(graph, s);
        for (let t = 0; t < graph.nodeCount; t++) {
          if (s === t || expected[t] === Infinity || expected[t] === 0) continue;
          expect(query.route(s, t, { maxCost: expected[t] }).found).toBe(true);
          expect(query.route(s, t, { maxCost: expected[t] * 0.999 }).found).toBe(false);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('ContractionHierarchyQuery arguments', () => {
  const g = undirected(3, [
    [0, 1, 1],
    [1, 2, 1],
  ]);
  const ch = contractGraph(g);
  const query = new ContractionHierarchyQuery(g, ch);

  it('rejects restrictions it cannot honour instead of ignoring them', () => {
    expect(() => query.route(0, 2, { blockedEdges: new Uint8Array(g.edgeCount) })).toThrow(InvalidQueryOptionError);
    expect(() => query.route(0, 2, { blockedNodes: new Uint8Array(g.nodeCount) })).toThrow(InvalidQueryOptionError);
  });

  it('rejects bad node ids and a hierarchy of another graph', () => {
    expect(() => query.route(0, 3)).toThrow(InvalidNodeError);
    expect(() => query.route(-1, 0)).toThrow(InvalidNodeError);
    const other = undirected(3, [
      [0, 1, 1],
      [1, 2, 2],
    ]);
    expect(() => new ContractionHierarchyQuery(other, ch)).toThrow(HierarchyGraphMismatchError);
  });

  it('rejects contraction options that are not positive integers', () => {
    expect(() => contractGraph(g, { witnessHopLimit: 0 })).toThrow(InvalidContractionOptionError);
    expect(() => contractGraph(g, { witnessSettledLimit: 2.5 })).toThrow(InvalidContractionOptionError);
  });
});

describe('hierarchy files', () => {
  const random = mulberry32(7);
  let graph = randomRoutingGraph(random);
  while (graph.nodeCount < 15) graph = randomRoutingGraph(random);
  const ch = contractGraph(graph);

  it('round-trips through a file: identical arrays and identical answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steppenet-ch-'));
    const path = join(dir, 'g.ch');
    await saveContractionHierarchy(ch, path);
    const loaded = await loadContractionHierarchy(path, graph);
    expectSameHierarchy(ch, loaded);
    const before = new ContractionHierarchyQuery(graph, ch);
    const after = new ContractionHierarchyQuery(graph, loaded);
    for (let s = 0; s < graph.nodeCount; s++) {
      for (let t = 0; t < graph.nodeCount; t++) expect(after.route(s, t)).toEqual(before.route(s, t));
    }
  });

  const bytes = serializeContractionHierarchy(ch);
  const corrupt = (edit: (copy: Uint8Array, view: DataView) => void): Uint8Array => {
    const copy = bytes.slice();
    edit(copy, new DataView(copy.buffer));
    return copy;
  };
  const cases: [string, Uint8Array, RegExp][] = [
    ['a wrong magic', corrupt((c) => (c[0] = 'X'.charCodeAt(0))), /bad magic/],
    ['an unknown version', corrupt((_, v) => v.setUint32(8, 99, true)), /version 99/],
    ['a node count that does not match the length', corrupt((_, v) => v.setUint32(12, ch.nodeCount + 1, true)), /need \d+/],
    ['a truncated file', bytes.slice(0, bytes.length - 8), /need \d+/],
    ['a header cut short', bytes.slice(0, 20), /shorter than the 40-byte header/],
    ['a non-zero reserved field', corrupt((_, v) => v.setUint32(36, 1, true)), /reserved/],
  ];
  for (const [what, data, message] of cases) {
    it(`rejects ${what}`, () => {
      expect(() => deserializeContractionHierarchy(data, 'test.ch')).toThrow(HierarchyFileError);
      expect(() => deserializeContractionHierarchy(data, 'test.ch')).toThrow(message);
    });
  }

  it('rejects a hierarchy file built for another graph', () => {
    let other = randomRoutingGraph(random);
    while (other.nodeCount === graph.nodeCount) other = randomRoutingGraph(random);
    expect(() => deserializeContractionHierarchy(bytes, 'test.ch', other)).toThrow(/built for \d+ nodes/);
  });

  it('rejects a shortcut that refers to itself (unpacking would never end)', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'steppenet-ch-')), 'loop.ch');
    // Rebuild with a doctored shortcut table: shortcut 0 made of itself.
    const doctored: ContractionHierarchy = { ...ch, shortcutHalves: ch.shortcutHalves.slice() };
    expect(shortcutCount(doctored)).toBeGreaterThan(0);
    doctored.shortcutHalves[0] = ch.edgeCount;
    writeFileSync(path, serializeContractionHierarchy(doctored));
    expect(() => deserializeContractionHierarchy(readFileSync(path), path)).toThrow(/shortcut 0 refers to an arc that is not older/);
  });
});
