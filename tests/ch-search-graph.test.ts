import { describe, expect, it } from 'vitest';
import { ContractionHierarchyQuery } from '../src/core/ch-query.js';
import {
  buildCHSearchGraph,
  type CHSearchGraph,
  GEN_B,
  GEN_F,
  HEADER,
  SLOT,
  TOTAL,
  UPS,
} from '../src/core/ch-search-graph.js';
import { contractGraph, type ContractionHierarchy } from '../src/core/contraction-hierarchy.js';
import { buildRoutingGraph, type RoutingGraph } from '../src/core/routing-graph.js';
import { mulberry32 } from './fixtures/prng.js';
import { expectValidPath, referenceDistances } from './fixtures/reference-dijkstra.js';
import { randomRoutingGraph } from './fixtures/random-routing-graph.js';

interface Arc {
  /** The other end, as a node id. */
  other: number;
  weight: number;
  /** An original edge's CSR id, or 'shortcut s'. */
  arc: string;
}

/** Node id of every block base. */
function nodeOfBlock(layout: CHSearchGraph): Map<number, number> {
  const map = new Map<number, number>();
  layout.blockOfNode.forEach((base, node) => map.set(base, node));
  return map;
}

/** The layout's arcs of `node` (up or down), translated back to node ids and CSR edge ids. */
function layoutArcs(layout: CHSearchGraph, edgeCount: number, node: number, down: boolean): Arc[] {
  const { data, data32, leafInt } = layout;
  const base = layout.blockOfNode[node];
  const total = data32[2 * base + TOTAL];
  const ups = data32[2 * base + UPS];
  const heads = 2 * (base + HEADER + total);
  const nodes = nodeOfBlock(layout);
  const arcs: Arc[] = [];
  for (let k = down ? ups : 0; k < (down ? total : ups); k++) {
    const id = data32[heads + total + k];
    arcs.push({
      other: nodes.get(data32[heads + k])!,
      weight: data[base + HEADER + k],
      arc: id < edgeCount ? String(leafInt[4 * id + 3]) : `shortcut ${id - edgeCount}`,
    });
  }
  return arcs.sort((a, b) => a.other - b.other || a.weight - b.weight);
}

/** The hierarchy's own arcs of `node`. */
function hierarchyArcs(ch: ContractionHierarchy, node: number, down: boolean): Arc[] {
  const r = ch.rank[node];
  const first = down ? ch.downFirst : ch.upFirst;
  const ends = down ? ch.downTail : ch.upHead;
  const weights = down ? ch.downWeight : ch.upWeight;
  const ids = down ? ch.downArc : ch.upArc;
  const arcs: Arc[] = [];
  for (let p = first[r]; p < first[r + 1]; p++) {
    arcs.push({
      other: ch.nodeOfRank[ends[p]],
      weight: weights[p],
      arc: ids[p] < ch.edgeCount ? String(ids[p]) : `shortcut ${ids[p] - ch.edgeCount}`,
    });
  }
  return arcs.sort((a, b) => a.other - b.other || a.weight - b.weight);
}

describe('the CH query layout (buildCHSearchGraph)', () => {
  it('holds every arc of the hierarchy, each between the same nodes with the same weight and edge', () => {
    const random = mulberry32(1616);
    for (let i = 0; i < 40; i++) {
      const graph = randomRoutingGraph(random);
      const ch = contractGraph(graph);
      const layout = buildCHSearchGraph(ch, graph);
      for (let v = 0; v < graph.nodeCount; v++) {
        expect(layoutArcs(layout, graph.edgeCount, v, false), `graph ${i} node ${v} up`).toEqual(hierarchyArcs(ch, v, false));
        expect(layoutArcs(layout, graph.edgeCount, v, true), `graph ${i} node ${v} down`).toEqual(hierarchyArcs(ch, v, true));
      }
    }
  });

  it('orders the blocks so that every arc climbs to a later block, and numbers the slots in block order', () => {
    const random = mulberry32(1717);
    for (let i = 0; i < 40; i++) {
      const graph = randomRoutingGraph(random);
      const layout = buildCHSearchGraph(contractGraph(graph), graph);
      const { data32, blockOf } = layout;
      for (let slot = 0; slot < graph.nodeCount; slot++) {
        const base = blockOf[slot];
        if (slot > 0) expect(base).toBeGreaterThan(blockOf[slot - 1]);
        expect(data32[2 * base + SLOT]).toBe(slot);
        const total = data32[2 * base + TOTAL];
        const heads = 2 * (base + HEADER + total);
        for (let k = 0; k < total; k++) expect(data32[heads + k], `graph ${i} slot ${slot} arc ${k}`).toBeGreaterThan(base);
      }
    }
  });

  it('sorts each block’s up arcs and its down arcs by weight, ascending (the searches stop at the first arc too heavy)', () => {
    const random = mulberry32(2020);
    let multiArc = 0;
    for (let i = 0; i < 40; i++) {
      const graph = randomRoutingGraph(random);
      const { data, data32, blockOf } = buildCHSearchGraph(contractGraph(graph), graph);
      for (let slot = 0; slot < graph.nodeCount; slot++) {
        const base = blockOf[slot];
        const ups = data32[2 * base + UPS];
        const total = data32[2 * base + TOTAL];
        if (ups > 1 || total - ups > 1) multiArc++;
        for (let k = 1; k < total; k++) {
          if (k === ups) continue; // the down arcs start again
          expect(data[base + HEADER + k], `graph ${i} slot ${slot} arc ${k}`).toBeGreaterThanOrEqual(data[base + HEADER + k - 1]);
        }
      }
    }
    expect(multiArc).toBeGreaterThan(100);
  });

  it('keeps each original edge’s weight, head and id together in its leaf record', () => {
    const graph = randomRoutingGraph(mulberry32(1818), 40);
    const ch = contractGraph(graph);
    const { leafWeight, leafInt, halves } = buildCHSearchGraph(ch, graph);
    const leaves = leafWeight.length / 2;
    const seen = new Set<number>();
    for (let l = 0; l < leaves; l++) {
      const e = leafInt[4 * l + 3];
      expect(seen.has(e), `edge ${e} has one leaf`).toBe(false);
      seen.add(e);
      expect(leafWeight[2 * l]).toBe(graph.weight[e]);
      expect(leafInt[4 * l + 2]).toBe(graph.head[e]);
    }
    // The shortcuts' halves name the same arcs as the hierarchy's, originals by leaf.
    expect(Array.from(halves, (a) => (a < graph.edgeCount ? leafInt[4 * a + 3] : a))).toEqual(Array.from(ch.shortcutHalves));
  });

  //   0 --1-- 1 --1-- 2 --1-- 3 --1-- 4      a path of five nodes, two-way, weight 1
  it('routes end to end along a five-node path, both ways', () => {
    const from = [0, 1, 1, 2, 2, 3, 3, 4];
    const to = [1, 0, 2, 1, 3, 2, 4, 3];
    const graph = buildRoutingGraph({ nodeCount: 5, from, to, weight: from.map(() => 1) });
    const query = new ContractionHierarchyQuery(graph, contractGraph(graph));
    expect(query.route(0, 4)).toMatchObject({ found: true, cost: 4, nodes: [0, 1, 2, 3, 4] });
    expect(query.route(4, 0)).toMatchObject({ found: true, cost: 4, nodes: [4, 3, 2, 1, 0] });
    expect(query.route(1, 3)).toMatchObject({ found: true, cost: 2, nodes: [1, 2, 3] });
  });

  it('answers queries exactly across a generation reset of the search stamps', () => {
    const graph: RoutingGraph = randomRoutingGraph(mulberry32(1919), 25);
    const query = new ContractionHierarchyQuery(graph, contractGraph(graph));
    const expected = referenceDistances(graph, 0);
    // Jump the generation counter to just before its reset.
    (query as unknown as { generation: number }).generation = 0x7fffffff - 3;
    for (let round = 0; round < 3; round++) {
      for (let t = 0; t < graph.nodeCount; t++) {
        const result = query.route(0, t);
        expect(result.cost, `round ${round}: 0->${t}`).toBe(expected[t]);
        if (result.found && t !== 0) expectValidPath(graph, 0, t, result);
      }
    }
    const { data32, blockOf } = (query as unknown as { layout: CHSearchGraph }).layout;
    const generation = (query as unknown as { generation: number }).generation;
    expect(generation).toBeLessThan(1000);
    for (const base of blockOf) {
      expect(data32[2 * base + GEN_F]).toBeLessThanOrEqual(generation);
      expect(data32[2 * base + GEN_B]).toBeLessThanOrEqual(generation);
    }
  });
});
